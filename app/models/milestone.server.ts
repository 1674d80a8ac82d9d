import type { Row } from "@libsql/client";
import type { Prisma } from "~/generated/prisma/client";
import { dayOf, dayOrNull, dayToDate, todayUtc } from "~/lib/dates";
import { db } from "~/lib/db.server";
import { InvalidInputError, NotFoundError, VersionConflictError } from "~/lib/errors";
import { isMilestoneOverdue, slipDays } from "~/lib/metrics";
import { ROLES } from "~/lib/permissions";
import { cell, readRows } from "~/lib/sql.server";
import { auditedTransaction, type AuditContext } from "~/models/audit.server";
import type { MilestoneCreateData, MilestoneEditData } from "~/schemas/milestone";

/**
 * What slip, "overdue" and progress need about a milestone: the select every list, report and export of
 * milestones shares.
 */
export const milestoneScheduleSelect = {
  status: true,
  percentComplete: true,
  baselineDueDate: true,
  currentDueDate: true,
  completedOn: true,
} as const satisfies Prisma.MilestoneSelect;

const milestoneSelect = {
  id: true,
  projectId: true,
  title: true,
  description: true,
  ...milestoneScheduleSelect,
  ownerId: true,
  sortOrder: true,
  version: true,
  updatedAt: true,
  owner: { select: { id: true, name: true } },
} as const;

type MilestoneRow = {
  id: string;
  projectId: string;
  title: string;
  description: string;
  baselineDueDate: Date;
  currentDueDate: Date;
  status: string;
  percentComplete: number;
  completedOn: Date | null;
  ownerId: string | null;
  version: number;
  owner: { id: string; name: string } | null;
};

/** What the pages need about a milestone: ISO dates plus the computed slip and overdue flag. */
function toView(row: MilestoneRow, today: Date) {
  return {
    id: row.id,
    projectId: row.projectId,
    title: row.title,
    description: row.description,
    baselineDueDate: row.baselineDueDate.toISOString(),
    currentDueDate: row.currentDueDate.toISOString(),
    status: row.status,
    percentComplete: row.percentComplete,
    completedOn: row.completedOn?.toISOString() ?? null,
    ownerId: row.ownerId,
    ownerName: row.owner?.name ?? null,
    version: row.version,
    slipDays: slipDays(row),
    overdue: isMilestoneOverdue(row, today),
  };
}
export type MilestoneView = ReturnType<typeof toView>;

/** The plain columns written to the audit log (no relations). */
function auditShape(row: {
  title: string;
  description: string;
  baselineDueDate: Date;
  currentDueDate: Date;
  status: string;
  percentComplete: number;
  completedOn: Date | null;
  ownerId: string | null;
  version: number;
}) {
  return {
    title: row.title,
    description: row.description,
    baselineDueDate: dayOf(row.baselineDueDate),
    currentDueDate: dayOf(row.currentDueDate),
    status: row.status,
    percentComplete: row.percentComplete,
    completedOn: dayOrNull(row.completedOn),
    ownerId: row.ownerId,
    version: row.version,
  };
}
export { auditShape as milestoneAuditShape };

/**
 * A project's milestones in due-date order, with the owner's name, the count of pending updates and the newest
 * one. The per-milestone subqueries go through the (milestoneId, submittedAt) index by name: without it SQLite may
 * walk the (reviewState, submittedAt) index over every project's pending updates.
 */
export const PROJECT_MILESTONES_SQL = `SELECT m.id, m.projectId, m.title, m.description, m.status, m.percentComplete,
  m.baselineDueDate, m.currentDueDate, m.completedOn, m.ownerId, m.version, owner.name AS ownerName,
  (SELECT count(*) FROM "MilestoneUpdate" c INDEXED BY "MilestoneUpdate_milestoneId_submittedAt_idx"
    WHERE c.milestoneId = m.id AND c.reviewState = 'SUBMITTED') AS pendingCount,
  p.id AS pendingId, p.proposedStatus, p.proposedPercent, p.proposedDueDate, p.submittedAt, author.name AS authorName
  FROM "Milestone" m
  LEFT JOIN "User" owner ON owner.id = m.ownerId
  LEFT JOIN "MilestoneUpdate" p ON p.id = (SELECT u.id FROM "MilestoneUpdate" u
    INDEXED BY "MilestoneUpdate_milestoneId_submittedAt_idx"
    WHERE u.milestoneId = m.id AND u.reviewState = 'SUBMITTED' ORDER BY u.submittedAt DESC LIMIT 1)
  LEFT JOIN "User" author ON author.id = p.authorId
  WHERE m.projectId = ?
  ORDER BY m.currentDueDate, m.sortOrder, m.title`;

function milestoneRowOf(row: Row): MilestoneRow {
  const ownerId = cell.textOrNull(row, "ownerId");
  const ownerName = cell.textOrNull(row, "ownerName");
  return {
    id: cell.text(row, "id"),
    projectId: cell.text(row, "projectId"),
    title: cell.text(row, "title"),
    description: cell.text(row, "description"),
    baselineDueDate: cell.date(row, "baselineDueDate"),
    currentDueDate: cell.date(row, "currentDueDate"),
    status: cell.text(row, "status"),
    percentComplete: cell.number(row, "percentComplete"),
    completedOn: cell.dateOrNull(row, "completedOn"),
    ownerId,
    version: cell.number(row, "version"),
    owner: ownerId !== null && ownerName !== null ? { id: ownerId, name: ownerName } : null,
  };
}

/** The newest pending update of a row of PROJECT_MILESTONES_SQL, or null. */
function latestPendingOf(row: Row) {
  const id = cell.textOrNull(row, "pendingId");
  if (id === null) return null;
  return {
    id,
    proposedStatus: cell.text(row, "proposedStatus"),
    proposedPercent: cell.number(row, "proposedPercent"),
    proposedDueDate: cell.dateOrNull(row, "proposedDueDate")?.toISOString() ?? null,
    submittedAt: cell.date(row, "submittedAt").toISOString(),
    authorName: cell.text(row, "authorName"),
  };
}

/**
 * A project's milestones in due-date order, each with its newest pending update (if any). One statement in plain
 * SQL (lib/sql.server.ts): through Prisma's client the same rows took four queries and most of the tab's time.
 */
export async function listProjectMilestones({ projectId, today = new Date() }: { projectId: string; today?: Date }) {
  const rows = await readRows(PROJECT_MILESTONES_SQL, [projectId]);
  return rows.map((row) => ({
    ...toView(milestoneRowOf(row), today),
    pendingCount: cell.number(row, "pendingCount"),
    latestPending: latestPendingOf(row),
  }));
}

/** One milestone of one project: an id from another project is not found (no IDOR). */
export async function getProjectMilestone({
  projectId,
  milestoneId,
  today = new Date(),
}: {
  projectId: string;
  milestoneId: string;
  today?: Date;
}) {
  const row = await db.milestone.findFirst({ where: { id: milestoneId, projectId }, select: milestoneSelect });
  return row ? toView(row, today) : null;
}

/** People who can own a milestone: the project's team. */
export async function listMilestoneOwnerOptions({ projectId }: { projectId: string }) {
  const rows = await readRows(
    `SELECT u.id, u.name, u.role, m.capacity FROM "ProjectMember" m JOIN "User" u ON u.id = m.userId
     WHERE m.projectId = ? AND u.active = 1 ORDER BY u.name`,
    [projectId],
  );
  return rows.map((row) => ({
    id: cell.text(row, "id"),
    name: cell.text(row, "name"),
    role: cell.oneOf(row, "role", ROLES),
    capacity: cell.text(row, "capacity"),
  }));
}

/** A milestone's owner must be on the project's team: InvalidInputError on the owner field otherwise. */
async function assertOwnerIsMember(projectId: string, ownerId: string | undefined) {
  if (!ownerId) return;
  const member = await db.projectMember.findFirst({ where: { projectId, userId: ownerId }, select: { id: true } });
  if (!member) throw new InvalidInputError({ ownerId: "workflow.errors.ownerNotMember" });
}

/** Adds a milestone; its baseline due date is also its first current due date. Returns the new id. */
export async function createMilestone({
  projectId,
  input,
  context,
}: {
  projectId: string;
  input: MilestoneCreateData;
  context: AuditContext;
}): Promise<string> {
  await assertOwnerIsMember(projectId, input.ownerId);
  return auditedTransaction(context, async (tx, audit) => {
    const last = await tx.milestone.findFirst({
      where: { projectId },
      orderBy: { sortOrder: "desc" },
      select: { sortOrder: true },
    });
    const due = dayToDate(input.baselineDueDate);
    const created = await tx.milestone.create({
      data: {
        projectId,
        title: input.title,
        description: input.description,
        baselineDueDate: due,
        currentDueDate: due,
        status: input.status,
        percentComplete: input.status === "COMPLETED" ? 100 : 0,
        completedOn: input.status === "COMPLETED" ? todayUtc() : null,
        ownerId: input.ownerId ?? null,
        sortOrder: (last?.sortOrder ?? 0) + 1,
      },
    });
    await audit({
      action: "milestone.create",
      entityType: "Milestone",
      entityId: created.id,
      projectId,
      after: auditShape(created),
    });
    return created.id;
  });
}

/**
 * A manager's edit. The baseline is never touched; a moved current due date is audited with its reason.
 * Throws NotFoundError (not this project's), InvalidInputError (owner not on the team) or VersionConflictError
 * (with the milestone as it is now) when someone saved first.
 */
export async function editMilestone({
  projectId,
  milestoneId,
  input,
  context,
  today = new Date(),
}: {
  projectId: string;
  milestoneId: string;
  input: MilestoneEditData;
  context: AuditContext;
  today?: Date;
}): Promise<void> {
  await assertOwnerIsMember(projectId, input.ownerId);
  await auditedTransaction(context, async (tx, audit) => {
    const before = await tx.milestone.findFirst({ where: { id: milestoneId, projectId }, select: milestoneSelect });
    if (!before) throw new NotFoundError("milestone");
    if (before.version !== input.version) throw new VersionConflictError(toView(before, today));
    const moved = dayOf(before.currentDueDate) !== input.currentDueDate;
    const completedOn = input.status === "COMPLETED" ? (before.completedOn ?? todayUtc(today)) : null;
    const result = await tx.milestone.updateMany({
      where: { id: milestoneId, projectId, version: input.version },
      data: {
        title: input.title,
        description: input.description,
        ownerId: input.ownerId ?? null,
        status: input.status,
        percentComplete: input.percentComplete,
        currentDueDate: dayToDate(input.currentDueDate),
        completedOn,
        version: { increment: 1 },
      },
    });
    if (result.count === 0) throw new VersionConflictError(toView(before, today));
    const after = await tx.milestone.findUniqueOrThrow({ where: { id: milestoneId } });
    await audit({
      action: "milestone.update",
      entityType: "Milestone",
      entityId: milestoneId,
      projectId,
      before: auditShape(before),
      after: auditShape(after),
      reason: moved ? input.dueDateReason : null,
    });
  });
}
