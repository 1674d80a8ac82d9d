// The two workflow records whose history the seed replays step by step: a milestone update (submitted, then approved
// or returned) and an indicator value (reported, then verified or returned). One audit event per step.
import type { MilestoneStatus } from "~/generated/prisma/client";
import type { AuditInput, Tx } from "~/models/audit.server";
import { day, past } from "./dates";
import type { UserKey } from "./types";

/** Records an audit event of the project being seeded. */
export type Log = (input: AuditInput) => Promise<void>;

/** Resolves a demo user's key to the id the seed gave it. */
export type UserId = (key: UserKey) => string;

export type UpdateEvent = {
  author: UserKey;
  status: MilestoneStatus;
  percent: number;
  dueDate?: string;
  dueDateReason?: string;
  narrative: string;
  evidence?: string;
  submittedAt: Date;
  review?: { state: "APPROVED" | "RETURNED"; by: UserKey; at: Date; comment?: string };
};

/** One milestone update as submitted, then (if reviewed) approved or returned: one audit event per step. */
export async function createMilestoneUpdate(tx: Tx, log: Log, user: UserId, milestoneId: string, u: UpdateEvent) {
  const row = await tx.milestoneUpdate.create({
    data: {
      milestoneId,
      authorId: user(u.author),
      proposedStatus: u.status,
      proposedPercent: u.percent,
      proposedDueDate: u.dueDate ? day(u.dueDate) : null,
      dueDateReason: u.dueDate ? (u.dueDateReason ?? null) : null,
      narrative: u.narrative,
      evidenceLinks: u.evidence ?? "[]",
      reviewState: u.review?.state ?? "SUBMITTED",
      reviewerId: u.review ? user(u.review.by) : null,
      reviewComment: u.review?.comment ?? null,
      submittedAt: past(u.submittedAt, "milestone update submission"),
      reviewedAt: u.review ? past(u.review.at, "milestone update review") : null,
    },
  });
  const submitted = { ...row, reviewState: "SUBMITTED", reviewerId: null, reviewComment: null, reviewedAt: null };
  await log({ action: "milestoneUpdate.submit", entityType: "MilestoneUpdate", entityId: row.id, after: submitted });
  if (u.review) {
    await log({
      action: u.review.state === "APPROVED" ? "milestoneUpdate.approve" : "milestoneUpdate.return",
      entityType: "MilestoneUpdate",
      entityId: row.id,
      before: submitted,
      after: row,
      reason: u.review.comment ?? null,
    });
  }
}

export type ValueEvent = {
  start: string;
  end: string;
  value: number;
  by: UserKey;
  submittedAt: Date;
  comment: string;
  evidence?: string;
  review?: { state: "VERIFIED" | "RETURNED"; by: UserKey; at: Date; comment?: string };
};

/** One indicator value as reported, then (if reviewed) verified or returned: one audit event per step. */
export async function createIndicatorValue(tx: Tx, log: Log, user: UserId, indicatorId: string, v: ValueEvent) {
  const row = await tx.indicatorValue.create({
    data: {
      indicatorId,
      periodStart: day(v.start),
      periodEnd: day(v.end),
      value: v.value,
      comment: v.comment,
      evidenceLinks: v.evidence ?? "[]",
      state: v.review?.state ?? "SUBMITTED",
      reporterId: user(v.by),
      verifierId: v.review ? user(v.review.by) : null,
      reviewComment: v.review?.comment ?? null,
      submittedAt: past(v.submittedAt, "indicator value submission"),
      reviewedAt: v.review ? past(v.review.at, "indicator value review") : null,
    },
  });
  const reported = { ...row, state: "SUBMITTED", verifierId: null, reviewComment: null, reviewedAt: null };
  await log({ action: "indicatorValue.report", entityType: "IndicatorValue", entityId: row.id, after: reported });
  if (v.review) {
    await log({
      action: v.review.state === "VERIFIED" ? "indicatorValue.verify" : "indicatorValue.return",
      entityType: "IndicatorValue",
      entityId: row.id,
      before: reported,
      after: row,
      reason: v.review.comment ?? null,
    });
  }
}
