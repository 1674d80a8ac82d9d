import type { Prisma } from "~/generated/prisma/client";
import { DAY_MS } from "~/lib/dates";
import { db } from "~/lib/db.server";
import { isMilestoneOverdue } from "~/lib/metrics";
import type { Actor } from "~/lib/permissions";
import { FREQUENCY_MONTHS, isIndicatorFrequency } from "~/schemas/indicator";
import { dayOf } from "~/lib/dates";
import { boardWhere } from "./board.server";
import { cachedPerStateAndScope } from "~/lib/state-cache.server";

/**
 * "Who hasn't reported" for the current period. Only ACTIVE, non-archived projects the actor can see: reporting
 * starts at effectiveness and ends at closing.
 *
 * - Milestones: the current period is the calendar quarter (UTC) containing today. A milestone that is not
 *   COMPLETED or CANCELLED is missing when no update was submitted during the quarter, not counting updates that
 *   were returned (they must be corrected and resubmitted). Overdue (highlighted) = its current due date has passed.
 * - Indicators: the period follows the indicator's frequency: QUARTERLY → the calendar quarter, SEMI_ANNUAL → the
 *   half-year, MONTHLY → the month, ANNUAL and anything else → the calendar year, containing today. An indicator is
 *   missing when no value (SUBMITTED or VERIFIED; RETURNED does not count) has a period end inside that period.
 *   Overdue (highlighted) = the previous period has no such value either, although the indicator's baseline date
 *   is before that previous period ended (a value was due and never came).
 * - Responsible officer: the milestone's owner when set; otherwise (and for indicators) the project's members whose
 *   role is OFFICER. Items with nobody responsible are listed as unassigned.
 */

export type Period = { start: Date; end: Date };

const utc = (y: number, m: number) => new Date(Date.UTC(y, m, 1));

/** The period of `months` months (1, 3, 6, 12; aligned on the calendar year) containing `day`; end is exclusive. */
export function periodContaining(day: Date, months: number): Period {
  const y = day.getUTCFullYear();
  const first = Math.floor(day.getUTCMonth() / months) * months;
  return { start: utc(y, first), end: utc(y, first + months) };
}

export function previousPeriod(period: Period, months: number): Period {
  return { start: utc(period.start.getUTCFullYear(), period.start.getUTCMonth() - months), end: period.start };
}

/** Months in one reporting period of an indicator (INDICATOR_FREQUENCIES); an unknown code counts as annual. */
export function monthsForFrequency(frequency: string): number {
  return isIndicatorFrequency(frequency) ? FREQUENCY_MONTHS[frequency] : FREQUENCY_MONTHS.ANNUAL;
}

export type Responsible = { id: string; name: string; email: string };

export type ReportingItem = {
  kind: "milestone" | "indicator";
  id: string;
  projectId: string;
  projectCode: string;
  projectName: string;
  /** The milestone's title or the indicator's name: what people call it. */
  title: string;
  /** The indicator's code, shown after its name and quieter (milestones have none). */
  code?: string;
  /** Milestones: current due date. Indicators: end of the current period. */
  dueDate: string;
  period: { start: string; end: string };
  frequency: string | null;
  overdue: boolean;
  /** The latest submission of any state, for context ("last reported on…", "returned"). */
  last: { at: string; state: string } | null;
  responsible: Responsible[];
};

export const reportingSelect = {
  id: true,
  code: true,
  name: true,
  members: {
    where: { user: { role: "OFFICER", active: true } },
    orderBy: { user: { name: "asc" } },
    select: { user: { select: { id: true, name: true, email: true } } },
  },
  milestones: {
    where: { status: { notIn: ["COMPLETED", "CANCELLED"] } },
    orderBy: [{ currentDueDate: "asc" }, { sortOrder: "asc" }],
    select: {
      id: true,
      title: true,
      currentDueDate: true,
      status: true,
      owner: { select: { id: true, name: true, email: true } },
      updates: { orderBy: { submittedAt: "desc" }, select: { submittedAt: true, reviewState: true } },
    },
  },
  indicators: {
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: {
      id: true,
      code: true,
      name: true,
      frequency: true,
      baselineDate: true,
      values: {
        orderBy: [{ periodEnd: "desc" }, { submittedAt: "desc" }],
        select: { periodEnd: true, state: true, submittedAt: true },
      },
    },
  },
} satisfies Prisma.ProjectSelect;

export type ReportingProject = Prisma.ProjectGetPayload<{ select: typeof reportingSelect }>;

const isoPeriod = (period: Period) => ({ start: period.start.toISOString(), end: period.end.toISOString() });

/** Dates are stored by the libSQL adapter as ISO-8601 text with "+00:00": compared in SQL in that same form. */
const stored = (date: Date) => date.toISOString().replace("Z", "+00:00");
const parseLast = (value: string | null) => {
  if (!value) return null;
  const [at, state] = value.split("|");
  return { at: new Date(at).toISOString(), state };
};

type MissingMilestoneRow = {
  id: string;
  projectId: string;
  title: string;
  currentDueDate: string;
  status: string;
  ownerId: string | null;
  ownerName: string | null;
  ownerEmail: string | null;
  last: string | null;
};

/**
 * Open milestones of the given projects with no update (returned ones aside) submitted during the quarter, decided
 * in SQL: only the missing ones and their latest update (for "last reported") are read, never the whole history.
 */
function missingMilestoneRows(projectIds: string, quarter: Period) {
  return db.$queryRawUnsafe<MissingMilestoneRow[]>(
    `SELECT m.id, m.projectId, m.title, m.currentDueDate, m.status, m.ownerId,
            o.name AS ownerName, o.email AS ownerEmail,
            (SELECT u.submittedAt || '|' || u.reviewState FROM MilestoneUpdate u
              WHERE u.milestoneId = m.id ORDER BY u.submittedAt DESC LIMIT 1) AS last
       FROM Milestone m LEFT JOIN User o ON o.id = m.ownerId
      WHERE m.projectId IN (SELECT value FROM json_each(?1))
        AND m.status NOT IN ('COMPLETED', 'CANCELLED')
        AND NOT EXISTS (SELECT 1 FROM MilestoneUpdate u WHERE u.milestoneId = m.id AND u.reviewState <> 'RETURNED'
                          AND u.submittedAt >= ?2 AND u.submittedAt < ?3)
      ORDER BY m.currentDueDate ASC, m.sortOrder ASC`,
    projectIds,
    stored(quarter.start),
    stored(quarter.end),
  );
}

type MissingIndicatorRow = {
  id: string;
  projectId: string;
  code: string;
  name: string;
  frequency: string;
  baselineDate: string | null;
  hadPrevious: number;
  last: string | null;
};

/** A CASE choosing, by the indicator's frequency, one of the periods passed as parameters ?n.. (unknown → annual). */
const byFrequency = (first: number) =>
  `(CASE i.frequency WHEN 'MONTHLY' THEN ?${first} WHEN 'QUARTERLY' THEN ?${first + 1} ` +
  `WHEN 'SEMI_ANNUAL' THEN ?${first + 2} ELSE ?${first + 3} END)`;

const COUNTED_VALUE = `SELECT 1 FROM IndicatorValue v WHERE v.indicatorId = i.id AND v.state <> 'RETURNED'`;

/** Indicators of the given projects with no value (returned ones aside) whose period end falls in their current period. */
function missingIndicatorRows(projectIds: string, today: Date) {
  const months = [1, 3, 6, 12];
  const current = months.map((m) => periodContaining(today, m));
  const previous = months.map((m, i) => previousPeriod(current[i], m));
  return db.$queryRawUnsafe<MissingIndicatorRow[]>(
    `SELECT i.id, i.projectId, i.code, i.name, i.frequency, i.baselineDate,
            EXISTS (${COUNTED_VALUE} AND v.periodEnd >= ${byFrequency(10)} AND v.periodEnd < ${byFrequency(14)}) AS hadPrevious,
            (SELECT v.submittedAt || '|' || v.state FROM IndicatorValue v WHERE v.indicatorId = i.id
              ORDER BY v.periodEnd DESC, v.submittedAt DESC LIMIT 1) AS last
       FROM Indicator i
      WHERE i.projectId IN (SELECT value FROM json_each(?1))
        AND NOT EXISTS (${COUNTED_VALUE} AND v.periodEnd >= ${byFrequency(2)} AND v.periodEnd < ${byFrequency(6)})
      ORDER BY i.sortOrder ASC, i.code ASC`,
    projectIds,
    ...current.map((p) => stored(p.start)),
    ...current.map((p) => stored(p.end)),
    ...previous.map((p) => stored(p.start)),
    ...previous.map((p) => stored(p.end)),
  );
}

/** The active officers of each project, by name: who answers for an item without an owner. */
async function officersByProject(projectIds: string[]) {
  // Prisma binds each id as a parameter and SQLite caps their number: ask in slices.
  const slices: string[][] = [];
  for (let i = 0; i < projectIds.length; i += 500) slices.push(projectIds.slice(i, i + 500));
  const found = await Promise.all(
    slices.map((ids) =>
      db.projectMember.findMany({
        where: { projectId: { in: ids }, user: { role: "OFFICER", active: true } },
        orderBy: { user: { name: "asc" } },
        select: { projectId: true, user: { select: { id: true, name: true, email: true } } },
      }),
    ),
  );
  const members = found.flat();
  const officers = new Map<string, Responsible[]>();
  for (const m of members) officers.set(m.projectId, [...(officers.get(m.projectId) ?? []), m.user]);
  return officers;
}

const inPeriod = (date: Date, p: Period) => date >= p.start && date < p.end;

/** The project's open milestones with no update (returned ones aside) submitted this quarter. */
function missingMilestones(project: ReportingProject, quarter: Period, today: Date): ReportingItem[] {
  const officers = project.members.map((m) => m.user);
  const items: ReportingItem[] = [];
  for (const m of project.milestones) {
    const reported = m.updates.some((u) => u.reviewState !== "RETURNED" && inPeriod(u.submittedAt, quarter));
    if (reported) continue;
    const last = m.updates[0];
    items.push({
      projectId: project.id,
      projectCode: project.code,
      projectName: project.name,
      kind: "milestone",
      id: m.id,
      title: m.title,
      dueDate: m.currentDueDate.toISOString(),
      period: isoPeriod(quarter),
      frequency: null,
      overdue: isMilestoneOverdue(m, today),
      last: last ? { at: last.submittedAt.toISOString(), state: last.reviewState } : null,
      responsible: m.owner ? [m.owner] : officers,
    });
  }
  return items;
}

/** The project's indicators with no value (returned ones aside) for their current period. */
function missingIndicators(project: ReportingProject, today: Date): ReportingItem[] {
  const officers = project.members.map((m) => m.user);
  const items: ReportingItem[] = [];
  for (const ind of project.indicators) {
    const months = monthsForFrequency(ind.frequency);
    const current = periodContaining(today, months);
    const counted = ind.values.filter((v) => v.state !== "RETURNED");
    if (counted.some((v) => inPeriod(v.periodEnd, current))) continue;
    const previous = previousPeriod(current, months);
    const wasDue = !ind.baselineDate || ind.baselineDate < previous.end;
    const last = ind.values[0];
    items.push({
      projectId: project.id,
      projectCode: project.code,
      projectName: project.name,
      kind: "indicator",
      id: ind.id,
      title: ind.name,
      code: ind.code,
      dueDate: new Date(current.end.getTime() - DAY_MS).toISOString(),
      period: isoPeriod(current),
      frequency: ind.frequency,
      overdue: wasDue && !counted.some((v) => inPeriod(v.periodEnd, previous)),
      last: last ? { at: last.submittedAt.toISOString(), state: last.state } : null,
      responsible: officers,
    });
  }
  return items;
}

type MissingReports = { quarter: { start: string; end: string }; items: ReportingItem[] };

/**
 * The lists are kept per state of the database (lib/state-cache.server.ts, exact), per day, because periods and
 * overdue count whole days, and per project scope (the `where` the actor reads through), because that is all of the
 * actor the lists depend on.
 */
const REPORTS_CACHE_SCOPES = 16;

export function listMissingReports(options: { actor: Actor; today?: Date }): Promise<MissingReports> {
  const today = options.today ?? new Date();
  const scope = JSON.stringify(boardWhere(options.actor));
  return cachedPerStateAndScope(
    "missing-reports",
    scope,
    () => computeMissingReports(options.actor, today),
    dayOf(today),
    REPORTS_CACHE_SCOPES,
  );
}

async function computeMissingReports(actor: Actor, today: Date): Promise<MissingReports> {
  const quarter = periodContaining(today, 3);
  const projects = await db.project.findMany({
    where: { AND: [boardWhere(actor), { status: "ACTIVE" }] },
    orderBy: { code: "asc" },
    select: { id: true, code: true, name: true },
  });
  const ids = JSON.stringify(projects.map((p) => p.id));
  const [milestones, indicators] = await Promise.all([
    missingMilestoneRows(ids, quarter),
    missingIndicatorRows(ids, today),
  ]);
  const involved = new Set([...milestones.map((m) => m.projectId), ...indicators.map((i) => i.projectId)]);
  const officers = await officersByProject([...involved]);

  const byProject = new Map<string, ReportingItem[]>();
  const add = (item: ReportingItem) => byProject.set(item.projectId, [...(byProject.get(item.projectId) ?? []), item]);
  const header = new Map(projects.map((p) => [p.id, p]));
  for (const m of milestones) {
    const project = header.get(m.projectId);
    if (!project) continue;
    const due = new Date(m.currentDueDate);
    add({
      projectId: project.id,
      projectCode: project.code,
      projectName: project.name,
      kind: "milestone",
      id: m.id,
      title: m.title,
      dueDate: due.toISOString(),
      period: isoPeriod(quarter),
      frequency: null,
      overdue: isMilestoneOverdue({ status: m.status, currentDueDate: due }, today),
      last: parseLast(m.last),
      responsible:
        m.ownerId && m.ownerName !== null && m.ownerEmail !== null
          ? [{ id: m.ownerId, name: m.ownerName, email: m.ownerEmail }]
          : (officers.get(project.id) ?? []),
    });
  }
  for (const ind of indicators) {
    const project = header.get(ind.projectId);
    if (!project) continue;
    const months = monthsForFrequency(ind.frequency);
    const current = periodContaining(today, months);
    const previous = previousPeriod(current, months);
    const wasDue = !ind.baselineDate || new Date(ind.baselineDate) < previous.end;
    add({
      projectId: project.id,
      projectCode: project.code,
      projectName: project.name,
      kind: "indicator",
      id: ind.id,
      title: ind.name,
      code: ind.code,
      dueDate: new Date(current.end.getTime() - DAY_MS).toISOString(),
      period: isoPeriod(current),
      frequency: ind.frequency,
      overdue: wasDue && !Number(ind.hadPrevious),
      last: parseLast(ind.last),
      responsible: officers.get(project.id) ?? [],
    });
  }
  // Project by project (by code), each project's milestones first, as the page lists them.
  const items = projects.flatMap((p) => {
    const list = byProject.get(p.id) ?? [];
    return [...list.filter((i) => i.kind === "milestone"), ...list.filter((i) => i.kind === "indicator")];
  });
  return { quarter: isoPeriod(quarter), items };
}

/** Every missing item of these projects today (pure: the reminder job and its tests use it on their own rows). */
export function missingReportsOf(projects: ReportingProject[], today: Date): ReportingItem[] {
  const quarter = periodContaining(today, 3);
  return projects.flatMap((project) => [
    ...missingMilestones(project, quarter, today),
    ...missingIndicators(project, today),
  ]);
}

export type ReportingGroup = {
  key: string;
  /** The project's name or the officer's name. */
  label: string;
  /** The project's code, shown after its name and quieter. */
  code?: string;
  responsible: Responsible | null;
  items: ReportingItem[];
};

export function groupByProject(items: ReportingItem[]): ReportingGroup[] {
  const groups = new Map<string, ReportingGroup>();
  for (const item of items) {
    const group = groups.get(item.projectId) ?? {
      key: item.projectId,
      label: item.projectName,
      code: item.projectCode,
      responsible: null,
      items: [],
    };
    group.items.push(item);
    groups.set(item.projectId, group);
  }
  return [...groups.values()];
}

/** One group per responsible officer (an item with two officers is listed under both); unassigned last. */
export function groupByOfficer(items: ReportingItem[]): ReportingGroup[] {
  const groups = new Map<string, ReportingGroup>();
  const unassigned: ReportingItem[] = [];
  for (const item of items) {
    if (item.responsible.length === 0) unassigned.push(item);
    for (const person of item.responsible) {
      const group = groups.get(person.id) ?? { key: person.id, label: person.name, responsible: person, items: [] };
      group.items.push(item);
      groups.set(person.id, group);
    }
  }
  const sorted = [...groups.values()].sort((a, b) => a.label.localeCompare(b.label));
  if (unassigned.length > 0) sorted.push({ key: "unassigned", label: "", responsible: null, items: unassigned });
  return sorted;
}
