import type { Prisma } from "~/generated/prisma/client";
import { LOCALIZED_NAME_SELECT, pickName } from "~/lib/localized-name";
import { db } from "~/lib/db.server";
import { daysBetween } from "~/lib/dates";
import type { Actor } from "~/lib/permissions";
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

/** All frameworks with their envelope and what the actor can see committed under them. */
export async function listFrameworkSummaries(options: { actor: Actor; today?: Date }) {
  const [frameworks, projects] = await Promise.all([
    db.framework.findMany({
      orderBy: { startDate: "desc" },
      select: {
        id: true,
        code: true,
        ...LOCALIZED_NAME_SELECT,
        startDate: true,
        endDate: true,
        annualEnvelopeMinor: true,
        _count: { select: { priorityAreas: true } },
      },
    }),
    assessVisibleProjects(options.actor, {}, options.today),
  ]);
  return frameworks.map((f) => {
    const mine = projects.filter((p) => p.frameworkId === f.id);
    const years = frameworkYears(f.startDate, f.endDate);
    const annualEnvelopeCents = Number(f.annualEnvelopeMinor);
    return {
      id: f.id,
      code: f.code,
      ...pickName(f),
      startDate: f.startDate.toISOString(),
      endDate: f.endDate.toISOString(),
      years,
      annualEnvelopeCents,
      totalEnvelopeCents: annualEnvelopeCents * years,
      areaCount: f._count.priorityAreas,
      projectCount: mine.length,
      ...sumCommitments(mine),
    };
  });
}

const frameworkViewSelect = {
  id: true,
  code: true,
  ...LOCALIZED_NAME_SELECT,
  description: true,
  startDate: true,
  endDate: true,
  annualEnvelopeMinor: true,
  priorityAreas: {
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { id: true, code: true, ...LOCALIZED_NAME_SELECT, description: true },
  },
} satisfies Prisma.FrameworkSelect;

type FrameworkRow = Prisma.FrameworkGetPayload<{ select: typeof frameworkViewSelect }>;

/** Per priority area, the progress (clamped to 0–1) of each assessable PDO indicator of the visible projects. */
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

function areaView(area: FrameworkRow["priorityAreas"][number], projects: AssessedProject[], progress: number[]) {
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

/** One framework, area by area; null when it does not exist. */
export async function getFrameworkView(options: { actor: Actor; frameworkId: string; today?: Date }) {
  const framework = await db.framework.findUnique({ where: { id: options.frameworkId }, select: frameworkViewSelect });
  if (!framework) return null;
  const projects = await assessVisibleProjects(options.actor, { frameworkId: framework.id }, options.today);
  const progressByArea = pdoProgressByArea(projects);
  const years = frameworkYears(framework.startDate, framework.endDate);
  const annualEnvelopeCents = Number(framework.annualEnvelopeMinor);
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
