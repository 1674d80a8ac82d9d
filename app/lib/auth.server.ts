import { redirect } from "@remix-run/node";
import {
  accountAndWait,
  clearClientFailures,
  passwordWaitUntil,
  recordPasswordFailure,
  type PasswordSubject,
} from "./login-throttle.server";
import { getDecoyHash, verifyPassword } from "./password.server";
import { currentRequest, noteRequestUser } from "./request.server";
import {
  blankSessionCookie,
  createSessionCookie,
  invalidateSession,
  validateRequestSession,
  type SessionUser,
} from "./session.server";
import { auditedTransaction, type AuditContext } from "~/models/audit.server";

export type { SessionUser };

/** A redirect target is only ever a path inside the app: no scheme, no host, no protocol-relative `//`. */
export function safeRedirectPath(target: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) {
    return fallback;
  }
  try {
    const url = new URL(target, "http://qadam.invalid");
    if (url.origin !== "http://qadam.invalid") return fallback;
    const path = url.pathname + url.search + url.hash;
    // Dot segments can normalise into a protocol-relative path: "/.//evil.test" → "//evil.test".
    return path.startsWith("//") || path.startsWith("/\\") ? fallback : path;
  } catch {
    return fallback;
  }
}

export async function getOptionalUser(request: Request): Promise<SessionUser | null> {
  const result = await validateRequestSession(request);
  return result?.user ?? null;
}

const PASSWORD_CHANGE_PATH = "/account/password";

/** The signed-in user, or a redirect to /login that brings them back here afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getOptionalUser(request);
  if (user) noteRequestUser(user.id);
  const url = new URL(request.url);
  if (!user) {
    const back = url.pathname + url.search;
    throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
  }
  if (user.mustChangePassword && url.pathname !== PASSWORD_CHANGE_PATH) {
    throw redirect(PASSWORD_CHANGE_PATH);
  }
  return user;
}

/** Everything an audited write needs to know about who acts, from where. */
export function auditContextFor(user: Pick<SessionUser, "id" | "email"> | null): AuditContext {
  const { requestId, ip } = currentRequest();
  return { actorId: user?.id ?? null, actorEmail: user?.email ?? null, requestId, ip };
}

export type LoginResult =
  | { ok: true; setCookie: string; user: { id: string; locale: string } }
  | { ok: false; reason: "invalid" | "throttled"; retryAfterMinutes?: number };

function minutesUntil(date: Date): number {
  return Math.max(1, Math.ceil((date.getTime() - Date.now()) / 60_000));
}

/**
 * Checks a password, throttled per account and client, per account and per client (login-throttle.server.ts).
 * Unknown e-mail and wrong password give the same answer and take the same time. Successful and failed attempts
 * are recorded in the audit log.
 */
export async function login(input: { email: string; password: string }, request: Request): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const meta = currentRequest();
  const now = new Date();

  // One read for the account and its waits, whether or not the e-mail has an account (the same time for both).
  const { account: user, waitUntil: waitBefore } = await accountAndWait(email, meta.ip, now);
  const subject: PasswordSubject = { email, userId: user?.id ?? null, ip: meta.ip };
  if (waitBefore) return { ok: false, reason: "throttled", retryAfterMinutes: minutesUntil(waitBefore) };

  const passwordOk = await verifyPassword(user?.passwordHash ?? (await getDecoyHash()), input.password);
  const audit: AuditContext = { actorId: user?.id ?? null, actorEmail: email, requestId: meta.requestId, ip: meta.ip };

  // The waits are read again inside the transaction that records the outcome: parallel attempts must each count
  // (reading before the slow password check let N concurrent guesses all write "failures + 1"), and an attempt
  // must not get past a wait another attempt started while it was checking its password.
  if (user && user.active && passwordOk) {
    const waitMeanwhile = await auditedTransaction(audit, async (tx, record) => {
      const wait = await passwordWaitUntil(tx, subject, now);
      if (wait) return wait;
      await clearClientFailures(tx, subject);
      await record({ action: "auth.login", entityType: "User", entityId: user.id });
      return null;
    });
    if (waitMeanwhile) return { ok: false, reason: "throttled", retryAfterMinutes: minutesUntil(waitMeanwhile) };
    const setCookie = await createSessionCookie(user.id, { ip: meta.ip, userAgent: request.headers.get("user-agent") });
    return { ok: true, setCookie, user: { id: user.id, locale: user.locale } };
  }

  const waitMeanwhile = await auditedTransaction(audit, async (tx, record) => {
    // Held back by a parallel attempt: answer as the wait does (wrong and right passwords alike), count nothing.
    const wait = await passwordWaitUntil(tx, subject, now);
    if (wait) return wait;
    const { waitStarted } = await recordPasswordFailure(tx, subject, now);
    await record({
      action: waitStarted ? "auth.locked" : "auth.loginFailed",
      entityType: "User",
      entityId: user?.id ?? email,
    });
    return null;
  });
  if (waitMeanwhile) return { ok: false, reason: "throttled", retryAfterMinutes: minutesUntil(waitMeanwhile) };
  return { ok: false, reason: "invalid" };
}

export async function logout(request: Request): Promise<string> {
  const result = await validateRequestSession(request);
  if (result) {
    await auditedTransaction(auditContextFor(result.user), async (_tx, record) => {
      await record({ action: "auth.logout", entityType: "User", entityId: result.user.id });
    });
    await invalidateSession(result.sessionId);
  }
  return blankSessionCookie();
}
