import { dayToDate } from "~/lib/dates";
import { db } from "~/lib/db.server";
import { InvalidInputError, NotFoundError, VersionConflictError } from "~/lib/errors";
import { LOCALIZED_NAME_SELECT } from "~/lib/localized-name";
import { MAX_USD_CENTS, parseUsdToCents } from "~/lib/money";
import type { FrameworkInput, UpdateFrameworkInput } from "~/schemas/admin";
import { auditedTransaction, type AuditContext, type Tx } from "../audit.server";
import { areaSelect } from "./priority-areas.server";
import { translatedNames } from "./translated-names";

/**
 * Country partnership frameworks. Every write runs in `auditedTransaction` with before/after snapshots and is
 * saved against the version the admin saw. Callers authorise first (`requireGlobalPermission(actor,
 * "admin.frameworks")`).
 */

/** What the admin pages show of a framework, and what its audit snapshots hold. */
export const frameworkSelect = {
  id: true,
  code: true,
  ...LOCALIZED_NAME_SELECT,
  startDate: true,
  endDate: true,
  annualEnvelopeMinor: true,
  description: true,
  version: true,
} as const;

/** Every framework, newest first, with its priority areas in order; the envelope in cents. */
export async function listFrameworksForAdmin() {
  const rows = await db.framework.findMany({
    orderBy: { startDate: "desc" },
    select: {
      ...frameworkSelect,
      priorityAreas: {
        orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
        select: { ...areaSelect, _count: { select: { projects: true } } },
      },
    },
  });
  return rows.map(({ annualEnvelopeMinor, startDate, endDate, priorityAreas, ...f }) => ({
    ...f,
    startDate: startDate.toISOString(),
    endDate: endDate.toISOString(),
    annualEnvelopeCents: Number(annualEnvelopeMinor),
    areas: priorityAreas.map(({ _count, ...a }) => ({ ...a, projectCount: _count.projects })),
  }));
}

function frameworkData(input: Omit<FrameworkInput, "intent">) {
  const cents = parseUsdToCents(input.annualEnvelopeUsd);
  if (cents === null) throw new InvalidInputError({ annualEnvelopeUsd: "admin.errors.amountInvalid" });
  if (cents > MAX_USD_CENTS) throw new InvalidInputError({ annualEnvelopeUsd: "admin.errors.amountTooLarge" });
  return {
    code: input.code,
    ...translatedNames(input),
    startDate: dayToDate(input.startDate),
    endDate: dayToDate(input.endDate),
    annualEnvelopeMinor: cents,
    description: input.description ?? "",
  };
}

async function requireFreeFrameworkCode(tx: Tx, code: string, exceptId?: string) {
  const existing = await tx.framework.findUnique({ where: { code }, select: { id: true } });
  if (existing && existing.id !== exceptId) throw new InvalidInputError({ code: "admin.errors.codeTaken" });
}

export async function createFramework(options: {
  context: AuditContext;
  input: Omit<FrameworkInput, "intent">;
}): Promise<{ id: string }> {
  return auditedTransaction(options.context, async (tx, audit) => {
    const data = frameworkData(options.input);
    await requireFreeFrameworkCode(tx, data.code);
    const after = await tx.framework.create({ data, select: frameworkSelect });
    await audit({ action: "framework.create", entityType: "Framework", entityId: after.id, after });
    return { id: after.id };
  });
}

export async function updateFramework(options: {
  context: AuditContext;
  input: Omit<UpdateFrameworkInput, "intent">;
}): Promise<{ id: string }> {
  const { input } = options;
  return auditedTransaction(options.context, async (tx, audit) => {
    const before = await tx.framework.findUnique({ where: { id: input.id }, select: frameworkSelect });
    if (!before) throw new NotFoundError("framework");
    const data = frameworkData(input);
    await requireFreeFrameworkCode(tx, data.code, input.id);
    const result = await tx.framework.updateMany({
      where: { id: input.id, version: input.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (result.count === 0) throw new VersionConflictError(before);
    const after = await tx.framework.findUniqueOrThrow({ where: { id: input.id }, select: frameworkSelect });
    await audit({ action: "framework.update", entityType: "Framework", entityId: input.id, before, after });
    return { id: input.id };
  });
}
