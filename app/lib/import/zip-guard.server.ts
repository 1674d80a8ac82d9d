import { inflateRawSync } from "node:zlib";
import { FileRefusedError } from "./file-refusal";

/**
 * An .xlsx file is a ZIP archive. Before exceljs is allowed to parse an upload, this reads the archive's central
 * directory by hand and refuses what no honest results spreadsheet contains: something that is not a ZIP, an
 * archive whose parts would unpack to more than the limit (a "zip bomb": declared sizes are checked first, then
 * every part is actually inflated with a hard output cap, because declared sizes can lie), macros (a VBA project)
 * and links to other workbooks. No dependency: the format is small and fixed (APPNOTE.TXT), and a parser we can read
 * in one sitting is easier to trust with hostile bytes than a general-purpose library.
 */

export const ZIP_LIMITS = {
  /** All parts of the workbook together, once unpacked. A template of a few hundred rows unpacks to ~100 KB. */
  maxUnpackedBytes: 20 * 1024 * 1024,
  maxEntries: 200,
} as const;

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const STORED = 0;
const DEFLATED = 8;

export type ZipEntry = { name: string; method: number; compressedSize: number; size: number; offset: number };

/** The end-of-central-directory record: within the last 22 + 65,535 bytes (its comment is at most that long). */
function findEndOfDirectory(file: Buffer): number {
  const lowest = Math.max(0, file.length - 22 - 0xffff);
  for (let at = file.length - 22; at >= lowest; at--) {
    if (file.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  throw new FileRefusedError("notXlsx");
}

/** Every entry the central directory lists; a directory that points outside the file is not a ZIP we read. */
export function readCentralDirectory(file: Buffer): ZipEntry[] {
  if (file.length < 22 || file.readUInt32LE(0) !== LOCAL_HEADER) throw new FileRefusedError("notXlsx");
  const end = findEndOfDirectory(file);
  const count = file.readUInt16LE(end + 10);
  const directorySize = file.readUInt32LE(end + 12);
  const directoryStart = file.readUInt32LE(end + 16);
  // ZIP64 markers: a workbook that needs 64-bit sizes is far beyond any limit here.
  if (count === 0xffff || directoryStart === 0xffffffff) throw new FileRefusedError("zipBomb");
  if (count > ZIP_LIMITS.maxEntries) throw new FileRefusedError("zipBomb");
  if (directoryStart + directorySize > end) throw new FileRefusedError("notXlsx");
  const entries: ZipEntry[] = [];
  let at = directoryStart;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || file.readUInt32LE(at) !== CENTRAL_HEADER) throw new FileRefusedError("notXlsx");
    const nameLength = file.readUInt16LE(at + 28);
    const extraLength = file.readUInt16LE(at + 30);
    const commentLength = file.readUInt16LE(at + 32);
    entries.push({
      method: file.readUInt16LE(at + 10),
      compressedSize: file.readUInt32LE(at + 20),
      size: file.readUInt32LE(at + 24),
      offset: file.readUInt32LE(at + 42),
      name: file.toString("utf8", at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The bytes of one entry, unpacked, never more than `entry.size` (a part that unpacks to more is a bomb). */
export function unpackEntry(file: Buffer, entry: ZipEntry): Buffer {
  const at = entry.offset;
  if (at + 30 > file.length || file.readUInt32LE(at) !== LOCAL_HEADER) throw new FileRefusedError("notXlsx");
  const start = at + 30 + file.readUInt16LE(at + 26) + file.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > file.length) throw new FileRefusedError("notXlsx");
  const packed = file.subarray(start, end);
  if (entry.method === STORED) {
    if (packed.length !== entry.size) throw new FileRefusedError("notXlsx");
    return packed;
  }
  if (entry.method !== DEFLATED) throw new FileRefusedError("notXlsx");
  let unpacked: Buffer;
  try {
    // One byte more than declared: reaching it proves the declared size was a lie.
    unpacked = inflateRawSync(packed, { maxOutputLength: entry.size + 1 });
  } catch (error) {
    const code = error instanceof Error && "code" in error ? error.code : null;
    throw new FileRefusedError(code === "ERR_BUFFER_TOO_LARGE" ? "zipBomb" : "notXlsx");
  }
  if (unpacked.length !== entry.size) throw new FileRefusedError(unpacked.length > entry.size ? "zipBomb" : "notXlsx");
  return unpacked;
}

// Excel keeps printer settings in .bin parts too: only the VBA project and its signature are macros.
const MACRO_PART = /(^|\/)vbaProject(Signature)?\.bin$|(^|\/)vbaData\.xml$/i;
const MACRO_CONTENT_TYPE = /macroEnabled|vbaProject/i;

/**
 * Refuses the archive or returns its entries. Order matters: sizes are checked before anything is inflated, and
 * every part is inflated (under its cap) so that exceljs only ever sees bytes already proven small.
 */
export function guardWorkbookZip(file: Buffer): ZipEntry[] {
  const entries = readCentralDirectory(file);
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > ZIP_LIMITS.maxUnpackedBytes) throw new FileRefusedError("zipBomb");
  const names = new Set(entries.map((e) => e.name));
  if (!names.has("[Content_Types].xml") || !names.has("xl/workbook.xml")) throw new FileRefusedError("notXlsx");
  if (entries.some((e) => MACRO_PART.test(e.name))) throw new FileRefusedError("macros");
  if (entries.some((e) => e.name.startsWith("xl/externalLinks/"))) throw new FileRefusedError("externalLinks");
  for (const entry of entries) {
    const bytes = unpackEntry(file, entry);
    if (entry.name === "[Content_Types].xml" && MACRO_CONTENT_TYPE.test(bytes.toString("utf8"))) {
      throw new FileRefusedError("macros");
    }
    if (entry.name === "xl/_rels/workbook.xml.rels" && /relationships\/externalLink/i.test(bytes.toString("utf8"))) {
      throw new FileRefusedError("externalLinks");
    }
  }
  return entries;
}
