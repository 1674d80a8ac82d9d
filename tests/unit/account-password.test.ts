// Changing one's own password: the current password is guarded like sign-in (wrong guesses count in the same
// per-client and per-account counters, are audited, and make the client wait), and the new hash is written only onto the row whose
// password was checked (an administrator's reset meanwhile is never overwritten).
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { verifyPassword } from "~/lib/password.server";
import { createSessionCookie } from "~/lib/session.server";
import { login } from "~/lib/auth.server";
import { InvalidInputError } from "~/lib/errors";
import { PasswordChangeLockedError, changePassword } from "~/models/user.server";
import { TEST_PASSWORD, cookiePair, createTestUser, fromIp } from "../helpers/auth";
import { postRequest } from "../helpers/route-harness";

/** Runs once the current password was checked and before anything is written: "meanwhile". */
const afterPasswordCheck = vi.hoisted(() => ({ hook: null as null | (() => Promise<void>) }));
vi.mock("~/lib/password.server", async (importOriginal) => {
  const actual = await importOriginal<typeof import("~/lib/password.server")>();
  return {
    ...actual,
    verifyPassword: async (hash: string, password: string) => {
      const ok = await actual.verifyPassword(hash, password);
      const hook = afterPasswordCheck.hook;
      afterPasswordCheck.hook = null;
      if (hook) await hook();
      return ok;
    },
  };
});

afterEach(() => {
  afterPasswordCheck.hook = null;
});

const NEW_PASSWORD = "a-brand-new-passphrase";
const CLIENT_IP = "198.51.100.7";
const contextFor = (user: { id: string; email: string }, ip: string | null = CLIENT_IP) => ({
  actorId: user.id,
  actorEmail: user.email,
  requestId: null,
  ip,
});
const attempt = (user: { id: string; email: string }, currentPassword: string, ip?: string | null) =>
  changePassword({ userId: user.id, currentPassword, newPassword: NEW_PASSWORD, context: contextFor(user, ip) });

/** The domain error an attempt was refused with (a resolved attempt fails the test). */
async function refusal(user: { id: string; email: string }, currentPassword: string): Promise<InvalidInputError> {
  try {
    await attempt(user, currentPassword);
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error("the attempt was expected to be refused");
}

describe("changing the password", () => {
  it("counts wrong current passwords like sign-in: LOGIN_MAX_FAILURES_PER_CLIENT of them make this client wait", async () => {
    const { LOGIN_MAX_FAILURES_PER_CLIENT: max } = getEnv();
    const user = await createTestUser(db);
    for (let i = 1; i < max; i++) {
      const wrong = await refusal(user, `wrong-${i}`);
      expect(wrong).not.toBeInstanceOf(PasswordChangeLockedError);
      expect(wrong.fieldErrors).toEqual({ currentPassword: "auth.password.wrongCurrent" });
      // The account-wide count (the one administrators see) grows with every guess.
      expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedLoginCount).toBe(i);
    }
    const waiting = await refusal(user, "wrong-last");
    expect(waiting).toBeInstanceOf(PasswordChangeLockedError);
    expect(waiting.fieldErrors).toEqual({ currentPassword: "auth.password.throttled" });
    expect(waiting).toMatchObject({ retryAfterMinutes: 1 });
    const pair = await db.loginThrottle.findUniqueOrThrow({ where: { key: `acct:${user.email}|ip:${CLIENT_IP}` } });
    expect(pair.failures).toBe(max);
    expect(pair.blockedUntil?.getTime()).toBeGreaterThan(Date.now());
    // Refused while waiting, even with the right password; another client of the same user is not held back.
    expect(await refusal(user, TEST_PASSWORD)).toBeInstanceOf(PasswordChangeLockedError);
    await expect(attempt(user, TEST_PASSWORD, "198.51.100.8")).resolves.toBeUndefined();

    // Every failed attempt is in the audit log, without any password.
    const events = await db.auditEvent.findMany({ where: { entityId: user.id, action: "user.changePasswordFailed" } });
    expect(events).toHaveLength(max);
    expect(events.every((e) => e.actorId === user.id)).toBe(true);
    expect(JSON.parse(events.at(-1)?.after ?? "null")).toEqual({ failedAttempts: max, locked: true });
    expect(events.map((e) => `${e.before}${e.after}`).join("")).not.toMatch(/wrong-|argon2/);
  });

  it("adds guesses here and on the sign-in page up for the same client", async () => {
    const { LOGIN_MAX_FAILURES_PER_CLIENT: max } = getEnv();
    const user = await createTestUser(db);
    for (let i = 1; i < max; i++) await refusal(user, `wrong-${i}`);
    const signIn = (password: string) =>
      fromIp(CLIENT_IP, () => login({ email: user.email, password }, new Request("http://localhost/login")));
    expect(await signIn("wrong-on-login")).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(TEST_PASSWORD)).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("a locked user cannot change the password, not even with the right current password", async () => {
    const user = await createTestUser(db);
    const lockedUntil = new Date(Date.now() + 10 * 60_000);
    await db.user.update({ where: { id: user.id }, data: { lockedUntil } });
    const result = await refusal(user, TEST_PASSWORD);
    expect(result).toBeInstanceOf(PasswordChangeLockedError);
    expect(result.fieldErrors).toEqual({ currentPassword: "auth.password.throttled" });
    expect(result).toMatchObject({ retryAfterMinutes: 10 });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(stored.passwordHash, TEST_PASSWORD)).toBe(true);
    expect(stored.version).toBe(user.version);
    expect(await db.auditEvent.count({ where: { entityId: user.id, action: "user.changePassword" } })).toBe(0);
  });

  it("the route answers a locked account with a 400 refusal and the minutes to wait", async () => {
    const user = await createTestUser(db);
    const cookie = cookiePair(await createSessionCookie(user.id, { ip: null, userAgent: "vitest" }));
    await db.user.update({ where: { id: user.id }, data: { lockedUntil: new Date(Date.now() + 5 * 60_000) } });
    const route = await import("~/routes/account.password");
    const request = postRequest("/account/password", cookie, {
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    const answer = await route.action({ request, params: {}, context: {} });
    if (!("init" in answer)) throw new Error("expected an answer, not a redirect");
    expect(answer.init?.status).toBe(400);
    expect(answer.data).toEqual({
      intent: "changePassword",
      itemId: null,
      status: "refused",
      messageKey: "auth.login.throttled",
      values: { minutes: 5 },
    });
  });

  it("someone who does not know a current password (an SSO account) gets a link by e-mail instead", async () => {
    const user = await createTestUser(db);
    const cookie = cookiePair(await createSessionCookie(user.id, { ip: null, userAgent: "vitest" }));
    const route = await import("~/routes/account.password");
    const request = postRequest("/account/password", cookie, { intent: "sendResetLink" });
    const answer = await route.action({ request, params: {}, context: {} });
    expect(answer instanceof Response ? answer.headers.get("Location") : null).toBe("/account/password");
    const message = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: user.email } });
    expect(message.kind).toBe("passwordReset");
    expect(await db.userToken.count({ where: { userId: user.id, purpose: "PASSWORD_RESET", usedAt: null } })).toBe(1);
  });

  it("a successful change clears the failed-attempt counter", async () => {
    const user = await createTestUser(db);
    await refusal(user, "wrong");
    await expect(attempt(user, TEST_PASSWORD)).resolves.toBeUndefined();
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored).toMatchObject({ failedLoginCount: 0, lockedUntil: null, version: user.version + 1 });
    expect(await db.loginThrottle.count({ where: { key: `acct:${user.email}|ip:${CLIENT_IP}` } })).toBe(0);
    expect(await verifyPassword(stored.passwordHash, NEW_PASSWORD)).toBe(true);
  });

  it("an administrator's reset landing after the check wins: the change fails with a conflict and writes nothing", async () => {
    const user = await createTestUser(db);
    const cookie = await createSessionCookie(user.id, { ip: null, userAgent: "vitest" });
    expect(cookie).toBeTruthy();
    const resetHash = "$argon2id$v=19$m=19456,t=2,p=1$cmVzZXQtYnktYWRtaW4$cmVzZXQtYnktYWRtaW4tcmVzZXQ";
    afterPasswordCheck.hook = async () => {
      await db.user.update({
        where: { id: user.id },
        data: { passwordHash: resetHash, mustChangePassword: true, version: { increment: 1 } },
      });
    };
    const events = await db.auditEvent.count();
    const result = await refusal(user, TEST_PASSWORD);
    expect(result).not.toBeInstanceOf(PasswordChangeLockedError);
    expect(result.fieldErrors).toEqual({ currentPassword: "auth.password.conflict" });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored).toMatchObject({ passwordHash: resetHash, mustChangePassword: true, version: user.version + 1 });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
    expect(await db.auditEvent.count()).toBe(events);
  });
});
