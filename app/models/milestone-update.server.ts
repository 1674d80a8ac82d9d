import { dayOrNull, dayToDate, todayUtc } from "~/lib/dates";
import { db } from "~/lib/db.server";
import { NotFoundError, RefusedError, VersionConflictError } from "~/lib/errors";
import { auditedTransaction, type Audit, type AuditContext, type Tx } from "~/models/audit.server";
import {
  attachEvidenceTx,
  evidenceChipsFor,
  evidenceRecordsTx,
  withStoredEvidence,
  type StoredEvidence,
} from "~/models/evidence.server";
import { milestoneAuditShape } from "~/models/milestone.server";
import { EVIDENCE_MAX_FILES } from "~/lib/evidence/limits";
import type { StagedEvidence } from "~/lib/evidence/upload.server";
import { notifySubmittedTx } from "~/models/notify/events.server";
import type { MilestoneUpdateData } from "~/schemas/milestone";
import { parseStoredLinks } from "~/schemas/fields";

/**
 * Officers' updates on milestones and their review.
 *
 * Resubmission model: a returned update is corrected in place — the same row goes back to SUBMITTED with
 * version + 1. The reviewer's comment stays on the row until the next review, and every step (submitted,
 * returned, resubmitted, approved) is an audit event on the update, which is what the update history shows.
 */

export const UPDATE_ACTIONS = {
  submit: "milestoneUpdate.submit",
  resubmit: "milestoneUpdate.resubmit",
  approve: "milestoneUpdate.approve",
  return: "milestoneUpdate.return",
} as const;

type UpdateRow = {
  id: string;
  milestoneId: string;
  authorId: string;
  proposedStatus: string;
  proposedPercent: number;
  proposedDueDate: Date | null;
  dueDateReason: string | null;
  narrative: string;
  evidenceLinks: string;
  reviewState: string;
  reviewerId: string | null;
  reviewComment: string | null;
  submittedAt: Date;
  reviewedAt: Date | null;
  version: number;
};

export function updateAuditShape(row: UpdateRow) {
  return {
    milestoneId: row.milestoneId,
    authorId: row.authorId,
    proposedStatus: row.proposedStatus,
    proposedPercent: row.proposedPercent,
    proposedDueDate: dayOrNull(row.proposedDueDate),
    dueDateReason: row.dueDateReason,
    narrative: row.narrative,
    evidenceLinks: parseStoredLinks(row.evidenceLinks),
    reviewState: row.reviewState,
    reviewerId: row.reviewerId,
    reviewComment: row.reviewComment,
    submittedAt: row.submittedAt.toISOString(),
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    version: row.version,
  };
}

export type TrailStep = {
  action: "submitted" | "resubmitted" | "approved" | "returned";
  at: string;
  actorName: string | null;
  comment: string | null;
};

const STEP_OF: Record<string, TrailStep["action"]> = {
  [UPDATE_ACTIONS.submit]: "submitted",
  [UPDATE_ACTIONS.resubmit]: "resubmitted",
  [UPDATE_ACTIONS.approve]: "approved",
  [UPDATE_ACTIONS.return]: "returned",
};

type Snapshot = {
  authorId?: unknown;
  reviewerId?: unknown;
  reviewComment?: unknown;
  submittedAt?: unknown;
  reviewedAt?: unknown;
};

function readSnapshot(after: string | null): Snapshot {
  if (!after) return {};
  try {
    const value: unknown = JSON.parse(after);
    return value && typeof value === "object" ? (value as Snapshot) : {};
  } catch {
    return {};
  }
}

const str = (v: unknown): string | null => (typeof v === "string" && v ? v : null);

/**
 * Every update of a milestone, newest first, with its review trail read from the audit log (so the return
 * and the resubmission both stay visible after the row has moved on). Rows written without events (e.g.
 * the demo seed) get a trail reconstructed from their own columns.
 */
export async function listMilestoneUpdates({ milestoneId }: { milestoneId: string }) {
  const rows = await db.milestoneUpdate.findMany({
    where: { milestoneId },
    orderBy: { submittedAt: "desc" },
    include: { author: { select: { id: true, name: true } }, reviewer: { select: { id: true, name: true } } },
  });
  const events = rows.length
    ? await db.auditEvent.findMany({
        where: {
          entityType: "MilestoneUpdate",
          entityId: { in: rows.map((r) => r.id) },
          action: { in: Object.values(UPDATE_ACTIONS) },
        },
        orderBy: { seq: "asc" },
        select: { entityId: true, action: true, occurredAt: true, actorId: true, after: true },
      })
    : [];
  // Who and when come from the event's "after" snapshot (author for a submission, reviewer for a decision), so
  // that imported history (written by the system account) still names the people and dates it records.
  const steps = events.map((e) => {
    const after = readSnapshot(e.after);
    const review = e.action === UPDATE_ACTIONS.approve || e.action === UPDATE_ACTIONS.return;
    return {
      entityId: e.entityId,
      action: STEP_OF[e.action],
      at: str(review ? after.reviewedAt : after.submittedAt) ?? e.occurredAt.toISOString(),
      actorId: str(review ? after.reviewerId : after.authorId) ?? e.actorId,
      comment: review ? str(after.reviewComment) : null,
    };
  });
  const actorIds = [...new Set(steps.map((e) => e.actorId).filter((id): id is string => !!id))];
  const actors = actorIds.length
    ? await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })
    : [];
  const nameOf = new Map(actors.map((a) => [a.id, a.name]));
  const filesOf = await evidenceChipsFor(
    "MilestoneUpdate",
    rows.map((row) => row.id),
  );

  return rows.map((row) => {
    let trail: TrailStep[] = steps
      .filter((e) => e.entityId === row.id)
      .map((e) => ({
        action: e.action,
        at: e.at,
        actorName: e.actorId ? (nameOf.get(e.actorId) ?? null) : null,
        comment: e.comment,
      }));
    if (trail.length === 0) {
      trail = [{ action: "submitted", at: row.submittedAt.toISOString(), actorName: row.author.name, comment: null }];
      if (row.reviewState !== "SUBMITTED" && row.reviewedAt) {
        trail.push({
          action: row.reviewState === "APPROVED" ? "approved" : "returned",
          at: row.reviewedAt.toISOString(),
          actorName: row.reviewer?.name ?? null,
          comment: row.reviewComment,
        });
      }
    }
    return {
      id: row.id,
      authorId: row.authorId,
      authorName: row.author.name,
      reviewerName: row.reviewer?.name ?? null,
      proposedStatus: row.proposedStatus,
      proposedPercent: row.proposedPercent,
      proposedDueDate: row.proposedDueDate?.toISOString() ?? null,
      dueDateReason: row.dueDateReason,
      narrative: row.narrative,
      evidenceLinks: parseStoredLinks(row.evidenceLinks),
      evidenceFiles: filesOf.get(row.id) ?? [],
      reviewState: row.reviewState,
      reviewComment: row.reviewComment,
      submittedAt: row.submittedAt.toISOString(),
      reviewedAt: row.reviewedAt?.toISOString() ?? null,
      version: row.version,
      trail,
    };
  });
}
export type MilestoneUpdateView = Awaited<ReturnType<typeof listMilestoneUpdates>>[number];

function proposalData(input: MilestoneUpdateData) {
  return {
    proposedStatus: input.proposedStatus,
    proposedPercent: input.proposedPercent,
    proposedDueDate: input.proposedDueDate ? dayToDate(input.proposedDueDate) : null,
    dueDateReason: input.dueDateReason || null,
    narrative: input.narrative,
    evidenceLinks: JSON.stringify(input.evidenceLinks),
  };
}

/** One pending (SUBMITTED) update per milestone per author at a time: a second one is refused. */
async function assertNoPending(tx: Tx, milestoneId: string, authorId: string, exceptId?: string) {
  const pending = await tx.milestoneUpdate.findFirst({
    where: { milestoneId, authorId, reviewState: "SUBMITTED", ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (pending) throw new RefusedError("workflow.errors.pendingExists");
}

type SubmitArgs = { milestone: { id: string; projectId: string }; authorId: string; input: MilestoneUpdateData };

/**
 * Creates a SUBMITTED update with its evidence files (stored first, tied to the update and sealed in its audit
 * event in the same transaction). Throws RefusedError when the author already has one waiting.
 */
export async function submitMilestoneUpdate({
  context,
  evidence = [],
  ...args
}: SubmitArgs & { evidence?: StagedEvidence[]; context: AuditContext }) {
  return withStoredEvidence(evidence, (stored) =>
    auditedTransaction(context, (tx, audit) => submitMilestoneUpdateTx(tx, audit, { ...args, files: stored })),
  );
}

/**
 * `submitMilestoneUpdate` inside the caller's transaction (a spreadsheet's rows commit together or not at all), with
 * evidence files the caller has already stored (none from a spreadsheet).
 */
export async function submitMilestoneUpdateTx(
  tx: Tx,
  audit: Audit,
  { milestone, authorId, input, files = [] }: SubmitArgs & { files?: StoredEvidence[] },
) {
  await assertNoPending(tx, milestone.id, authorId);
  const created = await tx.milestoneUpdate.create({
    data: { milestoneId: milestone.id, authorId, ...proposalData(input) },
  });
  const sealed = await attachEvidenceTx(tx, {
    subjectType: "MilestoneUpdate",
    subjectId: created.id,
    projectId: milestone.projectId,
    uploadedById: authorId,
    files,
  });
  await audit({
    action: UPDATE_ACTIONS.submit,
    entityType: "MilestoneUpdate",
    entityId: created.id,
    projectId: milestone.projectId,
    after: { ...updateAuditShape(created), ...(sealed.length ? { evidenceFiles: sealed } : {}) },
  });
  await notifySubmittedTx(tx, { kind: "milestoneUpdate", id: created.id });
  return created.id;
}

/** The update of this milestone with this id (an id from elsewhere is not found). */
export async function getMilestoneUpdate({ milestoneId, updateId }: { milestoneId: string; updateId: string }) {
  return db.milestoneUpdate.findFirst({ where: { id: updateId, milestoneId } });
}

/**
 * The author corrects a RETURNED update: the same row goes back to SUBMITTED with version + 1. Only the
 * author may do it (the route checks), only from RETURNED, and only at the version they corrected. The files
 * already given stay with the update; new ones are added (EVIDENCE_MAX_FILES in all), and the event lists them all.
 */
export async function resubmitMilestoneUpdate({
  milestone,
  updateId,
  authorId,
  expectedVersion,
  input,
  evidence = [],
  context,
}: {
  milestone: { id: string; projectId: string };
  updateId: string;
  authorId: string;
  expectedVersion: number;
  input: MilestoneUpdateData;
  evidence?: StagedEvidence[];
  context: AuditContext;
}) {
  await withStoredEvidence(evidence, (stored) =>
    auditedTransaction(context, async (tx, audit) => {
      const before = await tx.milestoneUpdate.findFirst({
        where: { id: updateId, milestoneId: milestone.id, authorId },
      });
      if (!before) throw new NotFoundError("milestone update");
      if (before.reviewState !== "RETURNED" || before.version !== expectedVersion)
        throw new VersionConflictError(updateAuditShape(before));
      await assertNoPending(tx, milestone.id, authorId, updateId);
      const filesBefore = await evidenceRecordsTx(tx, "MilestoneUpdate", updateId);
      if (filesBefore.length + stored.length > EVIDENCE_MAX_FILES) throw new RefusedError("evidence.errors.tooMany");
      const result = await tx.milestoneUpdate.updateMany({
        where: { id: updateId, version: expectedVersion, reviewState: "RETURNED" },
        data: { ...proposalData(input), reviewState: "SUBMITTED", submittedAt: new Date(), version: { increment: 1 } },
      });
      if (result.count === 0) throw new VersionConflictError(updateAuditShape(before));
      const added = await attachEvidenceTx(tx, {
        subjectType: "MilestoneUpdate",
        subjectId: updateId,
        projectId: milestone.projectId,
        uploadedById: authorId,
        files: stored,
      });
      const after = await tx.milestoneUpdate.findUniqueOrThrow({ where: { id: updateId } });
      const filesAfter = [...filesBefore, ...added];
      await audit({
        action: UPDATE_ACTIONS.resubmit,
        entityType: "MilestoneUpdate",
        entityId: updateId,
        projectId: milestone.projectId,
        before: { ...updateAuditShape(before), ...(filesBefore.length ? { evidenceFiles: filesBefore } : {}) },
        after: { ...updateAuditShape(after), ...(filesAfter.length ? { evidenceFiles: filesAfter } : {}) },
      });
      await notifySubmittedTx(tx, { kind: "milestoneUpdate", id: updateId });
    }),
  );
}

/** Moves a SUBMITTED update at `expectedVersion` to its reviewed state, or throws VersionConflictError. */
async function closeReview(
  tx: Tx,
  args: {
    updateId: string;
    expectedVersion: number;
    reviewerId: string;
    state: "APPROVED" | "RETURNED";
    comment: string | null;
  },
) {
  const before = await tx.milestoneUpdate.findUnique({ where: { id: args.updateId } });
  if (!before) throw new NotFoundError("milestone update");
  const result = await tx.milestoneUpdate.updateMany({
    where: { id: args.updateId, version: args.expectedVersion, reviewState: "SUBMITTED" },
    data: {
      reviewState: args.state,
      reviewerId: args.reviewerId,
      reviewComment: args.comment,
      reviewedAt: new Date(),
      version: { increment: 1 },
    },
  });
  if (result.count === 0) throw new VersionConflictError(updateAuditShape(before));
  const after = await tx.milestoneUpdate.findUniqueOrThrow({ where: { id: args.updateId } });
  return { before, after };
}

/**
 * Approves an update inside the caller's transaction: the update's state, the milestone's new status,
 * percent, due date (when revised) and completion date, and both audit events commit together or not at all.
 */
export async function approveMilestoneUpdateTx(
  tx: Tx,
  audit: Audit,
  args: { updateId: string; expectedVersion: number; reviewerId: string; comment: string | null; today?: Date },
) {
  const { before, after } = await closeReview(tx, { ...args, state: "APPROVED" });
  const milestone = await tx.milestone.findUniqueOrThrow({ where: { id: before.milestoneId } });
  const completed = before.proposedStatus === "COMPLETED";
  const changed = await tx.milestone.updateMany({
    where: { id: milestone.id, version: milestone.version },
    data: {
      status: before.proposedStatus,
      percentComplete: before.proposedPercent,
      ...(before.proposedDueDate ? { currentDueDate: before.proposedDueDate } : {}),
      completedOn: completed ? (milestone.completedOn ?? todayUtc(args.today)) : null,
      version: { increment: 1 },
    },
  });
  if (changed.count === 0) throw new VersionConflictError(milestoneAuditShape(milestone));
  const milestoneAfter = await tx.milestone.findUniqueOrThrow({ where: { id: milestone.id } });
  await audit({
    action: UPDATE_ACTIONS.approve,
    entityType: "MilestoneUpdate",
    entityId: before.id,
    projectId: milestone.projectId,
    before: updateAuditShape(before),
    after: updateAuditShape(after),
  });
  const moved = before.proposedDueDate && before.proposedDueDate.getTime() !== milestone.currentDueDate.getTime();
  // The reason is shown as written in History, so it is only ever the officer's own words (why the date moved),
  // never text made up here. Which update was applied is recorded in the snapshot instead (appliedUpdateId).
  await audit({
    action: "milestone.applyUpdate",
    entityType: "Milestone",
    entityId: milestone.id,
    projectId: milestone.projectId,
    before: milestoneAuditShape(milestone),
    after: { ...milestoneAuditShape(milestoneAfter), appliedUpdateId: before.id },
    reason: moved && before.dueDateReason ? before.dueDateReason : null,
  });
  return { milestoneId: milestone.id, projectId: milestone.projectId };
}

/** Returns an update to its author with the reviewer's comment (required). */
export async function returnMilestoneUpdateTx(
  tx: Tx,
  audit: Audit,
  args: { updateId: string; expectedVersion: number; reviewerId: string; comment: string; projectId: string },
) {
  const { before, after } = await closeReview(tx, { ...args, state: "RETURNED" });
  await audit({
    action: UPDATE_ACTIONS.return,
    entityType: "MilestoneUpdate",
    entityId: before.id,
    projectId: args.projectId,
    before: updateAuditShape(before),
    after: updateAuditShape(after),
    reason: args.comment,
  });
}
