// Sign-in, sessions, throttling, CSRF origin check and redirect safety, against a real SQLite file.
import { availableParallelism } from "node:os";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { hashSessionToken } from "~/lib/crypto.server";
import { db } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { login, logout, safeRedirectPath } from "~/lib/auth.server";
import { counterAfterFailure } from "~/lib/login-throttle.server";
import { hashPassword, oneHashPerCore, verifyPassword } from "~/lib/password.server";
import { currentRequest, normalizeClientIp } from "~/lib/request.server";
import { createSessionCookie, validateRequestSession } from "~/lib/session.server";
import { InvalidInputError } from "~/lib/errors";
import { changePassword } from "~/models/user.server";
import { isAllowedOrigin } from "../../scripts/server.mjs";
import { TEST_PASSWORD, createTestUser, fromIp, requestWithSession, tokenFromSetCookie } from "../helpers/auth";
import { postRequest } from "../helpers/route-harness";

const loginRequest = () =>
  new Request("http://localhost/login", { method: "POST", headers: { "User-Agent": "vitest" } });

let ipCounter = 0;
/** Every test signs in from its own address, so per-IP throttling in one test never leaks into another. */
function freshIp() {
  return `192.0.2.${++ipCounter}`;
}

async function signIn(email: string, password = TEST_PASSWORD, ip = freshIp()) {
  return fromIp(ip, () => login({ email, password }, loginRequest()));
}

async function signInOk(email: string, password = TEST_PASSWORD) {
  const result = await signIn(email, password);
  if (!result.ok) throw new Error(`sign-in failed: ${JSON.stringify(result)}`);
  return result;
}

const ARGON2ID_OWASP = /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/;

describe("passwords", () => {
  it("are hashed with argon2id at OWASP's parameters", async () => {
    const hash = await hashPassword("qadam-demo-2026");
    expect(hash).toMatch(ARGON2ID_OWASP);
    expect(await verifyPassword(hash, "qadam-demo-2026")).toBe(true);
    expect(await verifyPassword(hash, "qadam-demo-2027")).toBe(false);
    expect(await verifyPassword("not a hash", "x")).toBe(false);
  });

  it("are checked at most one per core at once, the others waiting their turn, every answer right", async () => {
    const hash = await hashPassword("qadam-demo-2026");
    const cores = Math.max(1, availableParallelism());
    const attempts = Array.from({ length: cores + 3 }, (_, i) =>
      verifyPassword(hash, i % 2 === 0 ? "qadam-demo-2026" : "wrong-password"),
    );
    expect(oneHashPerCore.activeCount + oneHashPerCore.pendingCount).toBe(cores + 3);
    expect(oneHashPerCore.activeCount).toBeLessThanOrEqual(cores);
    expect(oneHashPerCore.pendingCount).toBeGreaterThanOrEqual(3);
    expect(await Promise.all(attempts)).toEqual(attempts.map((_, i) => i % 2 === 0));
    expect(oneHashPerCore.activeCount + oneHashPerCore.pendingCount).toBe(0);
  });

  it("are stored as argon2id hashes", async () => {
    const user = await createTestUser(db);
    expect(user.passwordHash).toMatch(ARGON2ID_OWASP);
    expect(user.passwordHash).not.toContain(TEST_PASSWORD);
  });
});

describe("sign-in success and the session it creates", () => {
  it("returns a Set-Cookie whose raw token is never stored: the Session table holds only its hash", async () => {
    const user = await createTestUser(db);
    const result = await signInOk(user.email);
    expect(result.user.id).toBe(user.id);
    const token = tokenFromSetCookie(result.setCookie);

    const sessions = await db.session.findMany({ where: { userId: user.id } });
    expect(sessions).toHaveLength(1);
    expect(sessions[0].id).toBe(hashSessionToken(token));
    expect(sessions[0].id).not.toBe(token);
    // The token appears in no column of any session row.
    const everything = JSON.stringify(await db.session.findMany());
    expect(everything).not.toContain(token);
    const raw = await db.$queryRawUnsafe<unknown[]>(`SELECT * FROM "Session" WHERE "id" = ?`, token);
    expect(raw).toHaveLength(0);
    // Nor in the audit log.
    expect(JSON.stringify(await db.auditEvent.findMany())).not.toContain(token);
  });

  it("uses a token of at least 128 bits from a large alphabet, different every time", async () => {
    const user = await createTestUser(db);
    const tokens = new Set<string>();
    for (let i = 0; i < 3; i++) tokens.add(tokenFromSetCookie((await signInOk(user.email)).setCookie));
    expect(tokens.size).toBe(3);
    for (const token of tokens) {
      expect(token).toMatch(/^[a-z2-7]+$/); // base32: 5 bits per character
      expect(token.length * 5).toBeGreaterThanOrEqual(128);
    }
  });

  it("sets an HttpOnly, SameSite=Lax cookie (not Secure outside production)", async () => {
    const user = await createTestUser(db);
    const { setCookie } = await signInOk(user.email);
    const attributes = setCookie.split(";").map((a) => a.trim().toLowerCase());
    expect(attributes[0]).toMatch(/^qadam_session=/);
    expect(attributes).toContain("httponly");
    expect(attributes).toContain("samesite=lax");
    expect(attributes).toContain("path=/");
    expect(attributes).not.toContain("secure");
  });

  it("starts a new session on every login", async () => {
    const user = await createTestUser(db);
    const first = tokenFromSetCookie((await signInOk(user.email)).setCookie);
    const second = tokenFromSetCookie((await signInOk(user.email)).setCookie);
    expect(first).not.toBe(second);
    const ids = (await db.session.findMany({ where: { userId: user.id } })).map((s) => s.id).sort();
    expect(ids).toEqual([hashSessionToken(first), hashSessionToken(second)].sort());
  });

  it("accepts the e-mail in any case and with surrounding spaces", async () => {
    const user = await createTestUser(db, { email: "Mixed.Case@Qadam.test" });
    expect(user.email).toBe("mixed.case@qadam.test");
    expect((await signIn("  MIXED.case@QADAM.TEST ")).ok).toBe(true);
  });

  it("records successful and failed sign-ins in the audit log, never the password", async () => {
    const user = await createTestUser(db);
    await signInOk(user.email);
    await signIn(user.email, "wrong-password-123");
    const events = await db.auditEvent.findMany({ where: { entityId: user.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["auth.login", "auth.loginFailed"]);
    expect(JSON.stringify(events)).not.toContain("wrong-password-123");
    expect(JSON.stringify(events)).not.toContain(TEST_PASSWORD);
  });
});

describe("Secure cookie in production", () => {
  const saved = { NODE_ENV: process.env.NODE_ENV, COOKIE_SECURE: process.env.COOKIE_SECURE };
  afterEach(() => {
    process.env.NODE_ENV = saved.NODE_ENV;
    if (saved.COOKIE_SECURE === undefined) delete process.env.COOKIE_SECURE;
    else process.env.COOKIE_SECURE = saved.COOKIE_SECURE;
    vi.resetModules();
  });

  async function freshSessionModule(env: Record<string, string | undefined>) {
    Object.assign(process.env, env);
    for (const [key, value] of Object.entries(env)) if (value === undefined) delete process.env[key];
    vi.resetModules();
    return import("~/lib/session.server");
  }

  it("marks the session cookie Secure when NODE_ENV=production", async () => {
    const user = await createTestUser(db);
    const session = await freshSessionModule({ NODE_ENV: "production", COOKIE_SECURE: undefined });
    const setCookie = await session.createSessionCookie(user.id, { ip: null, userAgent: null });
    const attributes = setCookie.split(";").map((a) => a.trim().toLowerCase());
    expect(attributes).toContain("secure");
    expect(attributes).toContain("httponly");
    expect(attributes).toContain("samesite=lax");
    expect(session.blankSessionCookie().toLowerCase()).toContain("secure");
  });

  it("COOKIE_SECURE=false turns it off explicitly", async () => {
    const session = await freshSessionModule({ NODE_ENV: "production", COOKIE_SECURE: "false" });
    expect(session.blankSessionCookie().toLowerCase()).not.toContain("secure");
  });
});

describe("failed sign-in", () => {
  it("gives the identical answer for an unknown e-mail and a wrong password", async () => {
    const user = await createTestUser(db);
    const wrongPassword = await signIn(user.email, "not-the-password");
    const unknownEmail = await signIn("nobody-here@qadam.test", TEST_PASSWORD);
    expect(wrongPassword).toEqual({ ok: false, reason: "invalid" });
    expect(unknownEmail).toEqual(wrongPassword);
  });

  it("refuses a deactivated account with the same generic answer", async () => {
    const user = await createTestUser(db, { active: false });
    expect(await signIn(user.email)).toEqual({ ok: false, reason: "invalid" });
  });

  it("creates no session", async () => {
    const user = await createTestUser(db);
    await signIn(user.email, "nope-nope-nope");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("the sign-in page answers a refusal for its form: 401 for a wrong password, 429 with the minutes when locked", async () => {
    const route = await import("~/routes/login");
    const user = await createTestUser(db);
    const post = (password: string) =>
      fromIp(freshIp(), async () => {
        const request = postRequest("/login", null, { email: user.email, password });
        return (await route.action({ request, params: {}, context: {} })) as unknown;
      });
    expect(await post("not-the-password")).toMatchObject({
      init: { status: 401 },
      data: { intent: "login", itemId: null, status: "refused", messageKey: "auth.login.invalid" },
    });
    await db.user.update({ where: { id: user.id }, data: { lockedUntil: new Date(Date.now() + 3 * 60_000) } });
    expect(await post(TEST_PASSWORD)).toMatchObject({
      init: { status: 429 },
      data: { status: "refused", messageKey: "auth.login.throttled", values: { minutes: 3 } },
    });
  });
});

describe("throttling", () => {
  let env: ReturnType<typeof getEnv>;
  beforeAll(() => {
    env = getEnv();
  });

  const pairKey = (email: string, ip: string) => `acct:${email}|ip:${ip}`;
  /** Ends whatever wait a client has for an account, as if the minutes had passed. */
  const endClientWait = (email: string, ip: string) =>
    db.loginThrottle.update({
      where: { key: pairKey(email, ip) },
      data: { blockedUntil: new Date(Date.now() - 1000) },
    });
  /** The account as if other clients had already failed `failures` times just now. */
  const failedElsewhere = (userId: string, failures: number, at = new Date()) =>
    db.user.update({ where: { id: userId }, data: { failedLoginCount: failures, lastFailedLoginAt: at } });

  it("makes one client wait after LOGIN_MAX_FAILURES_PER_CLIENT failures for an account, longer after each further one", async () => {
    const user = await createTestUser(db);
    const ip = freshIp();
    for (let i = 0; i < env.LOGIN_MAX_FAILURES_PER_CLIENT; i++) {
      expect(await signIn(user.email, `wrong-${i}`, ip)).toEqual({ ok: false, reason: "invalid" });
    }
    // The next attempt from that client is not even checked: the right password is refused too.
    expect(await signIn(user.email, TEST_PASSWORD, ip)).toEqual({
      ok: false,
      reason: "throttled",
      retryAfterMinutes: 1,
    });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);

    await endClientWait(user.email, ip);
    expect(await signIn(user.email, "wrong-again", ip)).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(user.email, TEST_PASSWORD, ip)).toEqual({
      ok: false,
      reason: "throttled",
      retryAfterMinutes: 2,
    });

    // The wait ends: the right password works and that client starts afresh for this account.
    await endClientWait(user.email, ip);
    expect((await signIn(user.email, TEST_PASSWORD, ip)).ok).toBe(true);
    expect(await db.loginThrottle.findUnique({ where: { key: pairKey(user.email, ip) } })).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lockedUntil).toBeNull();
  });

  it("does not lock anyone out: a stranger's failures leave the right password from a client with no failures working", async () => {
    const user = await createTestUser(db);
    const attacker = freshIp();
    for (let i = 0; i < env.LOGIN_MAX_FAILURES_PER_CLIENT * 3; i++) await signIn(user.email, `guess-${i}`, attacker);
    expect(await signIn(user.email, TEST_PASSWORD, attacker)).toMatchObject({ ok: false, reason: "throttled" });

    const owner = await signIn(user.email, TEST_PASSWORD, freshIp());
    expect(owner.ok).toBe(true);
    // The attacker is still held back after the owner signed in.
    expect(await signIn(user.email, TEST_PASSWORD, attacker)).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("does not lock an account for fewer failures than the limit, and a success resets that client's count", async () => {
    const user = await createTestUser(db);
    const ip = freshIp();
    for (let i = 0; i < env.LOGIN_MAX_FAILURES_PER_CLIENT - 1; i++) await signIn(user.email, `wrong-${i}`, ip);
    expect((await signIn(user.email, TEST_PASSWORD, ip)).ok).toBe(true);
    for (let i = 0; i < env.LOGIN_MAX_FAILURES_PER_CLIENT - 1; i++) await signIn(user.email, `wrong-${i}`, ip);
    expect((await signIn(user.email, TEST_PASSWORD, ip)).ok).toBe(true);
  });

  it("counts ::1, 127.0.0.1 and ::ffff:127.0.0.1 as one client", async () => {
    const user = await createTestUser(db);
    const loopbacks = ["::1", "127.0.0.1", "::ffff:127.0.0.1", "0:0:0:0:0:0:0:1", "::FFFF:7f00:1"];
    for (let i = 0; i < env.LOGIN_MAX_FAILURES_PER_CLIENT; i++) {
      expect(await signIn(user.email, `wrong-${i}`, loopbacks[i % loopbacks.length])).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    for (const ip of loopbacks) {
      expect(await signIn(user.email, TEST_PASSWORD, ip)).toMatchObject({ ok: false, reason: "throttled" });
    }
    expect(await db.loginThrottle.count({ where: { key: { startsWith: `acct:${user.email}|` } } })).toBe(1);
    expect((await signIn(user.email, TEST_PASSWORD, freshIp())).ok).toBe(true);
  });

  it("paces every client once LOGIN_MAX_FAILURES_PER_ACCOUNT failures come from all clients together, without locking", async () => {
    const user = await createTestUser(db);
    await failedElsewhere(user.id, env.LOGIN_MAX_FAILURES_PER_ACCOUNT - 1);
    expect(await signIn(user.email, "one-more-guess")).toEqual({ ok: false, reason: "invalid" });
    const [event] = await db.auditEvent.findMany({ where: { entityId: user.id }, orderBy: { seq: "desc" }, take: 1 });
    expect(event.action).toBe("auth.locked");

    // Even a client with no failures of its own waits, for one minute: a pace, not a lock.
    expect(await signIn(user.email, TEST_PASSWORD, freshIp())).toEqual({
      ok: false,
      reason: "throttled",
      retryAfterMinutes: 1,
    });
    await db.user.update({ where: { id: user.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect((await signIn(user.email, TEST_PASSWORD, freshIp())).ok).toBe(true);

    // The owner's sign-in does not hand the attackers a fresh allowance: the next failure waits longer.
    expect(await signIn(user.email, "and-another")).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(user.email, TEST_PASSWORD, freshIp())).toEqual({
      ok: false,
      reason: "throttled",
      retryAfterMinutes: 2,
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      failedLoginCount: env.LOGIN_MAX_FAILURES_PER_ACCOUNT + 1,
    });
  });

  it("forgets an account's failures after a day without one", async () => {
    const user = await createTestUser(db);
    await failedElsewhere(user.id, env.LOGIN_MAX_FAILURES_PER_ACCOUNT - 1, new Date(Date.now() - 25 * 60 * 60_000));
    expect(await signIn(user.email, "long-after")).toEqual({ ok: false, reason: "invalid" });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      failedLoginCount: 1,
      lockedUntil: null,
    });
  });

  it("grows a wait 1, 2, 4, 8… minutes up to LOGIN_LOCK_MINUTES and forgets after a day", () => {
    const limits = { free: 3, maxWaitMinutes: 15 };
    const now = new Date();
    let counter: ReturnType<typeof counterAfterFailure> | null = null;
    const waits: number[] = [];
    for (let i = 0; i < 9; i++) {
      counter = counterAfterFailure(counter, now, limits);
      waits.push(counter.waitMinutes);
    }
    expect(waits).toEqual([0, 0, 1, 2, 4, 8, 15, 15, 15]);
    expect(counter?.blockedUntil?.getTime()).toBe(now.getTime() + 15 * 60_000);
    const nextDay = new Date(now.getTime() + 24 * 60 * 60_000);
    expect(counterAfterFailure(counter, nextDay, limits)).toMatchObject({ failures: 1, waitMinutes: 0 });
  });

  it("throttles an unknown e-mail exactly like a real account, so a wait reveals nothing", async () => {
    const user = await createTestUser(db);
    const unknown = "ghost@qadam.test";
    const [knownIp, ghostIp] = [freshIp(), freshIp()];
    for (let i = 0; i < env.LOGIN_MAX_FAILURES_PER_CLIENT; i++) {
      const known = await signIn(user.email, `wrong-${i}`, knownIp);
      const ghost = await signIn(unknown, `wrong-${i}`, ghostIp);
      expect(ghost).toEqual(known);
    }
    const known = await signIn(user.email, TEST_PASSWORD, knownIp);
    const ghost = await signIn(unknown, TEST_PASSWORD, ghostIp);
    expect(known).toMatchObject({ ok: false, reason: "throttled" });
    expect(ghost).toEqual(known);
    // Account-wide, too.
    const ghostAccount = await db.loginThrottle.findUniqueOrThrow({ where: { key: `email:${unknown}` } });
    expect(ghostAccount.failures).toBe((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedLoginCount);
  });

  it("counts parallel guesses from one client one by one: a burst makes it wait, and the rest of the burst is refused", async () => {
    const user = await createTestUser(db);
    const ip = freshIp();
    const limit = env.LOGIN_MAX_FAILURES_PER_CLIENT;
    const burst = await Promise.all(
      Array.from({ length: limit * 2 }, (_, i) => signIn(user.email, `parallel-guess-${i}`, ip)),
    );
    expect(burst.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(limit);
    expect(burst.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(limit);
    const stored = await db.loginThrottle.findUniqueOrThrow({ where: { key: pairKey(user.email, ip) } });
    expect(stored.failures).toBe(limit);
    expect(stored.blockedUntil?.getTime()).toBeGreaterThan(Date.now());
    expect(await signIn(user.email, TEST_PASSWORD, ip)).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("counts parallel guesses from many clients one by one against the account-wide limit", async () => {
    const user = await createTestUser(db);
    const left = 3;
    await failedElsewhere(user.id, env.LOGIN_MAX_FAILURES_PER_ACCOUNT - left);
    const burst = await Promise.all(Array.from({ length: left * 2 }, (_, i) => signIn(user.email, `spread-${i}`)));
    expect(burst.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(left);
    expect(burst.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(left);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.failedLoginCount).toBe(env.LOGIN_MAX_FAILURES_PER_ACCOUNT);
    expect(stored.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
  });

  it("counts parallel failures from one IP one by one", async () => {
    const ip = "10.0.0.77";
    const n = Math.min(12, env.LOGIN_MAX_FAILURES_PER_IP - 1);
    await Promise.all(Array.from({ length: n }, (_, i) => signIn(`parallel-${i}@qadam.test`, "guess", ip)));
    expect(await db.loginThrottle.findUniqueOrThrow({ where: { key: `ip:${ip}` } })).toMatchObject({
      failures: n,
      blockedUntil: null,
    });
  });

  it("blocks an IP after LOGIN_MAX_FAILURES_PER_IP failures, for any account, with a retry-after", async () => {
    const ip = "10.0.0.9";
    const user = await createTestUser(db);
    for (let i = 0; i < env.LOGIN_MAX_FAILURES_PER_IP; i++) {
      // Different (unknown) e-mails each time: only the address ties the attempts together.
      const result = await signIn(`spray-${i}@qadam.test`, "guess", ip);
      expect(result).toEqual({ ok: false, reason: "invalid" });
    }
    const blocked = await signIn(user.email, TEST_PASSWORD, ip);
    expect(blocked).toEqual({ ok: false, reason: "throttled", retryAfterMinutes: env.LOGIN_LOCK_MINUTES });
    // Another address is not affected, and the account itself is not locked.
    expect((await signIn(user.email, TEST_PASSWORD, "10.0.0.10")).ok).toBe(true);

    // When the block ends the address may try again.
    await db.loginThrottle.update({ where: { key: `ip:${ip}` }, data: { blockedUntil: new Date(Date.now() - 1000) } });
    expect((await signIn(user.email, TEST_PASSWORD, ip)).ok).toBe(true);
  });

  it("after a block ends, the address starts a new count instead of being blocked again at its next failure", async () => {
    const ip = "10.0.0.11";
    for (let i = 0; i < env.LOGIN_MAX_FAILURES_PER_IP; i++) await signIn(`again-${i}@qadam.test`, "guess", ip);
    await db.loginThrottle.update({ where: { key: `ip:${ip}` }, data: { blockedUntil: new Date(Date.now() - 1000) } });
    expect(await signIn("again-x@qadam.test", "guess", ip)).toEqual({ ok: false, reason: "invalid" });
    const state = await db.loginThrottle.findUniqueOrThrow({ where: { key: `ip:${ip}` } });
    expect(state).toMatchObject({ failures: 1, blockedUntil: null });
  });
});

describe("normalizeClientIp", () => {
  it.each([
    ["127.0.0.1", "127.0.0.1"],
    ["::1", "127.0.0.1"],
    ["[::1]", "127.0.0.1"],
    ["0:0:0:0:0:0:0:1", "127.0.0.1"],
    ["::ffff:127.0.0.1", "127.0.0.1"],
    ["::FFFF:7F00:1", "127.0.0.1"],
    ["::ffff:192.0.2.44", "192.0.2.44"],
    [" 203.0.113.9 ", "203.0.113.9"],
    ["2001:DB8:0:0::0:1", "2001:db8::1"],
    ["fe80::1%eth0", "fe80::1"],
    ["unknown", "unknown"],
  ])("writes %j as %j", (raw, expected) => {
    expect(normalizeClientIp(raw)).toBe(expected);
  });

  it("gives null for no address", () => {
    expect(normalizeClientIp(null)).toBeNull();
    expect(normalizeClientIp(undefined)).toBeNull();
    expect(normalizeClientIp("  ")).toBeNull();
  });

  it("is what the request store holds once the app reads it", async () => {
    expect(await fromIp("::ffff:10.1.2.3", async () => currentRequest().ip)).toBe("10.1.2.3");
  });
});

describe("session lifecycle", () => {
  it("a session cookie identifies its user", async () => {
    const user = await createTestUser(db, { role: "OFFICER", orgKind: "IFC" });
    const { setCookie } = await signInOk(user.email);
    const result = await validateRequestSession(requestWithSession(setCookie));
    expect(result?.user).toMatchObject({ id: user.id, role: "OFFICER", organizationKind: "IFC", email: user.email });
    expect(await validateRequestSession(requestWithSession(null))).toBeNull();
    expect(
      await validateRequestSession(requestWithSession("qadam_session=forged-token-aaaaaaaaaaaaaaaaaaaa")),
    ).toBeNull();
  });

  it("presenting the stored hash as a cookie does not work (a leaked table holds no usable token)", async () => {
    const user = await createTestUser(db);
    await signInOk(user.email);
    const [row] = await db.session.findMany({ where: { userId: user.id } });
    expect(await validateRequestSession(requestWithSession(`qadam_session=${row.id}`))).toBeNull();
  });

  it("logout deletes the session and returns a blank cookie", async () => {
    const user = await createTestUser(db);
    const { setCookie } = await signInOk(user.email);
    const other = await signInOk(user.email);
    const blank = await logout(requestWithSession(setCookie, "/logout", { method: "POST" }));
    expect(blank).toMatch(/^qadam_session=;/);
    expect(blank.toLowerCase()).toMatch(/max-age=0|expires=thu, 01 jan 1970/);
    expect(await db.session.findUnique({ where: { id: hashSessionToken(tokenFromSetCookie(setCookie)) } })).toBeNull();
    expect(await validateRequestSession(requestWithSession(setCookie))).toBeNull();
    // Only that session: the user's other browser stays signed in.
    expect(await validateRequestSession(requestWithSession(other.setCookie))).not.toBeNull();
  });

  it("deactivating a user ends their sessions", async () => {
    const user = await createTestUser(db);
    const { setCookie } = await signInOk(user.email);
    expect(await validateRequestSession(requestWithSession(setCookie))).not.toBeNull();
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await validateRequestSession(requestWithSession(setCookie))).toBeNull();
    // The session is gone for good: reactivation does not revive it.
    await db.user.update({ where: { id: user.id }, data: { active: true } });
    expect(await validateRequestSession(requestWithSession(setCookie))).toBeNull();
  });

  it("changing the password deletes every session of the user, and only with the right current password", async () => {
    const user = await createTestUser(db);
    const bystander = await createTestUser(db);
    const a = await signInOk(user.email);
    const b = await signInOk(user.email);
    const theirs = await signInOk(bystander.email);
    const context = { actorId: user.id, actorEmail: user.email, requestId: null, ip: null };

    const refused = changePassword({
      userId: user.id,
      currentPassword: "wrong",
      newPassword: "a-brand-new-passphrase",
      context,
    });
    await expect(refused).rejects.toBeInstanceOf(InvalidInputError);
    await expect(refused).rejects.toMatchObject({ fieldErrors: { currentPassword: "auth.password.wrongCurrent" } });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(2);

    const changed = changePassword({
      userId: user.id,
      currentPassword: TEST_PASSWORD,
      newPassword: "a-brand-new-passphrase",
      context,
    });
    await expect(changed).resolves.toBeUndefined();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await validateRequestSession(requestWithSession(a.setCookie))).toBeNull();
    expect(await validateRequestSession(requestWithSession(b.setCookie))).toBeNull();
    expect(await validateRequestSession(requestWithSession(theirs.setCookie))).not.toBeNull();

    expect(await signIn(user.email, TEST_PASSWORD)).toEqual({ ok: false, reason: "invalid" });
    expect((await signIn(user.email, "a-brand-new-passphrase")).ok).toBe(true);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(ARGON2ID_OWASP);
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: "user.changePassword" } });
    expect(`${event.before}${event.after}`).not.toContain("argon2");
  });

  it("an idle session is rejected after SESSION_IDLE_MINUTES, an active one slides", async () => {
    const idleMinutes = getEnv().SESSION_IDLE_MINUTES;
    const user = await createTestUser(db);
    const idle = await signInOk(user.email);
    const active = await signInOk(user.email);
    const idleId = hashSessionToken(tokenFromSetCookie(idle.setCookie));
    const activeId = hashSessionToken(tokenFromSetCookie(active.setCookie));

    await db.session.update({
      where: { id: idleId },
      data: { lastSeenAt: new Date(Date.now() - (idleMinutes + 1) * 60_000) },
    });
    const lastSeen = new Date(Date.now() - (idleMinutes - 1) * 60_000);
    await db.session.update({ where: { id: activeId }, data: { lastSeenAt: lastSeen } });

    expect(await validateRequestSession(requestWithSession(idle.setCookie))).toBeNull();
    expect(await db.session.findUnique({ where: { id: idleId } })).toBeNull();

    expect(await validateRequestSession(requestWithSession(active.setCookie))).not.toBeNull();
    const touched = await db.session.findUniqueOrThrow({ where: { id: activeId } });
    expect(touched.lastSeenAt.getTime()).toBeGreaterThan(lastSeen.getTime() + 60_000);
  });

  it("an expired session is rejected", async () => {
    const user = await createTestUser(db);
    const setCookie = await createSessionCookie(user.id, { ip: null, userAgent: null });
    const id = hashSessionToken(tokenFromSetCookie(setCookie));
    await db.session.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await validateRequestSession(requestWithSession(setCookie))).toBeNull();
  });

  it("a session past half its life is extended in the database and the browser gets a refreshed cookie", async () => {
    const user = await createTestUser(db);
    const setCookie = await createSessionCookie(user.id, { ip: null, userAgent: null });
    const id = hashSessionToken(tokenFromSetCookie(setCookie));
    const fresh = await validateRequestSession(requestWithSession(setCookie));
    expect(fresh?.refreshCookie).toBeNull();

    const soon = new Date(Date.now() + 60 * 60_000);
    await db.session.update({ where: { id }, data: { expiresAt: soon } });
    const slid = await validateRequestSession(requestWithSession(setCookie));
    expect(slid?.refreshCookie).toContain(`qadam_session=${tokenFromSetCookie(setCookie)}`);
    expect(slid?.refreshCookie).toMatch(/Max-Age=\d{6,}/);
    const row = await db.session.findUniqueOrThrow({ where: { id } });
    expect(row.expiresAt.getTime()).toBeGreaterThan(soon.getTime() + 24 * 60 * 60_000);
  });
});

describe("safeRedirectPath", () => {
  it.each([
    "https://evil.test",
    "//evil.test",
    "/\\evil.test",
    "javascript:alert(1)",
    "/.//evil.test",
    "/..//evil.test",
    "/a/..//evil.test",
    "/%2e//evil.test",
    "/\t/evil.test",
    "\\\\evil.test",
    "evil.test",
    "",
  ])("refuses %j", (target) => {
    const result = safeRedirectPath(target);
    expect(result).toBe("/");
  });

  it.each([
    ["/projects?x=1", "/projects?x=1"],
    ["/projects/abc#milestones", "/projects/abc#milestones"],
    ["/history?project=P099270&entity=Milestone", "/history?project=P099270&entity=Milestone"],
  ])("keeps %j", (target, expected) => {
    expect(safeRedirectPath(target)).toBe(expected);
  });

  it("falls back for non-strings and uses the given fallback", () => {
    expect(safeRedirectPath(null)).toBe("/");
    expect(safeRedirectPath(undefined, "/reviews")).toBe("/reviews");
    expect(safeRedirectPath("https://evil.test", "/reviews")).toBe("/reviews");
  });
});

describe("isAllowedOrigin (the CSRF check in scripts/server.mjs)", () => {
  const base = { host: "qadam.example.org", protocol: "https", allowedOrigins: ["https://public.example.org"] };

  it.each(["POST", "PUT", "PATCH", "DELETE", "post"])('%s: refuses a missing, foreign or "null" Origin', (method) => {
    expect(isAllowedOrigin({ ...base, method, origin: undefined })).toBe(false);
    expect(isAllowedOrigin({ ...base, method, origin: "" })).toBe(false);
    expect(isAllowedOrigin({ ...base, method, origin: "null" })).toBe(false);
    expect(isAllowedOrigin({ ...base, method, origin: "https://evil.test" })).toBe(false);
    // Same host, wrong scheme or port; a look-alike suffix.
    expect(isAllowedOrigin({ ...base, method, origin: "http://qadam.example.org" })).toBe(false);
    expect(isAllowedOrigin({ ...base, method, origin: "https://qadam.example.org:8443" })).toBe(false);
    expect(isAllowedOrigin({ ...base, method, origin: "https://qadam.example.org.evil.test" })).toBe(false);
  });

  it.each(["POST", "PUT", "PATCH", "DELETE"])("%s: allows the same origin and ALLOWED_ORIGINS", (method) => {
    expect(isAllowedOrigin({ ...base, method, origin: "https://qadam.example.org" })).toBe(true);
    expect(isAllowedOrigin({ ...base, method, origin: "https://public.example.org" })).toBe(true);
  });

  it.each(["GET", "HEAD", "OPTIONS"])("%s needs no Origin", (method) => {
    expect(isAllowedOrigin({ ...base, method, origin: undefined })).toBe(true);
    expect(isAllowedOrigin({ ...base, method, origin: "https://evil.test" })).toBe(true);
  });
});
