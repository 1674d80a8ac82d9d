// A framework's page data: read in plain SQL and kept per state of the database, day, framework and visibility scope.
// Inside a request of the server it is the same object until an audited write, and always equal to a fresh read
// (outside a request it is computed every time); its framework and areas agree with Prisma's reading of the rows.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import type { Actor } from "~/lib/permissions";
import {
  getFrameworkPage,
  getFrameworksPage,
  getFrameworkView,
  listFrameworkSummaries,
} from "~/models/framework.server";
import { SEED_TODAY } from "../../prisma/seed";
import { createRating } from "../helpers/factories";
import { seedDemoActors } from "../helpers/demo-actors";
import { insideServerRequest } from "../helpers/request";

const TODAY = new Date(`${SEED_TODAY}T12:00:00Z`);
const actors: Record<string, Actor> = {};
let frameworkId = "";

beforeAll(async () => {
  Object.assign(actors, await seedDemoActors());
  frameworkId = (await db.framework.findUniqueOrThrow({ where: { code: "CPF-2020-2025" } })).id;
}, 60_000);

const kept = (actor: Actor, id = frameworkId) =>
  insideServerRequest(() => getFrameworkView({ actor, frameworkId: id, today: TODAY }));
const fresh = (actor: Actor, id = frameworkId) => getFrameworkView({ actor, frameworkId: id, today: TODAY });

describe("framework view", () => {
  it("reads the framework and its areas as Prisma does, in the areas' order", async () => {
    const view = await fresh(actors.admin);
    const row = await db.framework.findUniqueOrThrow({
      where: { id: frameworkId },
      include: { priorityAreas: { orderBy: [{ sortOrder: "asc" }, { code: "asc" }] } },
    });
    expect(view?.framework).toMatchObject({
      id: row.id,
      code: row.code,
      name: row.name,
      nameRu: row.nameRu,
      nameKk: row.nameKk,
      description: row.description,
      startDate: row.startDate.toISOString(),
      endDate: row.endDate.toISOString(),
      annualEnvelopeCents: Number(row.annualEnvelopeMinor),
    });
    expect(view?.areas.map((a) => [a.id, a.code, a.name, a.nameRu, a.nameKk, a.description])).toEqual(
      row.priorityAreas.map((a) => [a.id, a.code, a.name, a.nameRu, a.nameKk, a.description]),
    );
    expect(await kept(actors.admin, "missing")).toBeNull();
  });

  it("is the same until an audited write, per visibility scope, and equal to a fresh read", async () => {
    const first = await kept(actors.wbManager);
    expect(await kept(actors.wbManager)).toBe(first);
    expect(first).toEqual(await fresh(actors.wbManager));
    // Other scopes are other entries, each equal to its own fresh read.
    for (const key of ["transportOfficer", "ifcManager", "admin"]) {
      expect(await kept(actors[key])).toEqual(await fresh(actors[key]));
    }
    expect(await kept(actors.transportOfficer)).not.toEqual(first);

    const project = await db.project.findFirstOrThrow({
      where: { archivedAt: null, institution: "WB", status: "ACTIVE", priorityArea: { frameworkId } },
      orderBy: { code: "asc" },
    });
    const manager = await db.user.findFirstOrThrow({ where: { role: "MANAGER" } });
    await createRating(project.id, manager.id, { ratedOn: TODAY, pdoRating: "HU", ipRating: "HU", riskRating: "H" });
    const after = await kept(actors.wbManager);
    expect(after).not.toBe(first);
    expect(after).toEqual(await fresh(actors.wbManager));
    const area = after?.areas.find((a) => a.projects.some((p) => p.id === project.id));
    expect(area?.projects.find((p) => p.id === project.id)?.colour).toBe("RED");
  });

  it("sends each name in the reader's language only", async () => {
    const view = await fresh(actors.admin);
    const page = await getFrameworkPage({ actor: actors.admin, frameworkId, locale: "ru", today: TODAY });
    expect(page?.framework).not.toHaveProperty("nameRu");
    expect(page?.framework.name).toBe(view?.framework.nameRu);
    expect(page?.areas.map((a) => a.name)).toEqual(view?.areas.map((a) => a.nameRu ?? a.name));
    expect(page?.areas.every((a) => !("nameRu" in a) && !("nameKk" in a))).toBe(true);
    // Everything else is the view's own.
    expect(page?.areas.map((a) => a.projects)).toEqual(view?.areas.map((a) => a.projects));
    const english = await getFrameworkPage({ actor: actors.admin, frameworkId, locale: "en", today: TODAY });
    expect(english?.framework.name).toBe(view?.framework.name);
    expect(await getFrameworkPage({ actor: actors.admin, frameworkId: "missing", locale: "en" })).toBeNull();
  });

  it("lists the frameworks as Prisma reads them, kept per state and scope, names in the reader's language", async () => {
    const rows = await db.framework.findMany({
      orderBy: { startDate: "desc" },
      include: { _count: { select: { priorityAreas: true } } },
    });
    const summaries = await listFrameworkSummaries({ actor: actors.admin, today: TODAY });
    expect(summaries.map((f) => [f.id, f.code, f.name, f.nameRu, f.nameKk, f.startDate, f.areaCount])).toEqual(
      rows.map((f) => [f.id, f.code, f.name, f.nameRu, f.nameKk, f.startDate.toISOString(), f._count.priorityAreas]),
    );
    const list = (actor: Actor) => insideServerRequest(() => listFrameworkSummaries({ actor, today: TODAY }));
    const first = await list(actors.wbManager);
    expect(await list(actors.wbManager)).toBe(first);
    expect(first).toEqual(await listFrameworkSummaries({ actor: actors.wbManager, today: TODAY }));
    expect(await list(actors.transportOfficer)).toEqual(
      await listFrameworkSummaries({ actor: actors.transportOfficer, today: TODAY }),
    );
    // Each framework counts the visible projects under its areas.
    for (const f of await list(actors.transportOfficer)) {
      const visible = (await fresh(actors.transportOfficer, f.id))?.areas ?? [];
      expect(f.projectCount).toBe(visible.reduce((sum, a) => sum + a.projectTotal, 0));
    }
    const kazakh = await getFrameworksPage({ actor: actors.admin, locale: "kk", today: TODAY });
    expect(kazakh.map((f) => f.name)).toEqual(rows.map((f) => f.nameKk ?? f.name));
    expect(kazakh.every((f) => !("nameRu" in f) && !("nameKk" in f))).toBe(true);
  });
});
