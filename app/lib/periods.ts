import { addDays, dayOf, isIsoDay } from "./dates";

/**
 * Reporting periods. An indicator value is reported for one period of the indicator's frequency, aligned on the
 * calendar year: a month ("2026-10"), a quarter ("2026-Q3"), a half-year ("2026-H1") or a year ("2025"). The key
 * travels in the form; the server turns it into the stored periodStart/periodEnd days. Pure and shared by the
 * browser and the server, so the list the officer picks from and the rule the server enforces cannot disagree.
 */

export type Frequency = "MONTHLY" | "QUARTERLY" | "SEMI_ANNUAL" | "ANNUAL";

/**
 * How many days before its last day a period may already be reported. Figures for a period are normally known
 * once it is over; a few days' grace lets an officer who has the final figure (a monthly count closed on the 28th,
 * a year-end survey finished before the holidays) report it before leaving, without opening the door to reporting
 * a period that is still largely ahead. Five days is at most a sixth of the shortest (monthly) period.
 */
export const REPORTING_GRACE_DAYS = 5;

/** How far back the list reaches when an indicator has no baseline date. */
const YEARS_BACK_WITHOUT_BASELINE = 3;

const MONTHS: Record<Frequency, number> = { MONTHLY: 1, QUARTERLY: 3, SEMI_ANNUAL: 6, ANNUAL: 12 };

export type Period = {
  key: string;
  frequency: Frequency;
  year: number;
  /** 1-based position in the year: month 1–12, quarter 1–4, half 1–2, or 1 for a year. */
  index: number;
  /** First and last day, `YYYY-MM-DD`. */
  start: string;
  end: string;
};

const pad = (n: number) => String(n).padStart(2, "0");

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function keyOf(frequency: Frequency, year: number, index: number): string {
  switch (frequency) {
    case "MONTHLY":
      return `${year}-${pad(index)}`;
    case "QUARTERLY":
      return `${year}-Q${index}`;
    case "SEMI_ANNUAL":
      return `${year}-H${index}`;
    case "ANNUAL":
      return String(year);
  }
}

/** The period `index` (1-based) of `year`. */
export function periodOf(frequency: Frequency, year: number, index: number): Period {
  const months = MONTHS[frequency];
  const firstMonth = (index - 1) * months + 1;
  const lastMonth = firstMonth + months - 1;
  return {
    key: keyOf(frequency, year, index),
    frequency,
    year,
    index,
    start: `${year}-${pad(firstMonth)}-01`,
    end: `${year}-${pad(lastMonth)}-${pad(lastDayOfMonth(year, lastMonth))}`,
  };
}

/** The period of `frequency` containing `day`. */
export function periodContaining(frequency: Frequency, day: string): Period {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return periodOf(frequency, year, Math.floor((month - 1) / MONTHS[frequency]) + 1);
}

function next(period: Period): Period {
  const perYear = 12 / MONTHS[period.frequency];
  return period.index < perYear
    ? periodOf(period.frequency, period.year, period.index + 1)
    : periodOf(period.frequency, period.year + 1, 1);
}

const KEY_PATTERNS: Record<Frequency, RegExp> = {
  MONTHLY: /^(\d{4})-(0[1-9]|1[0-2])$/,
  QUARTERLY: /^(\d{4})-Q([1-4])$/,
  SEMI_ANNUAL: /^(\d{4})-H([12])$/,
  ANNUAL: /^(\d{4})()$/,
};

/** The period a key names, or null when the key is not a period of this frequency. */
export function parsePeriodKey(frequency: Frequency, key: string): Period | null {
  const match = KEY_PATTERNS[frequency].exec(key.trim());
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1900 || year > 2200) return null;
  return periodOf(frequency, year, match[2] ? Number(match[2]) : 1);
}

/** The period exactly covering the stored start and end days, or null (older values may cover other spans). */
export function periodForDays(frequency: Frequency, start: Date | string, end: Date | string): Period | null {
  const startDay = dayOf(start);
  const period = periodContaining(frequency, startDay);
  return period.start === startDay && period.end === dayOf(end) ? period : null;
}

export type PeriodRules = {
  frequency: Frequency;
  /** `YYYY-MM-DD` or null. */
  baselineDate: string | null;
  targetDate: string | null;
  /** Today, `YYYY-MM-DD` (the server's day; the browser gets it from the loader). */
  today: string;
};

export type PeriodRefusal = "notEnded" | "beforeBaseline" | "afterTarget";

/** The first day a period may be reported: its last day minus the grace. */
export function reportableFrom(period: Period): string {
  return addDays(period.end, -REPORTING_GRACE_DAYS);
}

/**
 * Why a period cannot be reported, or null when it can. A period that ends on or before the baseline date is
 * already measured by the baseline; one that starts after the end target date is outside the results framework.
 */
export function periodRefusal(period: Period, rules: PeriodRules): PeriodRefusal | null {
  if (rules.baselineDate && period.end <= rules.baselineDate) return "beforeBaseline";
  if (rules.targetDate && period.start > rules.targetDate) return "afterTarget";
  if (rules.today < reportableFrom(period)) return "notEnded";
  return null;
}

/**
 * The periods an officer may pick, newest first: from the one after the baseline to the last one that has ended
 * (with the grace) and does not start after the end target date.
 */
export function reportablePeriods(rules: PeriodRules): Period[] {
  const fromDay =
    rules.baselineDate && isIsoDay(rules.baselineDate)
      ? rules.baselineDate
      : `${Number(rules.today.slice(0, 4)) - YEARS_BACK_WITHOUT_BASELINE}-01-01`;
  const out: Period[] = [];
  // Bounded: at most 12 a year over the span, and the loop stops at the first period not yet reportable.
  for (let p = periodContaining(rules.frequency, fromDay); out.length < 1200; p = next(p)) {
    const refusal = periodRefusal(p, rules);
    if (refusal === "notEnded" || refusal === "afterTarget") break;
    if (refusal === null) out.push(p);
  }
  return out.reverse();
}

/** The period currently running (not reportable yet), to tell the officer when it opens; null past the target. */
export function nextReportablePeriod(rules: PeriodRules): Period | null {
  let p = periodContaining(rules.frequency, rules.today);
  if (rules.today >= reportableFrom(p)) p = next(p);
  if (rules.targetDate && p.start > rules.targetDate) return null;
  return p;
}
