import type { Prisma } from "~/generated/prisma/client";
import { progressTowardsTarget } from "~/lib/metrics";

/**
 * What the portfolio workbook, the printable report and the IATI file read about a project, its indicators,
 * milestones and ratings: one definition, so the three outputs state the same facts in the same order.
 */

/** A project's identity, key dates and financing. */
export const projectFactsSelect = {
  code: true,
  name: true,
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
} satisfies Prisma.ProjectSelect;

/** The results framework's order: PDO indicators first, then intermediate ones, each as the team sorted them. */
export const indicatorOrder = [
  { type: "asc" },
  { sortOrder: "asc" },
  { code: "asc" },
] satisfies Prisma.IndicatorOrderByWithRelationInput[];

/** An indicator's definition: baseline, end target and the target as first agreed. */
export const indicatorFactsSelect = {
  code: true,
  name: true,
  type: true,
  unit: true,
  measure: true,
  ascending: true,
  baselineValue: true,
  baselineDate: true,
  targetValue: true,
  targetDate: true,
  originalTargetValue: true,
} satisfies Prisma.IndicatorSelect;

/** The latest verified actual (by period end; of two for one period, the one reviewed last). */
export const latestVerifiedValue = {
  where: { state: "VERIFIED" },
  orderBy: [{ periodEnd: "desc" }, { reviewedAt: "desc" }],
  take: 1,
  select: { value: true, periodEnd: true },
} satisfies Prisma.Indicator$valuesArgs;

/** Interim targets, in period order. */
export const interimTargets = {
  orderBy: { periodEnd: "asc" },
  select: { periodEnd: true, value: true },
} satisfies Prisma.Indicator$targetsArgs;

/** Milestones by current due date (then the team's order). */
export const milestoneOrder = [
  { currentDueDate: "asc" },
  { sortOrder: "asc" },
] satisfies Prisma.MilestoneOrderByWithRelationInput[];

/** A milestone's progress, its baseline and current due dates, and when it was completed. */
export const milestoneFactsSelect = {
  title: true,
  status: true,
  percentComplete: true,
  baselineDueDate: true,
  currentDueDate: true,
  completedOn: true,
} satisfies Prisma.MilestoneSelect;

/** A rating's three scores and its justification. */
export const ratingFactsSelect = {
  ratedOn: true,
  pdoRating: true,
  ipRating: true,
  riskRating: true,
  justification: true,
} satisfies Prisma.RatingSelect;

/** The latest verified actual of an indicator read with `latestVerifiedValue`, and its progress towards the target. */
export function latestActual(indicator: {
  baselineValue: number | null;
  targetValue: number | null;
  ascending: boolean;
  values: Array<{ value: number; periodEnd: Date }>;
}) {
  const latest = indicator.values[0] ?? null;
  const progress = progressTowardsTarget({
    baseline: indicator.baselineValue,
    target: indicator.targetValue,
    actual: latest?.value ?? null,
    ascending: indicator.ascending,
  });
  return { latest, progress };
}
