import { canonicalText, createChainVerifier, linkHash, type ChainVerdict } from "~/lib/audit-chain.server";
import { openBulkReader, type BulkReader } from "~/lib/bulk-read.server";
import { db } from "~/lib/db.server";
import { cell, readFirst } from "~/lib/sql.server";
import { VERIFY_BATCH_SIZE, VERIFY_SQL } from "./history-chain-sql.server";
import { AUDIT_ROW_COLUMNS, auditEventRowOf } from "./history-stream.server";

/** The audit chain's head and its verification, for the history page and the `audit:verify` script. */

const ONE_EVENT_SQL = `SELECT ${AUDIT_ROW_COLUMNS} FROM "AuditEvent" WHERE seq = ?`;

/** The hash an event's stored content gives, computed from its fields as the app computed it when writing. */
async function exactContentHash(reader: BulkReader, seq: number, prevHash: string): Promise<string> {
  const [row] = await reader.rows(ONE_EVENT_SQL, [seq]);
  return row ? linkHash(prevHash, canonicalText(auditEventRowOf(row))) : "";
}

/** exactContentHash of one event of the database at `url`, for events the verifier's workers hand back. */
export async function exactContentHashAt(url: string, seq: number, prevHash: string): Promise<string> {
  const reader = openBulkReader(url, undefined);
  try {
    return await exactContentHash(reader, seq, prevHash);
  } finally {
    reader.close();
  }
}

/**
 * Recomputes the whole hash chain, reading `batchSize` events at a time in seq order (memory stays flat on
 * millions of events). `onProgress` is called after each batch with the number of events read so far. The
 * database is the app's, or the one at `url`.
 */
export async function verifyAuditChain(
  options: { url?: string; authToken?: string; batchSize?: number; onProgress?: (count: number) => void } = {},
): Promise<ChainVerdict> {
  const reader = openBulkReader(options.url, options.url ? options.authToken : undefined);
  try {
    const batchSize = options.batchSize ?? VERIFY_BATCH_SIZE;
    const verifier = createChainVerifier();
    let after = 0;
    let read = 0;
    for (;;) {
      const rows = await reader.rows(VERIFY_SQL, [after, batchSize]);
      for (const [seqValue, canonical, prevHashValue, hashValue] of rows) {
        const seq = Number(seqValue);
        const prevHash = String(prevHashValue);
        const hash = String(hashValue);
        let contentHash = linkHash(prevHash, String(canonical));
        if (contentHash !== hash) contentHash = await exactContentHash(reader, seq, prevHash);
        if (!verifier.push({ seq, prevHash, hash, contentHash })) return verifier.result();
        after = seq;
      }
      read += rows.length;
      options.onProgress?.(read);
      if (rows.length < batchSize) return verifier.result();
    }
  } finally {
    reader.close();
  }
}

/**
 * Below this many events the auditor's page verifies the whole chain on every load (well under 0.1 s); above it
 * the page shows the head and verifies on request, as a million events take several seconds of CPU (≈ 7 s on the
 * 2-core reference machine).
 */
export const AUTO_VERIFY_MAX_EVENTS = 5_000;

export type ChainStatus = {
  headSeq: number;
  headHash: string | null;
  headAt: string | null;
  verification:
    | null
    | { ok: true; count: number; headSeq: number; headHash: string; durationMs: number; auto: boolean }
    | {
        ok: false;
        count: number;
        problem: { seq: number; kind: string; detail: string };
        durationMs: number;
        auto: boolean;
      };
};

/**
 * The last automatic verification, reused for a minute while the head is unchanged: the page is opened far more
 * often than the log grows, and a tampering that leaves the head alone is still found within a minute (or at once
 * with "Verify the whole chain now").
 */
let lastAutoVerification: {
  headSeq: number;
  headHash: string | null;
  at: number;
  verification: ChainStatus["verification"];
} | null = null;
const AUTO_VERIFY_REUSE_MS = 60_000;

/** The head of the chain, always; a full verification when the log is small or when `verify` is asked for. */
export async function getChainStatus(options: { verify: boolean }): Promise<ChainStatus> {
  // Read on every History page: plain SQL, which costs a tenth of Prisma's client for one row.
  const head = await readFirst(`SELECT seq, hash, occurredAt FROM "AuditEvent" ORDER BY seq DESC LIMIT 1`);
  const status: ChainStatus = {
    headSeq: head ? cell.number(head, "seq") : 0,
    headHash: head ? cell.text(head, "hash") : null,
    headAt: head ? cell.date(head, "occurredAt").toISOString() : null,
    verification: null,
  };
  const auto = status.headSeq <= AUTO_VERIFY_MAX_EVENTS;
  if (!options.verify && !auto) return status;
  const reusable =
    lastAutoVerification &&
    lastAutoVerification.headSeq === status.headSeq &&
    lastAutoVerification.headHash === status.headHash &&
    Date.now() - lastAutoVerification.at < AUTO_VERIFY_REUSE_MS;
  if (!options.verify && reusable && lastAutoVerification) {
    return { ...status, verification: lastAutoVerification.verification };
  }
  const started = performance.now();
  const verdict = await verifyAuditChain();
  const durationMs = Math.round(performance.now() - started);
  status.verification = verdict.ok
    ? { ...verdict, durationMs, auto: !options.verify }
    : { ok: false, count: verdict.count, problem: verdict.problem, durationMs, auto: !options.verify };
  if (!options.verify) {
    lastAutoVerification = {
      headSeq: status.headSeq,
      headHash: status.headHash,
      at: Date.now(),
      verification: status.verification,
    };
  }
  return status;
}

export type HeadCheck =
  | { result: "invalid" }
  | { result: "match"; seq: number; since: number }
  | { result: "differs"; seq: number }
  | { result: "missing"; seq: number; headSeq: number };

/**
 * Compares a head kept outside Qadam with the log. The chain links each event to the one before, so an event that
 * still has the kept hash proves nothing up to it changed; an event number past today's head means the newest
 * events were deleted — the one tampering the chain alone cannot reveal.
 */
export async function checkChainHead(kept: { seq: number; hash: string }): Promise<HeadCheck> {
  const [event, head] = await Promise.all([
    db.auditEvent.findUnique({ where: { seq: kept.seq }, select: { hash: true } }),
    db.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } }),
  ]);
  const headSeq = head?.seq ?? 0;
  if (!event) return { result: "missing", seq: kept.seq, headSeq };
  if (event.hash !== kept.hash) return { result: "differs", seq: kept.seq };
  return { result: "match", seq: kept.seq, since: headSeq - kept.seq };
}
