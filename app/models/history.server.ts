import type { Prisma } from "~/generated/prisma/client";
import { storedAuditActionNames } from "~/lib/audit-actions";
import { addDays, dayToDate } from "~/lib/dates";
import { db } from "~/lib/db.server";
import { NotFoundError } from "~/lib/errors";
import { canSeeEverything, type Actor } from "~/lib/permissions";
import { projectScopeSql, projectWhereForActor } from "~/lib/permissions.server";
import { cell, readFirst } from "~/lib/sql.server";
import { cachedPerStateAndScope } from "~/lib/state-cache.server";
import type { HistoryQuery } from "~/schemas/history";
import { rawOf } from "~/lib/audit-render/renderers";
import type { EventView, RawDetail } from "~/lib/audit-render/types";
import { describeAuditEvents, lineOf } from "./history-names.server";
import {
  filteredAuditSql,
  readEvents,
  readEventsBySeq,
  readSeqAndProject,
  scopeSql,
  visibleProjectIdsSql,
} from "./history-page-sql.server";

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
  const where = await filteredAuditWhere(filters);
  if (!canSeeEverything(actor)) {
    const ids = await visibleProjectIds(actor);
    where.projectId = filters.projectId ? (ids.includes(filters.projectId) ? filters.projectId : NONE) : { in: ids };
  }
  return where;
}

/** The filters alone, without the actor's scope. */
async function filteredAuditWhere(filters: HistoryFilters): Promise<Prisma.AuditEventWhereInput> {
  const where: Prisma.AuditEventWhereInput = {};
  const and: Prisma.AuditEventWhereInput[] = [];
  if (filters.from || filters.to) {
    // The driver adapter compares a bound Date with the stored text exactly (a property test holds this filter to
    // the page's plain SQL at bounds on, and a millisecond either side of, stored events).
    const occurredAt = { gte: filters.from, lt: filters.to };
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
  if (and.length) where.AND = and;
  return where;
}

async function visibleProjectIds(actor: Actor): Promise<string[]> {
  const visible = await db.project.findMany({ where: projectWhereForActor(actor), select: { id: true } });
  return visible.map((p) => p.id);
}

/** Adds a seq bound to a where clause without losing a date-derived seq range already in it. */
export function withSeq(where: Prisma.AuditEventWhereInput, seq: Prisma.IntFilter): Prisma.AuditEventWhereInput {
  const and = Array.isArray(where.AND) ? where.AND : where.AND ? [where.AND] : [];
  return { ...where, AND: [...and, { seq }] };
}

/**
 * Events per page. Each event is a sentence with its details underneath, named records and links: twenty-five read
 * as a screenful or two and keep the page light; "older events" goes on from the last one.
 */
export const HISTORY_PAGE_SIZE = 25;

/**
 * Up to this many visible projects are named in the query (`projectId IN (…)`, which the projectId index serves).
 * Beyond it the list would pass SQLite's bound-parameter cap, and the actor sees a large share of the portfolio
 * anyway: the newest events are read in batches and the visible ones kept.
 */
const SCOPE_IN_QUERY_MAX = 500;
const SCAN_BATCH = 200;
/** A page of a scanned scope stops after this many batches (it may then be short; `nextBefore` goes on from there). */
const SCAN_MAX_BATCHES = 25;

/**
 * Newest first, keyset-paginated on seq (`before` = the last seq of the previous page): deep pages cost
 * the same as the first, even on millions of events.
 */
export async function listAuditEvents(options: {
  actor: Actor;
  filters: HistoryFilters;
  before?: number;
  limit?: number;
  /** How many visible projects may be named in the query before the scan takes over (tests lower it). */
  scopeInQueryMax?: number;
}) {
  const limit = options.limit ?? HISTORY_PAGE_SIZE;
  const { rows, nextBefore } = await readAuditPage(options, limit);
  // The stored record (JSON, ids, request id, hashes) opens only for those who read the whole log.
  const events = await describeAuditEvents(rows, { stored: canSeeEverything(options.actor) });
  return { events: events.map(lineOf), nextBefore };
}

/** Pages of History kept at once (each one is its 25 lines, a few kilobytes): the least recently read go first. */
const HISTORY_PAGES_KEPT = 64;

/** Who reads the same events: everyone who reads the whole log, or one organisation's projects (see projectScopeSql). */
export function readerScope(actor: Actor): string {
  return canSeeEverything(actor) ? "all" : `${actor.organizationKind}:${actor.organizationId}`;
}

/**
 * A page of History as its routes show it, kept per state of the database, reader's scope and query. Exact: the
 * events only grow by appending to the chain, and a renamed record or a changed scope is a write, which moves the
 * chain's head (state-cache.server.ts), so a page read twice between two writes is the same page.
 */
export function listAuditEventsPage(options: { actor: Actor; filters: HistoryFilters; before?: number }) {
  const { actor, filters, before } = options;
  const query = JSON.stringify({ filters, before: before ?? null });
  return cachedPerStateAndScope(
    "history.page",
    `${readerScope(actor)}|${query}`,
    () => listAuditEvents({ actor, filters, before }),
    "",
    HISTORY_PAGES_KEPT,
  );
}

/**
 * One event with its details (what changed, the reason), for the reader who opened it on History. Scoped as the
 * list is: those who read only their projects' events find no other event (nor one without a project).
 */
export async function getAuditEventForReader(actor: Actor, seq: number): Promise<EventView> {
  const [row] = await readEventsBySeq([seq]);
  if (!row) throw new NotFoundError("auditEvent");
  if (!canSeeEverything(actor)) {
    const scope = projectScopeSql(actor, "p");
    const visible = row.projectId
      ? await readFirst(`SELECT 1 AS one FROM "Project" p WHERE p.id = ? AND ${scope.sql}`, [
          row.projectId,
          ...scope.args,
        ])
      : null;
    if (!visible) throw new NotFoundError("auditEvent");
  }
  const [event] = await describeAuditEvents([row], { stored: canSeeEverything(actor) });
  if (!event) throw new NotFoundError("auditEvent");
  return event;
}

async function readAuditPage(
  options: { actor: Actor; filters: HistoryFilters; before?: number; scopeInQueryMax?: number },
  limit: number,
) {
  const { actor, filters, before } = options;
  const everything = canSeeEverything(actor);
  const visible = everything ? [] : await visibleProjectIdsSql(actor);
  let base = await filteredAuditSql(filters);
  if (!everything && filters.projectId && !visible.includes(filters.projectId)) {
    // A project the actor may not see matches nothing, as in `auditWhereFor`.
    base = { sql: [...base.sql, `projectId = ?`], args: [...base.args, NONE] };
  }
  const scoped = !everything && !filters.projectId;
  if (!scoped || visible.length <= (options.scopeInQueryMax ?? SCOPE_IN_QUERY_MAX)) {
    const rows = await readEvents(scoped ? scopeSql(actor, base, visible) : base, before, limit + 1);
    const page = rows.slice(0, limit);
    return { rows: page, nextBefore: rows.length > limit ? (page.at(-1)?.seq ?? null) : null };
  }
  // A large scope: the scan reads only seq and project, then the page's full rows by seq.
  const { seqs, nextBefore } = await scanVisibleSeqs(base, new Set(visible), before, limit);
  return { rows: await readEventsBySeq(seqs), nextBefore };
}

async function scanVisibleSeqs(
  base: Awaited<ReturnType<typeof filteredAuditSql>>,
  ids: Set<string>,
  before: number | undefined,
  limit: number,
): Promise<{ seqs: number[]; nextBefore: number | null }> {
  const seqs: number[] = [];
  let cursor = before;
  for (let batch = 0; batch < SCAN_MAX_BATCHES; batch++) {
    const read = await readSeqAndProject(base, cursor, SCAN_BATCH);
    for (const row of read) {
      if (row.projectId === null || !ids.has(row.projectId)) continue;
      seqs.push(row.seq);
      // One more than a page tells that there is a next page; the page ends at the one before it.
      if (seqs.length > limit) {
        const page = seqs.slice(0, limit);
        return { seqs: page, nextBefore: page.at(-1) ?? null };
      }
    }
    if (read.length < SCAN_BATCH) return { seqs, nextBefore: null };
    cursor = read.at(-1)?.seq;
  }
  // Scanned enough for one request: a short page, and the next one goes on where this scan stopped.
  return { seqs, nextBefore: cursor ?? null };
}

/**
 * The project a `project` filter names, for an export that files its own event under it. A code that names no
 * project, or one the actor may not see, is not found — as the project's own pages answer — so nothing is
 * exported or recorded under a project the actor does not know. Null without a project filter.
 */
export async function requireFilteredProject(actor: Actor, filters: HistoryFilters): Promise<string | null> {
  if (filters.projectId === undefined) return null;
  const visible = await db.project.findFirst({
    where: { AND: [{ id: filters.projectId }, projectWhereForActor(actor)] },
    select: { id: true },
  });
  if (!visible) throw new NotFoundError("project");
  return visible.id;
}

/** Turns the URL's codes and e-mails into ids. Unknown ones match nothing (they never widen the selection). */
export async function resolveHistoryFilters(query: HistoryQuery): Promise<HistoryFilters> {
  const filters: HistoryFilters = {};
  if (query.from) filters.from = dayToDate(query.from);
  if (query.to) filters.to = dayToDate(addDays(query.to, 1));
  if (query.project) {
    const project = await readFirst(`SELECT id FROM "Project" WHERE code = ?`, [query.project]);
    filters.projectId = project ? cell.text(project, "id") : NONE;
  }
  if (query.actor) {
    const user = await readFirst(`SELECT id FROM "User" WHERE email = ?`, [query.actor]);
    if (user) filters.actorId = cell.text(user, "id");
    else filters.actorEmail = query.actor;
  }
  if (query.entity ?? query.entityType) filters.entityType = query.entity ?? query.entityType;
  if (query.entityId) filters.entityId = query.entityId;
  if (query.action) filters.action = query.action;
  return filters;
}

// ---------------------------------------------------------------------------------------------------------
// Display helpers.

/** id → code for every project (a few hundred at most): events carry the id, people read the code. */
export async function projectCodesById(): Promise<Map<string, string>> {
  const rows = await db.project.findMany({ select: { id: true, code: true } });
  return new Map(rows.map((p) => [p.id, p.code]));
}

/** One event exactly as stored (History's "stored record"); the caller has checked that the reader may see it. */
export async function getStoredAuditEvent(seq: number): Promise<RawDetail> {
  const row = await db.auditEvent.findUnique({ where: { seq } });
  if (!row) throw new NotFoundError("auditEvent");
  return rawOf(row);
}

export async function getProjectCode(projectId: string): Promise<string | null> {
  // Read on every visit of a project's history tab: plain SQL (lib/sql.server.ts).
  const project = await readFirst(`SELECT code FROM "Project" WHERE id = ?`, [projectId]);
  return project ? cell.text(project, "code") : null;
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

export type HistoryEvent = EventView;
