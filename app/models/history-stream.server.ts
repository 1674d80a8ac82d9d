import type { Prisma } from "~/generated/prisma/client";
import type { ChainedFields } from "~/lib/audit-chain.server";
import { openBulkReader, type BulkReader } from "~/lib/bulk-read.server";
import { db } from "~/lib/db.server";
import { withSeq } from "./history.server";

/**
 * Streaming reads of the audit log for the exports: keyset batches in seq order, never all rows at once, read as
 * plain rows through libSQL (lib/bulk-read.server) rather than as Prisma objects — a million events are exported
 * in seconds, not minutes.
 */

/** One stored event as the exports write it; `occurredAt` is ISO-8601 UTC, as `Date.toISOString()` writes it. */
export type AuditEventRow = Omit<ChainedFields, "occurredAt"> & { occurredAt: string; prevHash: string; hash: string };

/** The stored columns, in the order of AuditEventRow. */
export const AUDIT_ROW_COLUMNS = `seq, occurredAt, actorId, actorEmail, action, entityType, entityId, projectId, "before", "after", reason, requestId, ip, prevHash, hash`;

// The libSQL driver adapter stores a DateTime as `2026-11-26T10:00:00.000+00:00`; events written by other tools
// may hold the `Z` form.
const STORED_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}(\+00:00|Z)$/;

/**
 * A stored occurrence as `Date.toISOString()` writes it (what Prisma's Date would give), without building a Date
 * for the stored forms; anything else is parsed as Prisma would, and a value no date can be read from is returned
 * as stored (a tampered row must not stop an export or a verification).
 */
export function isoOfStored(value: unknown): string {
  if (typeof value === "string" && STORED_UTC.test(value)) return `${value.slice(0, 23)}Z`;
  const date = new Date(typeof value === "number" ? value : String(value));
  return Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
}

const text = (value: unknown): string => (typeof value === "string" ? value : String(value ?? ""));
const textOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : text(value));

/** A row of AUDIT_ROW_COLUMNS. */
export function auditEventRowOf(row: unknown[]): AuditEventRow {
  return {
    seq: Number(row[0]),
    occurredAt: isoOfStored(row[1]),
    actorId: textOrNull(row[2]),
    actorEmail: textOrNull(row[3]),
    action: text(row[4]),
    entityType: text(row[5]),
    entityId: text(row[6]),
    projectId: textOrNull(row[7]),
    before: textOrNull(row[8]),
    after: textOrNull(row[9]),
    reason: textOrNull(row[10]),
    requestId: textOrNull(row[11]),
    ip: textOrNull(row[12]),
    prevHash: text(row[13]),
    hash: text(row[14]),
  };
}

/** How many events the where clause selects up to and including `maxSeq` (index-only with the AuditEvent indexes). */
export async function countAuditEvents(where: Prisma.AuditEventWhereInput, maxSeq: number): Promise<number> {
  return db.auditEvent.count({ where: withSeq(where, { lte: maxSeq }) });
}

const RANGE_SQL = `SELECT ${AUDIT_ROW_COLUMNS} FROM "AuditEvent" WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?`;
const LISTED_SQL = `SELECT ${AUDIT_ROW_COLUMNS} FROM "AuditEvent" WHERE seq IN (SELECT value FROM json_each(?)) ORDER BY seq`;

/**
 * The next batch after `after`. Without a filter, a primary-key range read directly; with one, Prisma picks the
 * batch's seqs (the where clause is Prisma's, shared with the history page: one definition of what a filter means,
 * one index search), and the rows themselves are read by those seqs.
 */
async function nextBatch(
  reader: BulkReader,
  options: { where: Prisma.AuditEventWhereInput; maxSeq: number; batchSize: number },
  after: number,
): Promise<unknown[][]> {
  if (Object.keys(options.where).length === 0) {
    return reader.rows(RANGE_SQL, [after, options.maxSeq, options.batchSize]);
  }
  const seqs = await db.auditEvent.findMany({
    where: withSeq(options.where, { gt: after, lte: options.maxSeq }),
    orderBy: { seq: "asc" },
    take: options.batchSize,
    select: { seq: true },
  });
  if (seqs.length === 0) return [];
  return reader.rows(LISTED_SQL, [JSON.stringify(seqs.map((row) => row.seq))]);
}

/**
 * Oldest first, in batches of `batchSize`, stopping at `maxSeq` so the result matches a count taken before. The
 * reader is closed when the walk ends or its consumer stops early.
 */
export async function* streamAuditEvents(options: {
  where: Prisma.AuditEventWhereInput;
  maxSeq: number;
  batchSize?: number;
}): AsyncGenerator<AuditEventRow[]> {
  const batchSize = options.batchSize ?? 1000;
  const reader = openBulkReader();
  try {
    let after = 0;
    for (;;) {
      const rows = await nextBatch(reader, { ...options, batchSize }, after);
      if (rows.length === 0) return;
      const batch = rows.map(auditEventRowOf);
      yield batch;
      if (rows.length < batchSize) return;
      after = batch[batch.length - 1].seq;
    }
  } finally {
    reader.close();
  }
}
