import { createHash } from "node:crypto";
import { PassThrough, Transform, type Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { ZipFile } from "yazl";
import { z } from "zod";
import { evidenceFileRecord } from "~/lib/audit-snapshots";
import { evidenceStorage } from "~/lib/evidence/storage.server";
import { logger } from "~/lib/logger.server";
import { db } from "~/lib/db.server";
import { auditNdjsonStream, type AuditExportPlan } from "./export-audit.server";

/**
 * The auditor's evidence pack: one ZIP, streamed, holding
 * - `audit.ndjson`: the audit log's slice, exactly as the NDJSON export writes it (its hash chain checks offline);
 * - `files/<id>-<name>`: every evidence file an event of the slice seals, as stored;
 * - `manifest.json`: each file's SHA-256 as sealed, the NDJSON's own SHA-256 and the chain head.
 * `node scripts/verify-evidence-pack.mjs pack.zip` checks all three from the file alone (README, "Evidence files").
 */

export const EVIDENCE_PACK_FORMAT = "qadam-evidence-pack/1";

type PackFile = { id: string; name: string; size: number; type: string; sha256: string; sealedBy: number[] };

/** The files an event's snapshots seal (both sides: a resubmission lists the earlier files again). */
const EventLine = z.object({
  type: z.literal("event"),
  seq: z.number().int(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});

function sealedFiles(line: string): Array<{ seq: number; file: Omit<PackFile, "sealedBy"> }> {
  const event = EventLine.safeParse(JSON.parse(line));
  if (!event.success) return [];
  const { seq, before, after } = event.data;
  const found: Array<{ seq: number; file: Omit<PackFile, "sealedBy"> }> = [];
  for (const side of [before, after]) {
    if (!side) continue;
    const snapshot: unknown = JSON.parse(side);
    if (!snapshot || typeof snapshot !== "object" || !("evidenceFiles" in snapshot)) continue;
    const files = evidenceFileRecord.array().safeParse(snapshot.evidenceFiles);
    if (files.success) for (const file of files.data) found.push({ seq, file });
  }
  return found;
}

/** A ZIP entry's name for a file: its id first (unique), then its name without anything a path could use. */
function entryName(file: { id: string; name: string }): string {
  // eslint-disable-next-line no-control-regex
  const safe = file.name.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, "_").slice(0, 120);
  return `files/${file.id}-${safe}`;
}

export function evidencePackStream(plan: AuditExportPlan): Readable {
  const zip = new ZipFile();
  const files = new Map<string, PackFile>();
  const ndjsonHash = createHash("sha256");
  // The NDJSON stream writes its lines in buffers of many lines (a line may also span two buffers): the tap
  // reads whole lines, keeping the unfinished tail for the next chunk.
  const decoder = new StringDecoder("utf8");
  let tail = "";
  const collect = (text: string) => {
    for (const line of text.split("\n")) {
      if (!line.trim()) continue;
      for (const { seq, file } of sealedFiles(line)) {
        const known = files.get(file.id);
        if (known) known.sealedBy.push(seq);
        else files.set(file.id, { ...file, sealedBy: [seq] });
      }
    }
  };
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      ndjsonHash.update(chunk);
      try {
        const text = tail + decoder.write(chunk);
        const cut = text.lastIndexOf("\n");
        tail = text.slice(cut + 1);
        collect(text.slice(0, cut + 1));
        callback(null, chunk);
      } catch (error) {
        callback(error instanceof Error ? error : new Error(String(error)));
      }
    },
    flush(callback) {
      try {
        collect(tail + decoder.end());
        callback();
      } catch (error) {
        callback(error instanceof Error ? error : new Error(String(error)));
      }
    },
  });
  // yazl's output is a Node stream at run time; piped through a PassThrough to hold it as one.
  const output = new PassThrough();
  zip.outputStream.pipe(output);
  auditNdjsonStream(plan).pipe(tap);
  zip.addReadStream(tap, "audit.ndjson");
  tap.on("end", () => {
    addFilesAndManifest(zip, plan, [...files.values()], ndjsonHash.digest("hex")).catch((error: unknown) => {
      logger.error({ err: error }, "evidence pack failed while streaming");
      output.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  return output;
}

async function addFilesAndManifest(zip: ZipFile, plan: AuditExportPlan, files: PackFile[], ndjsonSha256: string) {
  const rows = await db.evidenceFile.findMany({
    where: { id: { in: files.map((f) => f.id) } },
    select: { id: true, storageKey: true },
  });
  const keyOf = new Map(rows.map((row) => [row.id, row.storageKey]));
  const storage = evidenceStorage();
  const entries: Array<PackFile & { path: string | null }> = [];
  // One pass-through per file, filled one after the other: files are opened as the ZIP reaches them, not all at once.
  const pending: Array<{ key: string; out: PassThrough }> = [];
  for (const file of files) {
    const key = keyOf.get(file.id);
    if (!key) {
      entries.push({ ...file, path: null });
      continue;
    }
    const out = new PassThrough();
    pending.push({ key, out });
    const path = entryName(file);
    zip.addReadStream(out, path, { compress: false });
    entries.push({ ...file, path });
  }
  const manifest = {
    format: EVIDENCE_PACK_FORMAT,
    generatedAt: plan.generatedAt.toISOString(),
    generatedBy: plan.generatedBy,
    filters: plan.filters,
    chainHead: { seq: plan.head.seq, hash: plan.head.hash },
    auditLog: { path: "audit.ndjson", sha256: ndjsonSha256, events: plan.rowCount },
    files: entries,
  };
  zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, "utf8"), "manifest.json");
  zip.end();
  for (const { key, out } of pending) {
    const stream = await storage.open(key);
    if (!stream) {
      // A file missing from storage: its entry stays empty and the offline check names it.
      out.end();
      continue;
    }
    await new Promise<void>((resolve, reject) => {
      stream.on("error", reject);
      out.on("finish", resolve);
      stream.pipe(out);
    });
  }
}
