// Writes ZIP archives byte by byte, so tests can craft the hostile workbooks a library would refuse to write:
// declared sizes that lie, macro parts, links to other workbooks.
import { crc32, deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { readCentralDirectory, unpackEntry } from "~/lib/import/zip-guard.server";

export type ZipPart = { name: string; data: Buffer; declaredSize?: number; stored?: boolean };

export function writeZip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const packed = part.stored ? part.data : deflateRawSync(part.data);
    const name = Buffer.from(part.name, "utf8");
    const size = part.declaredSize ?? part.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(part.stored ? 0 : 8, 8);
    local.writeUInt32LE(crc32(part.data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(part.stored ? 0 : 8, 10);
    central.writeUInt32LE(crc32(part.data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The parts of an archive (e.g. one exceljs wrote), to rewrite it with a part added or changed. */
export function zipParts(file: Buffer): ZipPart[] {
  return readCentralDirectory(file).map((entry) => ({ name: entry.name, data: unpackEntry(file, entry) }));
}

export async function workbookBytes(book: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await book.xlsx.writeBuffer());
}
