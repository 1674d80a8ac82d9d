import { dayOf } from "~/lib/dates";
import { cell, readFirst } from "~/lib/sql.server";
import { canViewProject, type Actor } from "~/lib/permissions";
import { assessProjects, type AssessedProject, type BoardFilters } from "./board.server";

/**
 * Every non-archived project's board colour and reasons, computed once per state of the database and shared by the
 * board, the home pages and the CPF view.
 *
 * The cache is exact, not timed: every write in Qadam appends an event to the audit chain in the same transaction,
 * so the chain's head (seq and hash) names the state the colours were computed from; the day is part of the key
 * because overdue and closing-date rules count whole days. The head is read before the projects, so what is cached
 * under a key is never older than the key; a write in another process (or instance) moves the head, and the next
 * request recomputes. Concurrent requests on a new head share one computation.
 */
type Entry = { key: string; projects: Promise<AssessedProject[]> };
let entry: Entry | null = null;

/** The audit chain's head as a cache key: it changes with every write. */
export async function stateKey(): Promise<string> {
  // Asked on every page that shows colours: plain SQL (lib/sql.server.ts), the cheapest read there is.
  const head = await readFirst(`SELECT seq, hash FROM "AuditEvent" ORDER BY seq DESC LIMIT 1`);
  return head ? `${cell.number(head, "seq")}:${cell.text(head, "hash")}` : "empty";
}

export async function assessPortfolio(today: Date = new Date()): Promise<AssessedProject[]> {
  const key = `${await stateKey()}|${dayOf(today)}`;
  if (entry?.key === key) return entry.projects;
  const projects = assessProjects({ archivedAt: null }, today);
  const fresh: Entry = { key, projects };
  entry = fresh;
  // A failed computation is not kept: the next request tries again.
  projects.catch(() => {
    if (entry === fresh) entry = null;
  });
  return projects;
}

/**
 * The assessed projects an actor may see, narrowed by the board's filters. Visibility is decided by the same pure
 * rule as everywhere else (`canViewProject`, which `projectWhereForActor` mirrors for queries).
 */
export async function assessVisibleProjects(
  actor: Actor,
  filters: BoardFilters = {},
  today: Date = new Date(),
): Promise<AssessedProject[]> {
  const all = await assessPortfolio(today);
  return all.filter(
    (p) =>
      canViewProject(actor, p) &&
      (!filters.frameworkId || p.frameworkId === filters.frameworkId) &&
      (!filters.institution || p.institution === filters.institution),
  );
}
