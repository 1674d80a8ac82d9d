import { db } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { InvalidInputError } from "~/lib/errors";
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

/** Too many wrong current passwords: changing the password is locked for `retryAfterMinutes`. */
export class PasswordChangeLockedError extends InvalidInputError {
  constructor(readonly retryAfterMinutes: number) {
    super({ currentPassword: "auth.password.throttled" });
  }
}

function minutesUntil(date: Date): number {
  return Math.max(1, Math.ceil((date.getTime() - Date.now()) / 60_000));
}

const lockedAfter = (now: Date, date: Date | null) => (date && date > now ? date : null);

/**
 * Counts a wrong current password against the account, audited, in the transaction that writes the counter (so
 * parallel guesses each count). Returns the end of the lock when this guess (or a parallel one) locked the account.
 */
async function countWrongPassword(userId: string, context: AuditContext, now: Date): Promise<Date | null> {
  const env = getEnv();
  return auditedTransaction(context, async (tx, audit) => {
    const current = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { failedLoginCount: true, lockedUntil: true },
    });
    const lockedMeanwhile = lockedAfter(now, current.lockedUntil);
    if (lockedMeanwhile) return lockedMeanwhile;
    const failures = current.failedLoginCount + 1;
    const lockUntil =
      failures >= env.LOGIN_MAX_FAILURES_PER_ACCOUNT ? new Date(now.getTime() + env.LOGIN_LOCK_MINUTES * 60_000) : null;
    await tx.user.update({
      where: { id: userId },
      data: { failedLoginCount: lockUntil ? 0 : failures, lastFailedLoginAt: now, lockedUntil: lockUntil },
    });
    await audit({
      action: "user.changePasswordFailed",
      entityType: "User",
      entityId: userId,
      after: { failedAttempts: failures, locked: lockUntil !== null },
    });
    return lockUntil;
  });
}

/**
 * Changes the password and ends every session of the user (the caller starts a fresh one). The current password
 * is guarded like sign-in: a wrong one counts against the account's failed-attempt counter (the same one login
 * uses, so guesses here and on /login add up), is audited, and enough of them lock the account for
 * LOGIN_LOCK_MINUTES — refused while locked, even with the right password. The new hash is written only if the
 * user row is still the version whose password was checked (an admin's reset meanwhile wins; nothing is written).
 * Throws InvalidInputError on `currentPassword` (PasswordChangeLockedError while locked).
 */
export async function changePassword(options: {
  userId: string;
  currentPassword: string;
  newPassword: string;
  context: AuditContext;
}): Promise<void> {
  const now = new Date();
  const user = await db.user.findUniqueOrThrow({
    where: { id: options.userId },
    select: { passwordHash: true, version: true, lockedUntil: true },
  });
  const lockedBefore = lockedAfter(now, user.lockedUntil);
  if (lockedBefore) throw new PasswordChangeLockedError(minutesUntil(lockedBefore));

  if (!(await verifyPassword(user.passwordHash, options.currentPassword))) {
    // Thrown after the counting transaction committed: the failed attempt must stay counted.
    const lockedUntil = await countWrongPassword(options.userId, options.context, now);
    if (lockedUntil) throw new PasswordChangeLockedError(minutesUntil(lockedUntil));
    throw new InvalidInputError({ currentPassword: "auth.password.wrongCurrent" });
  }

  const passwordHash = await hashPassword(options.newPassword);
  await auditedTransaction(options.context, async (tx, audit) => {
    const { lockedUntil, ...before } = await tx.user.findUniqueOrThrow({
      where: { id: options.userId },
      select: { ...userAuditSelect, lockedUntil: true },
    });
    const lockedMeanwhile = lockedAfter(now, lockedUntil);
    if (lockedMeanwhile) throw new PasswordChangeLockedError(minutesUntil(lockedMeanwhile));
    const result = await tx.user.updateMany({
      where: { id: options.userId, version: user.version },
      data: {
        passwordHash,
        mustChangePassword: false,
        failedLoginCount: 0,
        lockedUntil: null,
        lastFailedLoginAt: null,
        version: { increment: 1 },
      },
    });
    // Changed meanwhile (e.g. an administrator reset the password): the check above was against an old row. The
    // form shows this next to the current password, which is what no longer holds.
    if (result.count === 0) throw new InvalidInputError({ currentPassword: "auth.password.conflict" });
    const after = await tx.user.findUniqueOrThrow({ where: { id: options.userId }, select: userAuditSelect });
    await tx.session.deleteMany({ where: { userId: options.userId } });
    await audit({ action: "user.changePassword", entityType: "User", entityId: options.userId, before, after });
  });
}
