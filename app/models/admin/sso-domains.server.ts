import { db } from "~/lib/db.server";
import { InvalidInputError, NotFoundError } from "~/lib/errors";
import { LOCALIZED_NAME_SELECT } from "~/lib/localized-name";
import type { AddSsoDomainInput } from "~/schemas/sso";
import { auditedTransaction, type AuditContext } from "../audit.server";

/**
 * The e-mail domains whose people get an account on their first single sign-on (sso-rules.ts). Callers authorise
 * first (`requireGlobalPermission(actor, "admin.organizations")`); every change is audited with its snapshot.
 */

const ssoDomainSelect = { id: true, domain: true, organizationId: true } as const;

export async function listSsoAutoDomains() {
  return db.ssoAutoAccountDomain.findMany({
    orderBy: { domain: "asc" },
    select: { ...ssoDomainSelect, organization: { select: { id: true, code: true, ...LOCALIZED_NAME_SELECT } } },
  });
}

export async function addSsoAutoDomain(options: {
  context: AuditContext;
  input: Omit<AddSsoDomainInput, "intent">;
}): Promise<{ id: string }> {
  const { input } = options;
  return auditedTransaction(options.context, async (tx, audit) => {
    const organization = await tx.organization.findUnique({
      where: { id: input.organizationId },
      select: { id: true },
    });
    if (!organization) throw new InvalidInputError({ organizationId: "sso.errors.organizationRequired" });
    // One organisation per domain: a new person's address must lead to exactly one place.
    const taken = await tx.ssoAutoAccountDomain.findUnique({ where: { domain: input.domain }, select: { id: true } });
    if (taken) throw new InvalidInputError({ domain: "sso.errors.domainTaken" });
    const after = await tx.ssoAutoAccountDomain.create({
      data: { domain: input.domain, organizationId: input.organizationId },
      select: ssoDomainSelect,
    });
    await audit({ action: "ssoAutoDomain.add", entityType: "SsoAutoAccountDomain", entityId: after.id, after });
    return { id: after.id };
  });
}

/** Stops automatic accounts for the domain; accounts already opened stay as they are. */
export async function removeSsoAutoDomain(options: { context: AuditContext; id: string }): Promise<{ domain: string }> {
  return auditedTransaction(options.context, async (tx, audit) => {
    const before = await tx.ssoAutoAccountDomain.findUnique({ where: { id: options.id }, select: ssoDomainSelect });
    if (!before) throw new NotFoundError("ssoDomain");
    await tx.ssoAutoAccountDomain.delete({ where: { id: before.id } });
    await audit({ action: "ssoAutoDomain.remove", entityType: "SsoAutoAccountDomain", entityId: before.id, before });
    return { domain: before.domain };
  });
}
