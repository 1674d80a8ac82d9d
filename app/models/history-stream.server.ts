import type { Prisma } from "~/generated/prisma/client";
import type { ChainedFields } from "~/lib/audit-chain.server";
import { openBulkReader, type BulkReader, type SqlValue } from "~/lib/bulk-read.server";
import { db } from "~/lib/db.server";
import { withSeq } from "./history.server";
import { AUDIT_CSV_FROM, auditCsvBatch, auditCsvBatchColumns, auditCsvColumns } from "./audit-csv-sql.server";

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

/** The SQL of a keyset walk: a primary-key range, or the seqs Prisma picked; each row starts with its seq. */
type BatchSql = { range: string; listed: string };

const EVENT_SQL: BatchSql = {
  range: `SELECT ${AUDIT_ROW_COLUMNS} FROM "AuditEvent" WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?`,
  listed: `SELECT ${AUDIT_ROW_COLUMNS} FROM "AuditEvent" WHERE seq IN (SELECT value FROM json_each(?)) ORDER BY seq`,
};

type WalkOptions = { where: Prisma.AuditEventWhereInput; maxSeq: number; batchSize?: number };

type BatchOptions = { where: Prisma.AuditEventWhereInput; maxSeq: number; batchSize: number };

/**
 * What selects the next batch after `after`. Without a filter, a primary-key range read directly; with one, Prisma
 * picks the batch's seqs (the where clause is Prisma's, shared with the history page: one definition of what a
 * filter means, one index search), and the rows themselves are read by those seqs. Null when nothing is left.
 */
async function nextBatchArgs(
  options: BatchOptions,
  after: number,
): Promise<{ kind: keyof BatchSql; args: SqlValue[] } | null> {
  if (Object.keys(options.where).length === 0) {
    return { kind: "range", args: [after, options.maxSeq, options.batchSize] };
  }
  const seqs = await db.auditEvent.findMany({
    where: withSeq(options.where, { gt: after, lte: options.maxSeq }),
    orderBy: { seq: "asc" },
    take: options.batchSize,
    select: { seq: true },
  });
  return seqs.length === 0 ? null : { kind: "listed", args: [JSON.stringify(seqs.map((row) => row.seq))] };
}

/**
 * The rows of `sql`, oldest first, in batches of `batchSize`, stopping at `maxSeq` so the result matches a count
 * taken before. The reader is closed when the walk ends or its consumer stops early.
 */
async function* rowBatches(sql: BatchSql, options: WalkOptions): AsyncGenerator<unknown[][]> {
  const batchSize = options.batchSize ?? 1000;
  const reader = openBulkReader();
  try {
    let after = 0;
    for (;;) {
      const batch = await nextBatchArgs({ ...options, batchSize }, after);
      const rows = batch ? await reader.rows(sql[batch.kind], batch.args) : [];
      if (rows.length === 0) return;
      yield rows;
      if (rows.length < batchSize) return;
      after = Number(rows[rows.length - 1][0]);
    }
  } finally {
    reader.close();
  }
}

/** The events the where clause selects up to `maxSeq`, oldest first, a batch at a time. */
export async function* streamAuditEvents(options: WalkOptions): AsyncGenerator<AuditEventRow[]> {
  for await (const rows of rowBatches(EVENT_SQL, options)) yield rows.map(auditEventRowOf);
}

/**
 * The same walk for the CSV, as bytes. SQLite first writes a whole batch as one BLOB (its last seq, its size, whether
 * it wrote every record, the records): one buffer per batch rather than one per event. A batch holding
 * an event the SQL leaves to JavaScript (rare: a time or text it does not cover) is read again event by event:
 * each as its record in bytes, or as its row for JavaScript to write.
 */
export async function* streamAuditCsvRecords(
  options: WalkOptions & { withheld: boolean },
): AsyncGenerator<Array<Uint8Array | AuditEventRow>> {
  const select = (columns: string, where: string, limit: string) =>
    `SELECT ${columns} FROM ${AUDIT_CSV_FROM} WHERE ${where} ORDER BY e.seq${limit}`;
  // `LIMIT -1` (no limit) keeps SQLite from merging the listed walk into the batch's aggregate, where its ORDER BY
  // would no longer decide the order the records are concatenated in.
  const walk = (columns: string): BatchSql => ({
    range: select(columns, "e.seq > ? AND e.seq <= ?", " LIMIT ?"),
    listed: select(columns, "e.seq IN (SELECT value FROM json_each(?))", " LIMIT -1"),
  });
  const inner = walk(auditCsvColumns({ withheld: options.withheld }));
  const whole = walk(auditCsvBatchColumns({ withheld: options.withheld }));
  const each = (sql: string) => `SELECT seq, CAST(csv AS BLOB) FROM (${sql})`;
  const batchSize = options.batchSize ?? 1000;
  const reader = openBulkReader();
  try {
    let after = 0;
    for (;;) {
      const batch = await nextBatchArgs({ ...options, batchSize }, after);
      if (!batch) return;
      const [summary] = await reader.rows(auditCsvBatch(whole[batch.kind]), batch.args);
      const count = Number(summary?.[1] ?? 0);
      if (!summary || count === 0) return;
      const bytes = Number(summary[2]) === 1 ? recordBytes(summary[3]) : null;
      if (bytes) yield [bytes];
      else yield await oneByOne(reader, await reader.rows(each(inner[batch.kind]), batch.args));
      if (count < batchSize) return;
      after = Number(summary[0]);
    }
  } finally {
    reader.close();
  }
}

/** Each event's record in bytes, or its row (read again by seq) where the SQL left the record to JavaScript. */
async function oneByOne(reader: BulkReader, rows: unknown[][]): Promise<Array<Uint8Array | AuditEventRow>> {
  const records = rows.map((row) => recordBytes(row[1]));
  const missing = rows.filter((_row, i) => records[i] === null).map((row) => Number(row[0]));
  if (missing.length === 0) return records.filter((record) => record !== null);
  const read = await reader.rows(EVENT_SQL.listed, [JSON.stringify(missing)]);
  const bySeq = new Map(read.map((row) => [Number(row[0]), auditEventRowOf(row)]));
  return rows.flatMap((row, i) => records[i] ?? bySeq.get(Number(row[0])) ?? []);
}

/** A BLOB as libSQL's local binding (ArrayBuffer) or a server (Uint8Array) hands it over; NULL otherwise. */
function recordBytes(value: unknown): Uint8Array | null {
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  return value instanceof Uint8Array ? value : null;
}
