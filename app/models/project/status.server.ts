import type { StatusAssessment } from "~/lib/status-rules";
import { assessProjects } from "~/models/board.server";

/**
 * One project's board colour and reasons. It goes through the board's own `assessProjects` (same query, same
 * rules), so the project header, the printable report and the portfolio workbook can never disagree with the board.
 * Null when there is no such project.
 */
export async function getProjectStatus(projectId: string, today: Date = new Date()): Promise<StatusAssessment | null> {
  const [assessed] = await assessProjects({ id: projectId }, today);
  return assessed ? { colour: assessed.colour, reasons: assessed.reasons } : null;
}
