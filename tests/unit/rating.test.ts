// Ratings: validation (required justification, no future date, the scales), who may record one, and the audit event.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "~/lib/db.server";
import { listRatings } from "~/models/rating.server";
import * as ratingsRoute from "~/routes/projects.$projectId.ratings";
import { todayIsoDay } from "~/lib/dates";
import { latestRatingDay, RatingSchema } from "~/schemas/rating";
import type { Project } from "~/generated/prisma/client";
import { createActor, createProject } from "../helpers/factories";
import { auditCount, call, type Demo } from "../helpers/project-kit";

let wbManager: Demo;
let wbOfficer: Demo;
let admin: Demo;
let ifcManager: Demo;
/** A World Bank project: in the WB staff's scope, out of IFC's. */
let project: Project;

beforeAll(async () => {
  wbManager = await createActor("MANAGER", { orgKind: "WORLD_BANK" });
  wbOfficer = await createActor("OFFICER", { orgKind: "WORLD_BANK" });
  admin = await createActor("ADMIN", { orgKind: "WORLD_BANK" });
  ifcManager = await createActor("MANAGER", { orgKind: "IFC" });
  project = await createProject({ institution: "WB" });
  // Dozens of audited writes: generous for a machine busy with other work.
}, 60_000);

const valid = {
  ratedOn: "2026-11-20",
  pdoRating: "MS",
  ipRating: "MU",
  riskRating: "S",
  justification: "Civil works on lot 2 stalled for four months; the contractor's cash flow is the issue.",
};

const record = (user: Demo, projectId: string, form: Record<string, string>) =>
  call(ratingsRoute.action, { user, path: `/projects/${projectId}/ratings`, params: { projectId }, form });

describe("the rating schema", () => {
  it("requires a justification of minimum length, a date not in the future and values on the scales", () => {
    expect(RatingSchema.safeParse(valid).success).toBe(true);
    const issues = (input: object) =>
      RatingSchema.safeParse({ ...valid, ...input }).error?.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    expect(issues({ justification: "Too short." })).toEqual([
      "justification:projects.ratings.errors.justificationTooShort",
    ]);
    expect(issues({ justification: "   " + "x".repeat(10) + "   " })).toEqual([
      "justification:projects.ratings.errors.justificationTooShort",
    ]);
    const dayAfterTomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    expect(issues({ ratedOn: dayAfterTomorrow })).toEqual(["ratedOn:projects.ratings.errors.future"]);
    expect(RatingSchema.safeParse({ ...valid, ratedOn: todayIsoDay() }).success).toBe(true);
    expect(issues({ ratedOn: "2026-13-01" })?.[0]).toBe("ratedOn:projects.errors.dateInvalid");
    expect(issues({ pdoRating: "A" })).toEqual(["pdoRating:projects.ratings.errors.ratingRequired"]);
    expect(issues({ riskRating: "HS" })).toEqual(["riskRating:projects.ratings.errors.riskRequired"]);
  });
});

describe("today in Kazakhstan (UTC+5) is already tomorrow in UTC between 00:00 and 05:00 local", () => {
  const at = (instant: string, ratedOn: string) => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(instant));
    try {
      return RatingSchema.safeParse({ ...valid, ratedOn }).success;
    } finally {
      vi.useRealTimers();
    }
  };

  it("a rating dated the local today is accepted at 01:30 in Astana (20:30 UTC the day before)", () => {
    expect(at("2026-11-26T20:30:00Z", "2026-11-27")).toBe(true);
    expect(at("2026-11-26T23:59:59Z", "2026-11-27")).toBe(true);
    expect(at("2026-11-26T00:00:00Z", "2026-11-27")).toBe(true);
  });

  it("the UTC day after tomorrow is still the future", () => {
    expect(at("2026-11-26T20:30:00Z", "2026-11-28")).toBe(false);
    expect(at("2026-11-26T23:59:59Z", "2026-11-28")).toBe(false);
    expect(at("2026-11-27T00:00:00Z", "2026-11-28")).toBe(true);
    expect(latestRatingDay(new Date("2026-12-31T22:00:00Z"))).toBe("2027-01-01");
  });
});

describe("recording a rating (/projects/:id/ratings)", () => {
  it("invalid input is 400 with field errors, and nothing is written or audited", async () => {
    const before = { ratings: await db.rating.count(), events: await auditCount() };
    const result = await record(wbManager, project.id, { ...valid, justification: "", ratedOn: "2099-01-01" });
    expect(result.status).toBe(400);
    expect((result.data as { fieldErrors: Record<string, string> }).fieldErrors).toMatchObject({
      justification: "projects.ratings.errors.justificationTooShort",
      ratedOn: "projects.ratings.errors.future",
    });
    expect(await db.rating.count()).toBe(before.ratings);
    expect(await auditCount()).toBe(before.events);
  });

  it("only managers in scope record ratings: officer and admin 403, out of scope 404", async () => {
    expect((await record(wbOfficer, project.id, valid)).status).toBe(403);
    expect((await record(admin, project.id, valid)).status).toBe(403);
    expect((await record(ifcManager, project.id, valid)).status).toBe(404);
  });

  it("a manager records one: it tops the history, with the author, and is audited", async () => {
    const events = await auditCount();
    const result = await record(wbManager, project.id, valid);
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/projects/${project.id}/ratings`);
    const [latest] = await listRatings({ projectId: project.id });
    expect(latest).toMatchObject({
      ratedOn: "2026-11-20T00:00:00.000Z",
      pdoRating: "MS",
      ipRating: "MU",
      riskRating: "S",
      author: wbManager.name,
    });
    const event = await db.auditEvent.findFirstOrThrow({ where: { seq: { gt: events } } });
    expect(event).toMatchObject({
      action: "rating.record",
      entityType: "Rating",
      entityId: latest.id,
      projectId: project.id,
      actorId: wbManager.id,
    });

    const loaded = await call(ratingsRoute.loader, {
      user: wbOfficer,
      path: `/projects/${project.id}/ratings`,
      params: { projectId: project.id },
    });
    const data = loaded.data as Awaited<ReturnType<typeof ratingsRoute.loader>>;
    expect(data.canRecord).toBe(false);
    expect(data.ratings[0].id).toBe(latest.id);
  });
});
