import { NotFoundError, RefusedError } from "~/lib/errors";
import { auditedTransaction, type AuditContext } from "~/models/audit.server";

/**
 * Archives a project (hidden from lists, kept with its history), with the reason in the audit event. Throws
 * RefusedError when it is already archived (someone archived it since the page was loaded).
 */
export async function archiveProject(options: { context: AuditContext; projectId: string; reason: string }) {
  const { context, projectId, reason } = options;
  await auditedTransaction(context, async (tx, audit) => {
    const before = await tx.project.findUnique({ where: { id: projectId } });
    if (!before) throw new NotFoundError("project");
    if (before.archivedAt) throw new RefusedError("projects.archive.already");
    const after = await tx.project.update({
      where: { id: projectId },
      data: { archivedAt: new Date(), version: { increment: 1 } },
    });
    await audit({
      action: "project.archive",
      entityType: "Project",
      entityId: projectId,
      projectId,
      before,
      after,
      reason,
    });
  });
}

/** Brings an archived project back into lists and boards; the reason goes into the audit event. */
export async function restoreProject(options: { context: AuditContext; projectId: string; reason: string }) {
  const { context, projectId, reason } = options;
  await auditedTransaction(context, async (tx, audit) => {
    const before = await tx.project.findUnique({ where: { id: projectId } });
    if (!before) throw new NotFoundError("project");
    if (!before.archivedAt) throw new RefusedError("projects.archive.notArchived");
    const after = await tx.project.update({
      where: { id: projectId },
      data: { archivedAt: null, version: { increment: 1 } },
    });
    await audit({
      action: "project.restore",
      entityType: "Project",
      entityId: projectId,
      projectId,
      before,
      after,
      reason,
    });
  });
}
