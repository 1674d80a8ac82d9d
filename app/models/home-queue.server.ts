import { cell, readRows } from "~/lib/sql.server";
import { cachedPerState } from "~/lib/state-cache.server";

/**
 * The manager's review queue as the home page shows it: how many submissions of others wait for review and the
 * oldest few. The same rows as the review queue (SUBMITTED updates and values on visible, non-archived projects, not
 * the actor's own); the home page shows a title, a code, a name and a date, not the evidence and history the queue
 * page needs for each item.
 */
export type HomeQueueItem = {
  kind: "milestoneUpdate" | "indicatorValue";
  id: string;
  title: string;
  projectCode: string;
  authorName: string;
  submittedAt: string;
};
type Pending = HomeQueueItem & { projectId: string; authorId: string };

// CROSS JOIN fixes the join order (SQLite never reorders it): start from the few submitted rows through the
// (state, submittedAt) index. Left to itself, without statistics, the planner scans every project's indicators and
// all their values.
const PENDING_SQL = `
  SELECT 'milestoneUpdate' AS kind, u.id, m.title, p.id AS projectId, p.code AS projectCode,
         a.id AS authorId, a.name AS authorName, u.submittedAt
  FROM "MilestoneUpdate" u
  CROSS JOIN "Milestone" m ON m.id = u.milestoneId
  CROSS JOIN "Project" p ON p.id = m.projectId
  CROSS JOIN "User" a ON a.id = u.authorId
  WHERE u.reviewState = 'SUBMITTED' AND p.archivedAt IS NULL
  UNION ALL
  SELECT 'indicatorValue' AS kind, v.id, i.name AS title, p.id AS projectId, p.code AS projectCode,
         a.id AS authorId, a.name AS authorName, v.submittedAt
  FROM "IndicatorValue" v
  CROSS JOIN "Indicator" i ON i.id = v.indicatorId
  CROSS JOIN "Project" p ON p.id = i.projectId
  CROSS JOIN "User" a ON a.id = v.reporterId
  WHERE v.state = 'SUBMITTED' AND p.archivedAt IS NULL
  ORDER BY submittedAt ASC, kind DESC`;

async function readPending(): Promise<Pending[]> {
  const rows = await readRows(PENDING_SQL);
  return rows.map((row) => ({
    kind: cell.text(row, "kind") === "milestoneUpdate" ? "milestoneUpdate" : "indicatorValue",
    id: cell.text(row, "id"),
    title: cell.text(row, "title"),
    projectId: cell.text(row, "projectId"),
    projectCode: cell.text(row, "projectCode"),
    authorId: cell.text(row, "authorId"),
    authorName: cell.text(row, "authorName"),
    submittedAt: cell.date(row, "submittedAt").toISOString(),
  }));
}

/**
 * Every submission waiting for review, oldest first, read once per state of the database (every submission and
 * every decision appends an audit event, so the cache is exact) and narrowed per request: counting the queue in SQL
 * for each manager cost more than the rest of the page.
 */
export async function homeReviewQueue(actorId: string, visibleProjectIds: ReadonlySet<string>, limit: number) {
  const pending = await cachedPerState("home-review-queue", readPending);
  const items: HomeQueueItem[] = [];
  let total = 0;
  for (const { projectId, authorId, ...item } of pending) {
    if (authorId === actorId || !visibleProjectIds.has(projectId)) continue;
    total += 1;
    if (items.length < limit) items.push(item);
  }
  return { items, total };
}
