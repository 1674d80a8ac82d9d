// Builds the whole large portfolio in memory (a few hundred MB at the default scale): rows for every table and
// the audit events of every step, in time order, ready to be chained and written.
import { TABLES, type Portfolio, type Reference, type Row, type Scale, type Table } from "./model";
import { planPeople } from "./people";
import { addUpdate, planProject, type ProjectContext } from "./projects";
import { createIds, createRandom, type Random } from "./random";

const DAY = 86_400_000;

/** Picks `count` items spread at random over the list (a partial Fisher–Yates shuffle). */
function choose<T>(items: T[], count: number, random: Random): T[] {
  const copy = [...items];
  const n = Math.min(count, copy.length);
  for (let i = 0; i < n; i++) {
    const j = random.int(i, copy.length - 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, n);
}

export function buildPortfolio(ref: Reference, scale: Scale, seed = 2026): Portfolio {
  const random = createRandom(seed);
  const newId = createIds();
  const rows = Object.fromEntries(TABLES.map((t) => [t, [] as Row[]])) as Record<Table, Row[]>;
  const out: Portfolio = { rows, events: [] };
  // History starts fifteen years back: the oldest closed projects were approved then.
  const start = ref.now - 15 * 365 * DAY;
  const people = planPeople(ref, scale.users, random, newId, start);
  rows.Organization.push(...people.organizations);
  rows.User.push(...people.users);
  out.events.push(...people.events);

  const ctx: ProjectContext = {
    ref,
    scale,
    staff: people.staff,
    random,
    newId,
    out,
    pendingMilestones: [],
    pendingValues: [],
  };
  for (let i = 0; i < scale.projects; i++) planProject(ctx, i);

  // Work waiting for review: recent updates on open milestones, and the latest values left unverified.
  for (const { milestone, author, projectId } of choose(ctx.pendingMilestones, scale.pendingUpdates, random)) {
    const leader = people.staff.byOrganization.get(author.organizationId)?.managers[0] ?? author;
    const percent = Math.min(95, Number(milestone.percentComplete) + 10);
    const submittedAt = ref.now - random.between(1, 30) * DAY;
    addUpdate(ctx, { projectId, leader }, milestone, author, "IN_PROGRESS", percent, submittedAt, "SUBMITTED", false);
  }
  const dropped = new Set<object>();
  for (const pending of choose(ctx.pendingValues, scale.pendingValues, random)) {
    Object.assign(pending.value, {
      state: "SUBMITTED",
      verifierId: null,
      reviewComment: null,
      reviewedAt: null,
      updatedAt: pending.value.submittedAt,
    });
    dropped.add(pending.reviewEvent);
  }
  out.events = out.events.filter((e) => !dropped.has(e));
  // Chained in the order things happened; ties keep the order they were planned in (sort is stable).
  out.events.sort((a, b) => a.at - b.at);
  return out;
}
