import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { LOCALIZED_NAME_SELECT, pickName, type LocalizedName } from "~/lib/localized-name";
import { RATING_SCALE, disbursementShare } from "~/lib/metrics";
import { centsToNumber } from "~/lib/money";
import { canListArchived, type Actor } from "~/lib/permissions";
import { projectWhereForActor } from "~/lib/permissions.server";
import { PROJECT_PAGE_SIZE, type ProjectListQuery } from "~/schemas/project";
import { FRAMEWORKS_WITH_AREAS, LATEST_RATING } from "./selects.server";

type ListRow = {
  id: string;
  code: string;
  name: string;
  institution: string;
  status: string;
  commitmentMinor: bigint;
  disbursedMinor: bigint;
  closingOriginalDate: Date | null;
  closingRevisedDate: Date | null;
  archivedAt: Date | null;
  implementingAgency: { id: string } & LocalizedName;
  priorityArea: { id: string; code: string; name: string; framework: { id: string; code: string } };
  ratings: { pdoRating: string; ipRating: string; riskRating: string; ratedOn: Date }[];
};

const LIST_ROW_SELECT = {
  id: true,
  code: true,
  name: true,
  institution: true,
  status: true,
  commitmentMinor: true,
  disbursedMinor: true,
  closingOriginalDate: true,
  closingRevisedDate: true,
  archivedAt: true,
  implementingAgency: { select: { id: true, ...LOCALIZED_NAME_SELECT } },
  priorityArea: { select: { id: true, code: true, name: true, framework: { select: { id: true, code: true } } } },
  ratings: LATEST_RATING,
} satisfies Prisma.ProjectSelect;

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/** The worse of the latest PDO and IP ratings as a position on the scale (0 = HS … 5 = HU); null when unrated. */
export function latestRatingRank(rating: { pdoRating: string; ipRating: string } | undefined): number | null {
  if (!rating) return null;
  const rank = (r: string) => RATING_SCALE.indexOf(r as (typeof RATING_SCALE)[number]);
  return Math.max(rank(rating.pdoRating), rank(rating.ipRating));
}

export function effectiveClosingDate(p: { closingOriginalDate: Date | null; closingRevisedDate: Date | null }) {
  return p.closingRevisedDate ?? p.closingOriginalDate;
}

function matchesRating(row: ListRow, filter: ProjectListQuery["rating"]): boolean {
  if (!filter) return true;
  const latest = row.ratings[0];
  if (filter === "none") return !latest;
  if (!latest) return false;
  if (filter === "unsatisfactory") return (latestRatingRank(latest) ?? 0) >= RATING_SCALE.indexOf("MU");
  return latest.pdoRating === filter || latest.ipRating === filter;
}

/** Sort key per column; null sorts last in either direction. */
function sortKey(row: ListRow, sort: ProjectListQuery["sort"]): string | number | bigint | null {
  switch (sort) {
    case "code":
      return row.code;
    case "name":
      return row.name;
    case "commitment":
      return row.commitmentMinor;
    case "disbursed":
      return disbursementShare(centsToNumber(row.commitmentMinor), centsToNumber(row.disbursedMinor));
    case "closing":
      return effectiveClosingDate(row)?.getTime() ?? null;
    case "rating":
      return latestRatingRank(row.ratings[0]);
  }
}

function compareKeys(a: string | number | bigint, b: string | number | bigint): number {
  if (typeof a === "string" && typeof b === "string") return collator.compare(a, b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The scope and the plain filters, as a query. */
function listWhere(actor: Actor, query: ProjectListQuery, includeArchived: boolean): Prisma.ProjectWhereInput {
  return {
    AND: [
      projectWhereForActor(actor),
      includeArchived ? {} : { archivedAt: null },
      query.institution ? { institution: query.institution } : {},
      query.status ? { status: query.status } : {},
      query.agency ? { implementingAgencyId: query.agency } : {},
      query.priorityArea ? { priorityAreaId: query.priorityArea } : {},
      query.framework ? { priorityArea: { frameworkId: query.framework } } : {},
    ],
  };
}

/** Search, the rating filter and the sort, applied in memory to the scoped rows. */
function searchAndSort(rows: ListRow[], query: ProjectListQuery): ListRow[] {
  const needle = query.q?.toLocaleLowerCase();
  const filtered = rows.filter(
    (row) =>
      (!needle || row.code.toLocaleLowerCase().includes(needle) || row.name.toLocaleLowerCase().includes(needle)) &&
      matchesRating(row, query.rating),
  );
  const direction = query.dir === "desc" ? -1 : 1;
  return filtered.sort((a, b) => {
    const ka = sortKey(a, query.sort);
    const kb = sortKey(b, query.sort);
    if (ka === null || kb === null) {
      if (ka !== kb) return ka === null ? 1 : -1;
    } else {
      const c = compareKeys(ka, kb) * direction;
      if (c !== 0) return c;
    }
    return collator.compare(a.code, b.code);
  });
}

/** One row as the list shows it. */
function toListItem(row: ListRow) {
  const latest = row.ratings.at(0);
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    institution: row.institution,
    status: row.status,
    archived: row.archivedAt !== null,
    commitmentCents: centsToNumber(row.commitmentMinor),
    disbursedShare: disbursementShare(centsToNumber(row.commitmentMinor), centsToNumber(row.disbursedMinor)),
    closingDate: effectiveClosingDate(row)?.toISOString() ?? null,
    agency: pickName(row.implementingAgency),
    priorityArea: `${row.priorityArea.framework.code} · ${row.priorityArea.code}`,
    latestRating: latest
      ? { pdo: latest.pdoRating, ip: latest.ipRating, risk: latest.riskRating, ratedOn: latest.ratedOn.toISOString() }
      : null,
  };
}

/**
 * One page of the projects the actor may see, filtered, searched and sorted. The scope and the plain filters
 * are in the query; search (case-insensitive for any script, which SQLite's LIKE is not), the rating filter and
 * the derived sort keys (% disbursed, latest rating) are applied to the scoped rows in memory — a portfolio is
 * tens to a few hundred projects, and only light columns are loaded.
 */
export async function listProjects(options: { actor: Actor; query: ProjectListQuery; pageSize?: number }) {
  const { actor, query } = options;
  const pageSize = options.pageSize ?? PROJECT_PAGE_SIZE;
  const includeArchived = query.archived === "1" && canListArchived(actor);
  const rows: ListRow[] = await db.project.findMany({
    where: listWhere(actor, query, includeArchived),
    select: LIST_ROW_SELECT,
  });
  const sorted = searchAndSort(rows, query);
  const total = sorted.length;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(query.page, pages);
  const slice = sorted.slice((page - 1) * pageSize, page * pageSize);
  return { total, page, pages, pageSize, includeArchived, projects: slice.map(toListItem) };
}

/** Choices for the list's filters, limited to what the actor can see. */
export async function listProjectFilterOptions(actor: Actor) {
  const [frameworks, agencies] = await Promise.all([
    db.framework.findMany(FRAMEWORKS_WITH_AREAS),
    db.organization.findMany({
      where: { kind: "MINISTRY", implementedProjects: { some: projectWhereForActor(actor) } },
      orderBy: { name: "asc" },
      select: { id: true, ...LOCALIZED_NAME_SELECT },
    }),
  ]);
  return { frameworks, agencies };
}
