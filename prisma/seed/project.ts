// One demo project: the project row, its members, then its milestones (with the updates that brought each to its
// state), its results framework (with reported values) and its rating history — each record audited as it is written.
import type { Audit, AuditInput, Tx } from "~/models/audit.server";
import { ORGANIZATIONS } from "./data/organizations";
import { addDays, day, moment, usdMillions } from "./dates";
import {
  createIndicatorValue,
  createMilestoneUpdate,
  type Log,
  type UpdateEvent,
  type UserId,
  type ValueEvent,
} from "./events";
import { lookup } from "./lookup";
import type { Counts, Ids, IndicatorSpec, MilestoneSpec, ProjectSpec, UserKey } from "./types";

/** What the per-part writers share: the transaction, the project's audit log and the id of a demo user. */
type Context = { tx: Tx; log: Log; user: UserId; projectId: string; spec: ProjectSpec };

export async function seedProject(tx: Tx, record: Audit, ids: Ids, spec: ProjectSpec): Promise<Counts> {
  const user: UserId = (key) => lookup(ids.users, key, "demo user");
  const optionalDay = (iso?: string) => (iso ? day(iso) : null);
  const project = await tx.project.create({
    data: {
      code: spec.code,
      name: spec.name,
      description: spec.description,
      institution: spec.institution,
      instrument: spec.instrument,
      implementingAgencyId: lookup(ids.orgs, spec.agency, "organisation"),
      priorityAreaId: lookup(ids.areas, spec.area, "priority area"),
      sectorCode: spec.sector,
      status: spec.status,
      approvalDate: optionalDay(spec.approval),
      effectivenessDate: optionalDay(spec.effectiveness),
      mtrPlannedDate: optionalDay(spec.mtrPlanned),
      mtrActualDate: optionalDay(spec.mtrActual),
      closingOriginalDate: optionalDay(spec.closingOriginal),
      closingRevisedDate: optionalDay(spec.closingRevised),
      commitmentMinor: usdMillions(spec.commitment),
      disbursedMinor: usdMillions(spec.disbursed),
      narrative: spec.narrative,
    },
  });
  const projectId = project.id;
  const log = (input: AuditInput) => record({ ...input, projectId });
  await log({ action: "project.create", entityType: "Project", entityId: projectId, after: project });

  const members = await tx.projectMember.createManyAndReturn({
    data: spec.members.map(([key, capacity]) => ({ projectId, userId: user(key), capacity })),
  });
  for (const member of members) {
    await log({ action: "member.add", entityType: "ProjectMember", entityId: member.id, after: member });
  }

  const context: Context = { tx, log, user, projectId, spec };
  const milestones = await seedMilestones(context);
  const indicators = await seedIndicators(context);
  const ratings = await seedRatings(context);
  return { projects: 1, members: members.length, ...milestones, ...indicators, ratings, auditEvents: 0 };
}

async function seedMilestones({ tx, log, user, projectId, spec }: Context) {
  const milestoneSpecs = spec.milestones ?? [];
  const milestones = await tx.milestone.createManyAndReturn({
    data: milestoneSpecs.map((m, i) => ({
      projectId,
      title: m.title,
      description: m.description ?? "",
      baselineDueDate: day(m.baseline),
      currentDueDate: day(m.current ?? m.baseline),
      status: m.status,
      percentComplete: m.percent,
      completedOn: m.completedOn ? day(m.completedOn) : null,
      ownerId: m.owner ? user(m.owner) : null,
      sortOrder: i + 1,
    })),
  });
  const bySortOrder = new Map(milestones.map((row) => [row.sortOrder, row]));
  let milestoneUpdates = 0;
  for (const [i, m] of milestoneSpecs.entries()) {
    const milestone = lookup(bySortOrder, i + 1, "milestone position");
    await log({ action: "milestone.create", entityType: "Milestone", entityId: milestone.id, after: milestone });
    const author = m.owner ?? spec.reporter;
    if (!author || m.status === "CANCELLED") continue;
    for (const u of milestoneHistory(m, author, spec.milestoneReviewer ?? spec.reviewer)) {
      await createMilestoneUpdate(tx, log, user, milestone.id, u);
      milestoneUpdates++;
    }
  }
  return { milestones: milestones.length, milestoneUpdates };
}

/** The updates that brought a milestone to its current state, oldest first: a re-planning, progress, pending ones. */
function milestoneHistory(m: MilestoneSpec, author: UserKey, reviewer: UserKey): UpdateEvent[] {
  const updates: UpdateEvent[] = [];
  const slipped = (m.current ?? m.baseline) !== m.baseline;
  if (slipped) {
    const on = m.slipOn ?? addDays(m.baseline, -14).toISOString().slice(0, 10);
    updates.push({
      author,
      status: on > m.baseline ? "DELAYED" : m.status === "NOT_STARTED" ? "NOT_STARTED" : "IN_PROGRESS",
      percent: m.status === "COMPLETED" ? 70 : Math.max(0, m.percent - 20),
      dueDate: m.current,
      dueDateReason: m.slipReason ?? "Re-planned with the implementing agency.",
      narrative: `Due date re-planned: ${m.slipReason ?? "re-planned with the implementing agency."}`,
      submittedAt: moment(on),
      review: { state: "APPROVED", by: reviewer, at: addDays(on, 5, "14:00:00") },
    });
  }
  if (m.status === "COMPLETED") {
    if (!m.completedOn) throw new Error(`seed data error: completed milestone "${m.title}" has no completedOn`);
    updates.push({
      author,
      status: "COMPLETED",
      percent: 100,
      narrative: m.note ?? "Completed and accepted; acceptance documents are in the project file.",
      submittedAt: addDays(m.completedOn, 2),
      review: { state: "APPROVED", by: reviewer, at: addDays(m.completedOn, 6, "14:00:00") },
    });
  } else if (m.status === "IN_PROGRESS" || m.status === "DELAYED") {
    const on = m.lastUpdate ?? "2026-09-15";
    if (updates.length > 0 && updates[0].submittedAt >= moment(on)) {
      throw new Error(`seed data error: "${m.title}" was re-planned after its latest progress update`);
    }
    updates.push({
      author,
      status: m.status,
      percent: m.percent,
      narrative: m.note ?? `${m.percent}% complete.`,
      submittedAt: moment(on),
      review: { state: "APPROVED", by: reviewer, at: addDays(on, 4, "14:00:00") },
    });
  }
  for (const p of m.pending ?? []) {
    updates.push({
      author: p.author,
      status: p.status,
      percent: p.percent,
      dueDate: p.dueDate,
      dueDateReason: p.dueDateReason,
      narrative: p.narrative,
      evidence: p.evidence,
      submittedAt: moment(p.submittedAt),
      review: p.returned
        ? { state: "RETURNED", by: p.returned.by, at: moment(p.returned.at), comment: p.returned.comment }
        : undefined,
    });
  }
  return updates.sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
}

async function seedIndicators({ tx, log, user, projectId, spec }: Context) {
  const indicatorSpecs = spec.indicators ?? [];
  const agencyName = lookup(new Map(ORGANIZATIONS.map((o) => [o.code, o.name])), spec.agency, "organisation");
  const indicators = await tx.indicator.createManyAndReturn({
    data: indicatorSpecs.map((ind, i) => ({
      projectId,
      code: ind.code,
      name: ind.name,
      type: ind.type,
      unit: ind.unit,
      measure: ind.measure ?? "UNIT",
      ascending: ind.ascending ?? true,
      baselineValue: ind.baseline[0],
      baselineDate: day(ind.baseline[1]),
      targetValue: ind.target[0],
      targetDate: day(ind.target[1]),
      originalTargetValue: ind.revised?.[0] ?? null,
      targetRevisedOn: ind.revised ? day(ind.revised[1]) : null,
      targetRevisionNote: ind.revised?.[2] ?? null,
      frequency: ind.frequency ?? "ANNUAL",
      dataSource: ind.dataSource ?? "Project progress reports",
      responsibleAgency: ind.responsibleAgency ?? agencyName,
      sortOrder: i + 1,
    })),
  });
  const byCode = new Map(indicators.map((row) => [row.code, row]));
  let indicatorValues = 0;
  for (const ind of indicatorSpecs) {
    const indicator = lookup(byCode, ind.code, "indicator code");
    const targets = (ind.targets ?? []).map(([end, value]) => ({ periodEnd: day(end), value }));
    if (targets.length > 0) {
      await tx.indicatorTarget.createMany({ data: targets.map((t) => ({ ...t, indicatorId: indicator.id })) });
    }
    await log({
      action: "indicator.create",
      entityType: "Indicator",
      entityId: indicator.id,
      after: { ...indicator, targets },
    });
    for (const v of valueHistory(ind, spec)) {
      await createIndicatorValue(tx, log, user, indicator.id, v);
      indicatorValues++;
    }
  }
  return { indicators: indicators.length, indicatorValues };
}

/** An indicator's reported values: the verified ones (reported by the project's reporter), then the pending ones. */
function valueHistory(ind: IndicatorSpec, spec: ProjectSpec): ValueEvent[] {
  const values: ValueEvent[] = [];
  const verified = ind.values ?? [];
  if (verified.length > 0) {
    const reporter = spec.reporter;
    if (!reporter) throw new Error(`seed data error: ${spec.code} has verified values but no reporter`);
    for (const [end, value] of verified) {
      values.push({
        start: `${end.slice(0, 4)}-01-01`,
        end,
        value,
        by: reporter,
        submittedAt: addDays(end, 20),
        comment: "",
        review: { state: "VERIFIED", by: spec.reviewer, at: addDays(end, 34, "14:00:00") },
      });
    }
  }
  for (const p of ind.pending ?? []) {
    values.push({
      ...p,
      submittedAt: moment(p.submittedAt),
      review: p.returned
        ? { state: "RETURNED", by: p.returned.by, at: moment(p.returned.at), comment: p.returned.comment }
        : undefined,
    });
  }
  return values;
}

async function seedRatings({ tx, log, user, projectId, spec }: Context): Promise<number> {
  const ratingSpecs = spec.ratings ?? [];
  if (ratingSpecs.length === 0) return 0;
  const ratings = await tx.rating.createManyAndReturn({
    data: ratingSpecs.map((r) => ({
      projectId,
      ratedOn: day(r.on),
      pdoRating: r.pdo,
      ipRating: r.ip,
      riskRating: r.risk,
      justification: r.justification,
      authorId: user(r.by ?? spec.reviewer),
    })),
  });
  ratings.sort((a, b) => a.ratedOn.getTime() - b.ratedOn.getTime());
  for (const rating of ratings) {
    await log({ action: "rating.record", entityType: "Rating", entityId: rating.id, after: rating });
  }
  return ratings.length;
}
