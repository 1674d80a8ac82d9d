import type { AssessedProject } from "../board.server";

/** The home page lists at most this many of the projects the actor can see, and says how many there are. */
export const VISIBLE_PROJECTS_LIMIT = 50;

/** Status as the database orders it (the enum is stored as text): ACTIVE, CANCELLED, CLOSED, PIPELINE. */
const byStatusThenCode = (a: AssessedProject, b: AssessedProject) =>
  a.status === b.status ? compareText(a.code, b.code) : compareText(a.status, b.status);
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The projects the actor may see (the first `limit`, by status then code) and their number. They come from the
 * portfolio the home page has already read (`assessVisibleProjects`: visible and not archived, cached per state of
 * the database), so the list costs no read of its own.
 */
export function visibleProjectSummaries(visible: AssessedProject[], limit: number = VISIBLE_PROJECTS_LIMIT) {
  const items = [...visible]
    .sort(byStatusThenCode)
    .slice(0, limit)
    .map(({ id, code, name, institution, status, agency }) => ({ id, code, name, institution, status, agency }));
  return { items, total: visible.length };
}
