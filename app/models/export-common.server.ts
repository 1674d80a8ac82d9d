import { PassThrough, Readable, type Writable } from "node:stream";
import { createReadableStreamFromReadable } from "@remix-run/node";
import ExcelJS from "exceljs";
import type { Prisma } from "~/generated/prisma/client";
import { xlsxCell } from "~/lib/csv-safety";
import { dayOf } from "~/lib/dates";
import { db } from "~/lib/db.server";
import { logger } from "~/lib/logger.server";
import { canSeeEverything, type Actor } from "~/lib/permissions";
import { DEFAULT_LOCALE, isLocale, resources, type Locale } from "~/i18n/config";
import { auditedTransaction, getChainHead, type AuditContext } from "./audit.server";

/**
 * What every export shares: the chain head it was taken against, its own audit event, the streamed HTTP response
 * and the streaming XLSX writer. Rows are always read in keyset batches and written as they are read.
 */

export type ExportKind = "audit_csv" | "audit_xlsx" | "audit_ndjson" | "portfolio_xlsx" | "iati_xml" | "evidence_pack";

export const EXPORT_FILE: Record<ExportKind, string> = {
  audit_csv: "audit.csv",
  audit_xlsx: "audit.xlsx",
  audit_ndjson: "audit.ndjson",
  portfolio_xlsx: "portfolio.xlsx",
  iati_xml: "iati.xml",
  evidence_pack: "evidence-pack.zip",
};

export type ChainHeadStamp = { seq: number; hash: string | null };

/** The chain head at the start of an export: the file states it, and audit exports stop at its seq. */
export async function chainHeadStamp(): Promise<ChainHeadStamp> {
  const head = await getChainHead();
  return { seq: head?.seq ?? 0, hash: head?.hash ?? null };
}

/** What an export's metadata calls its scope: everything, or the projects the user can see. */
export function exportScope(actor: Pick<Actor, "role">): "all" | "visible-projects" {
  return canSeeEverything(actor) ? "all" : "visible-projects";
}

/**
 * Records the export itself in the audit log, in its own transaction, before a byte is streamed: a download
 * that fails half-way is still on record as attempted.
 */
export async function recordExport(
  context: AuditContext,
  input: {
    kind: ExportKind;
    filters: Record<string, string>;
    rowCount: number | Record<string, number>;
    head: ChainHeadStamp;
    projectId?: string | null;
  },
) {
  await auditedTransaction(context, async (_tx, audit) => {
    await audit({
      action: `export.${input.kind}`,
      entityType: "Export",
      entityId: EXPORT_FILE[input.kind],
      projectId: input.projectId ?? null,
      after: {
        format: EXPORT_FILE[input.kind],
        filters: input.filters,
        rowCount: input.rowCount,
        chainHeadSeq: input.head.seq,
        chainHeadHash: input.head.hash,
      },
    });
  });
}

/** `qadam-audit-2026-11-26.csv` — the date is the UTC day the file was generated. */
export function exportFilename(stem: string, extension: string, generatedAt: Date): string {
  return `qadam-${stem}-${dayOf(generatedAt)}.${extension}`;
}

/**
 * Streams a Node readable as the HTTP response body (nothing is buffered here). Security headers such as
 * X-Content-Type-Options are the server's (scripts/server.mjs sets them on every response): a route adding its own
 * copy made the header appear twice.
 */
export function streamResponse(body: Readable, options: { contentType: string; filename: string }): Response {
  return new Response(createReadableStreamFromReadable(body), {
    status: 200,
    headers: {
      "Content-Type": options.contentType,
      "Content-Disposition": `attachment; filename="${options.filename}"`,
      "Cache-Control": "no-store",
    },
  });
}

const PACKED_CHUNK_BYTES = 128 * 1024;

/**
 * A text export as a byte stream: the producer's text (a batch of pieces at a time: records, or parts of them, as
 * strings or as bytes already encoded in UTF-8) copied straight into ~128 kB Buffers. Few large chunks keep the
 * per-chunk cost of the response path low, and no string bigger than one record is ever built, so a million records
 * create no garbage that outlives a batch. The stream asks for the next batch only when its reader has taken the
 * last chunks (the server writes at the pace of the client): memory stays flat.
 */
export function packedText(batches: AsyncIterable<ReadonlyArray<string | Uint8Array>>): Readable {
  async function* chunks(): AsyncGenerator<Buffer> {
    let chunk = Buffer.allocUnsafe(PACKED_CHUNK_BYTES);
    let used = 0;
    for await (const batch of batches) {
      for (const piece of batch) {
        // A UTF-16 code unit takes at most 3 bytes in UTF-8.
        const most = typeof piece === "string" ? piece.length * 3 : piece.byteLength;
        if (used + most > PACKED_CHUNK_BYTES && used > 0) {
          yield chunk.subarray(0, used);
          chunk = Buffer.allocUnsafe(PACKED_CHUNK_BYTES);
          used = 0;
        }
        if (most > PACKED_CHUNK_BYTES) {
          yield typeof piece === "string"
            ? Buffer.from(piece)
            : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
        } else if (typeof piece === "string") {
          used += chunk.write(piece, used);
        } else {
          chunk.set(piece, used);
          used += piece.byteLength;
        }
      }
    }
    if (used > 0) yield chunk.subarray(0, used);
  }
  return Readable.from(chunks(), { objectMode: false, highWaterMark: PACKED_CHUNK_BYTES });
}

/** Node's streams expose `writableNeedDrain`; the `readable-stream` copies inside archiver only keep it in their state. */
type DrainableStream = Pick<Writable, "on" | "off"> & {
  writableNeedDrain?: boolean;
  destroyed?: boolean;
  _writableState?: { needDrain?: boolean };
};

function needsDrain(stream: DrainableStream): boolean {
  return Boolean(stream.writableNeedDrain ?? stream._writableState?.needDrain);
}

/**
 * Resolves once a writable that is over its high-water mark has drained — or has been closed because the
 * client went away, so a producer never waits forever on an abandoned download.
 */
export function drained(stream: DrainableStream, response?: Writable): Promise<void> {
  if (!needsDrain(stream) || stream.destroyed || response?.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("close", done);
      stream.off("error", done);
      response?.off("close", done);
      resolve();
    };
    stream.on("drain", done);
    stream.on("close", done);
    stream.on("error", done);
    // An inner stream of the zip writer does not close when the client goes away; the response stream does.
    response?.on("close", done);
  });
}

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export type XlsxWriter = {
  workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  /** Waits while the consumer (or the zip compressor) is behind, so committed rows do not pile up in memory. */
  drain: (sheet: ExcelJS.Worksheet) => Promise<void>;
  /** True once the client has gone away: stop reading the database. */
  aborted: () => boolean;
};

/**
 * exceljs (4.4) writes a committed row into the worksheet's StreamBuf, which pushes it into the zip entry's input
 * stream (a `readable-stream` PassThrough inside archiver) without looking at its return value: nothing slows the
 * rows down when the compressor or the client is behind, and a million rows pile up ~800 MB of buffers. That input
 * stream is the first real stream of the chain, so waiting for it to drain gives true back-pressure. It is reached through exceljs internals; if they change, this returns undefined and only the
 * response stream is watched (tests/unit/export-stream.test.ts would then fail, as the XLSX export read too far).
 */
export function sheetInput(sheet: ExcelJS.Worksheet): DrainableStream | undefined {
  const stream = propertyOf(sheet, "_stream");
  const pipes = propertyOf(stream, "pipes");
  const target: unknown = Array.isArray(pipes) ? pipes[0] : undefined;
  return isDrainableStream(target) ? target : undefined;
}

/** `value[key]` when `value` is an object that has it; undefined otherwise (for reading a library's internals). */
function propertyOf(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null && key in value ? Reflect.get(value, key) : undefined;
}

/** An event emitter that tells whether it is over its high-water mark (Node's field, or readable-stream's state). */
function isDrainableStream(value: unknown): value is DrainableStream {
  if (typeof propertyOf(value, "on") !== "function" || typeof propertyOf(value, "off") !== "function") return false;
  return typeof propertyOf(value, "writableNeedDrain") === "boolean" || Boolean(propertyOf(value, "_writableState"));
}

/**
 * exceljs's streaming WorkbookWriter writing into a PassThrough that becomes the response body. Inline strings
 * (no shared-strings table) keep memory flat; styles are on because date cells need a number format (exceljs keeps
 * one entry per distinct style, a handful per workbook). Each worksheet must be committed before the next is added,
 * because the zip writer appends one entry at a time.
 */
export function xlsxStream(build: (writer: XlsxWriter) => Promise<void>): Readable {
  const out = new PassThrough({ highWaterMark: 64 * 1024 });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const drain = async (sheet: ExcelJS.Worksheet) => {
    // libSQL's local driver settles its promises without passing through the event loop's I/O phase, so a loop
    // of queries would starve zlib (the compressor finishes its work in I/O callbacks) until the last row: let
    // the event loop turn once, then wait while anything downstream is full.
    await new Promise<void>((resolve) => setImmediate(resolve));
    await drained(out);
    await drained(sheetInput(sheet) ?? out, out);
  };
  build({ workbook, drain, aborted: () => out.destroyed })
    .then(() => (out.destroyed ? undefined : workbook.commit()))
    .catch((error: unknown) => {
      if (out.destroyed) return; // the client went away: nothing to report
      logger.error({ err: error }, "xlsx export failed while streaming");
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  return out;
}

/**
 * What a data column holds, which decides its cell format and width. Dates are real date cells (a reader can sort,
 * filter and compute with them), amounts and shares real numbers.
 */
export type XlsxColumnKind =
  "code" | "text" | "longText" | "date" | "dateTime" | "integer" | "number" | "usd" | "share";

const COLUMN_FORMAT: Partial<Record<XlsxColumnKind, string>> = {
  date: "d mmm yyyy",
  dateTime: 'd mmm yyyy hh:mm:ss "UTC"',
  integer: "0",
  usd: "#,##0.00",
  share: "0.0%",
};

const COLUMN_WIDTH: Record<XlsxColumnKind, number> = {
  code: 14,
  text: 28,
  longText: 48,
  date: 13,
  dateTime: 24,
  integer: 10,
  number: 14,
  usd: 18,
  share: 12,
};

/** A1-style column letters: 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * A data sheet people can work with: headings in the reader's language on a frozen first row, a filter on every
 * column over the rows to come (`rowCount`, known from the export's plan), widths that fit what each column holds,
 * and a number format per column so that dates and amounts are real cells.
 */
export function addTableSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  columns: ReadonlyArray<{ kind: XlsxColumnKind; heading: string }>,
  rowCount: number,
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: "frozen", xSplit: 0, ySplit: 1 }],
  });
  sheet.autoFilter = `A1:${columnLetter(columns.length)}${rowCount + 1}`;
  sheet.columns = columns.map(({ kind, heading }) => {
    const format = COLUMN_FORMAT[kind];
    return {
      width: Math.min(60, Math.max(COLUMN_WIDTH[kind], heading.length + 4)),
      ...(format ? { style: { numFmt: format } } : {}),
    };
  });
  const header = sheet.addRow(columns.map(({ heading }) => xlsxCell(heading)));
  header.font = { bold: true };
  header.commit();
  return sheet;
}

/** The reader's language for an export's headings and words (an unknown stored locale reads English). */
export function exportLocale(user: { locale: string }): Locale {
  return isLocale(user.locale) ? user.locale : DEFAULT_LOCALE;
}

type XlsxHeadings = (typeof resources)["en"]["translation"]["exports"]["xlsx"];

/** The XLSX column headings and yes/no words in a language (keys are the machine column names the CSV keeps). */
export function xlsxWords(locale: Locale): XlsxHeadings {
  return resources[locale].translation.exports.xlsx;
}

type DomainWords = (typeof resources)["en"]["translation"]["domain"];

/**
 * Stored enum values in the reader's words, for the XLSX only: the CSV and NDJSON keep the stored values, which
 * scripts compare and which never change with the language (README, "Exports"). A value without words (a code
 * retired since) is written as stored.
 */
export function xlsxEnumWords(locale: Locale) {
  const translation = resources[locale].translation;
  const pick = (words: Record<string, string>, value: string | null) =>
    value === null ? null : (words[value] ?? value);
  const changes: Record<string, Record<string, string> | undefined> = translation.audit.changes;
  return {
    /** A status, an indicator type or measure, an institution: its words alone ("In progress"). */
    domain: <G extends keyof DomainWords>(group: G, value: string | null) => pick(translation.domain[group], value),
    instrument: (value: string | null) => pick(translation.projects.instruments, value),
    /** A rating as the ISR prints it: the code people quote, then its words ("MU — Moderately Unsatisfactory"). */
    rating: (group: "rating" | "risk", value: string | null) =>
      value === null ? null : `${value} — ${pick(translation.domain[group], value) ?? value}`,
    /** An audit action ("milestoneUpdate.approve") as the history's filter names it ("Update approved"). */
    auditAction: (action: string) => {
      const dot = action.indexOf(".");
      return changes[action.slice(0, dot)]?.[action.slice(dot + 1)] ?? action;
    },
    /** A kind of record ("MilestoneUpdate") in words ("Milestone update"). */
    auditKind: (entityType: string) => pick(translation.audit.kinds, entityType) ?? entityType,
  };
}

/** A two-column sheet of metadata (key, value), the first sheet of every workbook. */
export function writeKeyValueSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, rows: Array<[string, string]>) {
  const meta = workbook.addWorksheet("metadata");
  meta.addRow(["key", "value"].map(xlsxCell)).commit();
  for (const [key, value] of rows) meta.addRow([xlsxCell(key), xlsxCell(value)]).commit();
  meta.commit();
}

/**
 * The projects matching `where` in code order, `batchSize` at a time, with whatever `select` names: a keyset walk,
 * so memory holds one batch whatever the portfolio's size.
 */
export async function* projectBatches<S extends Prisma.ProjectSelect & { code: true }>(
  where: Prisma.ProjectWhereInput,
  select: S,
  batchSize: number,
): AsyncGenerator<Array<Prisma.ProjectGetPayload<{ select: S }>>> {
  let after: string | undefined;
  for (;;) {
    const batch = (await db.project.findMany({
      where: after ? { AND: [where, { code: { gt: after } }] } : where,
      orderBy: { code: "asc" },
      take: batchSize,
      select,
    })) as Array<Prisma.ProjectGetPayload<{ select: S }>>;
    if (batch.length) yield batch;
    if (batch.length < batchSize) return;
    after = (batch[batch.length - 1] as { code: string }).code;
  }
}
