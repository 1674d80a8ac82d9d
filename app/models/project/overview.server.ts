import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { NotFoundError } from "~/lib/errors";
import { LOCALIZED_NAME_SELECT } from "~/lib/localized-name";
import { centsToNumber } from "~/lib/money";

/** What the project's header shows on every tab; throws NotFoundError when there is no such project. */
export async function getProjectHeader(projectId: string) {
  const project = await db.project.findUnique({
    where: { id: projectId },
    select: {
      id: true,
      code: true,
      name: true,
      institution: true,
      status: true,
      instrument: true,
      archivedAt: true,
      implementingAgency: { select: LOCALIZED_NAME_SELECT },
      priorityArea: {
        select: {
          code: true,
          ...LOCALIZED_NAME_SELECT,
          framework: { select: { code: true, ...LOCALIZED_NAME_SELECT } },
        },
      },
    },
  });
  if (!project) throw new NotFoundError("project");
  return {
    id: project.id,
    code: project.code,
    name: project.name,
    institution: project.institution,
    status: project.status,
    instrument: project.instrument,
    archivedAt: project.archivedAt?.toISOString() ?? null,
    agency: project.implementingAgency,
    priorityArea: project.priorityArea,
  };
}

const OVERVIEW_SELECT = {
  id: true,
  description: true,
  narrative: true,
  sectorCode: true,
  instrument: true,
  approvalDate: true,
  effectivenessDate: true,
  mtrPlannedDate: true,
  mtrActualDate: true,
  closingOriginalDate: true,
  closingRevisedDate: true,
  commitmentMinor: true,
  disbursedMinor: true,
  updatedAt: true,
  ratings: {
    orderBy: [{ ratedOn: "desc" }, { createdAt: "desc" }],
    take: 2,
    select: { pdoRating: true, ipRating: true, riskRating: true, ratedOn: true, justification: true },
  },
  milestones: { select: { status: true, currentDueDate: true } },
  indicators: {
    select: {
      baselineValue: true,
      baselineDate: true,
      targetValue: true,
      targetDate: true,
      ascending: true,
      values: {
        where: { state: "VERIFIED" },
        orderBy: { periodEnd: "desc" },
        take: 1,
        select: { value: true, periodEnd: true },
      },
    },
  },
  members: {
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      capacity: true,
      user: { select: { name: true, organization: { select: LOCALIZED_NAME_SELECT } } },
    },
  },
} satisfies Prisma.ProjectSelect;

/** Instants travel to the page as ISO strings. */
const isoOrNull = (d: Date | null) => d?.toISOString() ?? null;

/**
 * Everything the overview shows: dates, money, ratings, narrative, and counts of milestones and indicators.
 * Throws NotFoundError when there is no such project.
 */
export async function getProjectOverview(projectId: string) {
  const project = await db.project.findUnique({ where: { id: projectId }, select: OVERVIEW_SELECT });
  if (!project) throw new NotFoundError("project");
  const commitment = centsToNumber(project.commitmentMinor);
  const disbursed = centsToNumber(project.disbursedMinor);
  return {
    description: project.description,
    narrative: project.narrative,
    sectorCode: project.sectorCode,
    instrument: project.instrument,
    updatedAt: project.updatedAt.toISOString(),
    dates: {
      approval: isoOrNull(project.approvalDate),
      effectiveness: isoOrNull(project.effectivenessDate),
      mtrPlanned: isoOrNull(project.mtrPlannedDate),
      mtrActual: isoOrNull(project.mtrActualDate),
      closingOriginal: isoOrNull(project.closingOriginalDate),
      closingRevised: isoOrNull(project.closingRevisedDate),
    },
    financing: { commitmentCents: commitment, disbursedCents: disbursed, undisbursedCents: commitment - disbursed },
    ratings: project.ratings.map((r) => ({ ...r, ratedOn: r.ratedOn.toISOString() })),
    milestones: project.milestones.map((m) => ({ status: m.status, currentDueDate: m.currentDueDate.toISOString() })),
    indicators: project.indicators.map((i) => {
      const latest = i.values.at(0);
      return {
        baselineValue: i.baselineValue,
        baselineDate: isoOrNull(i.baselineDate),
        targetValue: i.targetValue,
        targetDate: isoOrNull(i.targetDate),
        ascending: i.ascending,
        latest: latest ? { value: latest.value, periodEnd: latest.periodEnd.toISOString() } : null,
      };
    }),
    members: project.members.map((m) => ({
      id: m.id,
      capacity: m.capacity,
      name: m.user.name,
      organization: m.user.organization,
    })),
  };
}
