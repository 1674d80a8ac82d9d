import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
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
  action?: string;
};

/**
 * The audit events an actor may read that match the filters. Scope: ADMIN and AUDITOR read everything;
 * others read events of projects they can see (events without a project are not theirs).
 */
export async function auditWhereFor(actor: Actor, filters: HistoryFilters): Promise<Prisma.AuditEventWhereInput> {
  const where: Prisma.AuditEventWhereInput = {};
  if (filters.from || filters.to) where.occurredAt = { gte: filters.from, lt: filters.to };
  if (filters.entityType) where.entityType = filters.entityType;
  if (filters.entityId) where.entityId = filters.entityId;
  if (filters.actorId) where.actorId = filters.actorId;
  if (filters.action) where.action = filters.action;
  if (filters.projectId) where.projectId = filters.projectId;
  if (!canSeeEverything(actor)) {
    const visible = await db.project.findMany({ where: projectWhereForActor(actor), select: { id: true } });
    const ids = visible.map((p) => p.id);
    where.projectId = filters.projectId ? (ids.includes(filters.projectId) ? filters.projectId : "__none__") : { in: ids };
  }
  return where;
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
  const where = await auditWhereFor(options.actor, options.filters);
  if (options.before) where.seq = { lt: options.before };
  const rows = await db.auditEvent.findMany({ where, orderBy: { seq: "desc" }, take: limit + 1 });
  const events = rows.slice(0, limit).map(toHistoryEvent);
  return { events, nextBefore: rows.length > limit ? events[events.length - 1].seq : null };
}

export type FieldChange = { field: string; before: unknown; after: unknown };

/** The fields that differ between the before and after snapshots (all of `after` for a creation). */
export function diffSnapshots(before: string | null, after: string | null): FieldChange[] {
  const parse = (s: string | null): Record<string, unknown> => {
    if (!s) return {};
    try {
      const value: unknown = JSON.parse(s);
      return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
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
