// A worker thread of `npm run audit:verify` (scripts/audit-verify-parallel.ts): checks one range of the audit chain
// on its own SQLite connection and its own core, and answers what the range's neighbours must agree with.
// Every check the sequential verifier makes inside a range is made here: consecutive seq numbers, each event linking
// to the hash before it, and each stored hash matching SHA-256(prevHash || canonical) of the event's content. An
// event whose SQLite-built canonical text does not match is not judged here but handed back for the exact check
// in JavaScript (its text may differ from JSON.stringify's only in form); any other break ends the range at once.
import { hash } from "node:crypto";
import { parentPort, workerData } from "node:worker_threads";
import Database from "libsql";

/** Content mismatches handed back for the exact check; past this many the range is reported as broken. */
const MAX_RECHECKS = 1000;
const PROGRESS_EVERY = 100_000;

function verifyRange({ path, sql, from, to, batchSize, busyTimeoutMs }) {
  const database = new Database(path);
  try {
    database.pragma(`busy_timeout = ${busyTimeoutMs}`);
    const statement = database.prepare(sql).raw(true);
    let first = null;
    let lastSeq = from;
    let lastHash = null;
    let count = 0;
    let reported = 0;
    const recheck = [];
    for (;;) {
      const rows = statement.all([lastSeq, to, batchSize]);
      for (const [seqValue, canonical, prevHashValue, hashValue] of rows) {
        const seq = Number(seqValue);
        const prevHash = String(prevHashValue);
        const stored = String(hashValue);
        if (first === null) first = { seq, prevHash };
        else if (seq !== lastSeq + 1 || prevHash !== lastHash) return { ok: false };
        if (hash("sha256", prevHash + String(canonical), "hex") !== stored) {
          if (recheck.length >= MAX_RECHECKS) return { ok: false };
          recheck.push({ seq, prevHash, hash: stored });
        }
        lastSeq = seq;
        lastHash = stored;
      }
      count += rows.length;
      if (count - reported >= PROGRESS_EVERY) {
        parentPort?.postMessage({ progress: count - reported });
        reported = count;
      }
      if (rows.length < batchSize) break;
    }
    parentPort?.postMessage({ progress: count - reported });
    return { ok: true, count, first, last: first && { seq: lastSeq, hash: lastHash }, recheck };
  } finally {
    database.close();
  }
}

parentPort?.postMessage({ result: verifyRange(workerData) });
