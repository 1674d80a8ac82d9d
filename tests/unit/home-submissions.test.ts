// The officer's own submissions on the home page: returned work until it is corrected, pending work until it is
// reviewed, only on projects the officer can still see.
import { beforeAll, describe, expect, it } from "vitest";
import type { User } from "~/generated/prisma/client";
import { listOwnSubmissions } from "~/models/home-submissions.server";
import { getHomeData } from "~/models/home.server";
import {
  addMember,
  createIndicator,
  createIndicatorValue,
  createMilestone,
  createMilestoneUpdate,
  createOrganization,
  createProject,
  createUser,
  day,
} from "../helpers/factories";

let officer: User;
let reviewer: User;
let projectId: string;
const actorOf = (user: User) => ({ ...user, role: user.role, organizationKind: "WORLD_BANK" as const });

beforeAll(async () => {
  const worldBank = await createOrganization({ kind: "WORLD_BANK" });
  officer = await createUser({ role: "OFFICER", organizationId: worldBank.id });
  reviewer = await createUser({ role: "MANAGER", organizationId: worldBank.id, name: "Aliya Reviewer" });
  projectId = (await createProject({ institution: "WB" })).id;
});

describe("the officer's own submissions", () => {
  it("lists a returned update with the reviewer's comment until a newer update on its milestone exists", async () => {
    const milestone = await createMilestone(projectId, { title: "Design approved" });
    const returned = await createMilestoneUpdate(milestone.id, officer.id, {
      reviewState: "RETURNED",
      reviewerId: reviewer.id,
      reviewComment: "Attach the signed minutes.",
      submittedAt: day("2026-01-10"),
      reviewedAt: day("2026-01-12"),
    });
    let mine = await listOwnSubmissions(actorOf(officer));
    const shown = mine.returned.find((s) => s.id === returned.id);
    expect(shown).toMatchObject({
      kind: "milestoneUpdate",
      state: "RETURNED",
      title: "Design approved",
      href: `/projects/${projectId}/milestones/${milestone.id}`,
      reviewerName: "Aliya Reviewer",
      comment: "Attach the signed minutes.",
      submittedAt: day("2026-01-10").toISOString(),
      reviewedAt: day("2026-01-12").toISOString(),
    });
    const corrected = await createMilestoneUpdate(milestone.id, officer.id, { submittedAt: day("2026-01-15") });
    mine = await listOwnSubmissions(actorOf(officer));
    expect(mine.returned.map((s) => s.id)).not.toContain(returned.id);
    expect(mine.pending.map((s) => s.id)).toContain(corrected.id);
  });

  it("lists a returned value (opening the correction form) until a newer value for the same period exists", async () => {
    const indicator = await createIndicator(projectId, { name: "Households connected" });
    const returned = await createIndicatorValue(indicator.id, officer.id, {
      state: "RETURNED",
      verifierId: reviewer.id,
      reviewComment: "The figure is cumulative.",
      submittedAt: day("2026-02-01"),
      reviewedAt: day("2026-02-03"),
    });
    // A newer value for another period does not settle it.
    const other = await createIndicatorValue(indicator.id, officer.id, {
      periodStart: day("2024-01-01"),
      periodEnd: day("2024-12-31"),
      submittedAt: day("2026-02-05"),
    });
    let mine = await listOwnSubmissions(actorOf(officer));
    expect(mine.returned.find((s) => s.id === returned.id)).toMatchObject({
      kind: "indicatorValue",
      title: "Households connected",
      href: `/projects/${projectId}/indicators/${indicator.id}?correct=${returned.id}#report`,
      reviewerName: "Aliya Reviewer",
      comment: "The figure is cumulative.",
    });
    expect(mine.pending.find((s) => s.id === other.id)?.href).toBe(`/projects/${projectId}/indicators/${indicator.id}`);
    await createIndicatorValue(indicator.id, officer.id, { submittedAt: day("2026-02-06") });
    mine = await listOwnSubmissions(actorOf(officer));
    expect(mine.returned.map((s) => s.id)).not.toContain(returned.id);
    // Pending work comes oldest first.
    const times = mine.pending.map((s) => s.submittedAt);
    expect(times).toEqual([...times].sort());
  });

  it("leaves out submissions on projects the officer cannot see or that are archived", async () => {
    const ifcProject = await createProject({ institution: "IFC" });
    const archived = await createProject({ institution: "WB", archivedAt: new Date() });
    const hidden = await Promise.all(
      [ifcProject.id, archived.id].map(async (id) => createMilestoneUpdate((await createMilestone(id)).id, officer.id)),
    );
    const mine = await listOwnSubmissions(actorOf(officer));
    const ids = [...mine.pending, ...mine.returned].map((s) => s.id);
    for (const update of hidden) expect(ids).not.toContain(update.id);
  });
});

describe("the officer's milestones due", () => {
  it("lists open milestones due within 30 days or late that the officer owns or, unowned, answers for as a member", async () => {
    const today = day("2026-06-01");
    const other = await createUser({ role: "OFFICER", organizationId: officer.organizationId });
    const mineOwned = await createMilestone(projectId, { ownerId: officer.id, baselineDueDate: day("2026-05-20") });
    const unownedNotMember = await createMilestone(projectId, { baselineDueDate: day("2026-06-10") });
    const ownedByOther = await createMilestone(projectId, { ownerId: other.id, baselineDueDate: day("2026-06-10") });
    const later = await createMilestone(projectId, { ownerId: officer.id, baselineDueDate: day("2026-08-01") });
    const done = await createMilestone(projectId, {
      ownerId: officer.id,
      baselineDueDate: day("2026-06-05"),
      status: "COMPLETED",
    });
    const home = await getHomeData({ actor: actorOf(officer), today });
    const due = home.officer?.due ?? [];
    expect(due.find((m) => m.id === mineOwned.id)).toMatchObject({
      overdue: true,
      projectId,
      dueDate: day("2026-05-20").toISOString(),
      status: "NOT_STARTED",
    });
    for (const m of [unownedNotMember, ownedByOther, later, done]) expect(due.map((d) => d.id)).not.toContain(m.id);
    // As a member of the project, the unowned milestone is the officer's too.
    await addMember(projectId, officer.id);
    const after = await getHomeData({ actor: actorOf(officer), today });
    expect(after.officer?.due.map((d) => d.id)).toContain(unownedNotMember.id);
    expect(after.officer?.projects.map((p) => p.id)).toContain(projectId);
    const dates = after.officer?.due.map((d) => d.dueDate) ?? [];
    expect(dates).toEqual([...dates].sort());
  });
});

describe("the manager's projects at risk", () => {
  it("shows the ten most severe with at most two reasons each, and where the rest are on the board", async () => {
    const worldBank = await createOrganization({ kind: "WORLD_BANK" });
    const manager = await createUser({ role: "MANAGER", organizationId: worldBank.id });
    const today = day("2026-06-01");
    // Twelve projects past their closing date with a milestone long overdue: red, for two reasons each.
    for (let i = 0; i < 12; i += 1) {
      const project = await createProject({ institution: "WB", closingOriginalDate: day("2026-01-31") });
      await createMilestone(project.id, { baselineDueDate: day("2025-06-01") });
    }
    const panel = (await getHomeData({ actor: actorOf(manager), today })).manager?.atRisk;
    expect(panel?.items).toHaveLength(10);
    expect(panel?.total).toBeGreaterThanOrEqual(12);
    expect(panel?.moreColour).toBe("RED");
    for (const item of panel?.items ?? []) {
      expect(item.colour).toBe("RED");
      expect(item.reasons.length).toBeLessThanOrEqual(2);
      expect(item.moreReasons).toBeGreaterThanOrEqual(0);
      expect(Object.keys(item).sort()).toEqual(["code", "colour", "id", "moreReasons", "name", "reasons"]);
    }
  });
});
