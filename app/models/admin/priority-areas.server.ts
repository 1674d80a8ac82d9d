import { InvalidInputError, NotFoundError, VersionConflictError } from "~/lib/errors";
import { LOCALIZED_NAME_SELECT } from "~/lib/localized-name";
import type { AreaInput, UpdateAreaInput } from "~/schemas/admin";
import { auditedTransaction, type AuditContext, type Tx } from "../audit.server";
import { translatedNames } from "./translated-names";

/**
 * Priority areas of a framework. Every write runs in `auditedTransaction` with before/after snapshots and is
 * saved against the version the admin saw. Callers authorise first (`requireGlobalPermission(actor,
 * "admin.frameworks")`).
 */

/** What the admin pages show of a priority area, and what its audit snapshots hold. */
export const areaSelect = {
  id: true,
  frameworkId: true,
  code: true,
  ...LOCALIZED_NAME_SELECT,
  description: true,
  sortOrder: true,
  version: true,
} as const;

async function requireFreeAreaCode(tx: Tx, frameworkId: string, code: string, exceptId?: string) {
  const existing = await tx.priorityArea.findUnique({
    where: { frameworkId_code: { frameworkId, code } },
    select: { id: true },
  });
  if (existing && existing.id !== exceptId) throw new InvalidInputError({ code: "admin.errors.codeTaken" });
}

/** A new area goes to the end of its framework's order. */
export async function createPriorityArea(options: {
  context: AuditContext;
  input: Omit<AreaInput, "intent">;
}): Promise<{ id: string }> {
  const { input } = options;
  return auditedTransaction(options.context, async (tx, audit) => {
    const framework = await tx.framework.findUnique({ where: { id: input.frameworkId }, select: { id: true } });
    if (!framework) throw new NotFoundError("framework");
    await requireFreeAreaCode(tx, input.frameworkId, input.code);
    const last = await tx.priorityArea.findFirst({
      where: { frameworkId: input.frameworkId },
      orderBy: { sortOrder: "desc" },
      select: { sortOrder: true },
    });
    const after = await tx.priorityArea.create({
      data: {
        frameworkId: input.frameworkId,
        code: input.code,
        ...translatedNames(input),
        description: input.description ?? "",
        sortOrder: (last?.sortOrder ?? 0) + 1,
      },
      select: areaSelect,
    });
    await audit({ action: "priorityArea.create", entityType: "PriorityArea", entityId: after.id, after });
    return { id: after.id };
  });
}

export async function updatePriorityArea(options: {
  context: AuditContext;
  input: Omit<UpdateAreaInput, "intent">;
}): Promise<{ id: string }> {
  const { input } = options;
  return auditedTransaction(options.context, async (tx, audit) => {
    const before = await tx.priorityArea.findUnique({ where: { id: input.id }, select: areaSelect });
    if (!before) throw new NotFoundError("priority area");
    await requireFreeAreaCode(tx, before.frameworkId, input.code, input.id);
    const result = await tx.priorityArea.updateMany({
      where: { id: input.id, version: input.version },
      data: {
        code: input.code,
        ...translatedNames(input),
        description: input.description ?? "",
        version: { increment: 1 },
      },
    });
    if (result.count === 0) throw new VersionConflictError(before);
    const after = await tx.priorityArea.findUniqueOrThrow({ where: { id: input.id }, select: areaSelect });
    await audit({ action: "priorityArea.update", entityType: "PriorityArea", entityId: input.id, before, after });
    return { id: input.id };
  });
}

/**
 * Moves an area one place up or down in its framework. The framework's areas are renumbered 1..n in the new
 * order; each area whose position changes gets a new version and its own audit event.
 */
export async function movePriorityArea(options: {
  context: AuditContext;
  id: string;
  version: number;
  direction: "up" | "down";
}): Promise<{ id: string }> {
  return auditedTransaction(options.context, async (tx, audit) => {
    const area = await tx.priorityArea.findUnique({ where: { id: options.id }, select: areaSelect });
    if (!area) throw new NotFoundError("priority area");
    if (area.version !== options.version) throw new VersionConflictError(area);
    const siblings = await tx.priorityArea.findMany({
      where: { frameworkId: area.frameworkId },
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      select: areaSelect,
    });
    const from = siblings.findIndex((s) => s.id === area.id);
    const to = options.direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= siblings.length) return { id: area.id };
    const order = [...siblings];
    [order[from], order[to]] = [order[to], order[from]];
    for (const [index, before] of order.entries()) {
      const sortOrder = index + 1;
      if (before.sortOrder === sortOrder) continue;
      const result = await tx.priorityArea.updateMany({
        where: { id: before.id, version: before.version },
        data: { sortOrder, version: { increment: 1 } },
      });
      if (result.count === 0) throw new VersionConflictError(before);
      const after = await tx.priorityArea.findUniqueOrThrow({ where: { id: before.id }, select: areaSelect });
      await audit({ action: "priorityArea.reorder", entityType: "PriorityArea", entityId: before.id, before, after });
    }
    return { id: area.id };
  });
}
