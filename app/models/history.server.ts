import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import { currentAuditAction, storedAuditActionNames } from "~/lib/audit-actions";
import { createChainVerifier, type ChainVerdict } from "~/lib/audit-chain.server";
import { db, type Db } from "~/lib/db.server";
import { canSeeEverything, type Actor } from "~/lib/permissions";
import { projectWhereForActor } from "~/lib/permissions.server";

export type HistoryFilters = {
  from?: Date;
  /** exclusive upper bound */
  to?: Date;
  projectId?: string;
  entityType?: string;
  entityId?: string;
  actorId?: string;
  /** Used when the e-mail names no user (e.g. failed sign-ins with an unknown address); not indexed. */
  actorEmail?: string;
  action?: string;
};

/** Matches nothing: a filter naming a project or user that does not exist must not widen the selection. */
const NONE = "__none__";

/**
 * The audit events an actor may read that match the filters. Scope: ADMIN and AUDITOR read everything;
 * others read events of projects they can see (events without a project are not theirs).
 *
 * A date range is also turned into the exact seq range of the events inside it (MIN/MAX over the occurredAt
 * index, which carries seq as its rowid), so that the seq-ordered scans below stay inside the range instead of
 * walking the whole table from its newest end.
 */
export async function auditWhereFor(actor: Actor, filters: HistoryFilters): Promise<Prisma.AuditEventWhereInput> {
  const where: Prisma.AuditEventWhereInput = {};
  const and: Prisma.AuditEventWhereInput[] = [];
  if (filters.from || filters.to) {
    const occurredAt = { gte: storedDateBound(filters.from), lt: storedDateBound(filters.to) };
    where.occurredAt = occurredAt;
    const bounds = await db.auditEvent.aggregate({ where: { occurredAt }, _min: { seq: true }, _max: { seq: true } });
    and.push({ seq: { gte: bounds._min.seq ?? 1, lte: bounds._max.seq ?? 0 } });
  }
  if (filters.entityType) where.entityType = filters.entityType;
  if (filters.entityId) where.entityId = filters.entityId;
  if (filters.actorId) where.actorId = filters.actorId;
  if (filters.actorEmail) where.actorEmail = filters.actorEmail;
  if (filters.action) {
    // A renamed action's events keep their old name: a filter for either name finds both.
    const names = storedAuditActionNames(filters.action);
    where.action = names.length === 1 ? names[0] : { in: names };
  }
  if (filters.projectId) where.projectId = filters.projectId;
  if (!canSeeEverything(actor)) {
    const ids = await visibleProjectIds(actor);
    where.projectId = filters.projectId ? (ids.includes(filters.projectId) ? filters.projectId : NONE) : { in: ids };
  }
  if (and.length) where.AND = and;
  return where;
}

/**
 * The libSQL driver adapter stores DateTime as text like `2026-11-26T10:00:00.000+00:00` but binds Date
 * parameters as `2026-11-26T10:00:00.000Z`; text comparison then puts an event stored at exactly the bound on
 * the wrong side ("+" sorts before "Z"). Moving the bound back by one millisecond gives exact `>=` / `<`
 * semantics for the stored form (pinned by tests/unit/history-model.test.ts).
 */
function storedDateBound(date: Date | undefined): Date | undefined {
  return date ? new Date(date.getTime() - 1) : undefined;
}

async function visibleProjectIds(actor: Actor): Promise<string[]> {
  const visible = await db.project.findMany({ where: projectWhereForActor(actor), select: { id: true } });
  return visible.map((p) => p.id);
}

/** Adds a seq bound to a where clause without losing a date-derived seq range already in it. */
function withSeq(where: Prisma.AuditEventWhereInput, seq: Prisma.IntFilter): Prisma.AuditEventWhereInput {
  const and = Array.isArray(where.AND) ? where.AND : where.AND ? [where.AND] : [];
  return { ...where, AND: [...and, { seq }] };
}

export const HISTORY_PAGE_SIZE = 50;

/**
 * Newest first, keyset-paginated on seq (`before` = the last seq of the previous page): deep pages cost
 * the same as the first, even on millions of events.
 */
export async function listAuditEvents(options: {
  actor: Actor;
  filters: HistoryFilters;
  before?: number;
  limit?: number;
}) {
  const limit = options.limit ?? HISTORY_PAGE_SIZE;
  let where = await auditWhereFor(options.actor, options.filters);
  if (options.before) where = withSeq(where, { lt: options.before });
  const rows = await db.auditEvent.findMany({ where, orderBy: { seq: "desc" }, take: limit + 1 });
  const events = rows.slice(0, limit).map(toHistoryEvent);
  return { events, nextBefore: rows.length > limit ? events[events.length - 1].seq : null };
}

// ---------------------------------------------------------------------------------------------------------
// Query-string filters shared by the history page and the audit exports.

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected an ISO date (YYYY-MM-DD)")
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    "not a calendar date",
  );

/** `from` and `to` are whole UTC days, both inclusive; `project` is a project code, `actor` an e-mail. */
export const historyQueryFields = {
  from: isoDay.optional(),
  to: isoDay.optional(),
  project: z.string().trim().max(40).optional(),
  entity: z.string().trim().max(60).optional(),
  /** Alias of `entity` (the milestone and indicator pages link with `?entityType=&entityId=`). */
  entityType: z.string().trim().max(60).optional(),
  entityId: z.string().trim().max(120).optional(),
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
  .object({ ...historyQueryFields, before: z.coerce.number().int().positive().optional() })
  .refine(...fromNotAfterTo);

/** The audit exports: the filters plus `bom=1` (CSV only) for Excel. */
export const AuditExportQuerySchema = z
  .object({ ...historyQueryFields, bom: z.enum(["0", "1"]).optional() })
  .refine(...fromNotAfterTo);

export type HistoryQuery = z.infer<typeof HistoryQuerySchema>;

/** The resolved project id of a `project` filter, when it names a real project (for the export's own event). */
export function filteredProjectId(filters: HistoryFilters): string | null {
  return filters.projectId && filters.projectId !== NONE ? filters.projectId : null;
}

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

const DAY_MS = 86_400_000;

/** Turns the URL's codes and e-mails into ids. Unknown ones match nothing (they never widen the selection). */
export async function resolveHistoryFilters(query: HistoryQuery): Promise<HistoryFilters> {
  const filters: HistoryFilters = {};
  if (query.from) filters.from = new Date(`${query.from}T00:00:00.000Z`);
  if (query.to) filters.to = new Date(new Date(`${query.to}T00:00:00.000Z`).getTime() + DAY_MS);
  if (query.project) {
    const project = await db.project.findUnique({ where: { code: query.project }, select: { id: true } });
    filters.projectId = project?.id ?? NONE;
  }
  if (query.actor) {
    const user = await db.user.findUnique({ where: { email: query.actor }, select: { id: true } });
    if (user) filters.actorId = user.id;
    else filters.actorEmail = query.actor;
  }
  if (query.entity ?? query.entityType) filters.entityType = query.entity ?? query.entityType;
  if (query.entityId) filters.entityId = query.entityId;
  if (query.action) filters.action = query.action;
  return filters;
}

// ---------------------------------------------------------------------------------------------------------
// Streaming reads for exports and the chain verifier: keyset batches in seq order, never all rows at once.

export const auditExportSelect = {
  seq: true,
  occurredAt: true,
  actorId: true,
  actorEmail: true,
  action: true,
  entityType: true,
  entityId: true,
  projectId: true,
  before: true,
  after: true,
  reason: true,
  requestId: true,
  ip: true,
  prevHash: true,
  hash: true,
} as const;

export type AuditEventRow = Prisma.AuditEventGetPayload<{ select: typeof auditExportSelect }>;

/** How many events the where clause selects up to and including `maxSeq` (index-only with the AuditEvent indexes). */
export async function countAuditEvents(where: Prisma.AuditEventWhereInput, maxSeq: number): Promise<number> {
  return db.auditEvent.count({ where: withSeq(where, { lte: maxSeq }) });
}

/** Oldest first, in batches of `batchSize`, stopping at `maxSeq` so the result matches a count taken before. */
export async function* streamAuditEvents(options: {
  where: Prisma.AuditEventWhereInput;
  maxSeq: number;
  batchSize?: number;
  client?: Db;
}): AsyncGenerator<AuditEventRow[]> {
  const client = options.client ?? db;
  const batchSize = options.batchSize ?? 1000;
  let after = 0;
  for (;;) {
    const rows = await client.auditEvent.findMany({
      where: withSeq(options.where, { gt: after, lte: options.maxSeq }),
      orderBy: { seq: "asc" },
      take: batchSize,
      select: auditExportSelect,
    });
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1].seq;
  }
}

export const VERIFY_BATCH_SIZE = 5000;

/**
 * Recomputes the whole hash chain, reading `batchSize` events at a time in seq order (memory stays flat on
 * millions of events). `onProgress` is called after each batch with the number of events read so far.
 */
export async function verifyAuditChain(
  options: { client?: Db; batchSize?: number; onProgress?: (count: number) => void } = {},
): Promise<ChainVerdict> {
  const client = options.client ?? db;
  const batchSize = options.batchSize ?? VERIFY_BATCH_SIZE;
  const verifier = createChainVerifier();
  let after = 0;
  let read = 0;
  for (;;) {
    const rows = await client.auditEvent.findMany({
      where: { seq: { gt: after } },
      orderBy: { seq: "asc" },
      take: batchSize,
      select: auditExportSelect,
    });
    for (const row of rows) {
      if (!verifier.push(row)) return verifier.result();
    }
    read += rows.length;
    options.onProgress?.(read);
    if (rows.length < batchSize) return verifier.result();
    after = rows[rows.length - 1].seq;
  }
}

/**
 * Below this many events the auditor's page verifies the whole chain on every load (measured ~21,000 events/s
 * on the 2-core reference machine, so ≤ 0.25 s); above it the page shows the head and verifies on request, as a
 * million events take ~50 s.
 */
export const AUTO_VERIFY_MAX_EVENTS = 5_000;

export type ChainStatus = {
  headSeq: number;
  headHash: string | null;
  headAt: string | null;
  verification:
    | null
    | { ok: true; count: number; headSeq: number; headHash: string; durationMs: number; auto: boolean }
    | {
        ok: false;
        count: number;
        problem: { seq: number; kind: string; detail: string };
        durationMs: number;
        auto: boolean;
      };
};

/**
 * The last automatic verification, reused for a minute while the head is unchanged: the page is opened far more
 * often than the log grows, and a tampering that leaves the head alone is still found within a minute (or at once
 * with "Verify the whole chain now").
 */
let lastAutoVerification: {
  headSeq: number;
  headHash: string | null;
  at: number;
  verification: ChainStatus["verification"];
} | null = null;
const AUTO_VERIFY_REUSE_MS = 60_000;

/** The head of the chain, always; a full verification when the log is small or when `verify` is asked for. */
export async function getChainStatus(options: { verify: boolean }): Promise<ChainStatus> {
  const head = await db.auditEvent.findFirst({
    orderBy: { seq: "desc" },
    select: { seq: true, hash: true, occurredAt: true },
  });
  const status: ChainStatus = {
    headSeq: head?.seq ?? 0,
    headHash: head?.hash ?? null,
    headAt: head?.occurredAt.toISOString() ?? null,
    verification: null,
  };
  const auto = status.headSeq <= AUTO_VERIFY_MAX_EVENTS;
  if (!options.verify && !auto) return status;
  const reusable =
    lastAutoVerification &&
    lastAutoVerification.headSeq === status.headSeq &&
    lastAutoVerification.headHash === status.headHash &&
    Date.now() - lastAutoVerification.at < AUTO_VERIFY_REUSE_MS;
  if (!options.verify && reusable && lastAutoVerification) {
    return { ...status, verification: lastAutoVerification.verification };
  }
  const started = performance.now();
  const verdict = await verifyAuditChain();
  const durationMs = Math.round(performance.now() - started);
  status.verification = verdict.ok
    ? { ...verdict, durationMs, auto: !options.verify }
    : { ok: false, count: verdict.count, problem: verdict.problem, durationMs, auto: !options.verify };
  if (!options.verify) {
    lastAutoVerification = {
      headSeq: status.headSeq,
      headHash: status.headHash,
      at: Date.now(),
      verification: status.verification,
    };
  }
  return status;
}

// ---------------------------------------------------------------------------------------------------------
// Display helpers.

/** id → code for every project (a few hundred at most): events carry the id, people read the code. */
export async function projectCodesById(): Promise<Map<string, string>> {
  const rows = await db.project.findMany({ select: { id: true, code: true } });
  return new Map(rows.map((p) => [p.id, p.code]));
}

export async function getProjectCode(projectId: string): Promise<string | null> {
  const project = await db.project.findUnique({ where: { id: projectId }, select: { code: true } });
  return project?.code ?? null;
}

/** The projects an actor may filter history by (code and name), for the filter form. */
export async function listHistoryProjects(actor: Actor) {
  return db.project.findMany({
    where: projectWhereForActor(actor),
    orderBy: { code: "asc" },
    select: { id: true, code: true, name: true },
  });
}

let optionsCache: { at: number; actions: string[]; entityTypes: string[] } | null = null;
const OPTIONS_TTL_MS = 5 * 60_000;

/**
 * Distinct actions and entity types for the filter form's suggestions. GROUP BY walks a covering index
 * (~30 ms on a million events), so the answer is kept for a few minutes.
 */
export async function listHistoryFilterOptions(): Promise<{ actions: string[]; entityTypes: string[] }> {
  if (optionsCache && Date.now() - optionsCache.at < OPTIONS_TTL_MS) return optionsCache;
  const [actions, entityTypes] = await Promise.all([
    db.auditEvent.groupBy({ by: ["action"], orderBy: { action: "asc" } }),
    db.auditEvent.groupBy({ by: ["entityType"], orderBy: { entityType: "asc" } }),
  ]);
  optionsCache = {
    at: Date.now(),
    // Old names of renamed actions are offered as today's name (the filter finds both).
    actions: [...new Set(actions.map((a) => currentAuditAction(a.action) ?? a.action))].sort(),
    entityTypes: entityTypes.map((e) => e.entityType),
  };
  return optionsCache;
}

export type FieldChange = { field: string; before: unknown; after: unknown };

/** The fields that differ between the before and after snapshots (all of `after` for a creation). */
export function diffSnapshots(before: string | null, after: string | null): FieldChange[] {
  const parse = (s: string | null): Record<string, unknown> => {
    if (!s) return {};
    try {
      const value: unknown = JSON.parse(s);
      return value && typeof value === "object" && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : { value };
    } catch {
      return { value: s };
    }
  };
  const b = parse(before);
  const a = parse(after);
  const ignored = new Set(["updatedAt", "createdAt", "version"]);
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => !ignored.has(f));
  return fields
    .filter((field) => JSON.stringify(b[field]) !== JSON.stringify(a[field]))
    .map((field) => ({ field, before: b[field] ?? null, after: a[field] ?? null }));
}

function toHistoryEvent(row: {
  seq: number;
  occurredAt: Date;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string;
  projectId: string | null;
  before: string | null;
  after: string | null;
  reason: string | null;
}) {
  return {
    seq: row.seq,
    occurredAt: row.occurredAt.toISOString(),
    actorEmail: row.actorEmail,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    projectId: row.projectId,
    reason: row.reason,
    changes: diffSnapshots(row.before, row.after),
  };
}

export type HistoryEvent = ReturnType<typeof toHistoryEvent>;
