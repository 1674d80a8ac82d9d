import type { Prisma } from "~/generated/prisma/client";
import { dayOf, dayOrNull, dayToDate, todayUtc } from "~/lib/dates";
import { db } from "~/lib/db.server";
import { InvalidInputError, NotFoundError, VersionConflictError } from "~/lib/errors";
import { isMilestoneOverdue, slipDays } from "~/lib/metrics";
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

/** A project's milestones in due-date order, each with its newest pending update (if any). */
export async function listProjectMilestones({ projectId, today = new Date() }: { projectId: string; today?: Date }) {
  const rows = await db.milestone.findMany({
    where: { projectId },
    orderBy: [{ currentDueDate: "asc" }, { sortOrder: "asc" }, { title: "asc" }],
    select: {
      ...milestoneSelect,
      updates: {
        where: { reviewState: "SUBMITTED" },
        orderBy: { submittedAt: "desc" },
        take: 1,
        select: {
          id: true,
          proposedStatus: true,
          proposedPercent: true,
          proposedDueDate: true,
          submittedAt: true,
          author: { select: { name: true } },
        },
      },
    },
  });
  // Counted for these milestones only: Prisma's filtered `_count` groups every project's updates before the join.
  // Grouped by state too, so that the only condition is the milestone (not the state index over all projects).
  const byState = await db.milestoneUpdate.groupBy({
    by: ["milestoneId", "reviewState"],
    where: { milestoneId: { in: rows.map((row) => row.id) } },
    _count: { _all: true },
  });
  const pendingCounts = byState.filter((group) => group.reviewState === "SUBMITTED");
  const pendingOf = new Map(pendingCounts.map((p) => [p.milestoneId, p._count._all]));
  return rows.map((row) => {
    const pending = row.updates[0];
    return {
      ...toView(row, today),
      pendingCount: pendingOf.get(row.id) ?? 0,
      latestPending: pending
        ? {
            id: pending.id,
            proposedStatus: pending.proposedStatus,
            proposedPercent: pending.proposedPercent,
            proposedDueDate: pending.proposedDueDate?.toISOString() ?? null,
            submittedAt: pending.submittedAt.toISOString(),
            authorName: pending.author.name,
          }
        : null,
    };
  });
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
  const members = await db.projectMember.findMany({
    where: { projectId, user: { active: true } },
    orderBy: { user: { name: "asc" } },
    select: { user: { select: { id: true, name: true, role: true } }, capacity: true },
  });
  return members.map((m) => ({ id: m.user.id, name: m.user.name, role: m.user.role, capacity: m.capacity }));
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
