import { db } from "~/lib/db.server";
import { hashPassword, verifyPassword } from "~/lib/password.server";
import { auditedTransaction, type AuditContext } from "./audit.server";

/** What audit snapshots of a user contain: never the password hash or throttling internals. */
export const userAuditSelect = {
  id: true,
  email: true,
  name: true,
  organizationId: true,
  role: true,
  locale: true,
  active: true,
  mustChangePassword: true,
  version: true,
} as const;

export async function setUserLocale(options: { userId: string; locale: string; context: AuditContext }) {
  return auditedTransaction(options.context, async (tx, audit) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: options.userId }, select: userAuditSelect });
    if (before.locale === options.locale) return before;
    const after = await tx.user.update({
      where: { id: options.userId },
      data: { locale: options.locale, version: { increment: 1 } },
      select: userAuditSelect,
    });
    await audit({ action: "user.setLocale", entityType: "User", entityId: after.id, before, after });
    return after;
  });
}

export type ChangePasswordResult = { ok: true } | { ok: false; field: "currentPassword"; message: string };

/** Changes the password and ends every session of the user (the caller starts a fresh one). */
export async function changePassword(options: {
  userId: string;
  currentPassword: string;
  newPassword: string;
  context: AuditContext;
}): Promise<ChangePasswordResult> {
  const user = await db.user.findUniqueOrThrow({ where: { id: options.userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, options.currentPassword))) {
    return { ok: false, field: "currentPassword", message: "auth.password.wrongCurrent" };
  }
  const passwordHash = await hashPassword(options.newPassword);
  await auditedTransaction(options.context, async (tx, audit) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: options.userId }, select: userAuditSelect });
    const after = await tx.user.update({
      where: { id: options.userId },
      data: { passwordHash, mustChangePassword: false, version: { increment: 1 } },
      select: userAuditSelect,
    });
    await tx.session.deleteMany({ where: { userId: options.userId } });
    await audit({ action: "user.changePassword", entityType: "User", entityId: options.userId, before, after });
  });
  return { ok: true };
}
