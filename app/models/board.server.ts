import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { cachedPerState } from "~/lib/state-cache.server";
import { LOCALIZED_NAME_SELECT, pickName, type LocalizedName } from "~/lib/localized-name";
import { disbursementShare, progressTowardsTarget } from "~/lib/metrics";
import type { Actor, Institution } from "~/lib/permissions";
import { projectWhereForActor } from "~/lib/permissions.server";
import { assessVisibleProjects } from "./portfolio-status.server";
import { loadStatusInputs } from "./status-inputs.server";
import { assessProjectStatus, STATUS_COLOURS, type StatusColour, type StatusReason } from "~/lib/status-rules";

export type BoardFilters = { frameworkId?: string; institution?: Institution };

/** The scoped `where` for board-like lists: visible, not archived, and the filters (ANDed so the scope is never widened). */
export function boardWhere(actor: Actor, filters: BoardFilters = {}): Prisma.ProjectWhereInput {
  const and: Prisma.ProjectWhereInput[] = [projectWhereForActor(actor), { archivedAt: null }];
  if (filters.frameworkId) and.push({ priorityArea: { frameworkId: filters.frameworkId } });
  if (filters.institution) and.push({ institution: filters.institution });
  return { AND: and };
}

export type AssessedProject = {
  id: string;
  code: string;
  name: string;
  institution: Institution;
  instrument: string;
  status: "PIPELINE" | "ACTIVE" | "CLOSED" | "CANCELLED";
  priorityAreaId: string;
  implementingAgencyId: string;
  areaName: LocalizedName;
  areaCode: string;
  frameworkId: string;
  frameworkCode: string;
  agency: LocalizedName;
  commitmentCents: number;
  disbursedCents: number;
  disbursedShare: number | null;
  latestRating: { ratedOn: string; pdoRating: string; ipRating: string; riskRating: string } | null;
  colour: StatusColour;
  reasons: StatusReason[];
  /** Progress (0–1) of each PDO indicator that has a verified value (not qualitative): the CPF view's means. */
  pdoProgress: number[];
};

function pdoProgressOf(
  indicators: {
    type: string;
    measure: string;
    ascending: boolean;
    baselineValue: number | null;
    targetValue: number | null;
    values: { value: number }[];
  }[],
) {
  const progress: number[] = [];
  for (const indicator of indicators) {
    if (indicator.type !== "PDO" || indicator.measure === "QUALITATIVE") continue;
    const share = progressTowardsTarget({
      baseline: indicator.baselineValue,
      target: indicator.targetValue,
      actual: indicator.values[0]?.value ?? null,
      ascending: indicator.ascending,
    });
    if (share !== null) progress.push(Math.min(1, Math.max(0, share)));
  }
  return progress;
}

/** Every project matching `where`, with its board colour and reasons (see app/lib/status-rules.ts). */
export async function assessProjects(
  where: Prisma.ProjectWhereInput,
  today: Date = new Date(),
): Promise<AssessedProject[]> {
  const ids = await db.project.findMany({ where, orderBy: { code: "asc" }, select: { id: true } });
  const rows = await loadStatusInputs(ids.map((row) => row.id));
  return rows.map((row) => {
    const { colour, reasons } = assessProjectStatus(
      {
        status: row.status,
        closingOriginalDate: row.closingOriginalDate,
        closingRevisedDate: row.closingRevisedDate,
        ratings: row.ratings,
        milestones: row.milestones,
        indicators: row.indicators.map(({ values, ...indicator }) => ({
          ...indicator,
          latestVerified: values[0] ?? null,
        })),
      },
      today,
    );
    const latest = row.ratings[0];
    const commitmentCents = Number(row.commitmentMinor);
    const disbursedCents = Number(row.disbursedMinor);
    return {
      id: row.id,
      code: row.code,
      name: row.name,
      institution: row.institution,
      instrument: row.instrument,
      status: row.status,
      priorityAreaId: row.priorityAreaId,
      implementingAgencyId: row.implementingAgencyId,
      areaName: pickName(row.priorityArea),
      areaCode: row.priorityArea.code,
      frameworkId: row.priorityArea.framework.id,
      frameworkCode: row.priorityArea.framework.code,
      agency: row.implementingAgency,
      commitmentCents,
      disbursedCents,
      disbursedShare: disbursementShare(commitmentCents, disbursedCents),
      latestRating: latest
        ? {
            ratedOn: latest.ratedOn.toISOString(),
            pdoRating: latest.pdoRating,
            ipRating: latest.ipRating,
            riskRating: latest.riskRating,
          }
        : null,
      colour,
      reasons,
      pdoProgress: pdoProgressOf(row.indicators),
    };
  });
}

export type BoardGroups = Record<StatusColour, AssessedProject[]>;

export function groupByColour(projects: AssessedProject[]): BoardGroups {
  const groups = Object.fromEntries(STATUS_COLOURS.map((c) => [c, [] as AssessedProject[]])) as BoardGroups;
  for (const project of projects) groups[project.colour].push(project);
  return groups;
}

/** The status board for an actor: their visible, non-archived projects grouped Red / Amber / Green / Completed. */
export async function getStatusBoard(options: { actor: Actor; filters?: BoardFilters; today?: Date }) {
  const projects = await assessVisibleProjects(options.actor, options.filters, options.today);
  return groupByColour(projects);
}

/** The frameworks offered in the board's filter (framework facts are visible to every signed-in user). */
export function listFrameworkOptions() {
  // Read once per state of the database: every board request needs them, and they change only with a write.
  return cachedPerState("board-framework-options", () =>
    db.framework.findMany({
      orderBy: { startDate: "desc" },
      select: { id: true, code: true, ...LOCALIZED_NAME_SELECT },
    }),
  );
}
