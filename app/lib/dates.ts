/**
 * Calendar days. Qadam stores a day (a due date, a period end, a rating date) as 00:00 UTC of that day and
 * exchanges it as `YYYY-MM-DD` (what <input type="date"> sends). Every day computation goes through here.
 */

export const DAY_MS = 86_400_000;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Is `value` a real calendar day written `YYYY-MM-DD` (2026-02-30 is not)? */
export function isIsoDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** `YYYY-MM-DD` of a stored instant or an ISO string (UTC). */
export function dayOf(value: Date | string): string {
  return (typeof value === "string" ? value : value.toISOString()).slice(0, 10);
}

/** Like `dayOf`, for optional dates. */
export function dayOrNull(value: Date | string | null | undefined): string | null {
  return value ? dayOf(value) : null;
}

/** A `YYYY-MM-DD` day as the stored 00:00 UTC instant. */
export function dayToDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** Today (UTC) as `YYYY-MM-DD`. */
export function todayIsoDay(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Today as a stored day (00:00 UTC). */
export function todayUtc(now: Date = new Date()): Date {
  return dayToDate(todayIsoDay(now));
}

/** The day `days` after `day` (negative: before). */
export function addDays(day: string, days: number): string {
  return dayOf(new Date(dayToDate(day).getTime() + days * DAY_MS));
}

/** Whole UTC days since 1970-01-01: subtracting two gives the days between them, ignoring the time of day. */
export function toUtcDay(value: Date | string): number {
  const d = typeof value === "string" ? new Date(value) : value;
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) / DAY_MS);
}

/** Days between two dates (b − a), ignoring time of day. */
export function daysBetween(a: Date | string, b: Date | string): number {
  return toUtcDay(b) - toUtcDay(a);
}
