import { dayOf, dayToDate } from "~/lib/dates";
import { db } from "~/lib/db.server";
import { NotFoundError, RefusedError, VersionConflictError } from "~/lib/errors";
import { auditedTransaction, type Audit, type AuditContext, type Tx } from "~/models/audit.server";
import { notifySubmittedTx } from "~/models/notify/events.server";
import { attachEvidenceTx, evidenceChipsFor, withStoredEvidence, type StoredEvidence } from "~/models/evidence.server";
import type { StagedEvidence } from "~/lib/evidence/upload.server";
import type { IndicatorValueData } from "~/schemas/indicator";
import { parseStoredLinks } from "~/schemas/fields";

/**
 * Reported indicator values and their verification. A returned value stays as it is (with the reviewer's
 * comment) and the officer reports the period again: one value per period per indicator unless the earlier
 * one was RETURNED.
 */

type ValueRow = {
  indicatorId: string;
  periodStart: Date;
  periodEnd: Date;
  value: number;
  comment: string;
  evidenceLinks: string;
  state: string;
  reporterId: string;
  verifierId: string | null;
  reviewComment: string | null;
  version: number;
};

export function valueAuditShape(row: ValueRow) {
  return {
    indicatorId: row.indicatorId,
    periodStart: dayOf(row.periodStart),
    periodEnd: dayOf(row.periodEnd),
    value: row.value,
    comment: row.comment,
    evidenceLinks: parseStoredLinks(row.evidenceLinks),
    state: row.state,
    reporterId: row.reporterId,
    verifierId: row.verifierId,
    reviewComment: row.reviewComment,
    version: row.version,
  };
}

/** All values of an indicator, by period (newest first). */
export async function listIndicatorValues({ indicatorId }: { indicatorId: string }) {
  const rows = await db.indicatorValue.findMany({
    where: { indicatorId },
    orderBy: [{ periodEnd: "desc" }, { submittedAt: "desc" }],
    include: { reporter: { select: { name: true } }, verifier: { select: { name: true } } },
  });
  const filesOf = await evidenceChipsFor(
    "IndicatorValue",
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    periodStart: row.periodStart.toISOString(),
    periodEnd: row.periodEnd.toISOString(),
    value: row.value,
    comment: row.comment,
    evidenceLinks: parseStoredLinks(row.evidenceLinks),
    evidenceFiles: filesOf.get(row.id) ?? [],
    state: row.state,
    reporterId: row.reporterId,
    reporterName: row.reporter.name,
    verifierName: row.verifier?.name ?? null,
    reviewComment: row.reviewComment,
    submittedAt: row.submittedAt.toISOString(),
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    version: row.version,
  }));
}
export type IndicatorValueView = Awaited<ReturnType<typeof listIndicatorValues>>[number];

type ReportArgs = {
  indicator: { id: string; projectId: string };
  reporterId: string;
  input: IndicatorValueData;
};

/**
 * Reports a value with its evidence files (stored first, tied to the value and sealed in its audit event in the
 * same transaction). Throws RefusedError when a SUBMITTED or VERIFIED value already covers that period.
 */
export async function reportIndicatorValue({
  context,
  evidence = [],
  ...args
}: ReportArgs & { evidence?: StagedEvidence[]; context: AuditContext }) {
  return withStoredEvidence(evidence, (stored) =>
    auditedTransaction(context, (tx, audit) => reportIndicatorValueTx(tx, audit, { ...args, files: stored })),
  );
}

/**
 * `reportIndicatorValue` inside the caller's transaction (a spreadsheet's rows commit together or not at all), with
 * evidence files the caller has already stored (none from a spreadsheet).
 */
export async function reportIndicatorValueTx(
  tx: Tx,
  audit: Audit,
  { indicator, reporterId, input, files = [] }: ReportArgs & { files?: StoredEvidence[] },
) {
  // The period was checked against the indicator's frequency, baseline and end target by the shared schema;
  // it is stored as its first and last day, as values always have been.
  const periodStart = dayToDate(input.period.start);
  const periodEnd = dayToDate(input.period.end);
  const taken = await tx.indicatorValue.findFirst({
    where: { indicatorId: indicator.id, periodEnd, state: { not: "RETURNED" } },
    select: { id: true },
  });
  if (taken) throw new RefusedError("workflow.errors.periodTaken");
  const created = await tx.indicatorValue.create({
    data: {
      indicatorId: indicator.id,
      periodStart,
      periodEnd,
      value: input.value,
      comment: input.comment,
      evidenceLinks: JSON.stringify(input.evidenceLinks),
      reporterId,
    },
  });
  const sealed = await attachEvidenceTx(tx, {
    subjectType: "IndicatorValue",
    subjectId: created.id,
    projectId: indicator.projectId,
    uploadedById: reporterId,
    files,
  });
  await audit({
    action: "indicatorValue.report",
    entityType: "IndicatorValue",
    entityId: created.id,
    projectId: indicator.projectId,
    after: { ...valueAuditShape(created), ...(sealed.length ? { evidenceFiles: sealed } : {}) },
  });
  await notifySubmittedTx(tx, { kind: "indicatorValue", id: created.id });
  return created.id;
}

/** Verifies (VERIFIED) or returns (RETURNED) a SUBMITTED value at `expectedVersion`, inside the caller's transaction. */
export async function reviewIndicatorValueTx(
  tx: Tx,
  audit: Audit,
  args: {
    valueId: string;
    expectedVersion: number;
    reviewerId: string;
    decision: "verify" | "return";
    comment: string | null;
    projectId: string;
  },
) {
  if (args.decision === "return" && !args.comment?.trim()) throw new Error("a returned value needs a comment");
  const before = await tx.indicatorValue.findUnique({ where: { id: args.valueId } });
  if (!before) throw new NotFoundError("indicator value");
  const result = await tx.indicatorValue.updateMany({
    where: { id: args.valueId, version: args.expectedVersion, state: "SUBMITTED" },
    data: {
      state: args.decision === "verify" ? "VERIFIED" : "RETURNED",
      verifierId: args.reviewerId,
      reviewComment: args.comment || null,
      reviewedAt: new Date(),
      version: { increment: 1 },
    },
  });
  if (result.count === 0) throw new VersionConflictError(valueAuditShape(before));
  const after = await tx.indicatorValue.findUniqueOrThrow({ where: { id: args.valueId } });
  await audit({
    action: args.decision === "verify" ? "indicatorValue.verify" : "indicatorValue.return",
    entityType: "IndicatorValue",
    entityId: args.valueId,
    projectId: args.projectId,
    before: valueAuditShape(before),
    after: valueAuditShape(after),
    reason: args.decision === "return" ? args.comment : null,
  });
}
