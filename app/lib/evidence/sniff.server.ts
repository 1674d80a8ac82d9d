import { open } from "node:fs/promises";
import type { EvidenceType } from "./limits";

/**
 * A file's type, found from its bytes: the signatures of PDF, PNG and JPEG, and for Office documents the ZIP's own
 * directory (an Office Open XML package lists `[Content_Types].xml` and its main part). The name and the type the
 * browser claimed are never trusted: an HTML page or an SVG renamed `report.pdf` is refused here.
 */

export type Sniffed = { ok: true; type: EvidenceType } | { ok: false; reason: "type" | "macros" };

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const PDF = Buffer.from("%PDF-", "latin1");
const ZIP_LOCAL = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
/** The end-of-directory record is 22 bytes plus a comment of at most 65,535. */
const EOCD_SEARCH = 22 + 0xffff;
/** More entries than any real Office document has: a directory claiming more is not read. */
const MAX_ENTRIES = 20_000;

const MAIN_PART: Array<[string, EvidenceType]> = [
  ["word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
  ["xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
  ["ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation"],
];

export async function sniffEvidenceFile(path: string): Promise<Sniffed> {
  const file = await open(path, "r");
  try {
    const { size } = await file.stat();
    const head = Buffer.alloc(Math.min(size, 16));
    await file.read(head, 0, head.length, 0);
    if (startsWith(head, PDF)) return { ok: true, type: "application/pdf" };
    if (startsWith(head, PNG)) return { ok: true, type: "image/png" };
    if (startsWith(head, JPEG)) return { ok: true, type: "image/jpeg" };
    if (!startsWith(head, ZIP_LOCAL)) return { ok: false, reason: "type" };
    const names = await zipEntryNames(file, size);
    if (!names || !names.has("[Content_Types].xml")) return { ok: false, reason: "type" };
    // A macro-enabled document (.docm/.xlsm/.pptm) renamed to the plain extension still carries its VBA project.
    if ([...names].some((name) => name.toLowerCase().endsWith("vbaproject.bin")))
      return { ok: false, reason: "macros" };
    const main = MAIN_PART.find(([part]) => names.has(part));
    return main ? { ok: true, type: main[1] } : { ok: false, reason: "type" };
  } finally {
    await file.close();
  }
}

function startsWith(buffer: Buffer, prefix: Buffer): boolean {
  return buffer.length >= prefix.length && buffer.subarray(0, prefix.length).equals(prefix);
}

type Handle = Awaited<ReturnType<typeof open>>;

/** The entry names of a ZIP's central directory; null when there is no well-formed directory. */
async function zipEntryNames(file: Handle, size: number): Promise<Set<string> | null> {
  const tailLength = Math.min(size, EOCD_SEARCH);
  const tail = Buffer.alloc(tailLength);
  await file.read(tail, 0, tailLength, size - tailLength);
  let eocd = -1;
  for (let at = tailLength - 22; at >= 0; at--) {
    if (tail.readUInt32LE(at) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = tail.readUInt16LE(eocd + 10);
  const directorySize = tail.readUInt32LE(eocd + 12);
  const directoryOffset = tail.readUInt32LE(eocd + 16);
  if (entries > MAX_ENTRIES || directoryOffset + directorySize > size) return null;
  const directory = Buffer.alloc(directorySize);
  await file.read(directory, 0, directorySize, directoryOffset);
  const names = new Set<string>();
  let at = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_SIGNATURE) return null;
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    if (at + 46 + nameLength > directory.length) return null;
    names.add(directory.toString("utf8", at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
