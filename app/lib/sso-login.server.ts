import { randomBytes } from "node:crypto";
import { db } from "./db.server";
import {
  clearClientFailures,
  passwordWaitUntil,
  recordPasswordFailure,
  type PasswordSubject,
} from "./login-throttle.server";
import { hashPassword } from "./password.server";
import { currentRequest } from "./request.server";
import { createSessionCookie } from "./session.server";
import { decideSsoSignIn, emailDomain, verifiedEmail, type SsoClaims, type SsoRefusal } from "./sso-rules";
import { auditedTransaction, type Audit, type AuditContext, type Tx } from "~/models/audit.server";
import { userAuditSelect } from "~/models/user.server";

export type SsoLoginResult =
  | { ok: true; setCookie: string; created: boolean }
  | { ok: false; reason: SsoRefusal }
  | { ok: false; reason: "throttled"; retryAfterMinutes: number };

function minutesUntil(date: Date): number {
  return Math.max(1, Math.ceil((date.getTime() - Date.now()) / 60_000));
}

/**
 * An account that still has to replace a temporary password (typed by an administrator before invitations and reset
 * links existed) would be sent to "change your password" after every single sign-on, asked for a password its owner
 * may never have received. The provider has just vouched for the person, so the temporary password is withdrawn
 * instead: it stops working (nobody knows the new random one) and nothing asks for it again; a password is chosen,
 * if ever wanted, through "Forgot password". Audited in the sign-in's transaction.
 */
async function retireTemporaryPassword(tx: Tx, record: Audit, userId: string, unusableHash: string) {
  const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: userAuditSelect });
  if (!before.mustChangePassword) return;
  const after = await tx.user.update({
    where: { id: userId },
    data: { passwordHash: unusableHash, mustChangePassword: false, version: { increment: 1 } },
    select: userAuditSelect,
  });
  await record({ action: "user.retireTemporaryPassword", entityType: "User", entityId: userId, before, after });
}

/**
 * Signs in the person a provider vouched for, by the rules of sso-rules.ts, exactly as a password sign-in does
 * otherwise: the same throttle (a refused sign-in counts as a failed attempt for the e-mail and the client, and a
 * waiting account or client waits here too), the same audit trail (success, refusal, lock-out) and the same session.
 */
export async function signInWithSso(
  claims: SsoClaims,
  request: Request,
  options: { locale: string },
): Promise<SsoLoginResult> {
  const meta = currentRequest();
  const now = new Date();
  const email = verifiedEmail(claims);
  const [account, autoDomain] = email
    ? await Promise.all([
        db.user.findUnique({ where: { email }, select: { id: true, active: true, mustChangePassword: true } }),
        db.ssoAutoAccountDomain.findUnique({
          where: { domain: emailDomain(email) ?? "" },
          select: { organizationId: true },
        }),
      ])
    : [null, null];
  const decision = decideSsoSignIn(claims, account, autoDomain);
  // Without a verified address the provider's subject names the attempt (it is the only stable identifier).
  const subjectEmail = decision.email ?? `sso:${claims.sub}`;
  const subject: PasswordSubject = { email: subjectEmail, userId: account?.id ?? null, ip: meta.ip };
  const audit: AuditContext = {
    actorId: account?.id ?? null,
    actorEmail: subjectEmail,
    requestId: meta.requestId,
    ip: meta.ip,
  };

  const waitBefore = await passwordWaitUntil(db, subject, now);
  if (waitBefore) return { ok: false, reason: "throttled", retryAfterMinutes: minutesUntil(waitBefore) };

  if (decision.kind === "refuse") {
    const waitMeanwhile = await auditedTransaction(audit, async (tx, record) => {
      const wait = await passwordWaitUntil(tx, subject, now);
      if (wait) return wait;
      const { waitStarted } = await recordPasswordFailure(tx, subject, now);
      const entityId = account?.id ?? subjectEmail;
      if (waitStarted) await record({ action: "auth.locked", entityType: "User", entityId });
      else
        await record({ action: "auth.ssoRefused", entityType: "User", entityId, after: { reason: decision.reason } });
      return null;
    });
    if (waitMeanwhile) return { ok: false, reason: "throttled", retryAfterMinutes: minutesUntil(waitMeanwhile) };
    return { ok: false, reason: decision.reason };
  }

  // A new account has no password anyone knows: its owner signs in through the provider (or asks for a reset).
  const unusablePassword = decision.kind === "createAccount" ? await hashPassword(randomBytes(32).toString("hex")) : "";
  // Replaces a temporary password an administrator once typed, if the account still has one (see below).
  const retiredPassword = account?.mustChangePassword ? await hashPassword(randomBytes(32).toString("hex")) : "";
  const signedIn = await auditedTransaction(audit, async (tx, record) => {
    const wait = await passwordWaitUntil(tx, subject, now);
    if (wait) return { waiting: true as const, until: wait };
    let userId: string;
    if (decision.kind === "createAccount") {
      const after = await tx.user.create({
        data: {
          email: decision.email,
          name: decision.name,
          organizationId: decision.organizationId,
          role: "OFFICER",
          locale: options.locale,
          passwordHash: unusablePassword,
        },
        select: userAuditSelect,
      });
      await record({ action: "user.createBySso", entityType: "User", entityId: after.id, after });
      userId = after.id;
    } else {
      userId = decision.userId;
      if (retiredPassword) await retireTemporaryPassword(tx, record, userId, retiredPassword);
    }
    await clearClientFailures(tx, subject);
    await record({ action: "auth.ssoLogin", entityType: "User", entityId: userId });
    return { waiting: false as const, userId };
  });
  if (signedIn.waiting) return { ok: false, reason: "throttled", retryAfterMinutes: minutesUntil(signedIn.until) };
  const setCookie = await createSessionCookie(signedIn.userId, {
    ip: meta.ip,
    userAgent: request.headers.get("user-agent"),
  });
  return { ok: true, setCookie, created: decision.kind === "createAccount" };
}
