import ExcelJS from "exceljs";
import { parse as parseCsv } from "csv-parse/sync";
import { dayOf } from "~/lib/dates";
import { LOCALES, resources } from "~/i18n/config";
import {
  COLUMNS,
  ID_COLUMN,
  REQUIRED,
  columnLetter,
  headingKey,
  type Cell,
  type CellValue,
  type ColumnKey,
  type SheetKind,
  type SheetRow,
} from "./columns";
import { FileRefusedError } from "./file-refusal";
import { guardWorkbookZip, unpackEntry } from "./zip-guard.server";
import { SPREADSHEET_MAX_FILE_BYTES } from "./upload-limits.mjs";

/**
 * Turns an uploaded file into rows of cells, or refuses the whole file (FileRefusedError, a 4xx). Nothing here
 * knows about the database: the dry run (app/lib/import/plan.ts) decides what each row means.
 */

export const UPLOAD_LIMITS = {
  /** The file as uploaded (the server lets a body of twice that through to the page). */
  maxBytes: SPREADSHEET_MAX_FILE_BYTES,
  /** Data rows per sheet (a portfolio's indicators and milestones fit many times over). */
  maxRows: 2000,
} as const;

export type ReadUpload = { rows: SheetRow[] };

/** Every heading the three languages give a column, and the key itself, to the column's key. */
function headingsOf(kind: SheetKind): Map<string, ColumnKey> {
  const map = new Map<string, ColumnKey>();
  for (const locale of LOCALES) {
    const words: Record<string, string> = resources[locale].translation.import.columns[kind];
    for (const key of COLUMNS[kind]) map.set(headingKey(words[key]), key);
  }
  for (const key of COLUMNS[kind]) map.set(headingKey(key), key);
  return map;
}

/** Which kind of sheet a heading row is, and the column index of each key; null for a sheet we do not read. */
function mapHeadings(sheet: string, headings: string[]): { kind: SheetKind; at: Map<ColumnKey, number> } | null {
  for (const kind of ["indicator", "milestone"] as const) {
    const known = headingsOf(kind);
    const at = new Map<ColumnKey, number>();
    headings.forEach((text, index) => {
      const key = known.get(headingKey(text));
      if (key && !at.has(key)) at.set(key, index);
    });
    const identified = at.has(ID_COLUMN[kind]) || (at.has("projectCode") && at.has(codeColumn(kind)));
    const required = REQUIRED[kind].every((key) => at.has(key));
    if (identified && required) return { kind, at };
    // A sheet that clearly means to be one of ours (it has its id column) but lacks what we need is a wrong file.
    if (at.has(ID_COLUMN[kind]) || required) throw new FileRefusedError("wrongColumns", { sheet });
  }
  return null;
}

const codeColumn = (kind: SheetKind): ColumnKey => (kind === "indicator" ? "indicatorCode" : "milestone");

function textOfRich(value: ExcelJS.CellRichTextValue): string {
  return value.richText.map((part) => part.text).join("");
}

/** A cell's own value, as the dry run reads it: numbers stay numbers, dates become days, the rest is text. */
function cellValue(cell: ExcelJS.Cell): { value: CellValue; formula: boolean } {
  const raw = cell.value;
  if (raw === null || raw === undefined) return { value: null, formula: false };
  if (typeof raw === "number") return { value: raw, formula: false };
  if (typeof raw === "string") return { value: raw.trim() || null, formula: false };
  if (typeof raw === "boolean") return { value: String(raw), formula: false };
  if (raw instanceof Date) return { value: dayOf(raw), formula: false };
  if ("formula" in raw || "sharedFormula" in raw) return { value: null, formula: true };
  if ("richText" in raw) return { value: textOfRich(raw).trim() || null, formula: false };
  if ("text" in raw) return { value: String(raw.text).trim() || null, formula: false };
  if ("error" in raw) return { value: String(raw.error), formula: true };
  return { value: null, formula: false };
}

function toRow(kind: SheetKind, sheet: string, row: number, at: Map<ColumnKey, number>, read: (i: number) => Cell) {
  const cells: Partial<Record<ColumnKey, Cell>> = {};
  for (const [key, index] of at) cells[key] = read(index);
  return { kind, sheet, row, cells };
}

/** The sheet parts of the archive, so that rows can be counted before exceljs builds them in memory. */
function countRows(file: Buffer) {
  for (const entry of guardWorkbookZip(file)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) continue;
    const rows = unpackEntry(file, entry).toString("utf8").split("<row ").length - 1;
    if (rows > UPLOAD_LIMITS.maxRows + 1) throw new FileRefusedError("tooManyRows", { max: UPLOAD_LIMITS.maxRows });
  }
}

export async function readXlsx(file: Buffer): Promise<ReadUpload> {
  countRows(file);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer (it reads it through JSZip): a copy of exactly the upload's bytes.
    await workbook.xlsx.load(new Uint8Array(file).buffer);
  } catch {
    throw new FileRefusedError("notXlsx");
  }
  const rows: SheetRow[] = [];
  let sheets = 0;
  for (const sheet of workbook.worksheets) {
    const headingRow = sheet.getRow(1);
    const headings: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) headings.push(String(cellValue(headingRow.getCell(c)).value ?? ""));
    const mapped = mapHeadings(sheet.name, headings);
    if (!mapped) continue;
    sheets++;
    for (let r = 2; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      rows.push(
        toRow(mapped.kind, sheet.name, r, mapped.at, (index) => ({
          ref: `${sheet.name}!${columnLetter(index)}${r}`,
          ...cellValue(row.getCell(index + 1)),
        })),
      );
    }
  }
  if (sheets === 0) throw new FileRefusedError("wrongColumns", { sheet: workbook.worksheets[0]?.name ?? "—" });
  return { rows };
}

/** A CSV of one sheet's columns (comma or semicolon, as Excel writes it in the reader's language). */
export function readCsv(file: Buffer, sheetName: (kind: SheetKind) => string): ReadUpload {
  let records: string[][];
  try {
    records = parseCsv(file, {
      bom: true,
      delimiter: [",", ";"],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      to: UPLOAD_LIMITS.maxRows + 2,
    });
  } catch {
    throw new FileRefusedError("wrongType");
  }
  if (records.length > UPLOAD_LIMITS.maxRows + 1) {
    throw new FileRefusedError("tooManyRows", { max: UPLOAD_LIMITS.maxRows });
  }
  const [headings = [], ...data] = records;
  const mapped = mapHeadings("CSV", headings);
  if (!mapped) throw new FileRefusedError("wrongColumns", { sheet: "CSV" });
  const name = sheetName(mapped.kind);
  return {
    rows: data.map((record, i) =>
      toRow(mapped.kind, name, i + 2, mapped.at, (index) => {
        const text = (record[index] ?? "").trim();
        // A CSV has no formulas of its own, but a spreadsheet opening it would evaluate one: refused like one.
        return { ref: `${name}!${columnLetter(index)}${i + 2}`, value: text || null, formula: text.startsWith("=") };
      }),
    ),
  };
}

/** Reads an upload by its content: a ZIP is a workbook, anything else must be a CSV (by its name). */
export async function readUpload(
  file: { name: string; bytes: Buffer },
  sheetName: (kind: SheetKind) => string,
): Promise<ReadUpload> {
  if (file.bytes.length === 0) throw new FileRefusedError("noFile");
  if (file.bytes.length > UPLOAD_LIMITS.maxBytes) throw new FileRefusedError("tooBig");
  const name = file.name.toLowerCase();
  if (/\.(xlsm|xltm|xlam|xlsb)$/.test(name)) throw new FileRefusedError("macros");
  if (name.endsWith(".csv")) {
    if (file.bytes.length >= 4 && file.bytes.readUInt32LE(0) === 0x04034b50) throw new FileRefusedError("wrongType");
    return readCsv(file.bytes, sheetName);
  }
  if (!name.endsWith(".xlsx")) throw new FileRefusedError("wrongType");
  return readXlsx(file.bytes);
}
