import type { InArgs, Row } from "@libsql/client";
import { storedAuditActionNames } from "~/lib/audit-actions";
import type { StoredEvent } from "~/lib/audit-render/renderers";
import { canSeeEverything, type Actor } from "~/lib/permissions";
import { projectScopeSql } from "~/lib/permissions.server";
import { cell, jsonList, readFirst, readRows } from "~/lib/sql.server";
import type { HistoryFilters } from "./history.server";

/**
 * A page of History in plain SQL (lib/sql.server.ts): the page is read on every visit, and through Prisma's client
 * its reads cost several times the statement itself. Same conditions as `auditWhereFor` (which the export still
 * uses with Prisma); the history unit tests hold both to the same answers, and the query-plan test to the indexes.
 */
type Where = { sql: string[]; args: Array<string | number> };

const EVENT_COLUMNS = `seq, occurredAt, actorId, actorEmail, action, entityType, entityId, projectId, "before", "after",
  reason, requestId, prevHash, hash`;

/**
 * Prisma stores DateTime as text like `2026-11-26T10:00:00.000+00:00`: a bound written the same way compares
 * exactly (`>=` / `<`) with the stored text.
 */
function storedDate(date: Date): string {
  return date.toISOString().replace(/Z$/, "+00:00");
}

/** The filters alone as SQL conditions (a date range also as its exact seq range, as in `auditWhereFor`). */
export async function filteredAuditSql(filters: HistoryFilters): Promise<Where> {
  const where: Where = { sql: [], args: [] };
  const add = (sql: string, ...args: Array<string | number>) => {
    where.sql.push(sql);
    where.args.push(...args);
  };
  if (filters.from || filters.to) {
    const dates: Where = { sql: [], args: [] };
    if (filters.from) {
      dates.sql.push(`occurredAt >= ?`);
      dates.args.push(storedDate(filters.from));
    }
    if (filters.to) {
      dates.sql.push(`occurredAt < ?`);
      dates.args.push(storedDate(filters.to));
    }
    const condition = dates.sql.join(" AND ");
    const bounds = await readFirst(
      `SELECT MIN(seq) AS lo, MAX(seq) AS hi FROM "AuditEvent" WHERE ${condition}`,
      dates.args,
    );
    add(condition, ...dates.args);
    add(
      `seq >= ? AND seq <= ?`,
      (bounds && cell.numberOrNull(bounds, "lo")) ?? 1,
      (bounds && cell.numberOrNull(bounds, "hi")) ?? 0,
    );
  }
  if (filters.entityType) add(`entityType = ?`, filters.entityType);
  if (filters.entityId) add(`entityId = ?`, filters.entityId);
  if (filters.actorId) add(`actorId = ?`, filters.actorId);
  if (filters.actorEmail) add(`actorEmail = ?`, filters.actorEmail);
  if (filters.action) {
    // A renamed action's events keep their old name: a filter for either name finds both.
    const names = storedAuditActionNames(filters.action);
    if (names.length === 1) add(`action = ?`, names[0] ?? filters.action);
    else add(`action IN (SELECT value FROM json_each(?))`, jsonList(names));
  }
  if (filters.projectId) add(`projectId = ?`, filters.projectId);
  return where;
}

/** The ids of the projects an actor may see. */
export async function visibleProjectIdsSql(actor: Actor): Promise<string[]> {
  const scope = projectScopeSql(actor, "p");
  const rows = await readRows(`SELECT p.id FROM "Project" p WHERE ${scope.sql}`, scope.args);
  return rows.map((row) => cell.text(row, "id"));
}

function whereClause(where: Where, extra: string[] = []): string {
  const all = [...where.sql, ...extra];
  return all.length ? `WHERE ${all.join(" AND ")}` : "";
}

function storedEventOf(row: Row): StoredEvent {
  return {
    seq: cell.number(row, "seq"),
    occurredAt: cell.date(row, "occurredAt"),
    actorId: cell.textOrNull(row, "actorId"),
    actorEmail: cell.textOrNull(row, "actorEmail"),
    action: cell.text(row, "action"),
    entityType: cell.text(row, "entityType"),
    entityId: cell.text(row, "entityId"),
    projectId: cell.textOrNull(row, "projectId"),
    before: cell.textOrNull(row, "before"),
    after: cell.textOrNull(row, "after"),
    reason: cell.textOrNull(row, "reason"),
    requestId: cell.textOrNull(row, "requestId"),
    prevHash: cell.text(row, "prevHash"),
    hash: cell.text(row, "hash"),
  };
}

/** Events matching `where` (plus `seq < before`), newest first, at most `take`. */
export async function readEvents(where: Where, before: number | undefined, take: number): Promise<StoredEvent[]> {
  const extra = before ? [`seq < ?`] : [];
  const args: InArgs = before ? [...where.args, before] : where.args;
  const rows = await readRows(
    `SELECT ${EVENT_COLUMNS} FROM "AuditEvent" ${whereClause(where, extra)} ORDER BY seq DESC LIMIT ?`,
    [...args, take],
  );
  return rows.map(storedEventOf);
}

/** Only seq and project of the events matching `where` (the scan of a large scope keeps the visible ones). */
export async function readSeqAndProject(where: Where, before: number | undefined, take: number) {
  const extra = before ? [`seq < ?`] : [];
  const args: InArgs = before ? [...where.args, before] : where.args;
  const rows = await readRows(
    `SELECT seq, projectId FROM "AuditEvent" ${whereClause(where, extra)} ORDER BY seq DESC LIMIT ?`,
    [...args, take],
  );
  return rows.map((row) => ({ seq: cell.number(row, "seq"), projectId: cell.textOrNull(row, "projectId") }));
}

/** The full events of the given seqs, newest first. */
export async function readEventsBySeq(seqs: number[]): Promise<StoredEvent[]> {
  if (!seqs.length) return [];
  const rows = await readRows(
    `SELECT ${EVENT_COLUMNS} FROM "AuditEvent" WHERE seq IN (SELECT value FROM json_each(?)) ORDER BY seq DESC`,
    [jsonList(seqs)],
  );
  return rows.map(storedEventOf);
}

/** The scope condition for one who does not see everything, with the visible projects already read. */
export function scopeSql(actor: Actor, where: Where, visible: string[]): Where {
  if (canSeeEverything(actor)) return where;
  return {
    sql: [...where.sql, `projectId IN (SELECT value FROM json_each(?))`],
    args: [...where.args, jsonList(visible)],
  };
}
