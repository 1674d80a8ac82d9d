// Verifies the hash chain of an NDJSON audit export (/exports/audit.ndjson) from the file alone: nothing but Node.js
// is needed (no database, no package), so anyone holding the file can run it:
//   node scripts/verify-ndjson.mjs qadam-audit-2026-12-01.ndjson      (or: npm run audit:verify -- --file <file>)
// Canonical form "qadam-audit-chain/1" (README, "Chain verification"): for each event,
//   hash = hex(SHA-256(UTF-8(prevHash + JSON.stringify([seq, occurredAt, actorId, actorEmail, action, entityType,
//                                                       entityId, projectId, before, after, reason, requestId, ip]))))
// with absent values as null, `occurredAt` as the file writes it (ISO-8601 UTC with milliseconds), `before` and
// `after` as the stored JSON text (strings), and prevHash of event 1 = 64 zeros.
// Prints one line and exits 0 (OK), 1 (BROKEN), 2 (not an NDJSON audit export) or 3 (cannot be checked: the
// network details were withheld from the person who exported it, and they are part of each hash).
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import process from "node:process";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";

export const CANONICAL_FORM = "qadam-audit-chain/1";
export const CANONICAL_FIELDS = [
  "seq",
  "occurredAt",
  "actorId",
  "actorEmail",
  "action",
  "entityType",
  "entityId",
  "projectId",
  "before",
  "after",
  "reason",
  "requestId",
  "ip",
];
export const GENESIS_HASH = "0".repeat(64);

/** The hash an event must carry, from its fields and its predecessor's hash. */
export function eventHash(event) {
  const canonical = JSON.stringify(CANONICAL_FIELDS.map((field) => event[field] ?? null));
  return createHash("sha256").update(`${event.prevHash}${canonical}`, "utf8").digest("hex");
}

/**
 * Reads the file line by line (memory stays flat) and returns { status: "ok" | "broken" | "invalid" | "unverifiable",
 * message }. Each event's hash is recomputed; consecutive seqs must link (prevHash = the previous event's hash); the
 * event count must be the metadata's rowCount; and when the file reaches the chain head it names, the last hash
 * must be that head. A filtered export holds a subset of the chain: each event is still checked, links only where
 * seqs are consecutive.
 */
export async function verifyNdjsonFile(file) {
  const lines = createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity });
  let meta = null;
  let count = 0;
  let first = null;
  let last = null;
  let mismatch = null;
  for await (const line of lines) {
    if (!line.trim()) continue;
    const record = JSON.parse(line);
    if (!meta) {
      if (record.type !== "metadata") return { status: "invalid", message: "the first line is not the metadata line" };
      if (record.chain?.canonicalForm !== CANONICAL_FORM)
        return { status: "invalid", message: `canonical form ${record.chain?.canonicalForm} is not ${CANONICAL_FORM}` };
      meta = record;
      continue;
    }
    count++;
    first ??= record;
    const problem =
      eventHash(record) !== record.hash
        ? `event ${record.seq}: its content does not match its hash`
        : record.seq === 1 && record.prevHash !== GENESIS_HASH
          ? "event 1 does not start the chain"
          : last && record.seq === last.seq + 1 && record.prevHash !== last.hash
            ? `event ${record.seq} does not link to event ${last.seq}`
            : last && record.seq <= last.seq
              ? `event ${record.seq} comes after event ${last.seq}`
              : null;
    if (problem && !mismatch) mismatch = problem;
    last = record;
  }
  if (!meta) return { status: "invalid", message: "the file is empty" };
  if (mismatch && meta.networkDetails === "withheld")
    return {
      status: "unverifiable",
      message: `${mismatch}: this export withholds request ids and IP addresses, which are part of each hash; verify an auditor's or administrator's export`,
    };
  if (mismatch) return { status: "broken", message: mismatch };
  if (count !== meta.rowCount)
    return { status: "broken", message: `${count} events, but the metadata says ${meta.rowCount}` };
  if (last && last.seq === meta.chainHead.seq && last.hash !== meta.chainHead.hash)
    return { status: "broken", message: `the last event's hash is not the chain head ${meta.chainHead.hash}` };
  const range = first && last ? ` (seq ${first.seq}..${last.seq})` : "";
  return {
    status: "ok",
    message: `${count} events${range}, every hash recomputed; chain head ${meta.chainHead.seq} ${meta.chainHead.hash}`,
  };
}

const EXIT = { ok: 0, broken: 1, invalid: 2, unverifiable: 3 };

export async function main(file) {
  if (!file) {
    console.error("usage: node scripts/verify-ndjson.mjs <export.ndjson>");
    return 2;
  }
  try {
    const verdict = await verifyNdjsonFile(file);
    console.log(`${verdict.status.toUpperCase()} ${verdict.message}`);
    return EXIT[verdict.status];
  } catch (error) {
    console.log(`INVALID ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    return 2;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv[2]).then((code) => {
    process.exitCode = code;
  });
}
