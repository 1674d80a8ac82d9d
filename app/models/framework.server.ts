import type { Row } from "@libsql/client";
import { localizedName, pickName, type LocalizedName } from "~/lib/localized-name";
import { dayOf, daysBetween } from "~/lib/dates";
import type { Actor } from "~/lib/permissions";
import { projectScopeSql } from "~/lib/permissions.server";
import { cell, readFirst, readRows } from "~/lib/sql.server";
import { cachedPerStateAndScope } from "~/lib/state-cache.server";
import { STATUS_COLOURS, type StatusColour } from "~/lib/status-rules";
import type { AssessedProject } from "./board.server";
import { assessVisibleProjects } from "./portfolio-status.server";

/**
 * The CPF view. Envelope figures are framework-level facts shown to every signed-in user; commitments, project
 * counts and indicator progress are computed over the projects the user can see (archived projects excluded).
 *
 * - years = the framework period in whole years: round((end − start + 1 day) / 365.25), at least 1;
 *   total envelope = annual envelope × years.
 * - committed = net commitments of ACTIVE and CLOSED projects; pipeline = commitments of PIPELINE projects;
 *   CANCELLED projects count for neither.
 * - indicator progress = mean over PDO indicators (non-qualitative, with baseline, target and a verified value) of the
 *   latest verified value's progress towards the target, each clamped to 0–100 %; with the number of indicators.
 */
export function frameworkYears(startDate: Date | string, endDate: Date | string): number {
  return Math.max(1, Math.round((daysBetween(startDate, endDate) + 1) / 365.25));
}

type Money = { committedCents: number; pipelineCents: number };

function sumCommitments(projects: AssessedProject[]): Money {
  let committedCents = 0;
  let pipelineCents = 0;
  for (const p of projects) {
    if (p.status === "ACTIVE" || p.status === "CLOSED") committedCents += p.commitmentCents;
    else if (p.status === "PIPELINE") pipelineCents += p.commitmentCents;
  }
  return { committedCents, pipelineCents };
}

function countBy<K extends string>(keys: readonly K[], values: K[]): Record<K, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const v of values) out[v] += 1;
  return out;
}

const PROJECT_STATUSES = ["PIPELINE", "ACTIVE", "CLOSED", "CANCELLED"] as const;

/**
 * Projects listed per priority area (by code); the area's figures count them all, and the page links to the projects
 * list filtered by the area for the rest. A large portfolio put every project of the CPF on this page (820 KB).
 */
export const AREA_PROJECTS_LIMIT = 10;

/** The frameworks' rows, newest first, with how many priority areas each has: plain SQL (lib/sql.server.ts). */
async function readFrameworkSummaryRows() {
  const rows = await readRows(
    `SELECT f.id, f.code, f.name, f.nameRu, f.nameKk, f.startDate, f.endDate, f.annualEnvelopeMinor,
       (SELECT COUNT(*) FROM "PriorityArea" a WHERE a.frameworkId = f.id) AS areaCount
     FROM "Framework" f ORDER BY f.startDate DESC`,
  );
  return rows.map((row) => ({
    id: cell.text(row, "id"),
    code: cell.text(row, "code"),
    ...nameOf(row),
    startDate: cell.date(row, "startDate"),
    endDate: cell.date(row, "endDate"),
    annualEnvelopeCents: cell.number(row, "annualEnvelopeMinor"),
    areaCount: cell.number(row, "areaCount"),
  }));
}

/** Framework lists kept at once: one per visibility scope, the least recent dropped first. */
const FRAMEWORK_LIST_CACHE = 50;

/**
 * All frameworks with their envelope and what the actor can see committed under them. Kept per state of the
 * database, day and visibility scope, as the framework view is (below): the same figures over the same projects.
 */
export function listFrameworkSummaries(options: { actor: Actor; today?: Date }) {
  const scope = projectScopeSql(options.actor, "p");
  const today = options.today ?? new Date();
  return cachedPerStateAndScope(
    "framework-summaries",
    JSON.stringify([scope.sql, scope.args]),
    () => computeFrameworkSummaries({ actor: options.actor, today }),
    dayOf(today),
    FRAMEWORK_LIST_CACHE,
  );
}

async function computeFrameworkSummaries(options: { actor: Actor; today: Date }) {
  const [frameworks, projects] = await Promise.all([
    readFrameworkSummaryRows(),
    assessVisibleProjects(options.actor, {}, options.today),
  ]);
  const byFramework = new Map<string, AssessedProject[]>();
  for (const p of projects) {
    const list = byFramework.get(p.frameworkId);
    if (list) list.push(p);
    else byFramework.set(p.frameworkId, [p]);
  }
  return frameworks.map((f) => {
    const mine = byFramework.get(f.id) ?? [];
    const years = frameworkYears(f.startDate, f.endDate);
    return {
      id: f.id,
      code: f.code,
      ...pickName(f),
      startDate: f.startDate.toISOString(),
      endDate: f.endDate.toISOString(),
      years,
      annualEnvelopeCents: f.annualEnvelopeCents,
      totalEnvelopeCents: f.annualEnvelopeCents * years,
      areaCount: f.areaCount,
      projectCount: mine.length,
      ...sumCommitments(mine),
    };
  });
}

/** The CPF list's data: `listFrameworkSummaries` with each framework's name in the reader's language only. */
export async function getFrameworksPage(options: { actor: Actor; locale: string; today?: Date }) {
  const frameworks = await listFrameworkSummaries(options);
  return frameworks.map((f) => inLanguage(f, options.locale));
}

type AreaRow = LocalizedName & { id: string; code: string; description: string };
type FrameworkRow = LocalizedName & {
  id: string;
  code: string;
  description: string;
  startDate: Date;
  endDate: Date;
  annualEnvelopeCents: number;
  priorityAreas: AreaRow[];
};

/**
 * One framework and its priority areas, in plain SQL (lib/sql.server.ts): read through Prisma's client, this one
 * lookup cost about as much as the rest of the page's data.
 */
async function readFramework(frameworkId: string): Promise<FrameworkRow | null> {
  const [framework, areas] = await Promise.all([
    readFirst(
      `SELECT id, code, name, nameRu, nameKk, description, startDate, endDate, annualEnvelopeMinor
       FROM "Framework" WHERE id = ?`,
      [frameworkId],
    ),
    readRows(
      `SELECT id, code, name, nameRu, nameKk, description FROM "PriorityArea"
       WHERE frameworkId = ? ORDER BY sortOrder ASC, code ASC`,
      [frameworkId],
    ),
  ]);
  if (!framework) return null;
  return {
    id: cell.text(framework, "id"),
    code: cell.text(framework, "code"),
    ...nameOf(framework),
    description: cell.text(framework, "description"),
    startDate: cell.date(framework, "startDate"),
    endDate: cell.date(framework, "endDate"),
    annualEnvelopeCents: cell.number(framework, "annualEnvelopeMinor"),
    priorityAreas: areas.map((area) => ({
      id: cell.text(area, "id"),
      code: cell.text(area, "code"),
      ...nameOf(area),
      description: cell.text(area, "description"),
    })),
  };
}

function nameOf(row: Row): LocalizedName {
  return {
    name: cell.text(row, "name"),
    nameRu: cell.textOrNull(row, "nameRu"),
    nameKk: cell.textOrNull(row, "nameKk"),
  };
}

/** PDO indicator progress per priority area, over the given (visible) projects. */
function pdoProgressByArea(projects: AssessedProject[]): Map<string, number[]> {
  const progressByArea = new Map<string, number[]>();
  for (const project of projects) {
    if (project.pdoProgress.length === 0) continue;
    const list = progressByArea.get(project.priorityAreaId) ?? [];
    list.push(...project.pdoProgress);
    progressByArea.set(project.priorityAreaId, list);
  }
  return progressByArea;
}

function areaView(area: AreaRow, projects: AssessedProject[], progress: number[]) {
  const areaProjects = projects.filter((p) => p.priorityAreaId === area.id);
  return {
    ...area,
    ...sumCommitments(areaProjects),
    byStatus: countBy(
      PROJECT_STATUSES,
      areaProjects.map((p) => p.status),
    ),
    byColour: countBy<StatusColour>(
      STATUS_COLOURS,
      areaProjects.map((p) => p.colour),
    ),
    indicatorProgress: progress.length > 0 ? progress.reduce((a, b) => a + b, 0) / progress.length : null,
    indicatorCount: progress.length,
    projectTotal: areaProjects.length,
    projects: areaProjects.slice(0, AREA_PROJECTS_LIMIT).map((p) => ({
      id: p.id,
      code: p.code,
      name: p.name,
      institution: p.institution,
      status: p.status,
      colour: p.colour,
      commitmentCents: p.commitmentCents,
      disbursedShare: p.disbursedShare,
    })),
  };
}

/** Framework pages kept at once: one per framework and visibility scope, the least recent dropped first. */
const FRAMEWORK_VIEW_CACHE = 100;

/**
 * One framework, area by area; null when it does not exist. Kept per state of the database (the audit chain's head:
 * every write appends an event), day, framework and visibility scope: the figures follow from the portfolio's
 * colours (which depend on the day) and from which projects the actor may see (their scope, as `canViewProject`
 * decides it and `projectScopeSql` spells it). Summing and listing a CPF's 1,800 projects on every visit was most of
 * what the page's data cost at the large scale.
 */
export function getFrameworkView(options: { actor: Actor; frameworkId: string; today?: Date }) {
  const scope = projectScopeSql(options.actor, "p");
  const today = options.today ?? new Date();
  return cachedPerStateAndScope(
    "framework-view",
    JSON.stringify([scope.sql, scope.args, options.frameworkId]),
    () => computeFrameworkView({ ...options, today }),
    dayOf(today),
    FRAMEWORK_VIEW_CACHE,
  );
}

async function computeFrameworkView(options: { actor: Actor; frameworkId: string; today?: Date }) {
  const framework = await readFramework(options.frameworkId);
  if (!framework) return null;
  const projects = await assessVisibleProjects(options.actor, { frameworkId: framework.id }, options.today);
  const progressByArea = pdoProgressByArea(projects);
  const years = frameworkYears(framework.startDate, framework.endDate);
  const { annualEnvelopeCents } = framework;
  return {
    framework: {
      id: framework.id,
      code: framework.code,
      ...pickName(framework),
      description: framework.description,
      startDate: framework.startDate.toISOString(),
      endDate: framework.endDate.toISOString(),
      years,
      annualEnvelopeCents,
      totalEnvelopeCents: annualEnvelopeCents * years,
      ...sumCommitments(projects),
    },
    areas: framework.priorityAreas.map((area) => areaView(area, projects, progressByArea.get(area.id) ?? [])),
  };
}

/** A row with its name in `locale` only, the other languages dropped. */
function inLanguage<T extends LocalizedName>(row: T, locale: string): Omit<T, "nameRu" | "nameKk"> {
  const { nameRu: _ru, nameKk: _kk, ...rest } = row;
  return { ...rest, name: localizedName(row, locale) };
}

/**
 * The framework page's data: `getFrameworkView` with each name in the reader's language. The page shows one, and
 * the three languages of every name travelled to the browser in the page's data.
 */
export async function getFrameworkPage(options: { actor: Actor; frameworkId: string; locale: string; today?: Date }) {
  const view = await getFrameworkView(options);
  if (!view) return null;
  return {
    framework: inLanguage(view.framework, options.locale),
    areas: view.areas.map((area) => inLanguage(area, options.locale)),
  };
}
