import type { Actor } from "~/lib/permissions";
import { projectScopeSql } from "~/lib/permissions.server";
import { cell, readRows } from "~/lib/sql.server";

/**
 * The officer's own submissions on the home page: returned ones (not yet corrected) with the reviewer's comment,
 * and pending ones. Read in plain SQL (lib/sql.server.ts): two statements instead of three reads through Prisma,
 * which cost more than the rest of the officer's page.
 */
export type Submission = {
  kind: "milestoneUpdate" | "indicatorValue";
  id: string;
  state: string;
  title: string;
  href: string;
  projectCode: string;
  submittedAt: string;
  reviewedAt: string | null;
  reviewerName: string | null;
  comment: string | null;
};

/** At most this many of each kind are read (the newest): an officer's open submissions are a handful. */
const OWN_LIMIT = 50;

// A returned update is settled once a newer update on the same milestone exists; a returned value once a newer value
// for the same indicator and period exists. Stored dates are ISO-8601 text, so they compare as text.
function ownUpdates(actor: Actor) {
  const scope = projectScopeSql(actor, "p");
  return readRows(
    `SELECT u.id, u.reviewState AS state, u.reviewComment, u.submittedAt, u.reviewedAt, r.name AS reviewerName,
            m.id AS milestoneId, m.title, p.id AS projectId, p.code AS projectCode,
            EXISTS (SELECT 1 FROM "MilestoneUpdate" n
                     WHERE n.milestoneId = u.milestoneId AND n.id <> u.id AND n.submittedAt > u.submittedAt) AS settled
     FROM "MilestoneUpdate" u
     CROSS JOIN "Milestone" m ON m.id = u.milestoneId
     CROSS JOIN "Project" p ON p.id = m.projectId
     LEFT JOIN "User" r ON r.id = u.reviewerId
     WHERE u.authorId = ? AND u.reviewState IN ('RETURNED', 'SUBMITTED') AND p.archivedAt IS NULL AND ${scope.sql}
     ORDER BY u.submittedAt DESC
     LIMIT ${OWN_LIMIT}`,
    [actor.id, ...scope.args],
  );
}

function ownValues(actor: Actor) {
  const scope = projectScopeSql(actor, "p");
  return readRows(
    `SELECT v.id, v.state, v.reviewComment, v.submittedAt, v.reviewedAt, r.name AS reviewerName,
            i.id AS indicatorId, i.name AS title, p.id AS projectId, p.code AS projectCode,
            EXISTS (SELECT 1 FROM "IndicatorValue" n
                     WHERE n.indicatorId = v.indicatorId AND n.periodEnd = v.periodEnd AND n.id <> v.id
                       AND n.submittedAt > v.submittedAt) AS settled
     FROM "IndicatorValue" v
     CROSS JOIN "Indicator" i ON i.id = v.indicatorId
     CROSS JOIN "Project" p ON p.id = i.projectId
     LEFT JOIN "User" r ON r.id = v.verifierId
     WHERE v.reporterId = ? AND v.state IN ('RETURNED', 'SUBMITTED') AND p.archivedAt IS NULL AND ${scope.sql}
     ORDER BY v.submittedAt DESC
     LIMIT ${OWN_LIMIT}`,
    [actor.id, ...scope.args],
  );
}

type Row = Awaited<ReturnType<typeof ownUpdates>>[number];

/** The fields both kinds share. */
function common(row: Row) {
  return {
    id: cell.text(row, "id"),
    state: cell.text(row, "state"),
    title: cell.text(row, "title"),
    projectCode: cell.text(row, "projectCode"),
    submittedAt: cell.date(row, "submittedAt").toISOString(),
    reviewedAt: cell.dateOrNull(row, "reviewedAt")?.toISOString() ?? null,
    reviewerName: cell.textOrNull(row, "reviewerName"),
    comment: cell.textOrNull(row, "reviewComment"),
  };
}

const open = (row: Row) => cell.text(row, "state") !== "RETURNED" || cell.number(row, "settled") === 0;

function updateSubmission(row: Row): Submission {
  const milestone = `/projects/${cell.text(row, "projectId")}/milestones/${cell.text(row, "milestoneId")}`;
  return { kind: "milestoneUpdate", ...common(row), href: milestone };
}

function valueSubmission(row: Row): Submission {
  const id = cell.text(row, "id");
  const returned = cell.text(row, "state") === "RETURNED";
  const indicator = `/projects/${cell.text(row, "projectId")}/indicators/${cell.text(row, "indicatorId")}`;
  // A returned value opens the indicator page with the form filled with it, next to the reviewer's comment.
  return { kind: "indicatorValue", ...common(row), href: returned ? `${indicator}?correct=${id}#report` : indicator };
}

export async function listOwnSubmissions(actor: Actor) {
  const [updates, values] = await Promise.all([ownUpdates(actor), ownValues(actor)]);
  const all: Submission[] = [
    ...updates.filter(open).map(updateSubmission),
    ...values.filter(open).map(valueSubmission),
  ];
  return {
    returned: all
      .filter((s) => s.state === "RETURNED")
      .sort((a, b) => (b.reviewedAt ?? "").localeCompare(a.reviewedAt ?? "")),
    pending: all.filter((s) => s.state === "SUBMITTED").sort((a, b) => a.submittedAt.localeCompare(b.submittedAt)),
  };
}
