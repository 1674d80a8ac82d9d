import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { LOCALIZED_NAME_SELECT } from "~/lib/localized-name";
import { disbursementShare, isMilestoneOverdue, slipDays } from "~/lib/metrics";
import { centsToNumber } from "~/lib/money";
import {
  indicatorFactsSelect,
  indicatorOrder,
  latestActual,
  latestVerifiedValue,
  milestoneFactsSelect,
  milestoneOrder,
  projectFactsSelect,
  ratingFactsSelect,
} from "./export-selects.server";

/**
 * Everything the printable, ISR-shaped project report shows, in one read: header, key dates (planned vs actual),
 * financing, current and previous ratings, the results framework with the latest verified actuals, milestones
 * with their slip, and the narrative. Dates are ISO strings, money is US cents as numbers.
 */
const reportSelect = {
  id: true,
  ...projectFactsSelect,
  description: true,
  narrative: true,
  updatedAt: true,
  implementingAgency: { select: LOCALIZED_NAME_SELECT },
  priorityArea: {
    select: {
      code: true,
      ...LOCALIZED_NAME_SELECT,
      framework: { select: { code: true, ...LOCALIZED_NAME_SELECT } },
    },
  },
  ratings: {
    orderBy: [{ ratedOn: "desc" }, { createdAt: "desc" }],
    take: 2,
    select: { ...ratingFactsSelect, author: { select: { name: true } } },
  },
  indicators: {
    orderBy: indicatorOrder,
    select: { id: true, ...indicatorFactsSelect, values: latestVerifiedValue },
  },
  milestones: { orderBy: milestoneOrder, select: { id: true, ...milestoneFactsSelect } },
} satisfies Prisma.ProjectSelect;

type ReportRow = Prisma.ProjectGetPayload<{ select: typeof reportSelect }>;

const iso = (date: Date | null) => date?.toISOString() ?? null;

function toReportRating(rating: ReportRow["ratings"][number] | undefined) {
  if (!rating) return null;
  return {
    ratedOn: rating.ratedOn.toISOString(),
    pdo: rating.pdoRating,
    ip: rating.ipRating,
    risk: rating.riskRating,
    justification: rating.justification,
    author: rating.author.name,
  };
}

function toReportIndicator(indicator: ReportRow["indicators"][number]) {
  const { latest, progress } = latestActual(indicator);
  return {
    id: indicator.id,
    code: indicator.code,
    name: indicator.name,
    type: indicator.type,
    unit: indicator.unit,
    baseline: indicator.baselineValue,
    baselineDate: iso(indicator.baselineDate),
    actual: latest?.value ?? null,
    actualDate: iso(latest?.periodEnd ?? null),
    target: indicator.targetValue,
    targetDate: iso(indicator.targetDate),
    originalTarget: indicator.originalTargetValue,
    progress,
  };
}

function toReportMilestone(milestone: ReportRow["milestones"][number], today: Date) {
  return {
    id: milestone.id,
    title: milestone.title,
    status: milestone.status,
    percentComplete: milestone.percentComplete,
    baselineDueDate: milestone.baselineDueDate.toISOString(),
    currentDueDate: milestone.currentDueDate.toISOString(),
    completedOn: iso(milestone.completedOn),
    slipDays: slipDays(milestone),
    overdue: isMilestoneOverdue(milestone, today),
  };
}

function reportDates(project: ReportRow) {
  return {
    approval: iso(project.approvalDate),
    effectiveness: iso(project.effectivenessDate),
    mtrPlanned: iso(project.mtrPlannedDate),
    mtrActual: iso(project.mtrActualDate),
    closingOriginal: iso(project.closingOriginalDate),
    closingRevised: iso(project.closingRevisedDate),
  };
}

function reportFinancing(project: ReportRow) {
  const commitment = centsToNumber(project.commitmentMinor);
  const disbursed = centsToNumber(project.disbursedMinor);
  return {
    commitmentCents: commitment,
    disbursedCents: disbursed,
    undisbursedCents: Math.max(0, commitment - disbursed),
    share: disbursementShare(commitment, disbursed),
  };
}

/** The report of one project, or null when it does not exist (the route has checked that the user may see it). */
export async function getProjectReport(projectId: string, today: Date = new Date()) {
  const project = await db.project.findUnique({ where: { id: projectId }, select: reportSelect });
  if (!project) return null;
  return {
    id: project.id,
    code: project.code,
    name: project.name,
    description: project.description,
    institution: project.institution,
    instrument: project.instrument,
    status: project.status,
    sectorCode: project.sectorCode,
    agency: project.implementingAgency,
    priorityArea: project.priorityArea,
    narrative: project.narrative,
    asOf: project.updatedAt.toISOString(),
    dates: reportDates(project),
    financing: reportFinancing(project),
    ratings: { current: toReportRating(project.ratings[0]), previous: toReportRating(project.ratings[1]) },
    indicators: project.indicators.map(toReportIndicator),
    milestones: project.milestones.map((m) => toReportMilestone(m, today)),
  };
}

export type ProjectReport = NonNullable<Awaited<ReturnType<typeof getProjectReport>>>;
