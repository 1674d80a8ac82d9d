import type { Row } from "@libsql/client";
import type { Actor } from "~/lib/permissions";
import { projectScopeSql } from "~/lib/permissions.server";
import { cell, jsonList, readFirst, readRows } from "~/lib/sql.server";
import { cachedPerStateAndScope } from "~/lib/state-cache.server";
import type { EvidenceChip } from "~/models/evidence.server";
import { parseStoredLinks } from "~/schemas/fields";
import { MILESTONE_STATUSES } from "~/schemas/milestone";
import type { ReviewQueueItem } from "./queue.server";

/**
 * The review queue page by page: pending milestone updates and indicator values in the manager's scope (archived
 * projects excepted: they are read-only), both kinds in one list, oldest first. The database counts the queue and
 * picks the page's items; only those items are then read in full. Plain SQL (lib/sql.server.ts): these reads run
 * on every visit of the queue, and a read through Prisma costs about ten times as much.
 */

/**
 * Items per page of the queue: about what a small office has waiting at once, so a page costs the same to show on
 * any portfolio (a card with its decision form is ~3 KB of HTML); the rest is a page away ("showing N of M").
 */
export const REVIEW_PAGE_SIZE = 10;

export type ReviewQueuePage = {
  items: ReviewQueueItem[];
  /** Waiting in the actor's scope, by kind (exact, not capped). */
  totals: { milestoneUpdate: number; indicatorValue: number };
  paging: { page: number; pages: number; from: number; to: number; total: number };
};

/**
 * The two kinds' pending rows, each with its project joined for the scope, as one list to order and count. CROSS
 * JOIN fixes SQLite's join order: from the few pending rows (index on state) to their project. Left to choose,
 * it starts from the projects and reads every value of every indicator (seconds on a large portfolio).
 */
function pendingSql(actor: Actor) {
  const scope = projectScopeSql(actor, "p");
  const sql = `
    SELECT 'milestoneUpdate' AS kind, u.id AS id, u.submittedAt AS submittedAt, p.id AS projectId
      FROM MilestoneUpdate u CROSS JOIN Milestone m ON m.id = u.milestoneId CROSS JOIN Project p ON p.id = m.projectId
     WHERE u.reviewState = 'SUBMITTED' AND p.archivedAt IS NULL AND ${scope.sql}
    UNION ALL
    SELECT 'indicatorValue', v.id, v.submittedAt, p.id
      FROM IndicatorValue v CROSS JOIN Indicator i ON i.id = v.indicatorId CROSS JOIN Project p ON p.id = i.projectId
     WHERE v.state = 'SUBMITTED' AND p.archivedAt IS NULL AND ${scope.sql}`;
  return { sql, args: [...scope.args, ...scope.args] };
}

type PendingKey = { kind: "milestoneUpdate" | "indicatorValue"; id: string; projectId: string };

async function readPendingKeys(actor: Actor): Promise<PendingKey[]> {
  const pending = pendingSql(actor);
  const rows = await readRows(`${pending.sql} ORDER BY submittedAt ASC, id ASC`, pending.args);
  return rows.map((row) => ({
    kind: cell.oneOf(row, "kind", ["milestoneUpdate", "indicatorValue"]),
    id: cell.text(row, "id"),
    projectId: cell.text(row, "projectId"),
  }));
}

/**
 * Every pending item of the actor's scope, in queue order: kind and id only (a few thousand short strings on the
 * largest portfolio). Counting them means visiting each one's project, so the list is kept per state of the
 * database (lib/state-cache.server.ts: exact, a decision moves the chain's head) and per scope, and every page and
 * count is read from it.
 */
const PENDING_CACHE_SCOPES = 64;

function pendingKeys(actor: Actor): Promise<PendingKey[]> {
  const scope = projectScopeSql(actor, "p");
  const scopeKey = `${scope.sql}:${scope.args.join(",")}`;
  return cachedPerStateAndScope("review-queue", scopeKey, () => readPendingKeys(actor), "", PENDING_CACHE_SCOPES);
}

/** Dates are stored as ISO-8601 text: the page carries them as `toISOString()` strings. */
const iso = (row: Row, column: string) => new Date(cell.text(row, column)).toISOString();
const isoOrNull = (row: Row, column: string) => {
  const value = cell.textOrNull(row, column);
  return value === null ? null : new Date(value).toISOString();
};

function updateRows(ids: string[]) {
  return readRows(
    `SELECT u.id, u.version, u.submittedAt, u.authorId, a.name AS authorName, u.reviewComment,
            u.proposedStatus, u.proposedPercent, u.proposedDueDate, u.dueDateReason, u.narrative, u.evidenceLinks,
            m.id AS milestoneId, m.title, m.status, m.percentComplete, m.currentDueDate,
            p.id AS projectId, p.code AS projectCode, p.name AS projectName
       FROM MilestoneUpdate u JOIN User a ON a.id = u.authorId
       JOIN Milestone m ON m.id = u.milestoneId JOIN Project p ON p.id = m.projectId
      WHERE u.id IN (SELECT value FROM json_each(?))`,
    [jsonList(ids)],
  );
}

function valueRows(ids: string[]) {
  // Only the latest verified value is shown next to the proposal: that one, not the indicator's whole series.
  return readRows(
    `SELECT v.id, v.version, v.submittedAt, v.reporterId, r.name AS reporterName,
            v.periodStart, v.periodEnd, v.value, v.comment, v.evidenceLinks,
            i.id AS indicatorId, i.code, i.name, i.unit, i.baselineValue, i.targetValue,
            p.id AS projectId, p.code AS projectCode, p.name AS projectName,
            (SELECT l.periodEnd || '|' || l.value FROM IndicatorValue l
              WHERE l.indicatorId = i.id AND l.state = 'VERIFIED' ORDER BY l.periodEnd DESC LIMIT 1) AS latest
       FROM IndicatorValue v JOIN User r ON r.id = v.reporterId
       JOIN Indicator i ON i.id = v.indicatorId JOIN Project p ON p.id = i.projectId
      WHERE v.id IN (SELECT value FROM json_each(?))`,
    [jsonList(ids)],
  );
}

/**
 * The files attached to the page's submissions, by submission id, oldest first (as the evidence model lists them),
 * in one plain read for both kinds: ids are unique across the two tables.
 */
async function evidenceChips(ids: string[]): Promise<Map<string, EvidenceChip[]>> {
  const chips = new Map<string, EvidenceChip[]>();
  if (ids.length === 0) return chips;
  const rows = await readRows(
    `SELECT id, projectId, name, size, type, subjectId FROM EvidenceFile
      WHERE subjectType IN ('MilestoneUpdate', 'IndicatorValue') AND subjectId IN (SELECT value FROM json_each(?))
      ORDER BY createdAt ASC, id ASC`,
    [jsonList(ids)],
  );
  for (const row of rows) {
    const subjectId = cell.text(row, "subjectId");
    const chip = {
      id: cell.text(row, "id"),
      projectId: cell.text(row, "projectId"),
      name: cell.text(row, "name"),
      size: cell.number(row, "size"),
      type: cell.text(row, "type"),
    };
    chips.set(subjectId, [...(chips.get(subjectId) ?? []), chip]);
  }
  return chips;
}

const projectOf = (row: Row) => ({
  id: cell.text(row, "projectId"),
  code: cell.text(row, "projectCode"),
  name: cell.text(row, "projectName"),
});

function toUpdateItem(row: Row, actor: Actor, files: Map<string, EvidenceChip[]>) {
  const id = cell.text(row, "id");
  const version = cell.number(row, "version");
  const reviewComment = cell.textOrNull(row, "reviewComment");
  const authorId = cell.text(row, "authorId");
  return {
    kind: "milestoneUpdate" as const,
    id,
    version,
    submittedAt: iso(row, "submittedAt"),
    authorName: cell.text(row, "authorName"),
    ownSubmission: authorId === actor.id,
    resubmitted: version > 1 && reviewComment !== null,
    previousComment: reviewComment,
    project: projectOf(row),
    milestone: {
      id: cell.text(row, "milestoneId"),
      title: cell.text(row, "title"),
      status: cell.oneOf(row, "status", MILESTONE_STATUSES),
      percentComplete: cell.number(row, "percentComplete"),
      currentDueDate: iso(row, "currentDueDate"),
    },
    proposed: {
      status: cell.oneOf(row, "proposedStatus", MILESTONE_STATUSES),
      percent: cell.number(row, "proposedPercent"),
      dueDate: isoOrNull(row, "proposedDueDate"),
      dueDateReason: cell.textOrNull(row, "dueDateReason"),
      narrative: cell.text(row, "narrative"),
      evidenceLinks: parseStoredLinks(cell.text(row, "evidenceLinks")),
      evidenceFiles: files.get(id) ?? [],
    },
  } satisfies ReviewQueueItem;
}

/** "periodEnd|value" of the latest verified value, as the subquery gives it. */
function latestActual(latest: string | null) {
  if (latest === null) return null;
  const bar = latest.lastIndexOf("|");
  return { value: Number(latest.slice(bar + 1)), periodEnd: new Date(latest.slice(0, bar)).toISOString() };
}

function toValueItem(row: Row, actor: Actor, files: Map<string, EvidenceChip[]>) {
  const id = cell.text(row, "id");
  const reporterId = cell.text(row, "reporterId");
  return {
    kind: "indicatorValue" as const,
    id,
    version: cell.number(row, "version"),
    submittedAt: iso(row, "submittedAt"),
    authorName: cell.text(row, "reporterName"),
    ownSubmission: reporterId === actor.id,
    project: projectOf(row),
    indicator: {
      id: cell.text(row, "indicatorId"),
      code: cell.text(row, "code"),
      name: cell.text(row, "name"),
      unit: cell.text(row, "unit"),
      baselineValue: cell.numberOrNull(row, "baselineValue"),
      targetValue: cell.numberOrNull(row, "targetValue"),
      latestActual: latestActual(cell.textOrNull(row, "latest")),
    },
    proposed: {
      periodStart: iso(row, "periodStart"),
      periodEnd: iso(row, "periodEnd"),
      value: cell.number(row, "value"),
      comment: cell.text(row, "comment"),
      evidenceLinks: parseStoredLinks(cell.text(row, "evidenceLinks")),
      evidenceFiles: files.get(id) ?? [],
    },
  } satisfies ReviewQueueItem;
}

/** A project of the actor's scope by its code, for the queue of one project; null if there is none they may see. */
export async function reviewProjectByCode(actor: Actor, code: string) {
  const scope = projectScopeSql(actor, "p");
  const row = await readFirst(`SELECT p.id, p.code, p.name FROM "Project" p WHERE p.code = ? AND ${scope.sql}`, [
    code,
    ...scope.args,
  ]);
  return row ? { id: cell.text(row, "id"), code: cell.text(row, "code"), name: cell.text(row, "name") } : null;
}

type QueuePageQuery = {
  actor: Actor;
  page: number;
  /** Only this project's items (the caller has checked the actor may see it). */
  projectId?: string;
  pageSize: number;
};

/**
 * One page of the queue (a page past the end shows the last one), of the whole scope or of one project in it. The
 * counts are exact; the page's items are the `REVIEW_PAGE_SIZE` oldest after the pages before it, of either kind.
 */
async function readReviewQueuePage({ actor, page, projectId, pageSize }: QueuePageQuery): Promise<ReviewQueuePage> {
  const scoped = await pendingKeys(actor);
  const all = projectId ? scoped.filter((key) => key.projectId === projectId) : scoped;
  const totals = { milestoneUpdate: 0, indicatorValue: 0 };
  for (const key of all) totals[key.kind] += 1;
  const total = all.length;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const shown = Math.min(Math.max(1, page), pages);
  const offset = (shown - 1) * pageSize;
  const keys = all.slice(offset, offset + pageSize);
  const updateIds = keys.filter((k) => k.kind === "milestoneUpdate").map((k) => k.id);
  const valueIds = keys.filter((k) => k.kind === "indicatorValue").map((k) => k.id);
  const [updates, values, files] = await Promise.all([
    updateIds.length > 0 ? updateRows(updateIds) : [],
    valueIds.length > 0 ? valueRows(valueIds) : [],
    evidenceChips(keys.map((k) => k.id)),
  ]);
  const byId = new Map<string, ReviewQueueItem>();
  for (const row of updates) byId.set(cell.text(row, "id"), toUpdateItem(row, actor, files));
  for (const row of values) byId.set(cell.text(row, "id"), toValueItem(row, actor, files));
  // In the page's order; an item decided between the two reads is simply not shown.
  const items = keys.flatMap((k) => byId.get(k.id) ?? []);
  return {
    items,
    totals,
    paging: { page: shown, pages, from: offset + 1, to: offset + keys.length, total },
  };
}

/** Pages of the queue kept at once, across managers and pages (each about 10 items). */
const QUEUE_CACHE_PAGES = 100;

/**
 * One page of the queue, kept per state of the database (exact: a decision or a submission moves the chain's head),
 * reviewer, page and project: the page's items say whether each is the reviewer's own submission, so the key is the
 * reviewer, whose scope follows from who they are.
 */
export function listReviewQueuePage({
  actor,
  page,
  projectId,
  pageSize = REVIEW_PAGE_SIZE,
}: Omit<QueuePageQuery, "pageSize"> & { pageSize?: number }): Promise<ReviewQueuePage> {
  const query = { actor, page, projectId, pageSize };
  const scope = projectScopeSql(actor, "p");
  const key = JSON.stringify([actor.id, scope.sql, scope.args, page, projectId ?? null, pageSize]);
  return cachedPerStateAndScope("review-queue-page", key, () => readReviewQueuePage(query), "", QUEUE_CACHE_PAGES);
}
