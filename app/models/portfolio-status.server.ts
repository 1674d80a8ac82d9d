import { dayOf } from "~/lib/dates";
import { cachedPerState } from "~/lib/state-cache.server";
import { canViewProject, type Actor } from "~/lib/permissions";
import { assessProjects, type AssessedProject, type BoardFilters } from "./board.server";

/**
 * Every non-archived project's board colour and reasons, computed once per state of the database (an exact cache
 * keyed on the audit chain's head, lib/state-cache.server.ts) and shared by the board, the home pages and the CPF
 * view. The day is part of the key because overdue and closing-date rules count whole days.
 */
export function assessPortfolio(today: Date = new Date()): Promise<AssessedProject[]> {
  return cachedPerState("portfolio-status", () => assessProjects({ archivedAt: null }, today), dayOf(today));
}

// One collator: `localeCompare` with a locale argument builds its comparison rules on every call, and sorting a
// portfolio of 2,000 projects by name made thousands of such calls per board request.
const byName = new Intl.Collator("en").compare;

/** The assessed portfolio ordered by project name (the board's order), sorted once per state of the database. */
export function assessPortfolioByName(today: Date = new Date()): Promise<AssessedProject[]> {
  return cachedPerState(
    "portfolio-status-by-name",
    async () => [...(await assessPortfolio(today))].sort((a, b) => byName(a.name, b.name)),
    dayOf(today),
  );
}

/**
 * The assessed projects an actor may see, narrowed by the board's filters, by code (or by name with
 * `order: "name"`). Visibility is decided by the same pure rule as everywhere else (`canViewProject`, which
 * `projectWhereForActor` mirrors for queries).
 */
export async function assessVisibleProjects(
  actor: Actor,
  filters: BoardFilters = {},
  today: Date = new Date(),
  order: "code" | "name" = "code",
): Promise<AssessedProject[]> {
  const all = await (order === "name" ? assessPortfolioByName(today) : assessPortfolio(today));
  return all.filter(
    (p) =>
      canViewProject(actor, p) &&
      (!filters.frameworkId || p.frameworkId === filters.frameworkId) &&
      (!filters.institution || p.institution === filters.institution),
  );
}
