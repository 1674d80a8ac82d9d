// Verifies an auditor's evidence pack (/exports/evidence-pack.zip) from the file alone, with nothing but Node.js:
//   node scripts/verify-evidence-pack.mjs qadam-evidence-pack-2026-12-01.zip
// 1. audit.ndjson: every event's hash is recomputed (scripts/verify-ndjson.mjs) and its SHA-256 is the manifest's;
// 2. the manifest's chain head is the one the NDJSON states;
// 3. every file the events seal is in the pack, and its bytes hash to the SHA-256 the event sealed.
// Prints one line per problem and a verdict; exits 0 (OK), 1 (BROKEN) or 2 (not an evidence pack).
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import process from "node:process";
import { pathToFileURL } from "node:url";
import { inflateRawSync } from "node:zlib";
import { verifyNdjsonFile } from "./verify-ndjson.mjs";

/** The entries of a ZIP (stored or deflated), read through its central directory. */
export function readZip(buffer) {
  let eocd = -1;
  for (let at = buffer.length - 22; at >= Math.max(0, buffer.length - 22 - 0xffff); at--) {
    if (buffer.readUInt32LE(at) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a ZIP file");
  const count = buffer.readUInt16LE(eocd + 10);
  let at = buffer.readUInt32LE(eocd + 16);
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    if (buffer.readUInt32LE(at) !== 0x02014b50) throw new Error("broken ZIP directory");
    const method = buffer.readUInt16LE(at + 10);
    const compressedSize = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const localOffset = buffer.readUInt32LE(at + 42);
    const name = buffer.toString("utf8", at + 46, at + 46 + nameLength);
    const dataStart = localOffset + 30 + buffer.readUInt16LE(localOffset + 26) + buffer.readUInt16LE(localOffset + 28);
    const raw = buffer.subarray(dataStart, dataStart + compressedSize);
    entries.set(name, method === 8 ? inflateRawSync(raw) : Buffer.from(raw));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

/** The files each event of the NDJSON seals: id → SHA-256 (from the events themselves, not the manifest). */
function sealedByEvents(ndjson) {
  const sealed = new Map();
  for (const line of ndjson.toString("utf8").split("\n")) {
    if (!line.trim()) continue;
    const record = JSON.parse(line);
    if (record.type !== "event") continue;
    for (const side of [record.before, record.after]) {
      if (!side) continue;
      const files = JSON.parse(side).evidenceFiles;
      if (Array.isArray(files)) for (const file of files) sealed.set(file.id, { sha256: file.sha256, name: file.name });
    }
  }
  return sealed;
}

export async function verifyEvidencePack(file) {
  const entries = readZip(readFileSync(file));
  const manifestBytes = entries.get("manifest.json");
  const ndjson = entries.get("audit.ndjson");
  if (!manifestBytes || !ndjson) return { status: "invalid", problems: ["manifest.json or audit.ndjson is missing"] };
  const manifest = JSON.parse(manifestBytes.toString("utf8"));
  if (manifest.format !== "qadam-evidence-pack/1")
    return { status: "invalid", problems: [`format ${manifest.format} is not qadam-evidence-pack/1`] };
  const problems = [];
  if (sha256(ndjson) !== manifest.auditLog.sha256) problems.push("audit.ndjson: its SHA-256 is not the manifest's");
  const work = mkdtempSync(path.join(tmpdir(), "qadam-pack-"));
  try {
    const ndjsonFile = path.join(work, "audit.ndjson");
    writeFileSync(ndjsonFile, ndjson);
    const chain = await verifyNdjsonFile(ndjsonFile);
    if (chain.status !== "ok") problems.push(`audit.ndjson: ${chain.status}: ${chain.message}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const meta = JSON.parse(ndjson.toString("utf8").split("\n")[0]);
  if (meta.chainHead?.seq !== manifest.chainHead.seq || meta.chainHead?.hash !== manifest.chainHead.hash)
    problems.push("the manifest's chain head is not the one audit.ndjson states");
  const listed = new Map(manifest.files.map((f) => [f.id, f]));
  for (const [id, sealed] of sealedByEvents(ndjson)) {
    const entry = listed.get(id);
    const bytes = entry?.path ? entries.get(entry.path) : undefined;
    if (!bytes) problems.push(`${sealed.name} (${id}): missing from the pack`);
    else if (sha256(bytes) !== sealed.sha256)
      problems.push(`${sealed.name} (${id}): changed (SHA-256 differs from the sealed one)`);
    else if (entry.sha256 !== sealed.sha256)
      problems.push(`${sealed.name} (${id}): the manifest's SHA-256 is not the sealed one`);
  }
  return { status: problems.length ? "broken" : "ok", problems, files: listed.size, events: manifest.auditLog.events };
}

export async function main(file) {
  if (!file) {
    console.error("usage: node scripts/verify-evidence-pack.mjs <evidence-pack.zip>");
    return 2;
  }
  try {
    const verdict = await verifyEvidencePack(file);
    for (const problem of verdict.problems) console.log(`  ${problem}`);
    if (verdict.status === "ok")
      console.log(`OK ${verdict.events} events and ${verdict.files} files, every hash recomputed`);
    else console.log(`${verdict.status.toUpperCase()} ${verdict.problems.length} problem(s)`);
    return verdict.status === "ok" ? 0 : verdict.status === "broken" ? 1 : 2;
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
