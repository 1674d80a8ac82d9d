// The board's colour travels with the project: for every demo project the project page (header and printable
// report read `getProjectStatus`) shows exactly the colour and reasons the status board shows.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { STATUS_COLOURS } from "~/lib/status-rules";
import { getStatusBoard } from "~/models/board.server";
import { getProjectStatus } from "~/models/project/status.server";
import { SEED_TODAY, seedDatabase } from "../../prisma/seed";
import { insideServerRequest } from "../helpers/request";

const TODAY = new Date(`${SEED_TODAY}T12:00:00Z`);

beforeAll(async () => {
  await seedDatabase(db);
}, 60_000);

describe("board and project page agree", () => {
  it("every demo project has the board's colour and reasons on its own page", async () => {
    const admin = await db.user.findFirstOrThrow({ where: { role: "ADMIN" }, include: { organization: true } });
    const board = await getStatusBoard({
      actor: {
        id: admin.id,
        role: admin.role,
        organizationId: admin.organizationId,
        organizationKind: admin.organization.kind,
      },
      today: TODAY,
    });
    const onBoard = STATUS_COLOURS.flatMap((colour) => board[colour]);
    const visible = await db.project.count({ where: { archivedAt: null } });
    expect(onBoard).toHaveLength(visible);
    // The demo portfolio has every colour, so the comparison is not vacuous.
    for (const colour of STATUS_COLOURS) expect(board[colour].length).toBeGreaterThan(0);
    for (const project of onBoard) {
      const own = await getProjectStatus(project.id, TODAY);
      expect({ code: project.code, ...own }).toEqual({
        code: project.code,
        colour: project.colour,
        reasons: project.reasons,
      });
    }
  });

  it("an unknown project has no status", async () => {
    expect(await getProjectStatus("no-such-project", TODAY)).toBeNull();
  });
});

describe("the project's heading", () => {
  it("is read once per state of the audit chain: an audited write shows on the next request", async () => {
    const { getProjectHeading } = await import("~/models/project/status.server");
    const { createRating } = await import("../helpers/factories");
    const project = await db.project.findFirstOrThrow({ where: { archivedAt: null }, orderBy: { code: "asc" } });
    const first = await insideServerRequest(() => getProjectHeading(project.id, TODAY));
    expect(first.board).toEqual(await getProjectStatus(project.id, TODAY));
    expect(first.project.code).toBe(project.code);
    expect(await insideServerRequest(() => getProjectHeading(project.id, TODAY))).toBe(first);
    const manager = await db.user.findFirstOrThrow({ where: { role: "MANAGER" } });
    await createRating(project.id, manager.id, {
      ratedOn: TODAY,
      pdoRating: "HU",
      ipRating: "HU",
      riskRating: "H",
    });
    const after = await insideServerRequest(() => getProjectHeading(project.id, TODAY));
    expect(after).not.toBe(first);
    expect(after.board).toEqual(await getProjectStatus(project.id, TODAY));
    await expect(insideServerRequest(() => getProjectHeading("no-such-project", TODAY))).rejects.toThrow();
  });
});
