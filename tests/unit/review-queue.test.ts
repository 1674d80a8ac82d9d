// The review queue (/reviews): scope, approve / return, self-approval, stale reviews and bulk approval — each
// decision authorised per item, the change and its audit events written in one transaction or not at all.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { auditContextFor } from "~/lib/auth.server";
import { VersionConflictError } from "~/lib/errors";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { ShowingRange, pageHref } from "~/components/ui/list-pager";
import { createI18n } from "~/i18n/config";
import { projectWhereForActor } from "~/lib/permissions.server";
import { diffSnapshots } from "~/models/history.server";
import { getHomeData } from "~/models/home.server";
import { archiveProject, restoreProject } from "~/models/project/archive.server";
import { reviewSubmissions } from "~/models/review/decide.server";
import { listReviewQueue, type QueueTruncation, type ReviewQueueItem } from "~/models/review/queue.server";
import { listReviewQueuePage, type ReviewQueuePage } from "~/models/review/queue-page.server";
import { listMilestoneUpdates, submitMilestoneUpdate } from "~/models/milestone-update.server";
import * as reviewsRoute from "~/routes/reviews";
import { itemKey } from "~/schemas/review";
import {
  addMember,
  createActor,
  createIndicator,
  createIndicatorValue,
  createMilestone,
  createMilestoneUpdate,
  createOrganization,
  createProject,
  createUser,
  day,
} from "../helpers/factories";
import {
  eventsAfter,
  fieldErrors,
  formError,
  answerOf,
  lastSeq,
  milestoneOf,
  run,
  snapshotCounts,
  type Demo,
} from "../helpers/review-kit";

let wbManager: Demo;
let ifcManager: Demo;
let transportManager: Demo;
let wbOfficer: Demo;
let transportOfficer: Demo;

/**
 * Two World Bank road projects of the transport ministry (P500565, P128050), a JOINT project both banks see
 * (P199901) and an IFC project (IFC-RE-ADVISORY), each with something already waiting for review: wb.officer's update
 * on P500565's resettlement plan, transport.officer's update on P128050's interchanges, reported values on both road
 * projects, an update on the JOINT project and an update and a value on the IFC one.
 */
async function buildPortfolio() {
  const transport = await createOrganization({ kind: "MINISTRY" });
  const worldBank = await createOrganization({ kind: "WORLD_BANK" });
  const ifc = await createOrganization({ kind: "IFC" });
  wbManager = await createActor("MANAGER", { organizationId: worldBank.id });
  wbOfficer = await createActor("OFFICER", { organizationId: worldBank.id });
  ifcManager = await createActor("MANAGER", { organizationId: ifc.id });
  transportManager = await createActor("MANAGER", { organizationId: transport.id });
  transportOfficer = await createActor("OFFICER", { organizationId: transport.id });
  const ifcOfficer = await createUser({ role: "OFFICER", organizationId: ifc.id });

  const trace = await createProject({ code: "P500565", implementingAgencyId: transport.id });
  const { priorityAreaId } = trace;
  await addMember(trace.id, wbManager.id, "TASK_TEAM_LEADER");
  await addMember(trace.id, wbOfficer.id, "PROJECT_OFFICER");
  await addMember(trace.id, transportOfficer.id, "FOCAL_POINT");
  await createMilestone(trace.id, {
    title: "Detailed design of lots 3–4 approved",
    baselineDueDate: day("2026-09-30"),
    status: "DELAYED",
    percentComplete: 80,
  });
  await createMilestone(trace.id, {
    title: "Civil works contracts for lots 3–4 signed",
    baselineDueDate: day("2027-03-31"),
  });
  await createMilestone(trace.id, {
    title: "First 100 km reconstructed and open to traffic",
    baselineDueDate: day("2028-06-30"),
  });
  const resettlement = await createMilestone(trace.id, {
    title: "Resettlement action plan implemented",
    baselineDueDate: day("2026-12-31"),
    status: "IN_PROGRESS",
    percentComplete: 40,
  });
  await createMilestoneUpdate(resettlement.id, wbOfficer.id, { proposedPercent: 55 });
  const traffic = await createIndicator(trace.id, { name: "Average daily traffic", unit: "vehicles/day" });
  await createIndicatorValue(traffic.id, transportOfficer.id, { value: 4200 });

  const eastWest = await createProject({ code: "P128050", implementingAgencyId: transport.id, priorityAreaId });
  await addMember(eastWest.id, wbManager.id, "TASK_TEAM_LEADER");
  await addMember(eastWest.id, wbOfficer.id, "PROJECT_OFFICER");
  await addMember(eastWest.id, transportOfficer.id, "FOCAL_POINT");
  const interchanges = await createMilestone(eastWest.id, {
    title: "Two interchanges at the Almaty ring road completed",
    baselineDueDate: day("2025-06-30"),
    currentDueDate: day("2026-10-31"),
    status: "IN_PROGRESS",
    percentComplete: 60,
  });
  await createMilestoneUpdate(interchanges.id, transportOfficer.id, { proposedPercent: 75 });
  await createMilestone(eastWest.id, {
    title: "Khorgos border approach and customs access road",
    baselineDueDate: day("2025-09-30"),
    currentDueDate: day("2026-12-15"),
    status: "IN_PROGRESS",
    percentComplete: 70,
  });
  await createMilestone(eastWest.id, {
    title: "Road-safety package (barriers, lighting, pedestrian crossings) installed",
    baselineDueDate: day("2026-06-30"),
    currentDueDate: day("2026-12-31"),
    status: "IN_PROGRESS",
    percentComplete: 50,
  });
  await createMilestone(eastWest.id, {
    title: "Final acceptance certificates and completion report",
    baselineDueDate: day("2026-12-31"),
  });
  const travelTime = await createIndicator(eastWest.id, {
    name: "Travel time Almaty–Khorgos",
    unit: "hours",
    ascending: false,
    baselineValue: 6,
    targetValue: 4,
  });
  await createIndicatorValue(travelTime.id, transportOfficer.id, { value: 4.1 });

  const joint = await createProject({ code: "P199901", institution: "JOINT", priorityAreaId });
  const assetSurvey = await createMilestone(joint.id, { title: "Road asset survey completed" });
  await createMilestoneUpdate(assetSurvey.id, wbOfficer.id);

  const advisory = await createProject({ code: "IFC-RE-ADVISORY", institution: "IFC", priorityAreaId });
  await addMember(advisory.id, ifcOfficer.id, "PROJECT_OFFICER");
  const auction = await createMilestone(advisory.id, { title: "Renewable energy auction round held" });
  await createMilestoneUpdate(auction.id, ifcOfficer.id);
  const capacity = await createIndicator(advisory.id, { name: "Renewable capacity tendered", unit: "MW" });
  await createIndicatorValue(capacity.id, ifcOfficer.id, { value: 250 });
}

beforeAll(async () => {
  await buildPortfolio();
  // Dozens of audited writes: generous for a machine busy with other work.
}, 60_000);

const post = (user: Demo, form: Record<string, string | string[]>) =>
  run(reviewsRoute.action, { user, path: "/reviews", form });
const queueOf = async (user: Demo, path = "/reviews") =>
  (await run(reviewsRoute.loader, { user, path })) as { status: number; data: ReviewQueuePage };

/** A fresh pending update by `author` on a milestone (through the model, as the milestone page would). */
async function pendingUpdate(
  author: Demo,
  projectCode: string,
  title: string,
  proposal: Partial<{ status: string; percent: number; dueDate: string; reason: string }> = {},
) {
  const m = await milestoneOf(projectCode, title);
  const id = await submitMilestoneUpdate({
    milestone: { id: m.id, projectId: m.projectId },
    authorId: author.id,
    input: {
      proposedStatus: (proposal.status ?? "IN_PROGRESS") as "IN_PROGRESS",
      proposedPercent: proposal.percent ?? 30,
      proposedDueDate: proposal.dueDate,
      dueDateReason: proposal.reason ?? "",
      narrative: "",
      evidenceLinks: [],
    },
    context: auditContextFor(author),
  });
  return db.milestoneUpdate.findUniqueOrThrow({ where: { id } });
}

describe("the queue", () => {
  it("lists pending items in the manager's scope only, oldest first; officers are refused", async () => {
    const wb = await queueOf(wbManager);
    expect(wb.status).toBe(200);
    const items = wb.data.items;
    expect(items.length).toBeGreaterThan(0);
    const times = items.map((i) => i.submittedAt);
    expect(times).toEqual([...times].sort());
    const visible = await db.project.findMany({
      where: { institution: { in: ["WB", "JOINT"] } },
      select: { id: true },
    });
    const ids = new Set(visible.map((p) => p.id));
    expect(items.every((i) => ids.has(i.project.id))).toBe(true);
    const pendingInScope =
      (await db.milestoneUpdate.count({
        where: { reviewState: "SUBMITTED", milestone: { projectId: { in: [...ids] } } },
      })) +
      (await db.indicatorValue.count({ where: { state: "SUBMITTED", indicator: { projectId: { in: [...ids] } } } }));
    expect(items).toHaveLength(pendingInScope);
    const ifcItems = (await queueOf(ifcManager)).data.items;
    expect(ifcItems.every((i) => i.project.code.startsWith("IFC") || i.project.code === "P199901")).toBe(true);
    expect((await queueOf(wbOfficer)).status).toBe(403);
    expect((await post(wbOfficer, { intent: "bulkApprove" })).status).toBe(403);
  });

  it("shows one project's items on request; a project outside the manager's scope answers like a missing one", async () => {
    const all = (await queueOf(wbManager)).data;
    const onlyRoads = await queueOf(wbManager, "/reviews?project=P500565");
    expect(onlyRoads.status).toBe(200);
    const expected = all.items.filter((i) => i.project.code === "P500565").map((i) => i.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(onlyRoads.data.items.map((i) => i.id)).toEqual(expected);
    expect(onlyRoads.data.paging.total).toBe(expected.length);
    expect((await queueOf(wbManager, "/reviews?project=IFC-RE-ADVISORY")).status).toBe(404);
    expect((await queueOf(wbManager, "/reviews?project=NO-SUCH")).status).toBe(404);
    expect((await queueOf(ifcManager, "/reviews?project=IFC-RE-ADVISORY")).status).toBe(200);
  });

  it("shows each item's proposal next to the current values, and marks the manager's own submissions", async () => {
    const own = await pendingUpdate(wbManager, "P500565", "Civil works contracts for lots 3–4 signed", { percent: 10 });
    const item = (await queueOf(wbManager)).data.items.find((i) => i.id === own.id);
    expect(item).toMatchObject({
      kind: "milestoneUpdate",
      ownSubmission: true,
      proposed: { percent: 10 },
      milestone: { percentComplete: 0 },
    });
    // Clean up through a colleague's return so later tests start from a clean slate.
    expect(
      (
        await post(transportManager, {
          intent: "return",
          kind: "milestoneUpdate",
          id: own.id,
          version: "1",
          comment: "cleanup",
        })
      ).status,
    ).toBe(302);
  });
});

describe("approve and return", () => {
  it("nobody approves their own submission (403), alone or in a bulk; nothing changes", async () => {
    const own = await pendingUpdate(wbManager, "P500565", "First 100 km reconstructed and open to traffic");
    const before = await snapshotCounts();
    expect(
      (await post(wbManager, { intent: "approve", kind: "milestoneUpdate", id: own.id, version: "1" })).status,
    ).toBe(403);
    expect(
      (await post(wbManager, { intent: "return", kind: "milestoneUpdate", id: own.id, version: "1", comment: "x" }))
        .status,
    ).toBe(403);
    const other = (await queueOf(wbManager)).data.items.find((i) => !i.ownSubmission)!;
    const bulk = await post(wbManager, {
      intent: "bulkApprove",
      items: [itemKey(other.kind, other.id, other.version), itemKey("milestoneUpdate", own.id, 1)],
    });
    expect(bulk.status).toBe(403);
    expect(await snapshotCounts()).toEqual(before);
    expect((await db.milestoneUpdate.findUniqueOrThrow({ where: { id: own.id } })).reviewState).toBe("SUBMITTED");
  });

  it("approval applies status, percent, revised date and completion to the milestone with both audit events in one transaction", async () => {
    const m = await milestoneOf("P128050", "Khorgos border approach and customs access road");
    const update = await pendingUpdate(transportOfficer, "P128050", m.title, {
      status: "COMPLETED",
      percent: 100,
      dueDate: "2027-02-28",
      reason: "Customs post handover delayed",
    });
    const seq = await lastSeq();
    const r = await post(wbManager, {
      intent: "approve",
      kind: "milestoneUpdate",
      id: update.id,
      version: String(update.version),
      comment: "Well documented.",
    });
    expect(r.status).toBe(302);
    expect(r.location).toBe("/reviews");

    const after = await db.milestone.findUniqueOrThrow({ where: { id: m.id } });
    expect(after).toMatchObject({
      status: "COMPLETED",
      percentComplete: 100,
      currentDueDate: new Date("2027-02-28T00:00:00Z"),
      baselineDueDate: m.baselineDueDate,
      version: m.version + 1,
    });
    expect(after.completedOn).not.toBeNull();
    expect(await db.milestoneUpdate.findUniqueOrThrow({ where: { id: update.id } })).toMatchObject({
      reviewState: "APPROVED",
      reviewerId: wbManager.id,
      reviewComment: "Well documented.",
      version: update.version + 1,
    });
    const events = await eventsAfter(seq);
    expect(events.map((e) => [e.action, e.entityType, e.entityId])).toEqual([
      ["milestoneUpdate.approve", "MilestoneUpdate", update.id],
      ["milestone.applyUpdate", "Milestone", m.id],
    ]);
    // One transaction: same request, consecutive sequence numbers, the reason of the slip carried to the milestone.
    expect(events[0].requestId).toBe(events[1].requestId);
    expect(events[1].seq).toBe(events[0].seq + 1);
    expect(events[1].reason).toBe("Customs post handover delayed");
    expect(JSON.parse(events[1].before!)).toMatchObject({ status: "IN_PROGRESS", percentComplete: 70 });
    expect(JSON.parse(events[1].after!)).toMatchObject({
      status: "COMPLETED",
      percentComplete: 100,
      currentDueDate: "2027-02-28",
    });
  });

  it("a stale review (already reviewed by someone else) is a 409 and changes nothing", async () => {
    const update = await pendingUpdate(
      transportOfficer,
      "P128050",
      "Road-safety package (barriers, lighting, pedestrian crossings) installed",
      { percent: 60 },
    );
    // transport.manager reviews it first (ministry manager of MOT, in scope).
    expect(
      (
        await post(transportManager, {
          intent: "return",
          kind: "milestoneUpdate",
          id: update.id,
          version: "1",
          comment: "Photos missing.",
        })
      ).status,
    ).toBe(302);
    const milestoneBefore = await milestoneOf(
      "P128050",
      "Road-safety package (barriers, lighting, pedestrian crossings) installed",
    );
    const before = await snapshotCounts();
    const late = await post(wbManager, { intent: "approve", kind: "milestoneUpdate", id: update.id, version: "1" });
    expect(late.status).toBe(409);
    expect(formError(late)).toBe("workflow.reviews.conflict");
    expect(await snapshotCounts()).toEqual(before);
    expect(await db.milestoneUpdate.findUniqueOrThrow({ where: { id: update.id } })).toMatchObject({
      reviewState: "RETURNED",
      reviewerId: transportManager.id,
    });
    expect(await db.milestone.findUniqueOrThrow({ where: { id: milestoneBefore.id } })).toEqual(milestoneBefore);
  });

  it("a return requires a comment (400, nothing changes); with one, the update goes back to its author", async () => {
    const update = await pendingUpdate(wbOfficer, "P500565", "Detailed design of lots 3–4 approved", { percent: 90 });
    const before = await snapshotCounts();
    const noComment = await post(wbManager, {
      intent: "return",
      kind: "milestoneUpdate",
      id: update.id,
      version: "1",
      comment: "  ",
    });
    expect(noComment.status).toBe(400);
    expect(fieldErrors(noComment)).toEqual({ comment: "workflow.errors.commentRequired" });
    expect((noComment.data as { itemId: string }).itemId).toBe(update.id);
    expect(await snapshotCounts()).toEqual(before);
    const ok = await post(wbManager, {
      intent: "return",
      kind: "milestoneUpdate",
      id: update.id,
      version: "1",
      comment: "Which drawings were approved?",
    });
    expect(ok.status).toBe(302);
    const row = await db.milestoneUpdate.findUniqueOrThrow({ where: { id: update.id } });
    expect(row).toMatchObject({ reviewState: "RETURNED", reviewComment: "Which drawings were approved?" });
    const [event] = await db.auditEvent.findMany({ where: { entityId: update.id, action: "milestoneUpdate.return" } });
    expect(event.reason).toBe("Which drawings were approved?");
  });

  it("a manager out of the project's scope gets 404; an unknown id 404", async () => {
    // wb.officer's update on the resettlement plan (P500565, a World Bank project) is left pending from the start.
    const update = await db.milestoneUpdate.findFirstOrThrow({
      where: { reviewState: "SUBMITTED", milestone: { project: { code: "P500565" } } },
    });
    const before = await snapshotCounts();
    expect(
      (
        await post(ifcManager, {
          intent: "approve",
          kind: "milestoneUpdate",
          id: update.id,
          version: String(update.version),
        })
      ).status,
    ).toBe(404);
    expect(
      (await post(wbManager, { intent: "approve", kind: "milestoneUpdate", id: "nope", version: "1" })).status,
    ).toBe(404);
    expect(await snapshotCounts()).toEqual(before);
  });
});

describe("bulk approval", () => {
  it("approves every selected item (milestone updates and indicator values) in one step", async () => {
    const a = await pendingUpdate(wbOfficer, "P128050", "Final acceptance certificates and completion report", {
      percent: 5,
    });
    const value = await db.indicatorValue.findFirstOrThrow({
      where: { state: "SUBMITTED", indicator: { project: { code: "P128050" } } },
    });
    expect(value.reporterId).not.toBe(wbManager.id);
    const seq = await lastSeq();
    const r = await post(wbManager, {
      intent: "bulkApprove",
      items: [itemKey("milestoneUpdate", a.id, a.version), itemKey("indicatorValue", value.id, value.version)],
    });
    expect(r.status).toBe(302);
    expect((await db.milestoneUpdate.findUniqueOrThrow({ where: { id: a.id } })).reviewState).toBe("APPROVED");
    expect((await db.indicatorValue.findUniqueOrThrow({ where: { id: value.id } })).state).toBe("VERIFIED");
    const events = await eventsAfter(seq);
    expect(events.map((e) => e.action)).toEqual([
      "milestoneUpdate.approve",
      "milestone.applyUpdate",
      "indicatorValue.verify",
    ]);
    expect(new Set(events.map((e) => e.requestId)).size).toBe(1);
  });

  it("each item is authorised on its own: one item out of scope refuses the whole request, nothing written", async () => {
    const inScope = await pendingUpdate(
      transportOfficer,
      "P128050",
      "Final acceptance certificates and completion report",
      { percent: 10 },
    );
    const ifcValue = await db.indicatorValue.findFirst({
      where: { state: "SUBMITTED", indicator: { project: { institution: "IFC" } } },
    });
    const ifcUpdate = await db.milestoneUpdate.findFirst({
      where: { reviewState: "SUBMITTED", milestone: { project: { institution: "IFC" } } },
    });
    const outOfScope = ifcValue
      ? itemKey("indicatorValue", ifcValue.id, ifcValue.version)
      : itemKey("milestoneUpdate", ifcUpdate!.id, ifcUpdate!.version);
    const before = await snapshotCounts();
    const r = await post(wbManager, {
      intent: "bulkApprove",
      items: [itemKey("milestoneUpdate", inScope.id, 1), outOfScope],
    });
    expect(r.status).toBe(404);
    expect(await snapshotCounts()).toEqual(before);
    expect((await db.milestoneUpdate.findUniqueOrThrow({ where: { id: inScope.id } })).reviewState).toBe("SUBMITTED");
  });

  it("all or nothing: if one item was already reviewed, the others are not approved either (409 naming it)", async () => {
    const first = await db.milestoneUpdate.findFirstOrThrow({
      where: { reviewState: "SUBMITTED", authorId: transportOfficer.id, milestone: { project: { code: "P128050" } } },
    });
    const second = await pendingUpdate(
      wbOfficer,
      "P128050",
      "Road-safety package (barriers, lighting, pedestrian crossings) installed",
      { percent: 65 },
    );
    expect(
      (await post(transportManager, { intent: "approve", kind: "milestoneUpdate", id: second.id, version: "1" }))
        .status,
    ).toBe(302);
    const milestone = await db.milestone.findUniqueOrThrow({ where: { id: first.milestoneId } });
    const before = await snapshotCounts();
    const r = await post(wbManager, {
      intent: "bulkApprove",
      items: [itemKey("milestoneUpdate", first.id, first.version), itemKey("milestoneUpdate", second.id, 1)],
    });
    expect(r.status).toBe(409);
    expect(answerOf(r)).toMatchObject({
      intent: "bulkApprove",
      status: "refused",
      messageKey: "workflow.reviews.conflict",
      values: { item: "Road-safety package (barriers, lighting, pedestrian crossings) installed" },
    });
    expect(await snapshotCounts()).toEqual(before);
    expect((await db.milestoneUpdate.findUniqueOrThrow({ where: { id: first.id } })).reviewState).toBe("SUBMITTED");
    expect(await db.milestone.findUniqueOrThrow({ where: { id: first.milestoneId } })).toEqual(milestone);
  });

  it("the model refuses a return without a comment and rolls back a batch that fails half-way", async () => {
    await expect(
      reviewSubmissions({
        actor: wbManager,
        items: [],
        decision: "return",
        comment: " ",
        context: auditContextFor(wbManager),
      }),
    ).rejects.toThrow();
    const first = await db.milestoneUpdate.findFirstOrThrow({
      where: { reviewState: "SUBMITTED", authorId: transportOfficer.id, milestone: { project: { code: "P128050" } } },
    });
    const before = await snapshotCounts();
    await expect(
      reviewSubmissions({
        actor: wbManager,
        items: [
          { kind: "milestoneUpdate", id: first.id, version: first.version },
          { kind: "milestoneUpdate", id: first.id, version: first.version }, // the second pass finds it already approved
        ],
        decision: "approve",
        comment: null,
        context: auditContextFor(wbManager),
      }),
    ).rejects.toBeInstanceOf(VersionConflictError);
    expect(await snapshotCounts()).toEqual(before);
    expect((await db.milestoneUpdate.findUniqueOrThrow({ where: { id: first.id } })).reviewState).toBe("SUBMITTED");
  });
});

describe("the applied update in the milestone's history", () => {
  it("milestone.applyUpdate has no made-up English reason and names the update it applied; the update's trail is intact", async () => {
    const m = await milestoneOf("P500565", "Civil works contracts for lots 3–4 signed");
    const update = await pendingUpdate(wbOfficer, "P500565", m.title, { percent: 15 });
    const seq = await lastSeq();
    expect(
      (
        await post(wbManager, {
          intent: "approve",
          kind: "milestoneUpdate",
          id: update.id,
          version: String(update.version),
        })
      ).status,
    ).toBe(302);
    const events = await eventsAfter(seq);
    expect(events.map((e) => e.action)).toEqual(["milestoneUpdate.approve", "milestone.applyUpdate"]);
    const applied = events[1];
    expect(applied.reason).toBeNull();
    expect(JSON.parse(applied.after!)).toMatchObject({ percentComplete: 15, appliedUpdateId: update.id });
    // History shows the change of fields: the applied update is one of them.
    expect(diffSnapshots(applied.before, applied.after)).toContainEqual({
      field: "appliedUpdateId",
      before: null,
      after: update.id,
    });
    const trail = (await listMilestoneUpdates({ milestoneId: m.id })).find((u) => u.id === update.id)!.trail;
    expect(trail.map((step) => [step.action, step.actorName])).toEqual([
      ["submitted", wbOfficer.name],
      ["approved", wbManager.name],
    ]);
  });
});

describe("what the queue lists", () => {
  it("the home page shows the queue's oldest submissions of others and counts them all, for every scope", async () => {
    for (const actor of [wbManager, ifcManager, transportManager]) {
      const queue = await listReviewQueue({ actor, excludeAuthorId: actor.id });
      const home = await getHomeData({ actor });
      expect(home.manager?.queueCount).toBe(queue.total);
      expect(home.manager?.queueTop).toEqual(
        queue.items.slice(0, 5).map((i) => ({
          kind: i.kind,
          id: i.id,
          title: i.kind === "milestoneUpdate" ? i.milestone.title : i.indicator.name,
          projectCode: i.project.code,
          authorName: i.authorName,
          submittedAt: i.submittedAt,
        })),
      );
      // The visible projects listed on the home page: the actor's scope, not archived, by status then code.
      const visible = await db.project.findMany({
        where: { AND: [projectWhereForActor(actor), { archivedAt: null }] },
        orderBy: [{ status: "asc" }, { code: "asc" }],
        select: { code: true },
      });
      expect(home.projects.total).toBe(visible.length);
      expect(home.projects.items.map((p) => p.code)).toEqual(visible.slice(0, 50).map((p) => p.code));
    }
  });

  it("submissions on archived projects are not in the queue (nor counted on the home page)", async () => {
    const update = await pendingUpdate(wbOfficer, "P500565", "Civil works contracts for lots 3–4 signed", {
      percent: 20,
    });
    const project = await db.project.findUniqueOrThrow({ where: { code: "P500565" } });
    const homeCount = async () => (await getHomeData({ actor: wbManager })).manager!.queueCount;
    const before = (await queueOf(wbManager)).data.items;
    expect(before.map((i) => i.id)).toContain(update.id);
    const onProject = before.filter((i) => i.project.id === project.id && !i.ownSubmission).length;
    const homeBefore = await homeCount();
    // Archived the way the app archives (an audited write): the home page's figures are cached per state of the audit chain.
    const context = auditContextFor(wbManager);
    await archiveProject({ context, projectId: project.id, reason: "Test: archived" });
    try {
      const queue = (await queueOf(wbManager)).data;
      expect(queue.items.length).toBeGreaterThan(0);
      expect(queue.items.filter((i) => i.project.id === project.id)).toEqual([]);
      expect(queue.paging.total).toBe(before.length - before.filter((i) => i.project.id === project.id).length);
      expect(await homeCount()).toBe(homeBefore - onProject);
    } finally {
      await restoreProject({ context, projectId: project.id, reason: "Test: restored" });
    }
    expect(
      (
        await post(transportManager, {
          intent: "return",
          kind: "milestoneUpdate",
          id: update.id,
          version: "1",
          comment: "cleanup",
        })
      ).status,
    ).toBe(302);
  });

  it("the home's short list cuts each kind at its limit, oldest first, and says how many of each wait", async () => {
    const scope = { AND: [projectWhereForActor(wbManager), { archivedAt: null }] };
    const updates = await db.milestoneUpdate.count({
      where: { reviewState: "SUBMITTED", milestone: { project: scope } },
    });
    const values = await db.indicatorValue.count({ where: { state: "SUBMITTED", indicator: { project: scope } } });
    expect(updates).toBeGreaterThan(1);
    expect(values).toBeGreaterThan(0);

    const full = await listReviewQueue({ actor: wbManager });
    expect(full).toMatchObject({ total: updates + values, truncated: [] });
    const cut = await listReviewQueue({ actor: wbManager, limit: 1 });
    expect(cut.total).toBe(updates + values);
    // Only a kind with more than the limit is cut (and announced).
    const expected: QueueTruncation[] = [{ kind: "milestoneUpdate", shown: 1, total: updates }];
    if (values > 1) expected.push({ kind: "indicatorValue", shown: 1, total: values });
    expect(cut.truncated).toEqual(expected);
    // The oldest of each kind is the one kept.
    for (const kind of ["milestoneUpdate", "indicatorValue"] as const) {
      expect(cut.items.filter((i) => i.kind === kind).map((i) => i.id)).toEqual([
        full.items.find((i) => i.kind === kind)!.id,
      ]);
    }
  });

  it("the queue is paged: exact counts by kind, pages in queue order, a page past the end shows the last", async () => {
    const scope = { AND: [projectWhereForActor(wbManager), { archivedAt: null }] };
    const updates = await db.milestoneUpdate.count({
      where: { reviewState: "SUBMITTED", milestone: { project: scope } },
    });
    const values = await db.indicatorValue.count({ where: { state: "SUBMITTED", indicator: { project: scope } } });
    const total = updates + values;
    expect(total).toBeGreaterThan(2);

    const whole = await listReviewQueuePage({ actor: wbManager, page: 1, pageSize: total });
    expect(whole.totals).toEqual({ milestoneUpdate: updates, indicatorValue: values });
    expect(whole.paging).toEqual({ page: 1, pages: 1, from: 1, to: total, total });
    // The same items, in the same order, as the list the home page reads (both kinds, oldest first).
    const reference = await listReviewQueue({ actor: wbManager, limit: total });
    expect(whole.items).toEqual(reference.items);

    const pages: ReviewQueueItem[][] = [];
    for (let page = 1; page <= Math.ceil(total / 2); page++) {
      const one = await listReviewQueuePage({ actor: wbManager, page, pageSize: 2 });
      expect(one.paging).toMatchObject({ page, pages: Math.ceil(total / 2), from: page * 2 - 1, total });
      expect(one.totals).toEqual(whole.totals);
      pages.push(one.items);
    }
    expect(pages.flat().map((i) => i.id)).toEqual(whole.items.map((i) => i.id));
    const past = await listReviewQueuePage({ actor: wbManager, page: 10_000, pageSize: 2 });
    expect(past.paging.page).toBe(Math.ceil(total / 2));
    expect(past.items.map((i) => i.id)).toEqual(pages.at(-1)!.map((i) => i.id));

    // The route reads ?page and refuses a page that is not a number.
    expect((await queueOf(wbManager, "/reviews?page=1")).data.paging.page).toBe(1);
    expect((await queueOf(wbManager, "/reviews?page=two")).status).toBe(400);
  });

  it("a decision taken on a later page comes back to that page", async () => {
    const update = await pendingUpdate(wbOfficer, "P500565", "Civil works contracts for lots 3–4 signed", {
      percent: 25,
    });
    const answer = await post(wbManager, {
      intent: "approve",
      kind: "milestoneUpdate",
      id: update.id,
      version: String(update.version),
    });
    expect(answer.status).toBe(302);
    expect(answer.location).toBe("/reviews");
    const again = await pendingUpdate(wbOfficer, "P500565", "Civil works contracts for lots 3–4 signed", {
      percent: 30,
    });
    const onPage = await run(reviewsRoute.action, {
      user: wbManager,
      path: "/reviews?page=3",
      form: { intent: "approve", kind: "milestoneUpdate", id: again.id, version: String(again.version) },
    });
    expect(onPage).toMatchObject({ status: 302, location: "/reviews?page=3" });
  });

  it("the page says which items it shows, in en, ru and kk; its links keep the list's filters", () => {
    const render = (locale: "en" | "ru" | "kk", paging = { page: 2, pages: 3, from: 26, to: 50, total: 61 }) =>
      renderToStaticMarkup(
        createElement(I18nextProvider, { i18n: createI18n(locale) }, createElement(ShowingRange, { paging })),
      );
    expect(render("en")).toContain("Showing 26–50 of 61.");
    expect(render("ru")).toContain("Показаны 26–50 из 61.");
    expect(render("kk")).toContain("26–50");
    expect(render("kk")).not.toContain("Showing");
    expect(render("en", { page: 1, pages: 1, from: 1, to: 4, total: 4 })).toBe("");
    expect(pageHref("/reporting", { groupBy: "officer", mine: undefined }, 3)).toBe(
      "/reporting?groupBy=officer&page=3",
    );
    expect(pageHref("/reporting", { groupBy: "officer", mine: "1" }, 1)).toBe("/reporting?groupBy=officer&mine=1");
    expect(pageHref("/reviews", {}, 1)).toBe("/reviews");
  });
});

describe("a page of the queue kept per state, reviewer, page and project", () => {
  it("answers the same page until an audited write, per reviewer and page, equal to a fresh read", async () => {
    const { insideServerRequest: inRequest } = await import("../helpers/request");
    const query = (actor: Demo, page = 1) => ({ actor, page, pageSize: 2 });
    const page = (actor: Demo, at = 1) => inRequest(() => listReviewQueuePage(query(actor, at)));
    // Outside a request of the server the page is read every time: the reference.
    const fresh = (actor: Demo, at = 1) => listReviewQueuePage(query(actor, at));

    const first = await page(wbManager);
    expect(await page(wbManager)).toBe(first);
    expect(first).toEqual(await fresh(wbManager));
    // Another reviewer (whose own submissions differ) and another page are other pages.
    expect(await page(transportManager)).toEqual(await fresh(transportManager));
    expect(await page(wbManager, 2)).toEqual(await fresh(wbManager, 2));

    // A decision (an audited write) moves the chain's head: the page is read again without the decided item.
    const decided = first.items.find((item) => !item.ownSubmission);
    expect(decided).toBeDefined();
    if (!decided) return;
    const answer = await post(wbManager, {
      intent: "approve",
      kind: decided.kind,
      id: decided.id,
      version: String(decided.version),
    });
    expect(answer.status).toBe(302);
    const after = await page(wbManager);
    expect(after).not.toBe(first);
    expect(after).toEqual(await fresh(wbManager));
    expect(after.items.map((item) => item.id)).not.toContain(decided.id);
  });
});
