import { dayOf } from "~/lib/dates";
import { memoizeForRequest } from "~/lib/request.server";
import type { StatusAssessment } from "~/lib/status-rules";
import { assessProjects } from "~/models/board.server";
import { stateKey } from "~/lib/state-cache.server";
import { getProjectHeader } from "./overview.server";

/**
 * One project's board colour and reasons. It goes through the board's own `assessProjects` (same query, same
 * rules), so the project header, the printable report and the portfolio workbook can never disagree with the board.
 * Null when there is no such project.
 */
export async function getProjectStatus(projectId: string, today: Date = new Date()): Promise<StatusAssessment | null> {
  const [assessed] = await assessProjects({ id: projectId }, today);
  return assessed ? { colour: assessed.colour, reasons: assessed.reasons } : null;
}

type Heading = { project: Awaited<ReturnType<typeof getProjectHeader>>; board: StatusAssessment | null };

/** Projects whose heading is kept; past it the cache starts over (a heading is a few hundred bytes). */
const HEADINGS_KEPT = 2000;
const headings = { key: "", entries: new Map<string, Promise<Heading>>() };

/**
 * What every tab of a project shows above itself: the header and the board's colour and reasons. Exact cache, as
 * for the board (portfolio-status.server.ts): every write appends to the audit chain in its own transaction, so
 * the chain's head (read before the project) and the day name the state a heading was computed from; a new head
 * drops every entry. Read once per request (the layout, the report). Throws NotFoundError for no such project.
 */
export function getProjectHeading(projectId: string, today: Date = new Date()): Promise<Heading> {
  return memoizeForRequest(`heading:${projectId}`, async () => {
    const key = `${await stateKey()}|${dayOf(today)}`;
    if (key !== headings.key || headings.entries.size >= HEADINGS_KEPT) {
      headings.key = key;
      headings.entries.clear();
    }
    const cached = headings.entries.get(projectId);
    if (cached) return cached;
    const fresh = Promise.all([getProjectHeader(projectId), getProjectStatus(projectId, today)]).then(
      ([project, board]) => ({ project, board }),
    );
    headings.entries.set(projectId, fresh);
    // A failed read (no such project) is not kept.
    fresh.catch(() => {
      if (headings.entries.get(projectId) === fresh) headings.entries.delete(projectId);
    });
    return fresh;
  });
}
