import { NotFoundError, RefusedError } from "~/lib/errors";
import { passwordResetMail } from "~/lib/mail/account-mail.server";
import { enqueueMail } from "~/lib/mail/outbox.server";
import { issueLink, linkRecord } from "./account-links.server";
import { auditedTransaction, type Audit, type AuditContext, type Tx } from "./audit.server";

/**
 * "Forgot password": a single-use link (1 hour) sent to an active account. The answer is the same whether or not
 * the address has an account, and requests are throttled per client and per address — unknown addresses counted
 * exactly like known ones — in the same table as sign-in's throttle, so limits hold across restarts and instances.
 */

export const RESET_LIMITS = {
  /** Requests from one client (IP) within the window, whatever the address. */
  perClient: { max: 10, windowMs: 15 * 60_000 },
  /** Requests for one address within the window, from anywhere: an inbox is not flooded. */
  perAddress: { max: 3, windowMs: 60 * 60_000 },
} as const;

type Limit = { max: number; windowMs: number };

/** Counts one request under `key`; the minutes to wait when the limit is already reached (nothing counted then). */
async function takeWindow(tx: Tx, key: string, limit: Limit, now: Date): Promise<number | null> {
  const row = await tx.loginThrottle.findUnique({ where: { key } });
  const open = row && now.getTime() - row.windowStartedAt.getTime() < limit.windowMs;
  if (open && row.failures >= limit.max) {
    return Math.max(1, Math.ceil((row.windowStartedAt.getTime() + limit.windowMs - now.getTime()) / 60_000));
  }
  const data = { failures: open ? row.failures + 1 : 1, windowStartedAt: open ? row.windowStartedAt : now };
  await tx.loginThrottle.upsert({ where: { key }, create: { key, ...data }, update: data });
  return null;
}

type ResetRecipient = { id: string; email: string; name: string; locale: string };

/** Issues a reset link, writes its message to the outbox and audits it, inside the caller's transaction. */
async function sendResetLinkInTransaction(
  tx: Tx,
  audit: Audit,
  user: ResetRecipient,
  options: { createdById: string | null; now: Date },
) {
  const link = await issueLink(tx, { userId: user.id, purpose: "PASSWORD_RESET", ...options });
  await enqueueMail(tx, passwordResetMail(user, link));
  await audit({ action: "user.requestPasswordReset", entityType: "User", entityId: user.id, after: linkRecord(link) });
}

export type ResetRequestAnswer = { ok: true } | { ok: false; retryAfterMinutes: number };

export async function requestPasswordReset(options: {
  email: string;
  context: Omit<AuditContext, "actorId" | "actorEmail">;
  now?: Date;
}): Promise<ResetRequestAnswer> {
  const email = options.email.trim().toLowerCase();
  const now = options.now ?? new Date();
  const context: AuditContext = { ...options.context, actorId: null, actorEmail: email };
  return auditedTransaction(context, async (tx, audit) => {
    const clientWait = await takeWindow(tx, `reset-ip:${context.ip ?? "unknown"}`, RESET_LIMITS.perClient, now);
    if (clientWait) return { ok: false, retryAfterMinutes: clientWait };
    const addressWait = await takeWindow(tx, `reset-email:${email}`, RESET_LIMITS.perAddress, now);
    if (addressWait) return { ok: false, retryAfterMinutes: addressWait };
    const user = await tx.user.findUnique({
      where: { email },
      select: { id: true, email: true, name: true, locale: true, active: true },
    });
    if (!user || !user.active) return { ok: true };
    await sendResetLinkInTransaction(tx, audit, user, { createdById: null, now });
    return { ok: true };
  });
}

/**
 * An administrator sends a user the link "Forgot password" would send (Administration › Users › a user), instead
 * of typing a password for them: the same message, link and audit event, with the administrator as its actor.
 * Nothing changes until the link is used (the current password keeps working; using the link ends every session).
 * Refused for a deactivated account, whose links would not work.
 */
export async function sendPasswordResetLink(options: {
  context: AuditContext;
  userId: string;
}): Promise<{ email: string }> {
  return auditedTransaction(options.context, async (tx, audit) => {
    const user = await tx.user.findUnique({
      where: { id: options.userId },
      select: { id: true, email: true, name: true, locale: true, active: true },
    });
    if (!user) throw new NotFoundError("user");
    if (!user.active) throw new RefusedError("mail.userReset.inactive");
    await sendResetLinkInTransaction(tx, audit, user, { createdById: options.context.actorId, now: new Date() });
    return { email: user.email };
  });
}
