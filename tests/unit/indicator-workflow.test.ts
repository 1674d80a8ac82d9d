// Indicators through their route actions: defining them, reporting values (one per period unless returned),
// verifying or returning them (never one's own), formal target revisions that keep the original target. (Progress on
// the demo portfolio's results frameworks is checked with the demo data, in demo-portfolio.test.ts.)
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { InvalidInputError } from "~/lib/errors";
import { auditContextFor } from "~/lib/auth.server";
import { createIndicator, getProjectIndicator } from "~/models/indicator.server";
import { IndicatorCreateSchema } from "~/schemas/indicator";
import * as listRoute from "~/routes/projects.$projectId.indicators._index";
import * as reviewsRoute from "~/routes/reviews";
import {
  addMember,
  createActor,
  createIndicator as addIndicator,
  createIndicatorValue,
  createOrganization,
  createProject,
  day,
} from "../helpers/factories";
import {
  eventsAfter,
  fieldErrors,
  formError,
  indicatorEditForm,
  indicatorOf,
  onIndicator,
  lastSeq,
  projectByCode,
  run,
  snapshotCounts,
  type Demo,
} from "../helpers/review-kit";

let wbManager: Demo;
let transportManager: Demo;
let wbOfficer: Demo;
let transportOfficer: Demo;
let waterOfficer: Demo;

/**
 * P500565, a World Bank road project of the transport ministry with the WB manager, the WB officer and the transport
 * officer on its team and two indicators (km reconstructed, with one verified value; households compensated); P128050,
 * another of its projects, with a SEMI_ANNUAL indicator and interim targets; P170365, a cancelled WB project led by
 * the WB manager alone. The water ministry's officer sees none of them.
 */
async function buildProjects() {
  const transport = await createOrganization({ kind: "MINISTRY" });
  const worldBank = await createOrganization({ kind: "WORLD_BANK" });
  wbManager = await createActor("MANAGER", { organizationId: worldBank.id });
  wbOfficer = await createActor("OFFICER", { organizationId: worldBank.id });
  transportManager = await createActor("MANAGER", { organizationId: transport.id });
  transportOfficer = await createActor("OFFICER", { organizationId: transport.id });
  waterOfficer = await createActor("OFFICER", { orgKind: "MINISTRY" });

  const trace = await createProject({ code: "P500565", implementingAgencyId: transport.id });
  const { priorityAreaId } = trace;
  await addMember(trace.id, wbManager.id, "TASK_TEAM_LEADER");
  await addMember(trace.id, wbOfficer.id, "PROJECT_OFFICER");
  await addMember(trace.id, transportOfficer.id, "FOCAL_POINT");
  const km = await addIndicator(
    trace.id,
    {
      code: "TRACE_KM_RECONSTRUCTED",
      name: "Road reconstructed to category I–II standard",
      type: "INTERMEDIATE",
      unit: "km",
      baselineValue: 0,
      baselineDate: day("2024-11-15"),
      targetValue: 520,
      targetDate: day("2032-06-30"),
      frequency: "SEMI_ANNUAL",
    },
    [
      ["2027-12-31", 60],
      ["2029-12-31", 250],
      ["2032-06-30", 520],
    ],
  );
  await createIndicatorValue(km.id, transportOfficer.id, {
    periodStart: day("2025-07-01"),
    periodEnd: day("2025-12-31"),
    value: 12,
    state: "VERIFIED",
    verifierId: wbManager.id,
    reviewedAt: day("2026-01-15"),
  });
  await addIndicator(trace.id, {
    code: "TRACE_RAP_COMPENSATED_PCT",
    name: "Affected households compensated under the resettlement action plan",
    type: "INTERMEDIATE",
    unit: "%",
    measure: "PERCENTAGE",
    targetValue: 100,
    targetDate: day("2026-12-31"),
    frequency: "QUARTERLY",
  });

  const eastWest = await createProject({ code: "P128050", implementingAgencyId: transport.id, priorityAreaId });
  await addMember(eastWest.id, wbManager.id, "TASK_TEAM_LEADER");
  await addMember(eastWest.id, transportOfficer.id, "FOCAL_POINT");
  await addIndicator(
    eastWest.id,
    {
      code: "ROAD_KM_RECONSTRUCTED",
      name: "Corridor reconstructed to category I standard",
      type: "INTERMEDIATE",
      unit: "km",
      baselineValue: 0,
      baselineDate: day("2012-05-01"),
      targetValue: 300,
      targetDate: day("2026-12-31"),
      frequency: "SEMI_ANNUAL",
      dataSource: "Supervision consultant's acceptance reports",
    },
    [
      ["2021-12-31", 200],
      ["2024-12-31", 280],
    ],
  );

  const cancelled = await createProject({ code: "P170365", status: "CANCELLED", priorityAreaId });
  await addMember(cancelled.id, wbManager.id, "TASK_TEAM_LEADER");
  await addIndicator(cancelled.id, { targetDate: day("2021-12-31") });
}

beforeAll(async () => {
  await buildProjects();
  // Dozens of audited writes: generous for a machine busy with other work.
}, 60_000);

describe("reporting values", () => {
  const report = {
    intent: "report",
    period: "2026-H1",
    value: "312",
    comment: "Km 0–18 accepted",
    evidenceLinks: "https://files.example.kz/acceptance.pdf",
  };

  it("validation errors are a 400 and nothing is written", async () => {
    const ind = await indicatorOf("P500565", "TRACE_KM_RECONSTRUCTED");
    const before = await snapshotCounts();
    const bad = await onIndicator(wbOfficer, ind.projectId, ind.id, {
      ...report,
      period: "2026-Q1",
      evidenceLinks: "ftp://x",
    });
    expect(bad.status).toBe(400);
    expect(fieldErrors(bad)).toEqual({
      period: "forms.period.invalid",
      evidenceLinks: "workflow.errors.evidenceUrl",
    });
    expect(await snapshotCounts()).toEqual(before);
  });

  it("the server refuses a period that has not ended, is before the baseline, after the end target or not a period", async () => {
    const ind = await indicatorOf("P500565", "TRACE_KM_RECONSTRUCTED");
    const before = await snapshotCounts();
    const nextYear = new Date().getUTCFullYear() + 1;
    const refused = async (period: string) => {
      const answer = await onIndicator(transportOfficer, ind.projectId, ind.id, { ...report, period });
      expect(answer.status, period).toBe(400);
      return fieldErrors(answer);
    };
    expect(await refused(`${nextYear}-H1`)).toEqual({ period: "forms.period.notEnded" });
    expect(await refused("2024-H1")).toEqual({ period: "forms.period.beforeBaseline" });
    expect(await refused("2033-H1")).toEqual({ period: "forms.period.afterTarget" });
    expect(await refused("2026-Q2")).toEqual({ period: "forms.period.invalid" });
    expect(await refused("")).toEqual({ period: "forms.period.required" });
    // Free dates are not a period any more: the old fields are ignored and the period is still required.
    expect(
      fieldErrors(
        await onIndicator(transportOfficer, ind.projectId, ind.id, {
          ...report,
          period: "",
          periodStart: "2026-01-01",
          periodEnd: "2026-06-30",
        }),
      ),
    ).toEqual({ period: "forms.period.required" });
    expect(await snapshotCounts()).toEqual(before);
  });

  it("non-members are refused (403), other projects' indicators are not found (404)", async () => {
    const ind = await indicatorOf("P500565", "TRACE_KM_RECONSTRUCTED");
    const other = await db.indicator.findFirstOrThrow({ where: { project: { code: "P128050" } } });
    const before = await snapshotCounts();
    // water.officer (water ministry) cannot even see a transport project: 404.
    expect((await onIndicator(waterOfficer, ind.projectId, ind.id, report)).status).toBe(404);
    const cancelled = await projectByCode("P170365");
    const cancelledIndicator = await db.indicator.findFirstOrThrow({ where: { projectId: cancelled.id } }); // wb.officer: not on this team
    expect((await onIndicator(wbOfficer, cancelled.id, cancelledIndicator.id, report)).status).toBe(403);
    expect((await onIndicator(wbOfficer, ind.projectId, other.id, report)).status).toBe(404);
    expect((await onIndicator(wbOfficer, ind.projectId, other.id)).status).toBe(404);
    expect(await snapshotCounts()).toEqual(before);
  });

  it("one value per period; a RETURNED value can be reported again; verify and return on the indicator page", async () => {
    const ind = await indicatorOf("P500565", "TRACE_KM_RECONSTRUCTED");
    const seq = await lastSeq();
    expect((await onIndicator(transportOfficer, ind.projectId, ind.id, report)).status).toBe(302);
    const value = await db.indicatorValue.findFirstOrThrow({
      where: { indicatorId: ind.id, state: "SUBMITTED", reporterId: transportOfficer.id },
    });
    expect((await eventsAfter(seq)).map((e) => e.action)).toEqual(["indicatorValue.report"]);

    const before = await snapshotCounts();
    const dup = await onIndicator(wbOfficer, ind.projectId, ind.id, { ...report, value: "300" });
    expect(dup.status).toBe(409);
    expect(formError(dup)).toBe("workflow.errors.periodTaken");
    // Officers cannot verify; nobody verifies their own value; a return needs a comment.
    expect(
      (
        await onIndicator(wbOfficer, ind.projectId, ind.id, {
          intent: "verify",
          kind: "indicatorValue",
          id: value.id,
          version: "1",
        })
      ).status,
    ).toBe(403);
    const ownId = await db.indicatorValue.findFirst({ where: { reporterId: wbManager.id, state: "SUBMITTED" } });
    expect(ownId).toBeNull();
    const noComment = await onIndicator(wbManager, ind.projectId, ind.id, {
      intent: "return",
      kind: "indicatorValue",
      id: value.id,
      version: "1",
      comment: "",
    });
    expect(noComment.status).toBe(400);
    expect(fieldErrors(noComment)).toEqual({ comment: "workflow.errors.commentRequired" });
    expect(await snapshotCounts()).toEqual(before);

    expect(
      (
        await onIndicator(wbManager, ind.projectId, ind.id, {
          intent: "return",
          kind: "indicatorValue",
          id: value.id,
          version: "1",
          comment: "Attach the acceptance certificate.",
        })
      ).status,
    ).toBe(302);
    expect(await db.indicatorValue.findUniqueOrThrow({ where: { id: value.id } })).toMatchObject({
      state: "RETURNED",
      verifierId: wbManager.id,
      reviewComment: "Attach the acceptance certificate.",
    });

    // Reported again for the same period, now allowed.
    expect((await onIndicator(transportOfficer, ind.projectId, ind.id, { ...report, value: "310" })).status).toBe(302);
    const again = await db.indicatorValue.findFirstOrThrow({
      where: { indicatorId: ind.id, state: "SUBMITTED", reporterId: transportOfficer.id },
    });
    const progressBefore = (await getProjectIndicator({ projectId: ind.projectId, indicatorId: ind.id }))!.summary
      .progress;

    const seq2 = await lastSeq();
    expect(
      (
        await onIndicator(wbManager, ind.projectId, ind.id, {
          intent: "verify",
          kind: "indicatorValue",
          id: again.id,
          version: "1",
          comment: "",
        })
      ).status,
    ).toBe(302);
    expect((await eventsAfter(seq2)).map((e) => [e.action, e.entityId])).toEqual([["indicatorValue.verify", again.id]]);
    const after = (await getProjectIndicator({ projectId: ind.projectId, indicatorId: ind.id }))!;
    expect(after.summary.latestActual).toEqual({ value: 310, periodEnd: "2026-06-30T00:00:00.000Z" });
    expect(after.summary.progress).toBeCloseTo(310 / 520, 10);
    expect(after.summary.progress).not.toBe(progressBefore);

    // Already verified: a second decision is stale (409), nothing changes.
    const snapshot = await snapshotCounts();
    expect(
      (
        await onIndicator(transportManager, ind.projectId, ind.id, {
          intent: "return",
          kind: "indicatorValue",
          id: again.id,
          version: "1",
          comment: "late",
        })
      ).status,
    ).toBe(409);
    expect(await snapshotCounts()).toEqual(snapshot);
  });

  it("a manager who reported a value cannot verify it, on the page or in the queue", async () => {
    const ind = await indicatorOf("P500565", "TRACE_RAP_COMPENSATED_PCT");
    expect(
      (
        await onIndicator(wbManager, ind.projectId, ind.id, {
          ...report,
          period: "2026-Q3",
          value: "80",
        })
      ).status,
    ).toBe(302);
    const own = await db.indicatorValue.findFirstOrThrow({
      where: { indicatorId: ind.id, reporterId: wbManager.id, state: "SUBMITTED" },
    });
    const before = await snapshotCounts();
    expect(
      (
        await onIndicator(wbManager, ind.projectId, ind.id, {
          intent: "verify",
          kind: "indicatorValue",
          id: own.id,
          version: "1",
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await run(reviewsRoute.action, {
          user: wbManager,
          path: "/reviews",
          form: { intent: "approve", kind: "indicatorValue", id: own.id, version: "1" },
        })
      ).status,
    ).toBe(403);
    expect(await snapshotCounts()).toEqual(before);
    // A colleague in scope can.
    expect(
      (
        await run(reviewsRoute.action, {
          user: transportManager,
          path: "/reviews",
          form: { intent: "approve", kind: "indicatorValue", id: own.id, version: "1" },
        })
      ).status,
    ).toBe(302);
  });
});

describe("defining and revising indicators", () => {
  const form = {
    intent: "create",
    code: "TRACE_SAFETY_AUDITS",
    name: "Road-safety audits completed on reconstructed sections",
    type: "INTERMEDIATE",
    unit: "audits",
    measure: "UNIT",
    ascending: "true",
    baselineValue: "0",
    baselineDate: "2025-01-01",
    targetValue: "12",
    targetDate: "2030-12-31",
    frequency: "ANNUAL",
    dataSource: "Committee for Roads",
    responsibleAgency: "Ministry of Transport",
    "targets.0.periodEnd": "2027-12-31",
    "targets.0.value": "4",
    "targets.1.periodEnd": "2029-12-31",
    "targets.1.value": "9",
  };

  it("managers define an indicator with interim targets; officers cannot; codes are unique per project", async () => {
    const project = await projectByCode("P500565");
    const path = `/projects/${project.id}/indicators`;
    const before = await snapshotCounts();
    expect(
      (await run(listRoute.action, { user: wbOfficer, path, params: { projectId: project.id }, form })).status,
    ).toBe(403);
    const clash = await run(listRoute.action, {
      user: wbManager,
      path,
      params: { projectId: project.id },
      form: { ...form, code: "TRACE_KM_RECONSTRUCTED" },
    });
    expect(clash.status).toBe(400);
    expect(fieldErrors(clash)).toEqual({ code: "workflow.errors.codeTaken" });
    expect(await snapshotCounts()).toEqual(before);

    const created = await run(listRoute.action, { user: wbManager, path, params: { projectId: project.id }, form });
    expect(created.status).toBe(302);
    const row = await db.indicator.findFirstOrThrow({
      where: { projectId: project.id, code: form.code },
      include: { targets: { orderBy: { periodEnd: "asc" } } },
    });
    expect(row.targets.map((t) => [t.periodEnd.toISOString().slice(0, 10), t.value])).toEqual([
      ["2027-12-31", 4],
      ["2029-12-31", 9],
    ]);
    const [event] = await db.auditEvent.findMany({ where: { entityId: row.id, action: "indicator.create" } });
    expect(JSON.parse(event.after!).targets).toHaveLength(2);
  });

  it("a formal target revision keeps the original target (set once), needs a note, and is versioned", async () => {
    const ind = await db.indicator.findFirstOrThrow({ where: { code: "TRACE_SAFETY_AUDITS" } });
    const edit = { ...form, intent: "edit", version: String(ind.version), revisionNote: "" };
    const before = await snapshotCounts();
    const noNote = await onIndicator(wbManager, ind.projectId, ind.id, { ...edit, targetValue: "10" });
    expect(noNote.status).toBe(400);
    expect(fieldErrors(noNote)).toEqual({ revisionNote: "workflow.errors.revisionNoteRequired" });
    expect(
      (await onIndicator(wbOfficer, ind.projectId, ind.id, { ...edit, targetValue: "10", revisionNote: "x" })).status,
    ).toBe(403);
    expect(await snapshotCounts()).toEqual(before);

    const seq = await lastSeq();
    expect(
      (
        await onIndicator(wbManager, ind.projectId, ind.id, {
          ...edit,
          targetValue: "10",
          revisionNote: "2027 restructuring: two sections dropped.",
        })
      ).status,
    ).toBe(302);
    let row = await db.indicator.findUniqueOrThrow({ where: { id: ind.id } });
    expect(row).toMatchObject({
      targetValue: 10,
      originalTargetValue: 12,
      targetRevisionNote: "2027 restructuring: two sections dropped.",
      version: ind.version + 1,
    });
    expect(row.targetRevisedOn).not.toBeNull();
    const [event] = await eventsAfter(seq);
    expect(event).toMatchObject({
      action: "indicator.reviseTarget",
      reason: "2027 restructuring: two sections dropped.",
    });
    expect(JSON.parse(event.before!)).toMatchObject({ targetValue: 12, originalTargetValue: null });
    expect(JSON.parse(event.after!)).toMatchObject({ targetValue: 10, originalTargetValue: 12 });

    // A second revision: the original stays the FIRST target.
    expect(
      (
        await onIndicator(wbManager, ind.projectId, ind.id, {
          ...edit,
          version: String(row.version),
          targetValue: "8",
          revisionNote: "Second restructuring.",
        })
      ).status,
    ).toBe(302);
    row = await db.indicator.findUniqueOrThrow({ where: { id: ind.id } });
    expect(row).toMatchObject({ targetValue: 8, originalTargetValue: 12, targetRevisionNote: "Second restructuring." });

    // An edit that keeps the target is not a revision; the stale version is refused.
    const snapshot = await snapshotCounts();
    const stale = await onIndicator(wbManager, ind.projectId, ind.id, {
      ...edit,
      version: String(ind.version),
      targetValue: "8",
      name: "Renamed",
    });
    expect(stale.status).toBe(409);
    expect(await snapshotCounts()).toEqual(snapshot);
    expect(
      (
        await onIndicator(wbManager, ind.projectId, ind.id, {
          ...edit,
          version: String(row.version),
          targetValue: "8",
          name: "Renamed",
        })
      ).status,
    ).toBe(302);
    expect(await db.indicator.findUniqueOrThrow({ where: { id: ind.id } })).toMatchObject({
      name: "Renamed",
      originalTargetValue: 12,
      targetValue: 8,
    });
  });
});

describe("reporting frequencies (one list: schema, form, labels, reporting)", () => {
  it("a manager saves a SEMI_ANNUAL indicator with interim targets (ROAD_KM_RECONSTRUCTED, P128050) unchanged", async () => {
    const ind = await db.indicator.findFirstOrThrow({
      where: { code: "ROAD_KM_RECONSTRUCTED", project: { code: "P128050" } },
      include: { targets: { orderBy: { periodEnd: "asc" } } },
    });
    expect(ind.frequency).toBe("SEMI_ANNUAL");
    const form = indicatorEditForm(ind);
    const saved = await onIndicator(transportManager, ind.projectId, ind.id, form);
    expect(fieldErrors(saved)).toBeNull();
    expect(saved.status).toBe(302);
    expect(await db.indicator.findUniqueOrThrow({ where: { id: ind.id } })).toMatchObject({
      frequency: "SEMI_ANNUAL",
      version: ind.version + 1,
    });
  });
});

describe("creating indicators concurrently", () => {
  it("two managers creating the same code at once: one wins, the others get codeTaken (400), never a 500", async () => {
    const project = await projectByCode("P500565");
    const input = IndicatorCreateSchema.parse({
      code: "RACE_CODE",
      name: "Created twice at the same moment",
      type: "INTERMEDIATE",
      unit: "units",
      measure: "UNIT",
      ascending: "true",
      frequency: "ANNUAL",
      dataSource: "",
      responsibleAgency: "",
    });
    const context = auditContextFor(wbManager);
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => createIndicator({ projectId: project.id, input, context })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    expect(refused).toHaveLength(3);
    for (const reason of refused) {
      expect(reason).toBeInstanceOf(InvalidInputError);
      expect(reason).toMatchObject({ fieldErrors: { code: "workflow.errors.codeTaken" } });
    }
    expect(await db.indicator.count({ where: { projectId: project.id, code: "RACE_CODE" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "indicator.create", after: { contains: "RACE_CODE" } } })).toBe(
      1,
    );
  });
});
