/**
 * Pure maths shared by the project pages, the status board, the exports and the tests:
 * milestone slip, indicator progress towards target, the linear trajectory and the trend projection.
 * Dates are whole UTC days.
 */

import { daysBetween, toUtcDay } from "./dates";

/** How far the current due date has moved from the baseline: positive = late, negative = early. */
export function slipDays(milestone: { baselineDueDate: Date | string; currentDueDate: Date | string }): number {
  return daysBetween(milestone.baselineDueDate, milestone.currentDueDate);
}

/** Overdue: due before today and neither completed nor cancelled. */
export function isMilestoneOverdue(
  milestone: { currentDueDate: Date | string; status: string },
  today: Date = new Date(),
): boolean {
  if (milestone.status === "COMPLETED" || milestone.status === "CANCELLED") return false;
  return daysBetween(milestone.currentDueDate, today) > 0;
}

/**
 * Share of the way from baseline to target achieved by `actual`, for ascending (higher is better) and
 * descending indicators alike: (actual - baseline) / (target - baseline). 1 = target met; may exceed 1 or be
 * negative (moved the wrong way). null when it cannot be computed (no target, or target equals baseline).
 */
export function progressTowardsTarget(input: {
  baseline: number | null;
  target: number | null;
  actual: number | null;
  ascending: boolean;
}): number | null {
  const { baseline, target, actual } = input;
  if (baseline === null || target === null || actual === null) return null;
  const span = target - baseline;
  if (span === 0) {
    // Target equals baseline: met if we are at or on the right side of it.
    const ok = input.ascending ? actual >= target : actual <= target;
    return ok ? 1 : 0;
  }
  const share = (actual - baseline) / span;
  // A descending indicator at its baseline gives -0, which formats as "-0%".
  return share === 0 ? 0 : share;
}

/** Where a straight line from baseline (at baselineDate) to target (at targetDate) says we should be on `on`, as a share 0..1. */
export function expectedProgressShare(input: {
  baselineDate: Date | string | null;
  targetDate: Date | string | null;
  on?: Date | string;
}): number | null {
  if (!input.baselineDate || !input.targetDate) return null;
  const total = daysBetween(input.baselineDate, input.targetDate);
  if (total <= 0) return 1;
  const elapsed = daysBetween(input.baselineDate, input.on ?? new Date());
  return Math.min(1, Math.max(0, elapsed / total));
}

export type Point = { date: Date | string; value: number };

/**
 * Least-squares line through the baseline and the verified actuals, evaluated at the target date.
 * Returns null with fewer than two points. Used to answer "will the target be met by closing?".
 */
export function projectValueAt(points: Point[], at: Date | string): number | null {
  if (points.length < 2) return null;
  const xs = points.map((p) => toUtcDay(p.date));
  const ys = points.map((p) => p.value);
  const n = points.length;
  const meanX = xs.reduce((a, b) => a + b, 0) / n;
  const meanY = ys.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i] - meanX) ** 2;
    sxy += (xs[i] - meanX) * (ys[i] - meanY);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return meanY + slope * (toUtcDay(at) - meanX);
}

/** Will the projected value at the target date reach the target (respecting the indicator's direction)? */
export function willMeetTarget(input: {
  points: Point[];
  target: number | null;
  targetDate: Date | string | null;
  ascending: boolean;
}): boolean | null {
  if (input.target === null || !input.targetDate) return null;
  const projected = projectValueAt(input.points, input.targetDate);
  if (projected === null) return null;
  return input.ascending ? projected >= input.target : projected <= input.target;
}

/** Disbursed share of commitment (0..1), null when nothing is committed. Inputs are cents. */
export function disbursementShare(commitmentCents: number, disbursedCents: number): number | null {
  if (commitmentCents <= 0) return null;
  return disbursedCents / commitmentCents;
}

export const RATING_SCALE = ["HS", "S", "MS", "MU", "U", "HU"] as const;
export type PerformanceRatingCode = (typeof RATING_SCALE)[number];

/** MU, U or HU: the ratings that flag a project as a problem project. */
export function isUnsatisfactory(rating: string | null | undefined): boolean {
  return rating === "MU" || rating === "U" || rating === "HU";
}

/** true when `current` is worse than `previous` on the six-point scale. */
export function isDowngrade(previous: string | null | undefined, current: string): boolean {
  if (!previous) return false;
  return (
    RATING_SCALE.indexOf(current as PerformanceRatingCode) > RATING_SCALE.indexOf(previous as PerformanceRatingCode)
  );
}
