import { CHAIN_FIELDS } from "~/lib/audit-chain.server";
import type { Readable } from "node:stream";
import { neutraliseFormula, xlsxCell } from "~/lib/csv-safety";
import { decideGlobal, type Actor } from "~/lib/permissions";
import type { AuditContext } from "./audit.server";
import type { Locale } from "~/i18n/config";
import {
  addTableSheet,
  packedText,
  xlsxEnumWords,
  xlsxWords,
  type XlsxColumnKind,
  chainHeadStamp,
  exportScope,
  recordExport,
  writeKeyValueSheet,
  xlsxStream,
  type ChainHeadStamp,
  type ExportKind,
} from "./export-common.server";
import { auditWhereFor, projectCodesById, requireFilteredProject, resolveHistoryFilters } from "./history.server";
import {
  countAuditEvents,
  streamAuditCsvRecords,
  streamAuditEvents,
  type AuditEventRow,
} from "./history-stream.server";
import type { Prisma } from "~/generated/prisma/client";
import { historyQueryParams, type HistoryQuery } from "~/schemas/history";

/**
 * The audit-log exports (CSV, XLSX, NDJSON). One plan — the scoped filter, the chain head and the row count — is
 * taken first; the export is recorded; then events are streamed oldest first in keyset batches up to the head's
 * seq, so the stated row count is exactly the number of rows in the file.
 */

export const AUDIT_COLUMNS = [
  "seq",
  "occurred_at",
  "actor_email",
  "actor_id",
  "action",
  "entity_type",
  "entity_id",
  "project_code",
  "project_id",
  "reason",
  "before",
  "after",
  "request_id",
  "ip",
  "prev_hash",
  "hash",
] as const;

export type AuditExportPlan = {
  where: Prisma.AuditEventWhereInput;
  head: ChainHeadStamp;
  rowCount: number;
  generatedAt: Date;
  generatedBy: string;
  scope: "all" | "visible-projects";
  /** Whether the `request_id` and `ip` columns are filled in, or kept blank (see `history.exportNetworkDetails`). */
  networkDetails: "included" | "withheld";
  filters: Record<string, string>;
  projectCodes: Map<string, string>;
  /** The filtered project, if any: the export's own audit event is filed under it. */
  projectId: string | null;
};

/** Throws NotFoundError when the `project` filter names a project the actor cannot see (or none at all). */
export async function planAuditExport(options: {
  actor: Actor & { email: string; role: string };
  query: HistoryQuery;
}): Promise<AuditExportPlan> {
  const filters = await resolveHistoryFilters(options.query);
  const projectId = await requireFilteredProject(options.actor, filters);
  const where = await auditWhereFor(options.actor, filters);
  const head = await chainHeadStamp();
  const rowCount = await countAuditEvents(where, head.seq);
  return {
    where,
    head,
    rowCount,
    generatedAt: new Date(),
    generatedBy: options.actor.email,
    scope: exportScope(options.actor),
    networkDetails: decideGlobal(options.actor, "history.exportNetworkDetails") === "allow" ? "included" : "withheld",
    filters: historyQueryParams(options.query),
    projectCodes: await projectCodesById(),
    projectId,
  };
}

/** Records the export (its filters, row count and chain head) in the audit log before streaming. */
export async function recordAuditExport(context: AuditContext, kind: ExportKind, plan: AuditExportPlan) {
  const { filters, rowCount, head, projectId } = plan;
  await recordExport(context, { kind, filters, rowCount, head, projectId });
}

/** The metadata block, in a fixed order (documented in the README). */
export function auditMetadata(plan: AuditExportPlan, format: string): Array<[string, string]> {
  const f = plan.filters;
  return [
    ["format", format],
    ["generated_at", plan.generatedAt.toISOString()],
    ["generated_by", plan.generatedBy],
    ["scope", plan.scope],
    ["network_details", plan.networkDetails],
    ["filter_from", f.from ?? ""],
    ["filter_to", f.to ?? ""],
    ["filter_project", f.project ?? ""],
    ["filter_entity", f.entity ?? ""],
    ["filter_entity_id", f.entityId ?? ""],
    ["filter_actor", f.actor ?? ""],
    ["filter_action", f.action ?? ""],
    ["row_count", String(plan.rowCount)],
    ["chain_head_seq", String(plan.head.seq)],
    ["chain_head_hash", plan.head.hash ?? ""],
  ];
}

export function eventCells(row: AuditEventRow, codes: Map<string, string>): Array<string | number | null> {
  return [
    row.seq,
    row.occurredAt,
    row.actorEmail,
    row.actorId,
    row.action,
    row.entityType,
    row.entityId,
    row.projectId ? (codes.get(row.projectId) ?? null) : null,
    row.projectId,
    row.reason,
    row.before,
    row.after,
    row.requestId,
    row.ip,
    row.prevHash,
    row.hash,
  ];
}

/** The planned events oldest first, a batch at a time; without `history.exportNetworkDetails`, every request id and IP is blank. */
async function* plannedBatches(plan: AuditExportPlan): AsyncGenerator<AuditEventRow[]> {
  const withheld = plan.networkDetails === "withheld";
  for await (const batch of streamAuditEvents({ where: plan.where, maxSeq: plan.head.seq })) {
    yield withheld ? batch.map((row) => ({ ...row, requestId: null, ip: null })) : batch;
  }
}

// ---------------------------------------------------------------------------------------------------------
// CSV (RFC 4180): CRLF line ends, fields with comma, quote, CR or LF quoted, quotes doubled. The metadata block
// comes first as records of the same width as the data: `#`, key, value, then empty fields — valid RFC 4180, and
// skipped by readers that treat `#` lines as comments (pandas `comment="#"`, csv-parse `comment: "#"`).
// Such readers also cut an unquoted field at a `#` ("ticket #42" would lose its tail and every column after it),
// so every field holding a `#` is quoted, except the metadata records' own leading marker.
// Written here rather than by a CSV library: a million events spent most of their time in its per-field hooks.

const CSV_QUOTED = /[",\r\n#]/;

/** One CSV field: text neutralised against formulas, quoted (quotes doubled) when it holds `,` `"` CR LF or `#`. */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const safe = neutraliseFormula(value);
  return CSV_QUOTED.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Fields at least this long are handed on as pieces of their own rather than copied into their record's text. */
const LONG_FIELD = 256;

/**
 * One CSV record with its CRLF, appended to `pieces` as a few strings whose concatenation is the record: short
 * fields joined, long ones (the before/after snapshots) on their own, so that writing a record into the output
 * buffer never first copies a whole record into one flat string.
 */
export function csvPieces(cells: ReadonlyArray<string | number | null>, pieces: Array<string | Uint8Array>): void {
  let run = "";
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) run += ",";
    const cell = cells[i] ?? null;
    if (typeof cell !== "string" || cell.length < LONG_FIELD) {
      run += csvField(cell);
      continue;
    }
    const safe = neutraliseFormula(cell);
    const quoted = CSV_QUOTED.test(safe);
    pieces.push(quoted ? `${run}"` : run, quoted ? safe.replaceAll('"', '""') : safe);
    run = quoted ? '"' : "";
  }
  pieces.push(`${run}\r\n`);
}

/** One CSV record with its CRLF, as one string. */
export function csvRecord(cells: ReadonlyArray<string | number | null>): string {
  const pieces: string[] = [];
  csvPieces(cells, pieces);
  return pieces.join("");
}

export function auditCsvStream(plan: AuditExportPlan, options: { bom: boolean }): Readable {
  const width = AUDIT_COLUMNS.length;
  const withheld = plan.networkDetails === "withheld";
  async function* pieces(): AsyncGenerator<Array<string | Uint8Array>> {
    const head = auditMetadata(plan, "qadam-audit-csv/1").map(
      // The bare `#` marker opens a metadata record unquoted.
      ([key, value]) => `#,${csvRecord([key, value, ...Array<string>(width - 3).fill("")])}`,
    );
    yield [`${options.bom ? "\ufeff" : ""}${head.join("")}`, csvRecord(AUDIT_COLUMNS)];
    const walk = { where: plan.where, maxSeq: plan.head.seq, withheld };
    for await (const batch of streamAuditCsvRecords(walk)) {
      const out: Array<string | Uint8Array> = [];
      for (const record of batch) {
        if (record instanceof Uint8Array) out.push(record);
        else
          csvPieces(eventCells(withheld ? { ...record, requestId: null, ip: null } : record, plan.projectCodes), out);
      }
      yield out;
    }
  }
  return packedText(pieces());
}

// ---------------------------------------------------------------------------------------------------------
// NDJSON: one JSON object per line. Line 1 is the metadata; every following line is one event with all its
// stored fields (before/after as the stored JSON text), so anyone holding the file can recompute the hash chain.

/**
 * The canonical form the chain hashes, named so a file states which one it was written with (README, "Chain
 * verification"; scripts/verify-ndjson.mjs implements it from the file alone): hash = SHA-256(prevHash +
 * JSON.stringify of these fields in this order), as lib/audit-chain.server's canonicalEvent computes it.
 */
export const CHAIN_CANONICAL_FORM = {
  canonicalForm: "qadam-audit-chain/1",
  hash: "hex(sha256(utf8(prevHash + JSON.stringify([fields...]))))",
  fields: CHAIN_FIELDS,
  genesisPrevHash: "0".repeat(64),
} as const;

export function auditNdjsonStream(plan: AuditExportPlan): Readable {
  async function* lines(): AsyncGenerator<string[]> {
    const meta = Object.fromEntries(auditMetadata(plan, "qadam-audit-ndjson/1"));
    const metadata = `${JSON.stringify({
      type: "metadata",
      format: meta.format,
      generatedAt: meta.generated_at,
      generatedBy: meta.generated_by,
      scope: meta.scope,
      networkDetails: plan.networkDetails,
      filters: plan.filters,
      rowCount: plan.rowCount,
      chainHead: { seq: plan.head.seq, hash: plan.head.hash },
      chain: CHAIN_CANONICAL_FORM,
    })}\n`;
    yield [metadata];
    for await (const batch of plannedBatches(plan)) {
      yield batch.map((row) => {
        const projectCode = row.projectId ? (plan.projectCodes.get(row.projectId) ?? null) : null;
        return `${JSON.stringify({ type: "event", ...row, projectCode })}\n`;
      });
    }
  }
  return packedText(lines());
}

// ---------------------------------------------------------------------------------------------------------
// XLSX: a "metadata" sheet (key, value) and an "events" sheet with the same columns as the CSV.

/** What each column holds in the workbook (the CSV writes the same values as text). */
const AUDIT_COLUMN_KINDS: Record<(typeof AUDIT_COLUMNS)[number], XlsxColumnKind> = {
  seq: "integer",
  occurred_at: "dateTime",
  actor_email: "text",
  actor_id: "code",
  action: "text",
  entity_type: "text",
  entity_id: "code",
  project_code: "code",
  project_id: "code",
  reason: "longText",
  before: "longText",
  after: "longText",
  request_id: "code",
  ip: "code",
  prev_hash: "code",
  hash: "code",
};

/** The events sheet's columns, headed in the reader's language, in the CSV's column order. */
export function auditXlsxColumns(locale: Locale) {
  const headings = xlsxWords(locale).events;
  return AUDIT_COLUMNS.map((key) => ({ key, kind: AUDIT_COLUMN_KINDS[key], heading: headings[key] }));
}

export function auditXlsxStream(plan: AuditExportPlan, options: { locale: Locale }): Readable {
  return xlsxStream(async ({ workbook, drain, aborted }) => {
    writeKeyValueSheet(workbook, auditMetadata(plan, "qadam-audit-xlsx/1"));

    const sheet = addTableSheet(workbook, "events", auditXlsxColumns(options.locale), plan.rowCount);
    const enums = xlsxEnumWords(options.locale);
    let written = 0;
    for await (const batch of plannedBatches(plan)) {
      for (const row of batch) {
        // The occurrence is a real date-time cell here, the action and the kind of record are words in the reader's
        // language (the CSV keeps ISO text and the stored names).
        const cells: Array<string | number | Date | null> = eventCells(row, plan.projectCodes);
        cells[1] = new Date(row.occurredAt);
        cells[4] = enums.auditAction(row.action);
        cells[5] = enums.auditKind(row.entityType);
        sheet.addRow(cells.map(xlsxCell)).commit();
        if (++written % 500 === 0) {
          if (aborted()) return;
          await drain(sheet);
        }
      }
    }
    sheet.commit();
  });
}
