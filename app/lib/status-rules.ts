/**
 * The portfolio status board's colour rules. Pure (no I/O): the board, the home page and the CPF view call
 * `assessProjectStatus` with what they loaded; the unit tests call it with hand-made projects. The README section
 * "Status board rules" describes exactly this code: change both together.
 *
 * A project gets the worst colour any rule gives it, and the list of every rule that fired (its reasons).
 *
 * - COMPLETED: status CLOSED or CANCELLED (a cancelled project is "completed" with the reason `cancelled`);
 *   no other rule is evaluated. Archived projects never reach the board.
 * - PIPELINE and ACTIVE projects go through the same rules (a pipeline project normally has no ratings and no
 *   verified values, so it is GREEN unless a preparation milestone is late); the closing-date rule applies to
 *   ACTIVE projects only.
 *
 * RED when any of:
 *   R1 `ratingUnsatisfactory`  the latest rating's PDO or IP rating is U or HU;
 *   R2 `milestonesOverdueLong` an open milestone (not COMPLETED / CANCELLED) is overdue by more than 90 days;
 *   R3 `pdoIndicatorsFarBehind` two or more PDO indicators are more than 25 percentage points behind trajectory;
 *   R4 `closingDatePassed`     the project is ACTIVE and its closing date (revised, else original) is before today.
 * AMBER when any of:
 *   A1 `ratingModeratelyUnsatisfactory` the latest rating's PDO or IP rating is MU;
 *   A2 `milestonesOverdue`     an open milestone is overdue by 1 to 90 days (milestones counted by R2 are not counted again);
 *   A3 `milestonesSlipped`     an open milestone's current due date is more than 180 days after its baseline;
 *   A4 `indicatorsBehind`      an indicator (PDO or intermediate) is more than 10 points behind trajectory
 *                              (indicators already counted by R3 are not counted again);
 *   A5 `ratingDowngraded`      the latest rating's PDO or IP rating is worse than the previous rating's.
 * GREEN otherwise.
 *
 * "Behind trajectory": for an indicator with a baseline value and date, an end target value and date, a measure
 * other than QUALITATIVE and at least one VERIFIED value, take the latest verified value (by period end) and compare
 * its progress towards the target (`progressTowardsTarget`) with where a straight line from baseline to target says
 * it should have been at that value's period end (`expectedProgressShare`). The gap, in percentage points, is
 * (expected − progress) × 100, rounded to 6 decimals (so that 0.5 − 0.4 is exactly 10). The trajectory is read at the
 * value's own period end, not today: a reporting lag is the "who hasn't reported" page's concern, not a colour.
 * Indicators that cannot be assessed are ignored.
 *
 * Days are whole UTC days (`daysBetween`); "overdue by N days" = today − current due date.
 */
import { dayOf, daysBetween } from "./dates";
import { expectedProgressShare, isDowngrade, isMilestoneOverdue, progressTowardsTarget, slipDays } from "./metrics";

export const STATUS_COLOURS = ["RED", "AMBER", "GREEN", "COMPLETED"] as const;
export type StatusColour = (typeof STATUS_COLOURS)[number];

/** Thresholds, named so that the README, the code and the tests speak of the same numbers. */
export const STATUS_THRESHOLDS = {
  /** R2: overdue by more than this many days is red. */
  overdueRedDays: 90,
  /** A3: slipped from the baseline by more than this many days is amber. */
  slipAmberDays: 180,
  /** R3: a PDO indicator more than this many points behind counts towards red. */
  indicatorRedPoints: 25,
  /** R3: how many such PDO indicators make a project red. */
  indicatorRedCount: 2,
  /** A4: any indicator more than this many points behind is amber. */
  indicatorAmberPoints: 10,
} as const;

export type ReasonCode =
  | "closed"
  | "cancelled"
  | "ratingUnsatisfactory"
  | "milestonesOverdueLong"
  | "pdoIndicatorsFarBehind"
  | "closingDatePassed"
  | "ratingModeratelyUnsatisfactory"
  | "milestonesOverdue"
  | "milestonesSlipped"
  | "indicatorsBehind"
  | "ratingDowngraded";

/**
 * Why a project has its colour. `code` is the i18n key under `portfolio.reasons`; `values` are its interpolation
 * values (counts, days, points, rating codes; `date` is an ISO date the UI formats).
 */
export type StatusReason = {
  code: ReasonCode;
  severity: "red" | "amber" | "info";
  values: Record<string, string | number>;
};

export type StatusAssessment = { colour: StatusColour; reasons: StatusReason[] };

type DateLike = Date | string;

export type RatingInput = { ratedOn: DateLike; pdoRating: string; ipRating: string };

export type StatusInput = {
  status: "PIPELINE" | "ACTIVE" | "CLOSED" | "CANCELLED";
  closingOriginalDate: DateLike | null;
  closingRevisedDate: DateLike | null;
  /** The project's ratings in any order; only the latest two matter. */
  ratings: RatingInput[];
  milestones: { title: string; baselineDueDate: DateLike; currentDueDate: DateLike; status: string }[];
  indicators: {
    code: string;
    /** Named in the reason a reader sees (names before codes); the code stands in where a caller has no name. */
    name?: string;
    type: "PDO" | "INTERMEDIATE";
    measure: string;
    ascending: boolean;
    baselineValue: number | null;
    baselineDate: DateLike | null;
    targetValue: number | null;
    targetDate: DateLike | null;
    /** The latest VERIFIED value (by period end), or null when none. */
    latestVerified: { periodEnd: DateLike; value: number } | null;
  }[];
};

const RATING_FIELDS = [
  ["PDO", "pdoRating"],
  ["IP", "ipRating"],
] as const;

function time(value: DateLike): number {
  return (typeof value === "string" ? new Date(value) : value).getTime();
}

/** The latest two ratings, newest first (ties keep input order). */
export function latestRatings(ratings: RatingInput[]): [RatingInput | undefined, RatingInput | undefined] {
  const sorted = [...ratings].sort((a, b) => time(b.ratedOn) - time(a.ratedOn));
  return [sorted[0], sorted[1]];
}

/**
 * How far an indicator is behind its linear trajectory, in percentage points (positive = behind), or null when it
 * cannot be assessed (qualitative, missing baseline/target/dates, no verified value).
 */
export function indicatorGapPoints(indicator: StatusInput["indicators"][number]): number | null {
  if (indicator.measure === "QUALITATIVE" || !indicator.latestVerified) return null;
  const progress = progressTowardsTarget({
    baseline: indicator.baselineValue,
    target: indicator.targetValue,
    actual: indicator.latestVerified.value,
    ascending: indicator.ascending,
  });
  const expected = expectedProgressShare({
    baselineDate: indicator.baselineDate,
    targetDate: indicator.targetDate,
    on: indicator.latestVerified.periodEnd,
  });
  if (progress === null || expected === null) return null;
  return Math.round((expected - progress) * 100 * 1e6) / 1e6;
}

/** R1, A1, A5: the latest rating's PDO and IP scores, and their change since the previous rating. */
function ratingReasons(ratings: RatingInput[]): StatusReason[] {
  const reasons: StatusReason[] = [];
  const [latest, previous] = latestRatings(ratings);
  if (!latest) return reasons;
  for (const [kind, field] of RATING_FIELDS) {
    const rating = latest[field];
    if (rating === "U" || rating === "HU") {
      reasons.push({ code: "ratingUnsatisfactory", severity: "red", values: { kind, rating } });
    } else if (rating === "MU") {
      reasons.push({ code: "ratingModeratelyUnsatisfactory", severity: "amber", values: { kind, rating } });
    }
    if (previous && isDowngrade(previous[field], rating)) {
      reasons.push({
        code: "ratingDowngraded",
        severity: "amber",
        values: { kind, from: previous[field], to: rating },
      });
    }
  }
  return reasons;
}

/** The count, and the worst (first) entry's days and title, of a list sorted worst first. */
function worstOf(list: Array<{ title: string; days: number }>) {
  return { count: list.length, days: list[0].days, title: list[0].title };
}

/** R2, A2, A3: open milestones overdue (long or short) and slipped from their baseline. */
function milestoneReasons(milestones: StatusInput["milestones"], today: Date): StatusReason[] {
  const T = STATUS_THRESHOLDS;
  const reasons: StatusReason[] = [];
  const open = milestones.filter((m) => m.status !== "COMPLETED" && m.status !== "CANCELLED");
  const overdue = open
    .filter((m) => isMilestoneOverdue(m, today))
    .map((m) => ({ title: m.title, days: daysBetween(m.currentDueDate, today) }))
    .sort((a, b) => b.days - a.days);
  const overdueLong = overdue.filter((m) => m.days > T.overdueRedDays);
  const overdueShort = overdue.filter((m) => m.days <= T.overdueRedDays);
  if (overdueLong.length > 0) {
    reasons.push({ code: "milestonesOverdueLong", severity: "red", values: worstOf(overdueLong) });
  }
  if (overdueShort.length > 0) {
    reasons.push({ code: "milestonesOverdue", severity: "amber", values: worstOf(overdueShort) });
  }
  const slipped = open
    .map((m) => ({ title: m.title, days: slipDays(m) }))
    .filter((m) => m.days > T.slipAmberDays)
    .sort((a, b) => b.days - a.days);
  if (slipped.length > 0) {
    reasons.push({ code: "milestonesSlipped", severity: "amber", values: worstOf(slipped) });
  }
  return reasons;
}

/** R3, A4: indicators behind their trajectory (those counted for red are not counted again for amber). */
function indicatorReasons(indicators: StatusInput["indicators"]): StatusReason[] {
  const T = STATUS_THRESHOLDS;
  const reasons: StatusReason[] = [];
  const gaps = indicators
    .map((indicator) => ({ indicator, gap: indicatorGapPoints(indicator) }))
    .filter((g): g is { indicator: StatusInput["indicators"][number]; gap: number } => g.gap !== null);
  const pdoFar = gaps.filter((g) => g.indicator.type === "PDO" && g.gap > T.indicatorRedPoints);
  const redCounted = new Set<string>(pdoFar.length >= T.indicatorRedCount ? pdoFar.map((g) => g.indicator.code) : []);
  if (redCounted.size > 0) {
    reasons.push({
      code: "pdoIndicatorsFarBehind",
      severity: "red",
      values: { count: pdoFar.length, points: Math.round(Math.max(...pdoFar.map((g) => g.gap))) },
    });
  }
  const behind = gaps.filter((g) => g.gap > T.indicatorAmberPoints && !redCounted.has(g.indicator.code));
  if (behind.length > 0) {
    const worst = behind.reduce((a, b) => (b.gap > a.gap ? b : a));
    reasons.push({
      code: "indicatorsBehind",
      severity: "amber",
      values: {
        count: behind.length,
        points: Math.round(worst.gap),
        indicator: worst.indicator.name ?? worst.indicator.code,
      },
    });
  }
  return reasons;
}

/** R4: an ACTIVE project past its closing date (revised, else original). */
function closingReasons(project: StatusInput, today: Date): StatusReason[] {
  const closing = project.closingRevisedDate ?? project.closingOriginalDate;
  if (project.status !== "ACTIVE" || !closing || daysBetween(closing, today) <= 0) return [];
  return [{ code: "closingDatePassed", severity: "red", values: { date: dayOf(new Date(closing)) } }];
}

const SEVERITY_ORDER = { red: 0, amber: 1, info: 2 } as const;

export function assessProjectStatus(project: StatusInput, today: Date = new Date()): StatusAssessment {
  if (project.status === "CLOSED")
    return { colour: "COMPLETED", reasons: [{ code: "closed", severity: "info", values: {} }] };
  if (project.status === "CANCELLED") {
    return { colour: "COMPLETED", reasons: [{ code: "cancelled", severity: "info", values: {} }] };
  }
  const reasons = [
    ...ratingReasons(project.ratings),
    ...milestoneReasons(project.milestones, today),
    ...indicatorReasons(project.indicators),
    ...closingReasons(project, today),
  ];
  reasons.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const colour: StatusColour = reasons.some((r) => r.severity === "red")
    ? "RED"
    : reasons.some((r) => r.severity === "amber")
      ? "AMBER"
      : "GREEN";
  return { colour, reasons };
}
