import type { Prisma } from "~/generated/prisma/client";
import { LOCALES, resources } from "~/i18n/config";
import type { SheetRow } from "~/lib/import/columns";
import type { IndicatorFacts, MilestoneFacts, PlanFacts } from "~/lib/import/plan";
import { dayOf, todayIsoDay } from "~/lib/dates";
import { db } from "~/lib/db.server";
import { decideOnProject, type Actor, type ProjectAction, type ProjectScope } from "~/lib/permissions";
import { projectWhereForActor } from "~/lib/permissions.server";

/**
 * What the dry run needs to know about the items an upload names, read in two queries. Only projects the user can
 * see are read (what they may not see is "unknown", as a 404 would be); for those, the permission module says
 * whether they may report on it (else "outside your projects").
 */

export function projectScopeSelect(userId: string) {
  return {
    id: true,
    code: true,
    name: true,
    institution: true,
    implementingAgencyId: true,
    archivedAt: true,
    members: { where: { userId }, select: { id: true } },
  } satisfies Prisma.ProjectSelect;
}

type ScopedProject = Prisma.ProjectGetPayload<{ select: ReturnType<typeof projectScopeSelect> }>;

export function scopeOf(project: ScopedProject): ProjectScope {
  return {
    institution: project.institution,
    implementingAgencyId: project.implementingAgencyId,
    isMember: project.members.length > 0,
    archived: project.archivedAt !== null,
  };
}

export const allowedOn = (actor: Actor, action: ProjectAction, project: ScopedProject) =>
  decideOnProject(actor, action, scopeOf(project)) === "allow";

/** Every label of a milestone status in the three languages, lower-cased, to its code. */
function statusLabels(): Map<string, string> {
  const map = new Map<string, string>();
  for (const locale of LOCALES) {
    for (const [code, label] of Object.entries(resources[locale].translation.domain.milestoneStatus)) {
      map.set(label.toLowerCase(), code);
    }
  }
  return map;
}

const cellText = (row: SheetRow, key: "indicatorId" | "milestoneId" | "projectCode" | "indicatorCode") => {
  const value = row.cells[key]?.value;
  return value === null || value === undefined ? "" : String(value);
};

async function indicatorFacts(actor: Actor, rows: SheetRow[]): Promise<IndicatorFacts[]> {
  const ids = rows.map((r) => cellText(r, "indicatorId")).filter(Boolean);
  const byCode = rows
    .filter((r) => !cellText(r, "indicatorId") && cellText(r, "indicatorCode"))
    .map((r) => ({ code: cellText(r, "indicatorCode"), project: { code: cellText(r, "projectCode") } }));
  if (ids.length === 0 && byCode.length === 0) return [];
  const found = await db.indicator.findMany({
    where: { project: projectWhereForActor(actor), OR: [{ id: { in: [...new Set(ids)] } }, ...byCode] },
    select: {
      id: true,
      code: true,
      name: true,
      unit: true,
      frequency: true,
      baselineDate: true,
      targetDate: true,
      baselineValue: true,
      targetValue: true,
      project: { select: projectScopeSelect(actor.id) },
      values: { select: { periodEnd: true, value: true, state: true } },
    },
  });
  return found.map((i) => ({
    id: i.id,
    projectId: i.project.id,
    projectCode: i.project.code,
    projectName: i.project.name,
    code: i.code,
    name: i.name,
    unit: i.unit,
    frequency: i.frequency,
    baselineDate: i.baselineDate?.toISOString() ?? null,
    targetDate: i.targetDate?.toISOString() ?? null,
    baselineValue: i.baselineValue,
    targetValue: i.targetValue,
    canReport: allowedOn(actor, "indicatorValue.report", i.project),
    values: i.values.map((v) => ({ periodEnd: dayOf(v.periodEnd), value: v.value, state: v.state })),
  }));
}

async function milestoneFacts(actor: Actor, rows: SheetRow[]): Promise<MilestoneFacts[]> {
  const ids = [...new Set(rows.map((r) => cellText(r, "milestoneId")).filter(Boolean))];
  if (ids.length === 0) return [];
  const found = await db.milestone.findMany({
    where: { id: { in: ids }, project: projectWhereForActor(actor) },
    select: {
      id: true,
      title: true,
      status: true,
      percentComplete: true,
      currentDueDate: true,
      project: { select: projectScopeSelect(actor.id) },
      updates: {
        where: { authorId: actor.id, reviewState: "SUBMITTED" },
        select: { proposedStatus: true, proposedPercent: true, proposedDueDate: true, narrative: true },
        take: 1,
      },
    },
  });
  return found.map((m) => {
    const pending = m.updates[0];
    return {
      id: m.id,
      projectId: m.project.id,
      projectCode: m.project.code,
      projectName: m.project.name,
      title: m.title,
      status: m.status,
      percentComplete: m.percentComplete,
      currentDueDate: dayOf(m.currentDueDate),
      canSubmit: allowedOn(actor, "milestoneUpdate.submit", m.project),
      pending: pending
        ? { ...pending, proposedDueDate: pending.proposedDueDate ? dayOf(pending.proposedDueDate) : null }
        : null,
    };
  });
}

export async function loadPlanFacts(actor: Actor, rows: SheetRow[]): Promise<PlanFacts> {
  const [indicators, milestones] = await Promise.all([
    indicatorFacts(
      actor,
      rows.filter((r) => r.kind === "indicator"),
    ),
    milestoneFacts(
      actor,
      rows.filter((r) => r.kind === "milestone"),
    ),
  ]);
  return { today: todayIsoDay(), indicators, milestones, statusByLabel: statusLabels() };
}
