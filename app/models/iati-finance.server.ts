import { addDays, dayOf, dayToDate, daysBetween } from "~/lib/dates";
import { db } from "~/lib/db.server";
import { centsToUsdString } from "~/lib/money";

/**
 * The money of an IATI activity, from what Qadam holds: the commitment spread over budgets of one calendar year at
 * most (IATI's ruleset, rule 7.5.3, refuses a longer budget period), and the disbursements as the changes of the
 * disbursed amount that the audit log recorded, each on its own day — so exporting again yields the same transactions.
 */

export type BudgetPeriod = { start: Date; end: Date; cents: bigint };

/**
 * Budget periods from `start` to `end` (both days included), cut at each 31 December, each given the commitment's
 * share of its days in whole cents; the last period takes the rounding remainder, so the periods add up exactly.
 */
export function annualBudgets(start: Date, end: Date, cents: bigint): BudgetPeriod[] {
  if (end < start || cents <= 0n) return [];
  const periods: Array<{ start: Date; end: Date }> = [];
  const last = dayToDate(dayOf(end));
  for (let from = dayToDate(dayOf(start)); from <= last;) {
    const yearEnd = new Date(Date.UTC(from.getUTCFullYear(), 11, 31));
    const to = yearEnd < last ? yearEnd : last;
    periods.push({ start: from, end: to });
    from = dayToDate(addDays(dayOf(to), 1));
  }
  const totalDays = BigInt(daysBetween(start, end) + 1);
  let given = 0n;
  return periods.map((period, i) => {
    const share =
      i === periods.length - 1
        ? cents - given
        : (cents * BigInt(daysBetween(period.start, period.end) + 1)) / totalDays;
    given += share;
    return { ...period, cents: share };
  });
}

/** A signed amount in US dollars for IATI's `value` (negative when a disbursed amount was corrected downwards). */
export function signedUsd(cents: bigint): string {
  return cents < 0n ? `-${centsToUsdString(-cents)}` : centsToUsdString(cents);
}

export type Disbursement = {
  day: Date;
  cents: bigint;
  /** "recorded": a change the audit log holds; "before-records": what was disbursed before Qadam recorded changes. */
  source: "recorded" | "before-records";
};

type ProjectMoney = { id: string; createdAt: Date; disbursedMinor: bigint };

const PROJECT_ACTIONS = ["project.create", "project.update", "project.archive", "project.restore"];

/** The disbursed amount in an audit snapshot (money is stored as a string of digits), or null when it holds none. */
function disbursedIn(snapshot: string | null): bigint | null {
  if (!snapshot) return null;
  const parsed: unknown = JSON.parse(snapshot);
  if (typeof parsed !== "object" || parsed === null || !("disbursedMinor" in parsed)) return null;
  const value = parsed.disbursedMinor;
  return typeof value === "string" && /^-?\d+$/.test(value) ? BigInt(value) : null;
}

/**
 * Each project's disbursements by day: the audit log's changes of `disbursedMinor` summed per UTC day (days whose
 * changes cancel out are left out). What the recorded changes do not explain — an amount entered before the log
 * recorded projects, or by a data import — is one transaction on the day the project was created in Qadam. The
 * amounts add up to the current disbursed amount.
 */
export async function disbursementsOf(projects: ProjectMoney[]): Promise<Map<string, Disbursement[]>> {
  const events = await db.auditEvent.findMany({
    where: { entityType: "Project", entityId: { in: projects.map((p) => p.id) }, action: { in: PROJECT_ACTIONS } },
    orderBy: { seq: "asc" },
    select: { entityId: true, occurredAt: true, before: true, after: true },
  });
  const byProject = new Map<string, Map<string, bigint>>();
  for (const event of events) {
    const after = disbursedIn(event.after);
    if (after === null) continue;
    const delta = after - (disbursedIn(event.before) ?? 0n);
    if (delta === 0n) continue;
    const days = byProject.get(event.entityId) ?? new Map<string, bigint>();
    const day = dayOf(event.occurredAt);
    days.set(day, (days.get(day) ?? 0n) + delta);
    byProject.set(event.entityId, days);
  }
  const result = new Map<string, Disbursement[]>();
  for (const project of projects) {
    const recorded = [...(byProject.get(project.id) ?? new Map<string, bigint>())]
      .filter(([, cents]) => cents !== 0n)
      .map(([day, cents]): Disbursement => ({ day: dayToDate(day), cents, source: "recorded" }));
    const unexplained = project.disbursedMinor - recorded.reduce((sum, d) => sum + d.cents, 0n);
    const before: Disbursement[] =
      unexplained === 0n
        ? []
        : [{ day: dayToDate(dayOf(project.createdAt)), cents: unexplained, source: "before-records" }];
    result.set(
      project.id,
      [...before, ...recorded].sort((a, b) => a.day.getTime() - b.day.getTime()),
    );
  }
  return result;
}
