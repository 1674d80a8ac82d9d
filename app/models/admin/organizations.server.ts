import { db } from "~/lib/db.server";
import { InvalidInputError, NotFoundError, VersionConflictError } from "~/lib/errors";
import { LOCALIZED_NAME_SELECT } from "~/lib/localized-name";
import type { OrganizationInput, UpdateOrganizationInput } from "~/schemas/admin";
import { auditedTransaction, type AuditContext, type Tx } from "../audit.server";
import { translatedNames } from "./translated-names";

/**
 * Organisations. Every write runs in `auditedTransaction` with before/after snapshots and is saved against the
 * version the admin saw. Callers authorise first (`requireGlobalPermission(actor, "admin.organizations")`).
 */

/** What the admin pages show of an organisation, and what its audit snapshots hold. */
export const organizationSelect = {
  id: true,
  code: true,
  ...LOCALIZED_NAME_SELECT,
  kind: true,
  version: true,
} as const;

export async function listOrganizationsForAdmin() {
  const rows = await db.organization.findMany({
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: { ...organizationSelect, _count: { select: { users: true, implementedProjects: true } } },
  });
  return rows.map(({ _count, ...org }) => ({
    ...org,
    userCount: _count.users,
    projectCount: _count.implementedProjects,
  }));
}

/** The organisations a user may belong to, for the user forms and filters. */
export async function listOrganizationOptions() {
  return db.organization.findMany({
    orderBy: { name: "asc" },
    select: { id: true, code: true, ...LOCALIZED_NAME_SELECT, kind: true },
  });
}

async function requireFreeOrganizationCode(tx: Tx, code: string, exceptId?: string) {
  const existing = await tx.organization.findUnique({ where: { code }, select: { id: true } });
  if (existing && existing.id !== exceptId) throw new InvalidInputError({ code: "admin.errors.codeTaken" });
}

export async function createOrganization(options: {
  context: AuditContext;
  input: Omit<OrganizationInput, "intent">;
}): Promise<{ id: string }> {
  const { input } = options;
  return auditedTransaction(options.context, async (tx, audit) => {
    await requireFreeOrganizationCode(tx, input.code);
    const after = await tx.organization.create({
      data: { code: input.code, ...translatedNames(input), kind: input.kind },
      select: organizationSelect,
    });
    await audit({ action: "organization.create", entityType: "Organization", entityId: after.id, after });
    return { id: after.id };
  });
}

/**
 * The kind decides what its staff may see and whether it may implement projects: changing it under existing users
 * or projects would silently change their scope and make those projects unsavable.
 */
async function requireKindChangeable(tx: Tx, organizationId: string) {
  const [users, projects] = await Promise.all([
    tx.user.count({ where: { organizationId } }),
    tx.project.count({ where: { implementingAgencyId: organizationId } }),
  ]);
  if (users > 0 || projects > 0) throw new InvalidInputError({ kind: "admin.errors.kindInUse" });
}

export async function updateOrganization(options: {
  context: AuditContext;
  input: Omit<UpdateOrganizationInput, "intent">;
}): Promise<{ id: string }> {
  const { input } = options;
  return auditedTransaction(options.context, async (tx, audit) => {
    const before = await tx.organization.findUnique({ where: { id: input.id }, select: organizationSelect });
    if (!before) throw new NotFoundError("organization");
    await requireFreeOrganizationCode(tx, input.code, input.id);
    if (input.kind !== before.kind) await requireKindChangeable(tx, input.id);
    const result = await tx.organization.updateMany({
      where: { id: input.id, version: input.version },
      data: { code: input.code, ...translatedNames(input), kind: input.kind, version: { increment: 1 } },
    });
    if (result.count === 0) throw new VersionConflictError(before);
    const after = await tx.organization.findUniqueOrThrow({ where: { id: input.id }, select: organizationSelect });
    await audit({ action: "organization.update", entityType: "Organization", entityId: input.id, before, after });
    return { id: input.id };
  });
}
