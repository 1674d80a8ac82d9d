import { dayOf } from "~/lib/dates";
import { db } from "~/lib/db.server";
import { ForbiddenError, NotFoundError, RefusedError, VersionConflictError } from "~/lib/errors";
import { canReviewSubmission, type Actor, type Decision } from "~/lib/permissions";
import { loadProjectScope } from "~/lib/permissions.server";
import { auditedTransaction, type AuditContext } from "~/models/audit.server";
import { reviewIndicatorValueTx } from "~/models/indicator-value.server";
import { approveMilestoneUpdateTx, returnMilestoneUpdateTx } from "~/models/milestone-update.server";
import { notifyDecisionTx } from "~/models/notify/events.server";
import type { SubmissionKind } from "~/schemas/review";

/**
 * Review decisions on pending milestone updates and indicator values.
 *
 * Bulk approval is all-or-nothing: every selected item is authorised on its own first (any refusal stops the
 * whole request before anything is written), then all approvals run in ONE audited transaction; if any item
 * was already reviewed by someone else, nothing is changed and the 409 names that item.
 */

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
        // The author hears in the same transaction: no decision without its notification, nor the reverse.
        await notifyDecisionTx(tx, item, decision === "approve" ? "approved" : "returned");
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
