import { DAY_MS, dayOf, todayUtc } from "~/lib/dates";
import { db } from "~/lib/db.server";
import { MILESTONE_STATUSES } from "~/schemas/milestone";
import { projectScopeSql } from "~/lib/permissions.server";
import { cell, readRows } from "~/lib/sql.server";
import { cachedPerStateAndScope } from "~/lib/state-cache.server";
import { isMilestoneOverdue } from "~/lib/metrics";
import type { Actor, OrganizationKind, Role } from "~/lib/permissions";
import { STATUS_COLOURS, type StatusColour } from "~/lib/status-rules";
import type { AssessedProject } from "./board.server";
import { assessVisibleProjects } from "./portfolio-status.server";
import { listAuditEvents } from "./history.server";
import { listMissingReports } from "./reporting.server";
import { homeReviewQueue } from "./home-queue.server";
import { visibleProjectSummaries } from "./project/summaries.server";
import { listOwnSubmissions } from "./home-submissions.server";

/**
 * The home page, by role and organisation. Every list is scoped like the rest of the app (visible, non-archived
 * projects only). "Due" = an open milestone whose current due date is within the next 30 days or already past.
 */
export const DUE_WINDOW_DAYS = 30;
/** The ministry view looks a quarter ahead for implementation milestones. */
export const MINISTRY_WINDOW_DAYS = 90;
/** Lists on the home page show at most this many rows and say "showing N of M", linking to the full page. */
export const HOME_LIST_LIMIT = 20;

/** The first `HOME_LIST_LIMIT` items and how many there are in all. */
function capped<T>(items: T[]) {
  return { items: items.slice(0, HOME_LIST_LIMIT), total: items.length };
}
export type Capped<T> = { items: T[]; total: number };

type HomeActor = Actor & { role: Role; organizationKind: OrganizationKind };

/** The at-risk panel shows the most severe projects only; the board lists them all, per colour. */
export const AT_RISK_LIMIT = 10;
/** Each at-risk project shows its first (most severe) reasons only; its page and the board give the rest. */
export const AT_RISK_REASONS = 2;

/** Each panel receives only the fields it shows: everything a loader returns is serialized into the page. */
function atRiskRow(p: AssessedProject) {
  const reasons = p.reasons.slice(0, AT_RISK_REASONS);
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    colour: p.colour,
    reasons,
    moreReasons: p.reasons.length - reasons.length,
  };
}
function worldBankRow(p: AssessedProject) {
  const { id, code, name, colour, latestRating, commitmentCents, disbursedShare } = p;
  return { id, code, name, colour, latestRating, commitmentCents, disbursedShare };
}
function ifcRow(p: AssessedProject) {
  const { id, code, name, colour, status, instrument, institution, areaName, commitmentCents } = p;
  return { id, code, name, colour, status, instrument, institution, areaName, commitmentCents };
}
export type AtRiskProject = ReturnType<typeof atRiskRow>;
export type WorldBankProject = ReturnType<typeof worldBankRow>;
export type IfcProject = ReturnType<typeof ifcRow>;

const PIPELINE_ORDER = { PIPELINE: 0, ACTIVE: 1, CLOSED: 2, CANCELLED: 3 } as const;
const COLOUR_ORDER: Record<StatusColour, number> = { RED: 0, AMBER: 1, GREEN: 2, COMPLETED: 3 };

function boardCounts(projects: AssessedProject[]) {
  const counts = Object.fromEntries(STATUS_COLOURS.map((c) => [c, 0])) as Record<StatusColour, number>;
  for (const p of projects) counts[p.colour] += 1;
  return counts;
}

/** Dates are stored by the libSQL adapter as ISO-8601 text with "+00:00": compared in SQL in that same form. */
const stored = (date: Date) => date.toISOString().replace("Z", "+00:00");

/**
 * Open milestones due within `horizonDays` or already past, on visible active or pipeline projects, soonest first;
 * with `onlyMine`, those the officer answers for (owner, or member of a project where the milestone has no owner).
 * Plain SQL (lib/sql.server.ts): one statement instead of a Prisma read with nested relation filters.
 */
async function listDueMilestones(actor: Actor, today: Date, onlyMine: boolean, horizonDays = DUE_WINDOW_DAYS) {
  // Counted from the start of the day: due dates are stored days (00:00 UTC), so the list is the same all day long
  // and the home page may be kept per day (`homeDataFor`).
  const horizon = new Date(todayUtc(today).getTime() + horizonDays * DAY_MS);
  const scope = projectScopeSql(actor, "p");
  const mine = onlyMine
    ? `AND (m.ownerId = ? OR (m.ownerId IS NULL AND EXISTS (
         SELECT 1 FROM "ProjectMember" pm WHERE pm.projectId = p.id AND pm.userId = ?)))`
    : "";
  const rows = await readRows(
    `SELECT m.id, m.title, m.status, m.currentDueDate, m.percentComplete, p.id AS projectId, p.code AS projectCode,
            o.name AS ownerName
     FROM "Milestone" m
     CROSS JOIN "Project" p ON p.id = m.projectId
     LEFT JOIN "User" o ON o.id = m.ownerId
     WHERE m.status NOT IN ('COMPLETED', 'CANCELLED') AND m.currentDueDate <= ?
       AND p.status IN ('ACTIVE', 'PIPELINE') AND p.archivedAt IS NULL AND ${scope.sql} ${mine}
     ORDER BY m.currentDueDate ASC, m.rowid ASC
     LIMIT 25`,
    [stored(horizon), ...scope.args, ...(onlyMine ? [actor.id, actor.id] : [])],
  );
  return rows.map((row) => {
    const status = cell.oneOf(row, "status", MILESTONE_STATUSES);
    const currentDueDate = cell.date(row, "currentDueDate");
    return {
      id: cell.text(row, "id"),
      title: cell.text(row, "title"),
      status,
      percentComplete: cell.number(row, "percentComplete"),
      dueDate: currentDueDate.toISOString(),
      overdue: isMilestoneOverdue({ status, currentDueDate }, today),
      projectId: cell.text(row, "projectId"),
      projectCode: cell.text(row, "projectCode"),
      ownerName: cell.textOrNull(row, "ownerName"),
    };
  });
}

const byColourThenCode = (a: AssessedProject, b: AssessedProject) =>
  COLOUR_ORDER[a.colour] - COLOUR_ORDER[b.colour] || a.code.localeCompare(b.code);

const redReasons = (p: AssessedProject) => p.reasons.filter((r) => r.severity === "red").length;
/** Most severe first: red before amber, then more red reasons, then more reasons in all, then by code. */
const bySeverity = (a: AssessedProject, b: AssessedProject) =>
  COLOUR_ORDER[a.colour] - COLOUR_ORDER[b.colour] ||
  redReasons(b) - redReasons(a) ||
  b.reasons.length - a.reasons.length ||
  a.code.localeCompare(b.code);

/**
 * Red and amber projects, the `AT_RISK_LIMIT` most severe, and their number; `moreColour` is the colour of the first
 * project left out (the "showing N of M" link opens the board filtered to it), null when none is left out.
 */
export function atRiskPanel(assessed: AssessedProject[]) {
  const risky = assessed.filter((p) => p.colour === "RED" || p.colour === "AMBER").sort(bySeverity);
  const cut = risky[AT_RISK_LIMIT];
  return {
    items: risky.slice(0, AT_RISK_LIMIT).map(atRiskRow),
    total: risky.length,
    moreColour: cut ? cut.colour : null,
  };
}

/** The officer's projects (with their capacity), milestones due, own submissions and reports due. */
async function officerHome(actor: HomeActor, today: Date, assessed: AssessedProject[]) {
  const [memberships, due, submissions, reports] = await Promise.all([
    readRows(`SELECT projectId FROM "ProjectMember" WHERE userId = ?`, [actor.id]),
    listDueMilestones(actor, today, true),
    listOwnSubmissions(actor),
    listMissingReports({ actor, today }),
  ]);
  const member = new Set(memberships.map((row) => cell.text(row, "projectId")));
  return {
    projects: assessed
      .filter((p) => member.has(p.id))
      .sort(byColourThenCode)
      .map(({ id, code, name, colour, status }) => ({ id, code, name, colour, status })),
    due,
    ...submissions,
    reportsDue: reports.items.filter((i) => i.responsible.some((r) => r.id === actor.id)).length,
  };
}

/** The manager's review queue (others' submissions only), projects at risk and the board's counts. */
async function managerHome(actor: HomeActor, assessed: AssessedProject[], counts: Record<StatusColour, number>) {
  const atRisk = atRiskPanel(assessed);
  // Only the five oldest are shown; the count comes from the database, not from loading the whole queue.
  const queue = await homeReviewQueue(actor.id, new Set(assessed.map((p) => p.id)), 5);
  return { queueCount: queue.total, queueTop: queue.items, atRisk, counts };
}

/** The administration summary: accounts, organisations, frameworks and projects. */
async function adminHome(projectCount: number) {
  const [activeUsers, inactiveUsers, organizations, frameworks, mustChange] = await Promise.all([
    db.user.count({ where: { active: true } }),
    db.user.count({ where: { active: false } }),
    db.organization.count(),
    db.framework.count(),
    db.user.count({ where: { active: true, mustChangePassword: true } }),
  ]);
  return { activeUsers, inactiveUsers, organizations, frameworks, mustChange, projects: projectCount };
}

/** The ministry's milestones for the quarter ahead and, project by project, the reports it owes. */
async function ministryView(actor: HomeActor, today: Date) {
  const [milestones, reports] = await Promise.all([
    listDueMilestones(actor, today, false, MINISTRY_WINDOW_DAYS),
    listMissingReports({ actor, today }),
  ]);
  type Owed = { projectId: string; projectCode: string; projectName: string; count: number; overdue: number };
  const byProject = new Map<string, Owed>();
  for (const item of reports.items) {
    const row = byProject.get(item.projectId) ?? {
      projectId: item.projectId,
      projectCode: item.projectCode,
      projectName: item.projectName,
      count: 0,
      overdue: 0,
    };
    row.count += 1;
    if (item.overdue) row.overdue += 1;
    byProject.set(item.projectId, row);
  }
  return { kind: "MINISTRY" as const, milestones, reportsDue: capped([...byProject.values()]) };
}

/** The organisation's lead view (every role but ADMIN, whose home is the administration summary). */
async function organisationView(actor: HomeActor, today: Date, assessed: AssessedProject[]) {
  if (actor.organizationKind === "WORLD_BANK") {
    return {
      kind: "WORLD_BANK" as const,
      projects: capped(
        assessed
          .filter((p) => p.status === "ACTIVE")
          .sort(byColourThenCode)
          .map(worldBankRow),
      ),
    };
  }
  if (actor.organizationKind === "IFC") {
    return {
      kind: "IFC" as const,
      projects: capped(
        assessed
          .filter((p) => (p.institution === "IFC" || p.institution === "JOINT") && p.status !== "CANCELLED")
          .sort((a, b) => PIPELINE_ORDER[a.status] - PIPELINE_ORDER[b.status] || a.code.localeCompare(b.code))
          .map(ifcRow),
      ),
    };
  }
  return ministryView(actor, today);
}

export async function getHomeData(options: { actor: HomeActor; today?: Date }) {
  const { actor } = options;
  const today = options.today ?? new Date();
  const assessed = await assessVisibleProjects(actor, {}, today);
  const counts = boardCounts(assessed);
  const [officer, manager, auditor, admin, org] = await Promise.all([
    actor.role === "OFFICER" ? officerHome(actor, today, assessed) : null,
    actor.role === "MANAGER" ? managerHome(actor, assessed, counts) : null,
    actor.role === "AUDITOR"
      ? listAuditEvents({ actor, filters: {}, limit: 10 }).then(({ events }) => ({ events }))
      : null,
    actor.role === "ADMIN" ? adminHome(assessed.length) : null,
    actor.role === "ADMIN" ? null : organisationView(actor, today, assessed),
  ]);
  return {
    counts,
    officer,
    manager,
    auditor,
    admin,
    org,
    // As many as the other lists: the page stays the same size however large the portfolio.
    projects: visibleProjectSummaries(assessed, HOME_LIST_LIMIT),
  };
}

/** Home pages kept at once: one per viewer, the least recent dropped first (each is a few capped lists). */
const HOME_CACHE_VIEWERS = 200;

/**
 * The home page for a request: `getHomeData`, kept per state of the database (the audit chain's head: every write
 * appends an event), day and viewer. Everything on it follows from those three: the viewer's id, role and
 * organisation decide what is visible (their own submissions, memberships, a manager's queue without their own
 * items) and the day decides what is due or overdue. It holds no translated text, so one entry serves every language.
 */
export function homeDataFor(actor: HomeActor, today: Date = new Date()) {
  const viewer = `${actor.id}|${actor.role}|${actor.organizationKind}|${actor.organizationId}`;
  return cachedPerStateAndScope("home", viewer, () => getHomeData({ actor, today }), dayOf(today), HOME_CACHE_VIEWERS);
}

export type HomeData = Awaited<ReturnType<typeof getHomeData>>;
