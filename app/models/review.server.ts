import { dayOf } from "~/lib/dates";
import { db } from "~/lib/db.server";
import { ForbiddenError, NotFoundError, RefusedError, VersionConflictError } from "~/lib/errors";
import { canReviewSubmission, type Actor, type Decision } from "~/lib/permissions";
import { loadProjectScope, projectWhereForActor } from "~/lib/permissions.server";
import { auditedTransaction, type AuditContext } from "~/models/audit.server";
import { summarizeIndicator } from "~/models/indicator.server";
import { reviewIndicatorValueTx } from "~/models/indicator-value.server";
import { approveMilestoneUpdateTx, returnMilestoneUpdateTx } from "~/models/milestone-update.server";
import type { SubmissionKind } from "~/schemas/review";
import { parseStoredLinks } from "~/schemas/fields";

/**
 * The review queue: pending milestone updates and indicator values in the manager's scope, oldest first,
 * and the decisions on them.
 *
 * Bulk approval is all-or-nothing: every selected item is authorised on its own first (any refusal stops the
 * whole request before anything is written), then all approvals run in ONE audited transaction; if any item
 * was already reviewed by someone else, nothing is changed and the 409 names that item.
 */

/** At most this many items of each kind are listed (oldest first); the page says "showing N of M" beyond it. */
export const REVIEW_QUEUE_LIMIT = 500;

export type QueueTruncation = { kind: SubmissionKind; shown: number; total: number };

/**
 * Pending items on the actor's projects, archived projects excepted (an archived project is read-only), at most
 * `limit` of each kind. `truncated` names each kind that has more, with its total.
 */
export async function listReviewQueue({ actor, limit = REVIEW_QUEUE_LIMIT }: { actor: Actor; limit?: number }) {
  const projectScope = { AND: [projectWhereForActor(actor), { archivedAt: null }] };
  const updateWhere = { reviewState: "SUBMITTED" as const, milestone: { project: projectScope } };
  const valueWhere = { state: "SUBMITTED" as const, indicator: { project: projectScope } };
  const [updates, values] = await Promise.all([
    db.milestoneUpdate.findMany({
      where: updateWhere,
      orderBy: { submittedAt: "asc" },
      take: limit,
      include: {
        author: { select: { id: true, name: true } },
        milestone: {
          select: {
            id: true,
            title: true,
            status: true,
            percentComplete: true,
            currentDueDate: true,
            baselineDueDate: true,
            project: { select: { id: true, code: true, name: true } },
          },
        },
      },
    }),
    db.indicatorValue.findMany({
      where: valueWhere,
      orderBy: { submittedAt: "asc" },
      take: limit,
      include: {
        reporter: { select: { id: true, name: true } },
        indicator: {
          include: {
            project: { select: { id: true, code: true, name: true } },
            values: { where: { state: "VERIFIED" }, select: { periodEnd: true, value: true } },
          },
        },
      },
    }),
  ]);

  const milestoneItems = updates.map((u) => ({
    kind: "milestoneUpdate" as const,
    id: u.id,
    version: u.version,
    submittedAt: u.submittedAt.toISOString(),
    authorId: u.author.id,
    authorName: u.author.name,
    ownSubmission: u.author.id === actor.id,
    resubmitted: u.version > 1 && u.reviewComment !== null,
    previousComment: u.reviewComment,
    project: u.milestone.project,
    milestone: {
      id: u.milestone.id,
      title: u.milestone.title,
      status: u.milestone.status,
      percentComplete: u.milestone.percentComplete,
      currentDueDate: u.milestone.currentDueDate.toISOString(),
      baselineDueDate: u.milestone.baselineDueDate.toISOString(),
    },
    proposed: {
      status: u.proposedStatus,
      percent: u.proposedPercent,
      dueDate: u.proposedDueDate?.toISOString() ?? null,
      dueDateReason: u.dueDateReason,
      narrative: u.narrative,
      evidenceLinks: parseStoredLinks(u.evidenceLinks),
    },
  }));

  const valueItems = values.map((v) => {
    const summary = summarizeIndicator(v.indicator, v.indicator.values);
    return {
      kind: "indicatorValue" as const,
      id: v.id,
      version: v.version,
      submittedAt: v.submittedAt.toISOString(),
      authorId: v.reporter.id,
      authorName: v.reporter.name,
      ownSubmission: v.reporter.id === actor.id,
      project: v.indicator.project,
      indicator: {
        id: v.indicator.id,
        code: v.indicator.code,
        name: v.indicator.name,
        unit: v.indicator.unit,
        ascending: v.indicator.ascending,
        baselineValue: v.indicator.baselineValue,
        targetValue: v.indicator.targetValue,
        latestActual: summary.latestActual,
      },
      proposed: {
        periodStart: v.periodStart.toISOString(),
        periodEnd: v.periodEnd.toISOString(),
        value: v.value,
        comment: v.comment,
        evidenceLinks: parseStoredLinks(v.evidenceLinks),
      },
    };
  });

  // Only when a kind filled its page is it worth counting the rest.
  const [updateTotal, valueTotal] = await Promise.all([
    updates.length < limit ? updates.length : db.milestoneUpdate.count({ where: updateWhere }),
    values.length < limit ? values.length : db.indicatorValue.count({ where: valueWhere }),
  ]);
  const truncated: QueueTruncation[] = [];
  if (updateTotal > updates.length)
    truncated.push({ kind: "milestoneUpdate", shown: updates.length, total: updateTotal });
  if (valueTotal > values.length) truncated.push({ kind: "indicatorValue", shown: values.length, total: valueTotal });

  const items = [...milestoneItems, ...valueItems].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
  return { items, total: updateTotal + valueTotal, truncated };
}
export type ReviewQueueItem = Awaited<ReturnType<typeof listReviewQueue>>["items"][number];

/** Where a submission lives and who wrote it; null when the id does not exist. */
export async function findSubmission(kind: SubmissionKind, id: string) {
  if (kind === "milestoneUpdate") {
    const row = await db.milestoneUpdate.findUnique({
      where: { id },
      select: { authorId: true, milestone: { select: { projectId: true } } },
    });
    return row ? { kind, id, authorId: row.authorId, projectId: row.milestone.projectId } : null;
  }
  const row = await db.indicatorValue.findUnique({
    where: { id },
    select: { reporterId: true, indicator: { select: { projectId: true } } },
  });
  return row ? { kind, id, authorId: row.reporterId, projectId: row.indicator.projectId } : null;
}
export type Submission = NonNullable<Awaited<ReturnType<typeof findSubmission>>>;

/** May this actor review this submission? Out of scope → not-found; own submission or not a manager → forbidden. */
export async function decideReview(actor: Actor, submission: Submission): Promise<Decision> {
  const scope = await loadProjectScope(actor, submission.projectId);
  if (!scope) return "not-found";
  return canReviewSubmission(
    actor,
    submission,
    scope,
    submission.kind === "milestoneUpdate" ? "milestoneUpdate.review" : "indicatorValue.review",
  );
}

/** Loads and authorises one submission; throws NotFoundError (missing or out of scope) or ForbiddenError. */
export async function requireReviewableSubmission(actor: Actor, kind: SubmissionKind, id: string): Promise<Submission> {
  const submission = await findSubmission(kind, id);
  if (!submission) throw new NotFoundError("submission");
  const decision = await decideReview(actor, submission);
  if (decision === "not-found") throw new NotFoundError("submission");
  if (decision === "forbidden") throw new ForbiddenError("review");
  return submission;
}

export type ReviewItem = { kind: SubmissionKind; id: string; version: number };

/** Thrown (as a VersionConflictError payload) when an item was reviewed by someone else first. */
export type ReviewConflict = { kind: SubmissionKind; id: string };

/**
 * Applies one decision to one or more submissions: each is authorised individually first, then all are
 * written in one audited transaction. `return` requires a comment.
 */
export async function reviewSubmissions({
  actor,
  items,
  decision,
  comment,
  context,
  today,
}: {
  actor: Actor;
  items: ReviewItem[];
  decision: "approve" | "return";
  comment: string | null;
  context: AuditContext;
  today?: Date;
}) {
  const returnComment = comment?.trim() ? comment : null;
  if (decision === "return" && !returnComment) throw new Error("a return needs a comment");
  const authorised: Array<ReviewItem & { projectId: string }> = [];
  for (const item of items) {
    const submission = await requireReviewableSubmission(actor, item.kind, item.id);
    authorised.push({ ...item, projectId: submission.projectId });
  }
  await auditedTransaction(context, async (tx, audit) => {
    for (const item of authorised) {
      try {
        if (item.kind === "milestoneUpdate") {
          if (decision === "approve") {
            await approveMilestoneUpdateTx(tx, audit, {
              updateId: item.id,
              expectedVersion: item.version,
              reviewerId: actor.id,
              comment: comment || null,
              today,
            });
          } else if (returnComment) {
            await returnMilestoneUpdateTx(tx, audit, {
              updateId: item.id,
              expectedVersion: item.version,
              reviewerId: actor.id,
              comment: returnComment,
              projectId: item.projectId,
            });
          }
        } else {
          await reviewIndicatorValueTx(tx, audit, {
            valueId: item.id,
            expectedVersion: item.version,
            reviewerId: actor.id,
            decision: decision === "approve" ? "verify" : "return",
            comment: comment || null,
            projectId: item.projectId,
          });
        }
      } catch (error) {
        if (error instanceof VersionConflictError) {
          throw new VersionConflictError<ReviewConflict & { current: unknown }>({
            kind: item.kind,
            id: item.id,
            current: error.current,
          });
        }
        throw error;
      }
    }
  });
  return authorised;
}

/** A human name for a submission in messages: the milestone title or the indicator code and period end. */
export async function describeSubmission(kind: SubmissionKind, id: string): Promise<string> {
  if (kind === "milestoneUpdate") {
    const row = await db.milestoneUpdate.findUnique({
      where: { id },
      select: { milestone: { select: { title: true } } },
    });
    return row?.milestone.title ?? id;
  }
  const row = await db.indicatorValue.findUnique({
    where: { id },
    select: { periodEnd: true, indicator: { select: { code: true } } },
  });
  return row ? `${row.indicator.code} (${dayOf(row.periodEnd)})` : id;
}

/**
 * `reviewSubmissions` for a route: when someone reviewed an item first, nothing was changed and the decision is
 * refused naming that item (the queue then reloads and shows the current state).
 */
export async function reviewSubmissionsOrRefuse(args: Parameters<typeof reviewSubmissions>[0]) {
  try {
    return await reviewSubmissions(args);
  } catch (error) {
    if (!(error instanceof VersionConflictError)) throw error;
    const conflict = error.current as ReviewConflict;
    const item = await describeSubmission(conflict.kind, conflict.id);
    throw new RefusedError("workflow.reviews.conflict", { item });
  }
}
