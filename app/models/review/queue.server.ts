import { db } from "~/lib/db.server";
import type { Actor } from "~/lib/permissions";
import { projectWhereForActor } from "~/lib/permissions.server";
import { evidenceChipsFor, type EvidenceChip } from "~/models/evidence.server";
import { summarizeIndicator } from "~/models/indicator.server";
import { milestoneScheduleSelect } from "~/models/milestone.server";
import { parseStoredLinks } from "~/schemas/fields";
import type { SubmissionKind } from "~/schemas/review";

/** The review queue: pending milestone updates and indicator values in the manager's scope, oldest first. */

/** At most this many items of each kind are listed (oldest first); the page says "showing N of M" beyond it. */
export const REVIEW_QUEUE_LIMIT = 25;

export type QueueTruncation = { kind: SubmissionKind; shown: number; total: number };

const projectHeader = { select: { id: true, code: true, name: true } } as const;

function pendingUpdates(where: object, limit: number) {
  return db.milestoneUpdate.findMany({
    where,
    orderBy: { submittedAt: "asc" },
    take: limit,
    include: {
      author: { select: { id: true, name: true } },
      milestone: { select: { id: true, title: true, ...milestoneScheduleSelect, project: projectHeader } },
    },
  });
}

function pendingValues(where: object, limit: number) {
  return db.indicatorValue.findMany({
    where,
    orderBy: { submittedAt: "asc" },
    take: limit,
    include: {
      reporter: { select: { id: true, name: true } },
      indicator: {
        include: {
          project: projectHeader,
          // Only the latest verified value is shown next to the proposal: load that one, not the whole series.
          values: {
            where: { state: "VERIFIED" },
            orderBy: { periodEnd: "desc" },
            take: 1,
            select: { periodEnd: true, value: true },
          },
        },
      },
    },
  });
}

/** A pending milestone update as the queue shows it: the proposal next to the milestone as it is. */
function toUpdateItem(u: Awaited<ReturnType<typeof pendingUpdates>>[number], actor: Actor, files: EvidenceChip[]) {
  return {
    kind: "milestoneUpdate" as const,
    id: u.id,
    version: u.version,
    submittedAt: u.submittedAt.toISOString(),
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
    },
    proposed: {
      status: u.proposedStatus,
      percent: u.proposedPercent,
      dueDate: u.proposedDueDate?.toISOString() ?? null,
      dueDateReason: u.dueDateReason,
      narrative: u.narrative,
      evidenceLinks: parseStoredLinks(u.evidenceLinks),
      evidenceFiles: files,
    },
  };
}

/** A reported value as the queue shows it: the value next to the indicator's latest verified actual. */
function toValueItem(v: Awaited<ReturnType<typeof pendingValues>>[number], actor: Actor, files: EvidenceChip[]) {
  const summary = summarizeIndicator(v.indicator, v.indicator.values);
  return {
    kind: "indicatorValue" as const,
    id: v.id,
    version: v.version,
    submittedAt: v.submittedAt.toISOString(),
    authorName: v.reporter.name,
    ownSubmission: v.reporter.id === actor.id,
    project: v.indicator.project,
    indicator: {
      id: v.indicator.id,
      code: v.indicator.code,
      name: v.indicator.name,
      unit: v.indicator.unit,
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
      evidenceFiles: files,
    },
  };
}

/**
 * Pending items on the actor's projects, archived projects excepted (an archived project is read-only), at most
 * `limit` of each kind. `truncated` names each kind that has more, with its total.
 */
export async function listReviewQueue({
  actor,
  limit = REVIEW_QUEUE_LIMIT,
  excludeAuthorId,
}: {
  actor: Actor;
  limit?: number;
  /** Leave out this person's own submissions (a manager's home lists only what others wait on). */
  excludeAuthorId?: string;
}) {
  const projectScope = { AND: [projectWhereForActor(actor), { archivedAt: null }] };
  const notBy = excludeAuthorId ? { not: excludeAuthorId } : undefined;
  const updateWhere = { reviewState: "SUBMITTED" as const, authorId: notBy, milestone: { project: projectScope } };
  const valueWhere = { state: "SUBMITTED" as const, reporterId: notBy, indicator: { project: projectScope } };
  const [updates, values] = await Promise.all([pendingUpdates(updateWhere, limit), pendingValues(valueWhere, limit)]);

  // Only when a kind filled its page is it worth counting the rest.
  const [updateTotal, valueTotal] = await Promise.all([
    updates.length < limit ? updates.length : db.milestoneUpdate.count({ where: updateWhere }),
    values.length < limit ? values.length : db.indicatorValue.count({ where: valueWhere }),
  ]);
  const truncated: QueueTruncation[] = [];
  if (updateTotal > updates.length)
    truncated.push({ kind: "milestoneUpdate", shown: updates.length, total: updateTotal });
  if (valueTotal > values.length) truncated.push({ kind: "indicatorValue", shown: values.length, total: valueTotal });

  const [updateFiles, valueFiles] = await Promise.all([
    evidenceChipsFor(
      "MilestoneUpdate",
      updates.map((u) => u.id),
    ),
    evidenceChipsFor(
      "IndicatorValue",
      values.map((v) => v.id),
    ),
  ]);
  const items = [
    ...updates.map((u) => toUpdateItem(u, actor, updateFiles.get(u.id) ?? [])),
    ...values.map((v) => toValueItem(v, actor, valueFiles.get(v.id) ?? [])),
  ].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
  return { items, total: updateTotal + valueTotal, truncated };
}
export type ReviewQueueItem = Awaited<ReturnType<typeof listReviewQueue>>["items"][number];
