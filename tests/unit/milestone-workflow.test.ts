// Milestones through their route actions, as the browser posts them: creating and editing (managers), submitting and
// resubmitting updates (team members), with validation (400, nothing written or audited), scope (403/404, no IDOR),
// one pending update per author, and optimistic concurrency.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { listMilestoneUpdates } from "~/models/milestone-update.server";
import * as listRoute from "~/routes/projects.$projectId.milestones._index";
import * as milestoneRoute from "~/routes/projects.$projectId.milestones.$milestoneId";
import * as reviewsRoute from "~/routes/reviews";
import { addMember, createActor, createMilestone, createOrganization, createProject, day } from "../helpers/factories";
import {
  eventsAfter,
  fieldErrors,
  formError,
  answerOf,
  lastSeq,
  milestoneOf,
  projectByCode,
  run,
  snapshotCounts,
  type Demo,
} from "../helpers/review-kit";

let wbManager: Demo;
let wbOfficer: Demo;
let transportOfficer: Demo;
let ifcOfficer: Demo;
let auditor: Demo;

const LOTS = "Civil works contracts for lots 3–4 signed"; // P500565, NOT_STARTED, due 2027-03-31, no pending update

/**
 * P500565, a WB road project of the transport ministry with the WB manager, the WB officer and the transport officer
 * on its team and three milestones; P128050, another of its projects, with the two officers on its team; P170365, a
 * cancelled WB project led by the WB manager alone; IFC-RE-ADVISORY, an IFC project.
 */
async function buildProjects() {
  const transport = await createOrganization({ kind: "MINISTRY" });
  wbManager = await createActor("MANAGER", { orgKind: "WORLD_BANK" });
  wbOfficer = await createActor("OFFICER", { orgKind: "WORLD_BANK" });
  transportOfficer = await createActor("OFFICER", { organizationId: transport.id });
  ifcOfficer = await createActor("OFFICER", { orgKind: "IFC" });
  auditor = await createActor("AUDITOR", { orgKind: "WORLD_BANK" });

  const trace = await createProject({ code: "P500565", implementingAgencyId: transport.id });
  const { priorityAreaId } = trace;
  await addMember(trace.id, wbManager.id, "TASK_TEAM_LEADER");
  await addMember(trace.id, wbOfficer.id, "PROJECT_OFFICER");
  await addMember(trace.id, transportOfficer.id, "FOCAL_POINT");
  const owner = transportOfficer.id;
  await createMilestone(trace.id, {
    title: "Detailed design of lots 3–4 approved",
    baselineDueDate: day("2026-09-30"),
    status: "DELAYED",
    percentComplete: 80,
    ownerId: owner,
  });
  await createMilestone(trace.id, { title: LOTS, baselineDueDate: day("2027-03-31"), ownerId: owner });
  await createMilestone(trace.id, {
    title: "First 100 km reconstructed and open to traffic",
    baselineDueDate: day("2028-06-30"),
    ownerId: owner,
  });

  const eastWest = await createProject({ code: "P128050", implementingAgencyId: transport.id, priorityAreaId });
  await addMember(eastWest.id, wbOfficer.id, "PROJECT_OFFICER");
  await addMember(eastWest.id, transportOfficer.id, "FOCAL_POINT");
  await createMilestone(eastWest.id, {
    title: "Final acceptance certificates and completion report",
    baselineDueDate: day("2024-12-31"),
    status: "COMPLETED",
    percentComplete: 100,
    completedOn: day("2024-12-20"),
  });

  const cancelled = await createProject({ code: "P170365", status: "CANCELLED", priorityAreaId });
  await addMember(cancelled.id, wbManager.id, "TASK_TEAM_LEADER");
  await createMilestone(cancelled.id, { baselineDueDate: day("2021-09-30"), status: "CANCELLED" });

  const ifc = await createProject({ code: "IFC-RE-ADVISORY", institution: "IFC", priorityAreaId });
  await createMilestone(ifc.id);
}

beforeAll(async () => {
  await buildProjects();
  // Dozens of audited writes: generous for a machine busy with other work.
}, 60_000);

function onMilestone(user: Demo, projectId: string, milestoneId: string, form?: Record<string, string | string[]>) {
  return run(form ? milestoneRoute.action : milestoneRoute.loader, {
    user,
    path: `/projects/${projectId}/milestones/${milestoneId}`,
    params: { projectId, milestoneId },
    form,
  });
}

const validUpdate = {
  intent: "submitUpdate",
  proposedStatus: "IN_PROGRESS",
  proposedPercent: "25",
  proposedDueDate: "",
  dueDateReason: "",
  narrative: "Bids opened for both lots.",
  evidenceLinks: "https://files.example.kz/bids.pdf",
};

describe("submitting an update", () => {
  it("invalid input is a 400 with field errors and writes nothing (no row, no audit event)", async () => {
    const m = await milestoneOf("P500565", LOTS);
    const before = await snapshotCounts();
    const cases: Array<[Record<string, string>, Record<string, string>]> = [
      [{ proposedDueDate: "2027-06-30" }, { dueDateReason: "workflow.errors.slipReasonRequired" }],
      [{ evidenceLinks: "javascript:alert(1)" }, { evidenceLinks: "workflow.errors.evidenceUrl" }],
      [{ proposedPercent: "140" }, { proposedPercent: "workflow.errors.percentRange" }],
    ];
    for (const [change, errors] of cases) {
      const r = await onMilestone(wbOfficer, m.projectId, m.id, { ...validUpdate, ...change });
      expect(r.status, JSON.stringify(change)).toBe(400);
      expect(fieldErrors(r)).toEqual(errors);
    }
    expect(await snapshotCounts()).toEqual(before);
  });

  it("an officer who is not on the project's team is refused (403); out of scope is 404; nothing written", async () => {
    const cancelled = await projectByCode("P170365"); // WB project, wb.officer not a member
    const m = await db.milestone.findFirstOrThrow({ where: { projectId: cancelled.id } });
    const ifcProject = await projectByCode("IFC-RE-ADVISORY");
    const ifcMilestone = await db.milestone.findFirstOrThrow({ where: { projectId: ifcProject.id } });
    const before = await snapshotCounts();
    expect((await onMilestone(wbOfficer, cancelled.id, m.id, validUpdate)).status).toBe(403);
    expect((await onMilestone(auditor, cancelled.id, m.id, validUpdate)).status).toBe(403);
    expect((await onMilestone(wbOfficer, ifcProject.id, ifcMilestone.id, validUpdate)).status).toBe(404);
    expect(await snapshotCounts()).toEqual(before);
  });

  it("a milestone id from another project is not found (404), even for a member of both", async () => {
    const trace = await projectByCode("P500565");
    const eastWest = await milestoneOf("P128050", "Final acceptance certificates and completion report");
    const before = await snapshotCounts();
    expect((await onMilestone(wbOfficer, trace.id, eastWest.id, validUpdate)).status).toBe(404);
    expect((await onMilestone(wbOfficer, trace.id, eastWest.id)).status).toBe(404);
    expect((await onMilestone(wbManager, trace.id, eastWest.id, { intent: "edit" })).status).toBe(404);
    expect(await snapshotCounts()).toEqual(before);
  });

  it("a member submits: SUBMITTED row and one audit event; a second pending update by the same author is refused (409)", async () => {
    const m = await milestoneOf("P500565", LOTS);
    const seq = await lastSeq();
    const r = await onMilestone(wbOfficer, m.projectId, m.id, validUpdate);
    expect(r.status).toBe(302);
    const row = await db.milestoneUpdate.findFirstOrThrow({
      where: { milestoneId: m.id, authorId: wbOfficer.id, reviewState: "SUBMITTED" },
    });
    expect(row).toMatchObject({
      proposedStatus: "IN_PROGRESS",
      proposedPercent: 25,
      evidenceLinks: JSON.stringify(["https://files.example.kz/bids.pdf"]),
    });
    const events = await eventsAfter(seq);
    expect(events.map((e) => [e.action, e.entityId, e.actorId])).toEqual([
      ["milestoneUpdate.submit", row.id, wbOfficer.id],
    ]);
    // The milestone itself does not change before a manager approves.
    expect(await db.milestone.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({
      status: "NOT_STARTED",
      percentComplete: 0,
      version: m.version,
    });

    const before = await snapshotCounts();
    const again = await onMilestone(wbOfficer, m.projectId, m.id, validUpdate);
    expect(again.status).toBe(409);
    expect(formError(again)).toBe("workflow.errors.pendingExists");
    expect(await snapshotCounts()).toEqual(before);
    // Another member may still submit their own.
    expect((await onMilestone(transportOfficer, m.projectId, m.id, validUpdate)).status).toBe(302);
  });
});

describe("return and resubmission", () => {
  it("the author sees the comment, corrects and resubmits the same update; the history keeps every step", async () => {
    const m = await milestoneOf("P500565", "First 100 km reconstructed and open to traffic");
    await onMilestone(wbOfficer, m.projectId, m.id, {
      ...validUpdate,
      proposedPercent: "5",
      proposedDueDate: "2028-09-30",
      dueDateReason: "Late design",
    });
    const update = await db.milestoneUpdate.findFirstOrThrow({ where: { milestoneId: m.id, authorId: wbOfficer.id } });

    const returned = await run(reviewsRoute.action, {
      user: wbManager,
      path: "/reviews",
      form: {
        intent: "return",
        kind: "milestoneUpdate",
        id: update.id,
        version: String(update.version),
        comment: "Attach the revised work plan.",
      },
    });
    expect(returned.status).toBe(302);

    const page = await onMilestone(wbOfficer, m.projectId, m.id);
    const loaderData = page.data as {
      myReturned: { id: string; reviewComment: string; version: number } | null;
      myPending: boolean;
    };
    expect(loaderData.myReturned).toMatchObject({ id: update.id, reviewComment: "Attach the revised work plan." });
    expect(loaderData.myPending).toBe(false);

    // Someone else cannot resubmit it (403), and nothing changes.
    const before = await snapshotCounts();
    const resubmitForm = {
      ...validUpdate,
      intent: "resubmit",
      updateId: update.id,
      version: String(loaderData.myReturned!.version),
      proposedPercent: "5",
      proposedDueDate: "2028-09-30",
      dueDateReason: "Late design",
      evidenceLinks: "https://files.example.kz/work-plan-rev2.pdf",
    };
    expect((await onMilestone(transportOfficer, m.projectId, m.id, resubmitForm)).status).toBe(403);
    // Validation still applies to a resubmission.
    expect((await onMilestone(wbOfficer, m.projectId, m.id, { ...resubmitForm, dueDateReason: "" })).status).toBe(400);
    expect(await snapshotCounts()).toEqual(before);

    const resubmitted = await onMilestone(wbOfficer, m.projectId, m.id, resubmitForm);
    expect(resubmitted.status).toBe(302);
    const row = await db.milestoneUpdate.findUniqueOrThrow({ where: { id: update.id } });
    expect(row).toMatchObject({
      reviewState: "SUBMITTED",
      version: update.version + 2,
      evidenceLinks: JSON.stringify(["https://files.example.kz/work-plan-rev2.pdf"]),
    });
    expect(await db.milestoneUpdate.count({ where: { milestoneId: m.id, authorId: wbOfficer.id } })).toBe(1);

    // The same stale form again: the update is no longer RETURNED at that version → 409.
    expect((await onMilestone(wbOfficer, m.projectId, m.id, resubmitForm)).status).toBe(409);

    const approved = await run(reviewsRoute.action, {
      user: wbManager,
      path: "/reviews",
      form: { intent: "approve", kind: "milestoneUpdate", id: update.id, version: String(row.version), comment: "" },
    });
    expect(approved.status).toBe(302);
    const [history] = (await listMilestoneUpdates({ milestoneId: m.id })).filter((u) => u.id === update.id);
    expect(history.trail.map((s) => [s.action, s.actorName, s.comment])).toEqual([
      ["submitted", wbOfficer.name, null],
      ["returned", wbManager.name, "Attach the revised work plan."],
      ["resubmitted", wbOfficer.name, null],
      ["approved", wbManager.name, null],
    ]);
    expect(await db.milestone.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({
      percentComplete: 5,
      currentDueDate: new Date("2028-09-30T00:00:00Z"),
      baselineDueDate: m.baselineDueDate,
    });
  });
});

describe("managers create and edit milestones", () => {
  it("create: baseline becomes the current due date; the owner must be on the team; officers are refused", async () => {
    const project = await projectByCode("P500565");
    const path = `/projects/${project.id}/milestones`;
    const form = {
      intent: "create",
      title: "Weigh-in-motion stations installed",
      description: "",
      baselineDueDate: "2028-03-31",
      ownerId: ifcOfficer.id,
      status: "NOT_STARTED",
    };
    const before = await snapshotCounts();
    const notMember = await run(listRoute.action, { user: wbManager, path, params: { projectId: project.id }, form });
    expect(notMember.status).toBe(400);
    expect(fieldErrors(notMember)).toEqual({ ownerId: "workflow.errors.ownerNotMember" });
    expect(
      (
        await run(listRoute.action, {
          user: wbOfficer,
          path,
          params: { projectId: project.id },
          form: { ...form, ownerId: wbOfficer.id },
        })
      ).status,
    ).toBe(403);
    expect(await snapshotCounts()).toEqual(before);

    const seq = await lastSeq();
    const created = await run(listRoute.action, {
      user: wbManager,
      path,
      params: { projectId: project.id },
      form: { ...form, ownerId: wbOfficer.id },
    });
    expect(created.status).toBe(302);
    const row = await db.milestone.findFirstOrThrow({ where: { projectId: project.id, title: form.title } });
    expect(created.location).toBe(`/projects/${project.id}/milestones/${row.id}`);
    expect(row.baselineDueDate).toEqual(new Date("2028-03-31T00:00:00Z"));
    expect(row.currentDueDate).toEqual(row.baselineDueDate);
    expect((await eventsAfter(seq)).map((e) => e.action)).toEqual(["milestone.create"]);
  });

  it("edit: the baseline cannot move, the current date moves only with a reason (audited), stale versions get 409", async () => {
    const m = await milestoneOf("P500565", "Detailed design of lots 3–4 approved");
    const form = {
      intent: "edit",
      version: String(m.version),
      title: m.title,
      description: "Revised",
      ownerId: m.ownerId ?? "",
      status: "DELAYED",
      percentComplete: "85",
      currentDueDate: "2027-01-31",
      dueDateReason: "",
      baselineDueDate: "2030-01-01",
    };
    const before = await snapshotCounts();
    const noReason = await onMilestone(wbManager, m.projectId, m.id, form);
    expect(noReason.status).toBe(400);
    expect(fieldErrors(noReason)).toEqual({ dueDateReason: "workflow.errors.moveReasonRequired" });
    expect((await onMilestone(wbOfficer, m.projectId, m.id, { ...form, dueDateReason: "x" })).status).toBe(403);
    expect(await snapshotCounts()).toEqual(before);

    const seq = await lastSeq();
    const saved = await onMilestone(wbManager, m.projectId, m.id, {
      ...form,
      dueDateReason: "Design review added a geotechnical survey.",
    });
    expect(saved.status).toBe(302);
    const after = await db.milestone.findUniqueOrThrow({ where: { id: m.id } });
    expect(after).toMatchObject({
      baselineDueDate: m.baselineDueDate,
      currentDueDate: new Date("2027-01-31T00:00:00Z"),
      percentComplete: 85,
      version: m.version + 1,
    });
    const [event] = await eventsAfter(seq);
    expect(event).toMatchObject({
      action: "milestone.update",
      entityType: "Milestone",
      entityId: m.id,
      reason: "Design review added a geotechnical survey.",
    });
    expect(JSON.parse(event.before!)).toMatchObject({ currentDueDate: "2026-09-30" });
    expect(JSON.parse(event.after!)).toMatchObject({
      currentDueDate: "2027-01-31",
      baselineDueDate: JSON.parse(event.before!).baselineDueDate,
    });

    // The same (now stale) form: 409 with the record as it is now; nothing changes.
    const snapshot = await snapshotCounts();
    const stale = await onMilestone(wbManager, m.projectId, m.id, {
      ...form,
      title: "Overwritten?",
      dueDateReason: "again",
    });
    expect(stale.status).toBe(409);
    expect(answerOf(stale)).toMatchObject({
      intent: "edit",
      itemId: null,
      status: "conflict",
      version: m.version + 1,
      current: { title: m.title, currentDueDate: expect.stringMatching(/^2027-01-31/) },
    });
    expect(await snapshotCounts()).toEqual(snapshot);
    expect((await db.milestone.findUniqueOrThrow({ where: { id: m.id } })).title).toBe(m.title);
  });

  it("an unknown intent or a malformed id is a 400, never a 500", async () => {
    const m = await milestoneOf("P500565", LOTS);
    expect((await onMilestone(wbManager, m.projectId, m.id, { intent: "explode" })).status).toBe(400);
    expect((await onMilestone(wbManager, m.projectId, "../../etc", { intent: "edit" })).status).toBe(400);
  });
});
