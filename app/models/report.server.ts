import { LOCALIZED_NAME_SELECT } from "~/lib/localized-name";
import { db } from "~/lib/db.server";
import { centsToNumber } from "~/lib/money";
import { disbursementShare, isMilestoneOverdue, progressTowardsTarget, slipDays } from "~/lib/metrics";

/**
 * Everything the printable, ISR-shaped project report shows, in one read: header, key dates (planned vs actual),
 * financing, current and previous ratings, the results framework with the latest verified actuals, milestones
 * with their slip, and the narrative. Dates are ISO strings, money is US cents as numbers.
 */
export async function getProjectReport(projectId: string, today: Date = new Date()) {
  const project = await db.project.findUnique({
    where: { id: projectId },
    select: {
      id: true,
      code: true,
      name: true,
      description: true,
      institution: true,
      instrument: true,
      status: true,
      sectorCode: true,
      approvalDate: true,
      effectivenessDate: true,
      mtrPlannedDate: true,
      mtrActualDate: true,
      closingOriginalDate: true,
      closingRevisedDate: true,
      commitmentMinor: true,
      disbursedMinor: true,
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
        select: {
          ratedOn: true,
          pdoRating: true,
          ipRating: true,
          riskRating: true,
          justification: true,
          author: { select: { name: true } },
        },
      },
      indicators: {
        orderBy: [{ type: "asc" }, { sortOrder: "asc" }, { code: "asc" }],
        select: {
          id: true,
          code: true,
          name: true,
          type: true,
          unit: true,
          ascending: true,
          baselineValue: true,
          baselineDate: true,
          targetValue: true,
          targetDate: true,
          originalTargetValue: true,
          values: {
            where: { state: "VERIFIED" },
            orderBy: [{ periodEnd: "desc" }, { reviewedAt: "desc" }],
            take: 1,
            select: { value: true, periodEnd: true },
          },
        },
      },
      milestones: {
        orderBy: [{ currentDueDate: "asc" }, { sortOrder: "asc" }],
        select: {
          id: true,
          title: true,
          status: true,
          percentComplete: true,
          baselineDueDate: true,
          currentDueDate: true,
          completedOn: true,
        },
      },
    },
  });
  if (!project) return null;
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  const commitment = centsToNumber(project.commitmentMinor);
  const disbursed = centsToNumber(project.disbursedMinor);
  const rating = (r: (typeof project.ratings)[number] | undefined) =>
    r
      ? {
          ratedOn: iso(r.ratedOn)!,
          pdo: r.pdoRating,
          ip: r.ipRating,
          risk: r.riskRating,
          justification: r.justification,
          author: r.author.name,
        }
      : null;
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
    asOf: iso(project.updatedAt)!,
    dates: {
      approval: iso(project.approvalDate),
      effectiveness: iso(project.effectivenessDate),
      mtrPlanned: iso(project.mtrPlannedDate),
      mtrActual: iso(project.mtrActualDate),
      closingOriginal: iso(project.closingOriginalDate),
      closingRevised: iso(project.closingRevisedDate),
    },
    financing: {
      commitmentCents: commitment,
      disbursedCents: disbursed,
      undisbursedCents: Math.max(0, commitment - disbursed),
      share: disbursementShare(commitment, disbursed),
    },
    ratings: { current: rating(project.ratings[0]), previous: rating(project.ratings[1]) },
    indicators: project.indicators.map((i) => {
      const latest = i.values[0] ?? null;
      return {
        id: i.id,
        code: i.code,
        name: i.name,
        type: i.type,
        unit: i.unit,
        baseline: i.baselineValue,
        baselineDate: iso(i.baselineDate),
        actual: latest?.value ?? null,
        actualDate: iso(latest?.periodEnd ?? null),
        target: i.targetValue,
        targetDate: iso(i.targetDate),
        originalTarget: i.originalTargetValue,
        progress: progressTowardsTarget({
          baseline: i.baselineValue,
          target: i.targetValue,
          actual: latest?.value ?? null,
          ascending: i.ascending,
        }),
      };
    }),
    milestones: project.milestones.map((m) => ({
      id: m.id,
      title: m.title,
      status: m.status,
      percentComplete: m.percentComplete,
      baselineDueDate: iso(m.baselineDueDate)!,
      currentDueDate: iso(m.currentDueDate)!,
      completedOn: iso(m.completedOn),
      slipDays: slipDays(m),
      overdue: isMilestoneOverdue(m, today),
    })),
  };
}

export type ProjectReport = NonNullable<Awaited<ReturnType<typeof getProjectReport>>>;
