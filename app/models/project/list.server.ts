import type { InValue, Row } from "@libsql/client";
import { db } from "~/lib/db.server";
import { LOCALIZED_NAME_SELECT } from "~/lib/localized-name";
import { RATING_SCALE, disbursementShare } from "~/lib/metrics";
import { canListArchived, type Actor } from "~/lib/permissions";
import { projectScopeSql, projectWhereForActor } from "~/lib/permissions.server";
import { cell, jsonList, readFirst, readRows } from "~/lib/sql.server";
import { cachedPerState, cachedPerStateAndScope } from "~/lib/state-cache.server";
import { PROJECT_PAGE_SIZE, type ProjectListQuery } from "~/schemas/project";
import { FRAMEWORKS_WITH_AREAS } from "./selects.server";

/**
 * The projects list is filtered, counted, sorted and paged by SQLite (plain SQL through lib/sql.server.ts): a page
 * reads its twenty rows and one count, whatever the size of the portfolio.
 */

/** A project's latest rating (the newest day; the last recorded of that day), as a correlated subquery. */
const LATEST_RATING_ID = `(SELECT r2.id FROM "Rating" r2 WHERE r2.projectId = p.id
  ORDER BY r2.ratedOn DESC, r2.createdAt DESC LIMIT 1)`;

/** A rating code's position on the scale (0 = HS … 5 = HU), in SQL. */
function ratingRankSql(column: string): string {
  return `CASE ${column} ${RATING_SCALE.map((code, i) => `WHEN '${code}' THEN ${i}`).join(" ")} ELSE -1 END`;
}
/** The worse of the latest PDO and IP ratings; NULL when unrated. */
const LATEST_RANK = `CASE WHEN r.id IS NULL THEN NULL ELSE max(${ratingRankSql("r.pdoRating")}, ${ratingRankSql("r.ipRating")}) END`;

/**
 * Sort key per column; NULL sorts last in either direction, ties by code. Names compare without regard to case
 * (Latin letters: SQLite's NOCASE); codes compare as stored (every code family has a fixed width).
 */
const SORT_KEY: Record<ProjectListQuery["sort"], string> = {
  code: "p.code",
  name: "p.name COLLATE NOCASE",
  commitment: "p.commitmentMinor",
  disbursed: "CASE WHEN p.commitmentMinor > 0 THEN CAST(p.disbursedMinor AS REAL) / p.commitmentMinor END",
  // Dates are stored as ISO-8601 text of one format: their text order is their time order.
  closing: "coalesce(p.closingRevisedDate, p.closingOriginalDate)",
  rating: LATEST_RANK,
};
const NULLABLE_SORTS: ReadonlySet<ProjectListQuery["sort"]> = new Set(["disbursed", "closing", "rating"]);

type Where = { sql: string; args: InValue[] };

/** The rating filter on the latest rating `r` (joined by the caller). */
function ratingCondition(filter: NonNullable<ProjectListQuery["rating"]>): Where {
  if (filter === "none") return { sql: "r.id IS NULL", args: [] };
  if (filter === "unsatisfactory") return { sql: `${LATEST_RANK} >= ?`, args: [RATING_SCALE.indexOf("MU")] };
  return { sql: "(r.pdoRating = ? OR r.ipRating = ?)", args: [filter, filter] };
}

/**
 * The projects in scope and matching the filters, as a FROM clause and a condition on `p` (project). The priority
 * area `pa` and the latest rating `r` are joined only when a filter or the sort needs them: the latest rating is a
 * subquery per project, which a plain page or count should not pay for.
 */
function listSource(actor: Actor, query: ProjectListQuery, includeArchived: boolean) {
  const scope = projectScopeSql(actor, "p");
  const parts: Where[] = [{ sql: scope.sql, args: scope.args }];
  if (!includeArchived) parts.push({ sql: "p.archivedAt IS NULL", args: [] });
  if (query.institution) parts.push({ sql: "p.institution = ?", args: [query.institution] });
  if (query.status) parts.push({ sql: "p.status = ?", args: [query.status] });
  if (query.agency) parts.push({ sql: "p.implementingAgencyId = ?", args: [query.agency] });
  if (query.priorityArea) parts.push({ sql: "p.priorityAreaId = ?", args: [query.priorityArea] });
  if (query.framework) parts.push({ sql: "pa.frameworkId = ?", args: [query.framework] });
  if (query.rating) parts.push(ratingCondition(query.rating));
  let from = `"Project" p`;
  if (query.framework) from += ` JOIN "PriorityArea" pa ON pa.id = p.priorityAreaId`;
  if (query.rating || query.sort === "rating") from += ` LEFT JOIN "Rating" r ON r.id = ${LATEST_RATING_ID}`;
  return {
    from,
    where: { sql: parts.map((part) => `(${part.sql})`).join(" AND "), args: parts.flatMap((part) => part.args) },
  };
}

/**
 * The ids of the projects whose code or name contains the search text, in any case and any script. SQLite's own
 * case folding covers Latin letters only, so the search reads the codes and names of the filtered projects (three
 * short columns) and matches them here; the page itself is still sorted and cut by the database.
 */
async function searchIds(from: string, where: Where, needle: string): Promise<string[]> {
  const rows = await readRows(`SELECT p.id, p.code, p.name FROM ${from} WHERE ${where.sql}`, where.args);
  const lower = needle.toLocaleLowerCase();
  return rows
    .filter(
      (row) =>
        cell.text(row, "code").toLocaleLowerCase().includes(lower) ||
        cell.text(row, "name").toLocaleLowerCase().includes(lower),
    )
    .map((row) => cell.text(row, "id"));
}

/** One row as the list shows it. */
function toListItem(row: Row) {
  const commitmentCents = cell.number(row, "commitmentMinor");
  const closingRevised = cell.textOrNull(row, "closingRevisedDate");
  const closing = closingRevised ?? cell.textOrNull(row, "closingOriginalDate");
  const ratedOn = cell.textOrNull(row, "ratedOn");
  return {
    id: cell.text(row, "id"),
    code: cell.text(row, "code"),
    name: cell.text(row, "name"),
    institution: cell.text(row, "institution"),
    status: cell.text(row, "status"),
    archived: cell.textOrNull(row, "archivedAt") !== null,
    commitmentCents,
    disbursedShare: disbursementShare(commitmentCents, cell.number(row, "disbursedMinor")),
    closingDate: closing === null ? null : new Date(closing).toISOString(),
    agency: {
      name: cell.text(row, "agencyName"),
      nameRu: cell.textOrNull(row, "agencyNameRu"),
      nameKk: cell.textOrNull(row, "agencyNameKk"),
    },
    priorityArea: `${cell.text(row, "frameworkCode")} · ${cell.text(row, "areaCode")}`,
    latestRating:
      ratedOn === null
        ? null
        : {
            pdo: cell.text(row, "pdoRating"),
            ip: cell.text(row, "ipRating"),
            risk: cell.text(row, "riskRating"),
            ratedOn: new Date(ratedOn).toISOString(),
          },
  };
}

/** What the list shows of the projects of one page, in the page's order. */
async function pageRows(ids: string[]) {
  const rows = await readRows(
    `SELECT p.id, p.code, p.name, p.institution, p.status, p.commitmentMinor, p.disbursedMinor,
            p.closingOriginalDate, p.closingRevisedDate, p.archivedAt,
            a.name AS agencyName, a.nameRu AS agencyNameRu, a.nameKk AS agencyNameKk,
            pa.code AS areaCode, f.code AS frameworkCode,
            r.pdoRating, r.ipRating, r.riskRating, r.ratedOn
     FROM "Project" p
     JOIN "Organization" a ON a.id = p.implementingAgencyId
     JOIN "PriorityArea" pa ON pa.id = p.priorityAreaId
     JOIN "Framework" f ON f.id = pa.frameworkId
     LEFT JOIN "Rating" r ON r.id = ${LATEST_RATING_ID}
     WHERE p.id IN (SELECT value FROM json_each(?))`,
    [jsonList(ids)],
  );
  const byId = new Map(rows.map((row) => [cell.text(row, "id"), toListItem(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * One page of the projects the actor may see, filtered, searched and sorted: the database counts them and picks the
 * page's ids (in order), then reads what the list shows of those twenty. Only the search is matched here (see
 * `searchIds`).
 */
async function readProjectList(actor: Actor, query: ProjectListQuery, pageSize: number, includeArchived: boolean) {
  const { from, where: filtered } = listSource(actor, query, includeArchived);
  let where = filtered;
  if (query.q) {
    const ids = await searchIds(from, where, query.q);
    where = { sql: `${where.sql} AND p.id IN (SELECT value FROM json_each(?))`, args: [...where.args, jsonList(ids)] };
  }
  const counted = await readFirst(`SELECT count(*) AS total FROM ${from} WHERE ${where.sql}`, where.args);
  const total = counted ? cell.number(counted, "total") : 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(query.page, pages);
  const key = SORT_KEY[query.sort];
  const direction = query.dir === "desc" ? "DESC" : "ASC";
  // A key that is never NULL needs no nulls-last term, and then a plain index on it can serve the order.
  const order = NULLABLE_SORTS.has(query.sort) ? `(${key}) IS NULL, ${key} ${direction}` : `${key} ${direction}`;
  const ids = await readRows(`SELECT p.id FROM ${from} WHERE ${where.sql} ORDER BY ${order}, p.code LIMIT ? OFFSET ?`, [
    ...where.args,
    pageSize,
    (page - 1) * pageSize,
  ]);
  const projects = await pageRows(ids.map((row) => cell.text(row, "id")));
  return { total, page, pages, pageSize, includeArchived, projects };
}

/** Pages of the list kept at once, across viewers' scopes and queries (each about 10 KB). */
const LIST_CACHE_PAGES = 200;

/**
 * One page of the projects the actor may see, filtered, searched and sorted (see `readProjectList`). A page is kept
 * per state of the database (lib/state-cache.server.ts: exact, every write moves the chain's head), visibility scope
 * and query, so paging through the list does not count and sort the portfolio again on every visit.
 */
export function listProjects(options: { actor: Actor; query: ProjectListQuery; pageSize?: number }) {
  const { actor, query } = options;
  const pageSize = options.pageSize ?? PROJECT_PAGE_SIZE;
  const includeArchived = query.archived === "1" && canListArchived(actor);
  const read = () => readProjectList(actor, query, pageSize, includeArchived);
  const scope = projectScopeSql(actor, "p");
  // Everything the page depends on: the scope, whether archived projects count, the whole query and the page size.
  const key = JSON.stringify([scope.sql, scope.args, includeArchived, query, pageSize]);
  return cachedPerStateAndScope("project-list", key, read, "", LIST_CACHE_PAGES);
}

/** Scopes whose agency choices are kept: one per organisation and role, and one per officer (their own projects). */
const AGENCY_CACHE_SCOPES = 64;

/** Choices for the list's filters, limited to what the actor can see. */
export async function listProjectFilterOptions(actor: Actor) {
  // Read once per state of the database (they change only with a write); the agencies once per scope.
  const scope = projectScopeSql(actor, "p");
  const [frameworks, agencies] = await Promise.all([
    cachedPerState("project-filter-frameworks", () => db.framework.findMany(FRAMEWORKS_WITH_AREAS)),
    cachedPerStateAndScope(
      "project-filter-agencies",
      `${scope.sql}:${scope.args.join(",")}`,
      () =>
        db.organization.findMany({
          where: { kind: "MINISTRY", implementedProjects: { some: projectWhereForActor(actor) } },
          orderBy: { name: "asc" },
          select: { id: true, ...LOCALIZED_NAME_SELECT },
        }),
      "",
      AGENCY_CACHE_SCOPES,
    ),
  ]);
  return { frameworks, agencies };
}
