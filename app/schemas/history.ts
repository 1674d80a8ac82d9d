import { z } from "zod";
import { isIsoDay } from "~/lib/dates";
import { parseDayInput } from "~/lib/day-input";

/**
 * Query-string filters shared by the history page, the project's history tab and the audit exports. A bad value
 * is a 400 naming the parameter (these are URLs people edit and bookmark, not forms), so messages are plain text.
 */

/**
 * A day: `YYYY-MM-DD` as the filter forms send it. A day typed as people write it ("31 Dec 2026", "31.12.2026") is
 * read too — that is what a filter form sends before its script has run (components/ui/day-filter-field).
 */
const queryDay = z.preprocess(
  (value) => (typeof value === "string" ? (parseDayInput(value) ?? value) : value),
  z.string().refine(isIsoDay, "expected an ISO date (YYYY-MM-DD)"),
);

/** The keyset cursor: the last seq of the previous page. */
const beforeCursor = z.coerce.number().int().positive().optional();

const entityTypeField = z.string().trim().max(60).optional();
const entityIdField = z.string().trim().max(120).optional();

/** `from` and `to` are whole UTC days, both inclusive; `project` is a project code, `actor` an e-mail. */
export const historyQueryFields = {
  from: queryDay.optional(),
  to: queryDay.optional(),
  project: z.string().trim().max(40).optional(),
  entity: entityTypeField,
  /** Alias of `entity` (the milestone and indicator pages link with `?entityType=&entityId=`). */
  entityType: entityTypeField,
  entityId: entityIdField,
  actor: z.string().trim().toLowerCase().max(254).optional(),
  action: z.string().trim().max(80).optional(),
};

const fromNotAfterTo: [(q: { from?: string; to?: string }) => boolean, { message: string; path: string[] }] = [
  (q) => !q.from || !q.to || q.from <= q.to,
  { message: "from must not be after to", path: ["to"] },
];

export const HistoryQuerySchema = z.object(historyQueryFields).refine(...fromNotAfterTo);

/** The history page: the filters plus the keyset cursor. */
export const HistoryPageQuerySchema = z
  .object({ ...historyQueryFields, before: beforeCursor })
  .refine(...fromNotAfterTo);

/** The audit exports: the filters plus `bom` (CSV only): the UTF-8 byte-order mark Excel needs, sent unless `bom=0`. */
export const AuditExportQuerySchema = z
  .object({ ...historyQueryFields, bom: z.enum(["0", "1"]).optional() })
  .refine(...fromNotAfterTo);

/** A project's history tab: the project is the route's; an entity (milestone, indicator) may narrow it. */
export const ProjectHistoryQuerySchema = z.object({
  before: beforeCursor,
  entityType: entityTypeField,
  entityId: entityIdField,
});

export type HistoryQuery = z.infer<typeof HistoryQuerySchema>;

const HISTORY_QUERY_KEYS = ["from", "to", "project", "entity", "entityId", "actor", "action"] as const;

/** The filters as they appear in URLs and export metadata (only the ones that are set; `entityType` → `entity`). */
export function historyQueryParams(query: HistoryQuery): Record<string, string> {
  const normalised = { ...query, entity: query.entity ?? query.entityType };
  const out: Record<string, string> = {};
  for (const key of HISTORY_QUERY_KEYS) {
    const value = normalised[key];
    if (value) out[key] = value;
  }
  return out;
}

/**
 * A chain head an auditor kept outside Qadam (from an auditor digest e-mail or working papers), pasted into the
 * history page to compare: the event number and its 64-hex-digit hash (spaces and line breaks a mail client adds
 * are ignored).
 */
export const ChainHeadCheckSchema = z.object({
  checkSeq: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  checkHash: z
    .string()
    .transform((hash) => hash.replace(/\s+/g, "").toLowerCase())
    .pipe(z.string().regex(/^[0-9a-f]{64}$/)),
});

/** The stored-record address (`/history/stored/<seq>`): an event's number. */
const BAD_ADDRESS = "common.errors.badRequest";
export const StoredEventParamsSchema = z.object({
  seq: z.coerce.number(BAD_ADDRESS).int(BAD_ADDRESS).positive(BAD_ADDRESS).max(Number.MAX_SAFE_INTEGER, BAD_ADDRESS),
});
