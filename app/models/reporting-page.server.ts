import { dayOf } from "~/lib/dates";
import type { Actor } from "~/lib/permissions";
import { cachedPerStateAndScope } from "~/lib/state-cache.server";
import { boardWhere } from "./board.server";
import {
  groupByOfficer,
  groupByProject,
  listMissingReports,
  type ReportingGroup,
  type ReportingItem,
} from "./reporting.server";

/**
 * "Who hasn't reported" a page at a time. A large portfolio owes tens of thousands of reports at once and one
 * officer may answer for hundreds, so the page holds a fixed number of rows, grouped by project or officer (a group
 * longer than what is left of the page continues on the next one); the totals and each group's count stay exact.
 */

/** Rows (missing reports) per page. */
export const REPORTING_PAGE_SIZE = 25;

export type ReportingGrouping = "project" | "officer";

type Grouped = {
  quarter: { start: string; end: string };
  groups: ReportingGroup[];
  totals: { milestones: number; indicators: number; overdue: number };
  rows: number;
};

function group(
  quarter: Grouped["quarter"],
  items: ReportingItem[],
  groupBy: ReportingGrouping,
  onlyGroup?: string,
): Grouped {
  const all = groupBy === "officer" ? groupByOfficer(items) : groupByProject(items);
  const groups = onlyGroup === undefined ? all : all.filter((g) => g.key === onlyGroup);
  return {
    quarter,
    groups,
    totals: {
      milestones: items.filter((i) => i.kind === "milestone").length,
      indicators: items.filter((i) => i.kind === "indicator").length,
      overdue: items.filter((i) => i.overdue).length,
    },
    rows: groups.reduce((sum, g) => sum + g.items.length, 0),
  };
}

/**
 * The grouped lists: with "only mine", the actor's own items (and, by officer, only the actor's own group, not
 * their co-responsible colleagues'); otherwise the whole scope's, grouped once per state of the database and scope
 * (the same exact cache as the lists themselves), not on every page turn.
 */
const REPORTING_CACHE_SCOPES = 16;

async function groupedReports(actor: Actor, groupBy: ReportingGrouping, mine: boolean, today?: Date) {
  const read = async () => {
    const { quarter, items } = await listMissingReports({ actor, today });
    if (!mine) return group(quarter, items, groupBy);
    const own = items.filter((i) => i.responsible.some((p) => p.id === actor.id));
    return group(quarter, own, groupBy, groupBy === "officer" ? actor.id : undefined);
  };
  if (mine) return read();
  const scope = JSON.stringify(boardWhere(actor));
  return cachedPerStateAndScope(
    `reporting-${groupBy}`,
    scope,
    read,
    dayOf(today ?? new Date()),
    REPORTING_CACHE_SCOPES,
  );
}

export type ReportingPageGroup = Omit<ReportingGroup, "items"> & {
  /** Rows of the whole group. */
  total: number;
  /** Which of the group's rows this page shows (1-based, inclusive). */
  from: number;
  to: number;
  items: (Omit<ReportingItem, "responsible"> & { responsible: { id: string; name: string }[] })[];
};

/** The rows `offset`..`offset + size` of the grouped list, each run of rows under its group. */
function sliceGroups(groups: ReportingGroup[], offset: number, size: number): ReportingPageGroup[] {
  const page: ReportingPageGroup[] = [];
  const end = offset + size;
  let position = 0;
  for (const g of groups) {
    const first = position;
    position += g.items.length;
    if (position <= offset) continue;
    const start = Math.max(0, offset - first);
    const items = g.items.slice(start, Math.min(g.items.length, end - first));
    page.push({
      key: g.key,
      label: g.label,
      code: g.code,
      responsible: g.responsible,
      total: g.items.length,
      from: start + 1,
      to: start + items.length,
      // Only what the page shows of each person: their name (the officer's e-mail is on the group).
      items: items.map((i) => ({ ...i, responsible: i.responsible.map((p) => ({ id: p.id, name: p.name })) })),
    });
    if (position >= end) break;
  }
  return page;
}

export async function listReportingPage({
  actor,
  groupBy,
  mine,
  page,
  pageSize = REPORTING_PAGE_SIZE,
  today,
}: {
  actor: Actor;
  groupBy: ReportingGrouping;
  mine: boolean;
  page: number;
  pageSize?: number;
  today?: Date;
}) {
  const grouped = await groupedReports(actor, groupBy, mine, today);
  const pages = Math.max(1, Math.ceil(grouped.rows / pageSize));
  const shown = Math.min(Math.max(1, page), pages);
  const offset = (shown - 1) * pageSize;
  const groups = sliceGroups(grouped.groups, offset, pageSize);
  const rowsShown = groups.reduce((sum, g) => sum + g.items.length, 0);
  return {
    quarter: grouped.quarter,
    totals: grouped.totals,
    groups,
    paging: { page: shown, pages, from: offset + 1, to: offset + rowsShown, total: grouped.rows },
  };
}
