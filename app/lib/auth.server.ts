import { redirect } from "@remix-run/node";
import { db } from "./db.server";
import { getEnv } from "./env.server";
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

const IP_WINDOW_MS = 15 * 60_000;

function minutesUntil(date: Date): number {
  return Math.max(1, Math.ceil((date.getTime() - Date.now()) / 60_000));
}

/**
 * Checks a password with throttling per account and per IP. Unknown e-mail and wrong password give the same
 * answer and take the same time. Successful and failed attempts are recorded in the audit log.
 */
export async function login(input: { email: string; password: string }, request: Request): Promise<LoginResult> {
  const env = getEnv();
  const email = input.email.trim().toLowerCase();
  const meta = currentRequest();
  const ipKey = `ip:${meta.ip ?? "unknown"}`;
  const now = new Date();

  const ipState = await db.loginThrottle.findUnique({ where: { key: ipKey } });
  if (ipState?.blockedUntil && ipState.blockedUntil > now) {
    return { ok: false, reason: "throttled", retryAfterMinutes: minutesUntil(ipState.blockedUntil) };
  }

  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      passwordHash: true,
      active: true,
      lockedUntil: true,
      locale: true,
      failedLoginCount: true,
    },
  });
  // Unknown e-mails are throttled too (keyed by address), so a lockout does not reveal that an account exists.
  const unknownKey = `email:${email}`;
  const unknownState = user ? null : await db.loginThrottle.findUnique({ where: { key: unknownKey } });
  const lockedUntil = user ? user.lockedUntil : (unknownState?.blockedUntil ?? null);
  if (lockedUntil && lockedUntil > now) {
    return { ok: false, reason: "throttled", retryAfterMinutes: minutesUntil(lockedUntil) };
  }

  const passwordOk = await verifyPassword(user?.passwordHash ?? (await getDecoyHash()), input.password);
  const audit: AuditContext = { actorId: user?.id ?? null, actorEmail: email, requestId: meta.requestId, ip: meta.ip };
  const lockUntil = new Date(now.getTime() + env.LOGIN_LOCK_MINUTES * 60_000);

  // The counters and locks are read again inside the transaction that updates them: parallel attempts must each
  // count (reading them before the slow password check let N concurrent guesses all write "failures + 1"), and an
  // attempt must not get past a lock another attempt set while it was checking its password.
  const lockedMeanwhile = (...dates: Array<Date | null | undefined>) =>
    dates.find((d): d is Date => !!d && d > now) ?? null;

  if (user && user.active && passwordOk) {
    const blockedUntil = await auditedTransaction(audit, async (tx, record) => {
      const ipNow = await tx.loginThrottle.findUnique({ where: { key: ipKey }, select: { blockedUntil: true } });
      const accountNow = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { lockedUntil: true } });
      const locked = lockedMeanwhile(ipNow?.blockedUntil, accountNow.lockedUntil);
      if (locked) return locked;
      await tx.user.update({
        where: { id: user.id },
        data: { failedLoginCount: 0, lockedUntil: null, lastFailedLoginAt: null },
      });
      await record({ action: "auth.login", entityType: "User", entityId: user.id });
      return null;
    });
    if (blockedUntil) return { ok: false, reason: "throttled", retryAfterMinutes: minutesUntil(blockedUntil) };
    const setCookie = await createSessionCookie(user.id, { ip: meta.ip, userAgent: request.headers.get("user-agent") });
    return { ok: true, setCookie, user: { id: user.id, locale: user.locale } };
  }

  const blockedUntil = await auditedTransaction(audit, async (tx, record) => {
    const ipNow = await tx.loginThrottle.findUnique({ where: { key: ipKey } });
    const accountNow = user
      ? await tx.user.findUniqueOrThrow({
          where: { id: user.id },
          select: { failedLoginCount: true, lockedUntil: true },
        })
      : null;
    const unknownNow = user ? null : await tx.loginThrottle.findUnique({ where: { key: unknownKey } });
    // Locked by a parallel attempt: answer as the lock does (wrong and right passwords alike), count nothing more.
    const locked = lockedMeanwhile(ipNow?.blockedUntil, accountNow?.lockedUntil, unknownNow?.blockedUntil);
    if (locked) return locked;

    // A block that has ended starts a new counting window (else one more failure would block again at once).
    const windowFresh = ipNow && !ipNow.blockedUntil && now.getTime() - ipNow.windowStartedAt.getTime() < IP_WINDOW_MS;
    const ipFailures = windowFresh ? ipNow.failures + 1 : 1;
    const ipData = {
      failures: ipFailures,
      windowStartedAt: windowFresh ? ipNow.windowStartedAt : now,
      blockedUntil: ipFailures >= env.LOGIN_MAX_FAILURES_PER_IP ? lockUntil : null,
    };
    await tx.loginThrottle.upsert({ where: { key: ipKey }, create: { key: ipKey, ...ipData }, update: ipData });

    let accountLocked = false;
    if (user && accountNow) {
      const failures = accountNow.failedLoginCount + 1;
      accountLocked = failures >= env.LOGIN_MAX_FAILURES_PER_ACCOUNT;
      await tx.user.update({
        where: { id: user.id },
        data: {
          failedLoginCount: accountLocked ? 0 : failures,
          lastFailedLoginAt: now,
          lockedUntil: accountLocked ? lockUntil : null,
        },
      });
    } else {
      const fresh =
        unknownNow && !unknownNow.blockedUntil && now.getTime() - unknownNow.windowStartedAt.getTime() < IP_WINDOW_MS;
      const failures = fresh ? unknownNow.failures + 1 : 1;
      accountLocked = failures >= env.LOGIN_MAX_FAILURES_PER_ACCOUNT;
      const data = {
        failures: accountLocked ? 0 : failures,
        windowStartedAt: fresh ? unknownNow.windowStartedAt : now,
        blockedUntil: accountLocked ? lockUntil : null,
      };
      await tx.loginThrottle.upsert({ where: { key: unknownKey }, create: { key: unknownKey, ...data }, update: data });
    }
    await record({
      action: accountLocked ? "auth.locked" : "auth.loginFailed",
      entityType: "User",
      entityId: user?.id ?? email,
    });
    return null;
  });
  if (blockedUntil) return { ok: false, reason: "throttled", retryAfterMinutes: minutesUntil(blockedUntil) };
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
