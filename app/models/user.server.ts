import { db } from "~/lib/db.server";
import { InvalidInputError } from "~/lib/errors";
import {
  clearClientFailures,
  passwordWaitUntil,
  recordPasswordFailure,
  type PasswordSubject,
} from "~/lib/login-throttle.server";
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

/**
 * Counts a wrong current password in the same counters as sign-in, audited, in the transaction that writes them
 * (so parallel guesses each count). Returns the end of the wait when this guess (or a parallel one) started one.
 */
async function countWrongPassword(
  userId: string,
  subject: PasswordSubject,
  context: AuditContext,
  now: Date,
): Promise<Date | null> {
  return auditedTransaction(context, async (tx, audit) => {
    const waitMeanwhile = await passwordWaitUntil(tx, subject, now);
    if (waitMeanwhile) return waitMeanwhile;
    const { clientFailures, waitStarted } = await recordPasswordFailure(tx, subject, now);
    await audit({
      action: "user.changePasswordFailed",
      entityType: "User",
      entityId: userId,
      after: { failedAttempts: clientFailures, locked: waitStarted },
    });
    return waitStarted ? passwordWaitUntil(tx, subject, now) : null;
  });
}

/**
 * Changes the password and ends every session of the user (the caller starts a fresh one). The current password
 * is guarded like sign-in and counted in the same counters (so guesses here and on /login add up): wrong ones are
 * audited and make this client wait, then everyone once the account-wide ceiling is reached; refused while waiting,
 * even with the right password. The new hash is written only if the user row is still the version whose password
 * was checked (an admin's reset meanwhile wins; nothing is written).
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
    select: { email: true, passwordHash: true, version: true },
  });
  const subject: PasswordSubject = { email: user.email, userId: options.userId, ip: options.context.ip };
  const waitBefore = await passwordWaitUntil(db, subject, now);
  if (waitBefore) throw new PasswordChangeLockedError(minutesUntil(waitBefore));

  if (!(await verifyPassword(user.passwordHash, options.currentPassword))) {
    // Thrown after the counting transaction committed: the failed attempt must stay counted.
    const waitUntil = await countWrongPassword(options.userId, subject, options.context, now);
    if (waitUntil) throw new PasswordChangeLockedError(minutesUntil(waitUntil));
    throw new InvalidInputError({ currentPassword: "auth.password.wrongCurrent" });
  }

  const passwordHash = await hashPassword(options.newPassword);
  await auditedTransaction(options.context, async (tx, audit) => {
    const waitMeanwhile = await passwordWaitUntil(tx, subject, now);
    if (waitMeanwhile) throw new PasswordChangeLockedError(minutesUntil(waitMeanwhile));
    const before = await tx.user.findUniqueOrThrow({ where: { id: options.userId }, select: userAuditSelect });
    const result = await tx.user.updateMany({
      where: { id: options.userId, version: user.version },
      // The guesses counted so far were against the old password: the account-wide count starts afresh.
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
    await clearClientFailures(tx, subject);
    await audit({ action: "user.changePassword", entityType: "User", entityId: options.userId, before, after });
  });
}
