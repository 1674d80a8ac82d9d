/**
 * Who is reminded of what. Pure (no I/O): the reminder job loads the facts and calls these; the unit tests call
 * them with hand-made facts at their boundaries. The README section "Reminders and notifications" describes
 * exactly this code.
 *
 * - Officers: what "Who hasn't reported" lists as missing (the same items, computed by the same code in
 *   models/reporting.server), for which they are responsible, when it is overdue, due today, or due within
 *   `REMINDER_RULES.dueSoonDays` days. Items due later are not mentioned yet. A returned submission does not count as
 *   reported, so the item stays owed and is marked as returned.
 * - Managers: submissions waiting for review for more than `REMINDER_RULES.reviewWaitWorkingDays` working days
 *   (Monday to Friday) that they may review (in scope, not their own); and projects in their scope that are red now
 *   but were not red at their previous digest.
 * - Auditors: the audit chain's head (sequence number and hash), the number of events since their previous digest,
 *   and the result of a full verification.
 * - Everyone: archived projects, deactivated users and projects the person cannot see are left out.
 */
import { addDays, daysBetween, dayOf, toUtcDay } from "./dates";
import { canViewProject, type Actor, type ProjectScope } from "./permissions";

export const REMINDER_RULES = {
  /** An item due within this many days (today excluded) is "due soon". */
  dueSoonDays: 7,
  /** A submission waiting for more than this many working days is listed for its reviewers. */
  reviewWaitWorkingDays: 2,
} as const;

export const DIGEST_FREQUENCIES = ["WEEKLY", "DAILY", "OFF"] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];
export function isDigestFrequency(value: string): value is DigestFrequency {
  return (DIGEST_FREQUENCIES as readonly string[]).includes(value);
}

/** A person who might be reminded. */
export type Recipient = Actor & { name: string; email: string; locale: string; active: boolean };

/** What the rules need to know about a project: who can see it, and whether it is archived. */
export type ProjectFacts = Omit<ProjectScope, "isMember" | "archived"> & {
  id: string;
  code: string;
  name: string;
  archived: boolean;
};

/** An item "Who hasn't reported" lists as missing (the fields of its ReportingItem the rules read). */
export type OwedItem = {
  kind: "milestone" | "indicator";
  id: string;
  projectId: string;
  title: string;
  /** ISO instant of the due date (milestones) or the last day of the current period (indicators). */
  dueDate: string;
  /** As "Who hasn't reported" says: a milestone past its due date, an indicator whose previous period never came. */
  overdue: boolean;
  /** The current reporting period (an overdue indicator's missed period ended the day before it started). */
  period: { start: string; end: string };
  last: { at: string; state: string } | null;
  responsible: Array<{ id: string }>;
};

export type Urgency = "overdue" | "dueToday" | "dueSoon";

/** How urgent an owed item is today, or null when it is not due within the reminder window yet. */
export function urgencyOf(item: Pick<OwedItem, "dueDate" | "overdue">, today: Date): Urgency | null {
  const days = daysBetween(today, item.dueDate);
  if (item.overdue || days < 0) return "overdue";
  if (days === 0) return "dueToday";
  if (days <= REMINDER_RULES.dueSoonDays) return "dueSoon";
  return null;
}

/** The page of an item, inside the app. */
export function itemLink(item: { kind: "milestone" | "indicator"; id: string; projectId: string }): string {
  return `/projects/${item.projectId}/${item.kind === "milestone" ? "milestones" : "indicators"}/${item.id}`;
}

/** Is this person someone to remind about this project at all? */
function reachable(user: Recipient, project: ProjectFacts | undefined): project is ProjectFacts {
  return !!project && user.active && !project.archived && canViewProject(user, project);
}

export type DigestItem = {
  kind: "milestone" | "indicator";
  id: string;
  title: string;
  dueDate: string;
  urgency: Urgency;
  /** The latest submission for it was returned: it is owed again, corrected. */
  returned: boolean;
  link: string;
};
export type DigestProject = { id: string; code: string; name: string; link: string; items: DigestItem[] };
export type OfficerDigest = { projects: DigestProject[]; counts: Record<Urgency, number> };

const URGENCY_ORDER: Record<Urgency, number> = { overdue: 0, dueToday: 1, dueSoon: 2 };

/** The officer's digest: what they owe, grouped by project (most urgent first); null when they owe nothing soon. */
export function officerDigest(args: {
  user: Recipient;
  items: OwedItem[];
  projects: ReadonlyMap<string, ProjectFacts>;
  today: Date;
}): OfficerDigest | null {
  const groups = new Map<string, DigestProject>();
  const counts: Record<Urgency, number> = { overdue: 0, dueToday: 0, dueSoon: 0 };
  for (const item of args.items) {
    if (!item.responsible.some((r) => r.id === args.user.id)) continue;
    const project = args.projects.get(item.projectId);
    if (!reachable(args.user, project)) continue;
    const urgency = urgencyOf(item, args.today);
    if (!urgency) continue;
    const group = groups.get(project.id) ?? {
      id: project.id,
      code: project.code,
      name: project.name,
      link: `/projects/${project.id}`,
      items: [],
    };
    // An indicator is overdue for the period before the current one: name the day that one was due.
    const missedEarlier = urgency === "overdue" && daysBetween(args.today, item.dueDate) >= 0;
    group.items.push({
      kind: item.kind,
      id: item.id,
      title: item.title,
      dueDate: missedEarlier ? addDays(dayOf(item.period.start), -1) : dayOf(item.dueDate),
      urgency,
      returned: item.last?.state === "RETURNED",
      link: itemLink(item),
    });
    counts[urgency]++;
    groups.set(project.id, group);
  }
  if (groups.size === 0) return null;
  const projects = [...groups.values()].sort((a, b) => a.code.localeCompare(b.code));
  for (const p of projects) {
    p.items.sort((a, b) => URGENCY_ORDER[a.urgency] - URGENCY_ORDER[b.urgency] || a.dueDate.localeCompare(b.dueDate));
  }
  return { projects, counts };
}

const isWeekend = (utcDay: number) => {
  const weekday = new Date(utcDay * 86_400_000).getUTCDay();
  return weekday === 0 || weekday === 6;
};

/** Working days (Monday to Friday, UTC) after the day of `from` up to and including the day of `to`. */
export function workingDaysBetween(from: Date | string, to: Date | string): number {
  let count = 0;
  for (let day = toUtcDay(from) + 1; day <= toUtcDay(to); day++) if (!isWeekend(day)) count++;
  return count;
}

/** A submission waiting for review. */
export type PendingSubmission = {
  kind: "milestoneUpdate" | "indicatorValue";
  id: string;
  projectId: string;
  title: string;
  authorId: string;
  authorName: string;
  submittedAt: string;
};

export type ManagerDigest = {
  waiting: Array<PendingSubmission & { workingDays: number; projectCode: string; projectName: string }>;
  turnedRed: Array<{ id: string; code: string; name: string; link: string }>;
  /** Every red project in scope now: what the next digest compares with. */
  redNow: string[];
};

/**
 * The manager's digest: what waits for their review too long, and what turned red since their previous digest
 * (`previousRed`: the red projects recorded then; null before their first digest, when everything red is new).
 * Null for anyone but an active manager.
 */
export function managerDigest(args: {
  user: Recipient;
  pending: PendingSubmission[];
  redProjectIds: string[];
  previousRed: string[] | null;
  projects: ReadonlyMap<string, ProjectFacts>;
  today: Date;
}): ManagerDigest | null {
  if (args.user.role !== "MANAGER" || !args.user.active) return null;
  const waiting = args.pending.flatMap((submission) => {
    const project = args.projects.get(submission.projectId);
    if (!reachable(args.user, project) || submission.authorId === args.user.id) return [];
    const workingDays = workingDaysBetween(submission.submittedAt, args.today);
    if (workingDays <= REMINDER_RULES.reviewWaitWorkingDays) return [];
    return [{ ...submission, workingDays, projectCode: project.code, projectName: project.name }];
  });
  waiting.sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
  const redNow = args.redProjectIds.filter((id) => reachable(args.user, args.projects.get(id)));
  const before = new Set(args.previousRed ?? []);
  const turnedRed = redNow
    .filter((id) => !before.has(id))
    .flatMap((id) => {
      const p = args.projects.get(id);
      return p ? [{ id, code: p.code, name: p.name, link: `/projects/${id}` }] : [];
    })
    .sort((a, b) => a.code.localeCompare(b.code));
  return { waiting, turnedRed, redNow: redNow.sort() };
}

/** True when a manager's digest has something to tell (otherwise only its state is recorded). */
export function managerDigestHasNews(digest: ManagerDigest): boolean {
  return digest.waiting.length > 0 || digest.turnedRed.length > 0;
}

export type ChainFacts = {
  head: { seq: number; hash: string } | null;
  verification: { ok: true; count: number } | { ok: false; count: number; problem: string };
};
export type AuditorDigest = ChainFacts & { eventsSince: number; previousSeq: number | null };

/** The auditor's digest: always sent (writing the head down on schedule is its point). */
export function auditorDigest(args: {
  user: Recipient;
  chain: ChainFacts;
  previousSeq: number | null;
}): AuditorDigest | null {
  if (args.user.role !== "AUDITOR" || !args.user.active) return null;
  const headSeq = args.chain.head?.seq ?? 0;
  return { ...args.chain, previousSeq: args.previousSeq, eventsSince: headSeq - (args.previousSeq ?? 0) };
}

/** The ISO-8601 week of a day, e.g. "2026-W49" (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(day: Date): string {
  const utcDay = toUtcDay(day);
  const weekday = (new Date(utcDay * 86_400_000).getUTCDay() + 6) % 7;
  const thursday = new Date((utcDay - weekday + 3) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((toUtcDay(thursday) - toUtcDay(new Date(Date.UTC(year, 0, 1)))) / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/**
 * The digest period a run on `today` belongs to for this preference, or null when the person wants none. A
 * weekly digest goes out with the first run of each ISO week, a daily one with the first run of each day: the
 * period is the idempotency key, so later runs in the same period write nothing again.
 */
export function digestPeriod(frequency: DigestFrequency, today: Date): string | null {
  if (frequency === "OFF") return null;
  return frequency === "DAILY" ? dayOf(today) : isoWeek(today);
}
