// `npm run audit:verify` on a local database with several cores: the chain is cut into ranges of seq numbers, each
// checked by a worker thread (scripts/audit-verify-range.mjs) on its own SQLite connection, and the ranges are then
// joined: each must start where the previous one ended, linking to its last hash. A chain is declared intact only
// when every event passed the checks the sequential verifier makes; at the first sign of a break the sequential
// verifier runs from the start, so a broken chain is diagnosed (edited, deleted, inserted, reordered) exactly as
// before. Reading and hashing a million events is ≈ 6 s of CPU: on two cores it takes half the time.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import Database from "libsql";
import { GENESIS_HASH, type ChainVerdict } from "~/lib/audit-chain.server";
import { VERIFY_BATCH_SIZE, VERIFY_RANGE_SQL } from "~/models/history-chain-sql.server";
import { filePathOf } from "./db-tools";

/** Below this many events one thread is quicker than starting workers. */
const PARALLEL_MIN_EVENTS = 50_000;
const MAX_WORKERS = 4;
/**
 * As the app's connections wait for a writer's lock. Only the Prisma client's module exports the app's figure, and
 * loading it would cost this script half a second of CPU: the worker threads never write.
 */
const BUSY_TIMEOUT_MS = 5000;

/** The sequential verifier and its exact re-check, loaded (with the database client) only when needed. */
const sequential = () => import("~/models/history-chain.server");

type Link = { seq: number; prevHash: string; hash: string };
type RangeResult =
  | { ok: false }
  | {
      ok: true;
      count: number;
      first: { seq: number; prevHash: string } | null;
      last: { seq: number; hash: string } | null;
      recheck: Link[];
    };

function verifyRangeInWorker(
  range: { path: string; from: number; to: number },
  onProgress: (events: number) => void,
): Promise<RangeResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./audit-verify-range.mjs", import.meta.url), {
      workerData: { ...range, sql: VERIFY_RANGE_SQL, batchSize: VERIFY_BATCH_SIZE, busyTimeoutMs: BUSY_TIMEOUT_MS },
    });
    worker.on("message", (message: { progress?: number; result?: RangeResult }) => {
      if (message.progress) onProgress(message.progress);
      if (message.result) resolve(message.result);
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`a verification worker stopped with code ${code}`)));
  });
}

/** The chain's seq numbers run from 1 to the largest: the ranges split (0, max] evenly. */
function seqRanges(max: number, parts: number): { from: number; to: number }[] {
  const step = Math.ceil(max / parts);
  const ranges = [];
  for (let from = 0; from < max; from += step) ranges.push({ from, to: Math.min(max, from + step) });
  return ranges;
}

/** The joined verdict of the ranges, or null when any range or any join between them is not intact. */
async function joinRanges(url: string, results: RangeResult[]): Promise<ChainVerdict | null> {
  let expectedSeq = 1;
  let expectedPrev = GENESIS_HASH;
  let count = 0;
  const recheck: Link[] = [];
  for (const result of results) {
    if (!result.ok) return null;
    if (!result.first || !result.last) continue;
    if (result.first.seq !== expectedSeq || result.first.prevHash !== expectedPrev) return null;
    expectedSeq = result.last.seq + 1;
    expectedPrev = result.last.hash;
    count += result.count;
    recheck.push(...result.recheck);
  }
  if (count === 0) return null;
  for (const link of recheck) {
    const { exactContentHashAt } = await sequential();
    if ((await exactContentHashAt(url, link.seq, link.prevHash)) !== link.hash) return null;
  }
  return { ok: true, count, headSeq: expectedSeq - 1, headHash: expectedPrev };
}

/**
 * The chain's verdict, the same as verifyAuditChain's, on all cores for a local database file; a server database
 * (libsql:, http:) and a small log are verified in one thread.
 */
export async function verifyAuditChainInParallel(options: {
  url: string;
  authToken?: string;
  onProgress?: (count: number) => void;
  /** Worker threads (default: one per core, at most 4) and the smallest log they are started for (tests). */
  workers?: number;
  minEvents?: number;
}): Promise<ChainVerdict> {
  const workers = options.workers ?? Math.min(MAX_WORKERS, availableParallelism());
  const verifyInOrder = async () => (await sequential()).verifyAuditChain(options);
  if (!options.url.startsWith("file:") || workers < 2) return verifyInOrder();
  const path = filePathOf(options.url);
  const database = new Database(path);
  let max = 0;
  try {
    const row: unknown = database.prepare(`SELECT max(seq) FROM "AuditEvent"`).raw(true).get();
    max = Array.isArray(row) ? Number(row[0] ?? 0) : 0;
  } finally {
    database.close();
  }
  if (max < (options.minEvents ?? PARALLEL_MIN_EVENTS)) return verifyInOrder();
  let read = 0;
  const results = await Promise.all(
    seqRanges(max, workers).map((range) =>
      verifyRangeInWorker({ path, ...range }, (events) => {
        read += events;
        options.onProgress?.(read);
      }),
    ),
  );
  // Anything but an intact chain is walked again in order, for the sequential verifier's exact diagnosis.
  return (await joinRanges(options.url, results)) ?? verifyInOrder();
}
