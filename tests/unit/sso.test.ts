// Single sign-on: the rules that decide who a provider's sign-in becomes (pure), and the sign-in itself against a
// real SQLite file — accounts by verified e-mail only, automatic accounts per domain and organisation, deactivated
// accounts, the same throttle and audit trail as passwords. The browser flow through a real provider is in
// tests/e2e/sso.spec.ts.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { parseEnv } from "~/lib/env.server";
import { InvalidInputError } from "~/lib/errors";
import { login, requireUser } from "~/lib/auth.server";
import { signInWithSso } from "~/lib/sso-login.server";
import { ssoOutcomeOf } from "~/lib/sso-outcome";
import { decideSsoSignIn, emailDomain, verifiedEmail, type SsoClaims } from "~/lib/sso-rules";
import { addSsoAutoDomain, removeSsoAutoDomain } from "~/models/admin/sso-domains.server";
import { SYSTEM_CONTEXT } from "~/models/audit.server";
import { AddSsoDomainSchema } from "~/schemas/sso";
import { createTestUser, fromIp, requestWithSession, TEST_PASSWORD } from "../helpers/auth";

const claims = (email: unknown, emailVerified: unknown = true, name?: string): SsoClaims => ({
  sub: `sub-${randomUUID()}`,
  email,
  emailVerified,
  name,
});

describe("who a single sign-on may become (rules)", () => {
  const active = { id: "u1", active: true };

  it("signs in the account that holds the verified e-mail, compared without case or spaces", () => {
    expect(decideSsoSignIn(claims("  Jane.Doe@WorldBank.ORG "), active, null)).toEqual({
      kind: "signIn",
      email: "jane.doe@worldbank.org",
      userId: "u1",
    });
  });

  it("trusts only email_verified === true: false, missing or the string 'true' select nothing", () => {
    for (const verified of [false, undefined, "true", 1, null]) {
      const unverified = { sub: "s", email: "jane@worldbank.org", emailVerified: verified };
      expect(decideSsoSignIn(unverified, active, null)).toEqual({
        kind: "refuse",
        reason: "noVerifiedEmail",
        email: null,
      });
    }
    expect(verifiedEmail(claims(undefined))).toBeNull();
    expect(verifiedEmail(claims("not an address"))).toBeNull();
  });

  it("never uses the display name, however well it matches", () => {
    const decision = decideSsoSignIn({ sub: "x", name: "jane@worldbank.org" }, active, null);
    expect(decision).toEqual({ kind: "refuse", reason: "noVerifiedEmail", email: null });
  });

  it("refuses a deactivated account, even where its domain opens accounts", () => {
    const decision = decideSsoSignIn(
      claims("jane@worldbank.org"),
      { id: "u1", active: false },
      { organizationId: "o" },
    );
    expect(decision).toEqual({ kind: "refuse", reason: "deactivated", email: "jane@worldbank.org" });
  });

  it("refuses an unknown address unless its domain is allowed, then opens an account in that organisation", () => {
    expect(decideSsoSignIn(claims("new@worldbank.org"), null, null)).toEqual({
      kind: "refuse",
      reason: "unknownAccount",
      email: "new@worldbank.org",
    });
    expect(decideSsoSignIn(claims("New@WorldBank.org", true, " New Person "), null, { organizationId: "wb" })).toEqual({
      kind: "createAccount",
      email: "new@worldbank.org",
      organizationId: "wb",
      name: "New Person",
    });
    expect(decideSsoSignIn(claims("nameless@worldbank.org"), null, { organizationId: "wb" })).toMatchObject({
      name: "nameless",
    });
  });

  it("reads the domain of an address exactly (no suffix tricks)", () => {
    expect(emailDomain("a@WorldBank.org")).toBe("worldbank.org");
    expect(emailDomain("a@evil-worldbank.org")).toBe("evil-worldbank.org");
    expect(emailDomain("a@b@worldbank.org")).toBeNull();
    expect(emailDomain("worldbank.org")).toBeNull();
  });

  it("shows only known outcomes on the sign-in page", () => {
    expect(ssoOutcomeOf("deactivated")).toBe("deactivated");
    expect(ssoOutcomeOf("<script>")).toBeNull();
    expect(ssoOutcomeOf(null)).toBeNull();
  });
});

let ipCounter = 0;
const freshIp = () => `198.51.100.${++ipCounter}`;
const request = () => new Request("http://localhost/auth/sso/callback", { headers: { "User-Agent": "vitest" } });
const ssoSignIn = (c: SsoClaims, ip = freshIp()) => fromIp(ip, () => signInWithSso(c, request(), { locale: "ru" }));

async function eventsFor(entityId: string) {
  const events = await db.auditEvent.findMany({ where: { entityId }, orderBy: { seq: "asc" } });
  return events.map((e) => ({ action: e.action, after: e.after === null ? null : (JSON.parse(e.after) as unknown) }));
}

describe("signing in with single sign-on (database)", () => {
  it("opens a session for the active account with that verified e-mail and audits it", async () => {
    const user = await createTestUser(db);
    const result = await ssoSignIn(claims(user.email.toUpperCase()));
    expect(result).toMatchObject({ ok: true, created: false });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
    expect(await eventsFor(user.id)).toEqual([{ action: "auth.ssoLogin", after: null }]);
  });

  it("is never sent to change a password it may never have had: a temporary password is withdrawn instead", async () => {
    // An account whose administrator once typed a temporary password (before invitations and reset links).
    const user = await createTestUser(db);
    await db.user.update({ where: { id: user.id }, data: { mustChangePassword: true } });
    const result = await ssoSignIn(claims(user.email));
    if (!result.ok) throw new Error("the sign-in was refused");
    // The session opens the app itself, not "change your password".
    const signedIn = await requireUser(requestWithSession(result.setCookie, "/projects"));
    expect(signedIn).toMatchObject({ id: user.id, mustChangePassword: false });
    // The change is audited with the sign-in, and the temporary password no longer opens the account.
    expect((await eventsFor(user.id)).map((e) => e.action)).toEqual(["user.retireTemporaryPassword", "auth.ssoLogin"]);
    const byPassword = await fromIp(freshIp(), () =>
      login({ email: user.email, password: TEST_PASSWORD }, new Request("http://localhost/login")),
    );
    expect(byPassword.ok).toBe(false);
    // An account without a temporary password keeps its own: a later sign-in by password still works.
    const other = await createTestUser(db);
    expect(await ssoSignIn(claims(other.email))).toMatchObject({ ok: true });
    const again = await fromIp(freshIp(), () =>
      login({ email: other.email, password: TEST_PASSWORD }, new Request("http://localhost/login")),
    );
    expect(again.ok).toBe(true);
  });

  it("refuses a deactivated account, opens no session and audits the refusal", async () => {
    const user = await createTestUser(db, { active: false });
    expect(await ssoSignIn(claims(user.email))).toEqual({ ok: false, reason: "deactivated" });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await eventsFor(user.id)).toEqual([{ action: "auth.ssoRefused", after: { reason: "deactivated" } }]);
  });

  it("refuses an unverified e-mail even when it names an existing account", async () => {
    const user = await createTestUser(db);
    expect(await ssoSignIn(claims(user.email, false))).toEqual({ ok: false, reason: "noVerifiedEmail" });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses an unknown address and creates nothing when its domain is not allowed", async () => {
    const email = `nobody-${randomUUID()}@not-allowed.test`;
    expect(await ssoSignIn(claims(email))).toEqual({ ok: false, reason: "unknownAccount" });
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect(await eventsFor(email)).toEqual([{ action: "auth.ssoRefused", after: { reason: "unknownAccount" } }]);
  });

  it("opens an OFFICER account without projects for an allowed domain, in its organisation only", async () => {
    const domain = `auto-${randomUUID().slice(0, 8)}.test`;
    const owner = await createTestUser(db, { orgCode: `SSO-${domain}`, orgKind: "MINISTRY" });
    await addSsoAutoDomain({ context: SYSTEM_CONTEXT, input: { domain, organizationId: owner.organizationId } });

    const result = await ssoSignIn(claims(`First.Person@${domain.toUpperCase()}`, true, "First Person"));
    expect(result).toMatchObject({ ok: true, created: true });
    const created = await db.user.findUniqueOrThrow({
      where: { email: `first.person@${domain}` },
      include: { memberships: true },
    });
    expect(created).toMatchObject({
      role: "OFFICER",
      organizationId: owner.organizationId,
      active: true,
      name: "First Person",
      locale: "ru",
      mustChangePassword: false,
    });
    expect(created.memberships).toEqual([]);
    expect((await eventsFor(created.id)).map((e) => e.action)).toEqual(["user.createBySso", "auth.ssoLogin"]);

    // A sub-domain or a look-alike is a different domain.
    expect(await ssoSignIn(claims(`x@mail.${domain}`))).toEqual({ ok: false, reason: "unknownAccount" });
    expect(await ssoSignIn(claims(`x@evil${domain}`))).toEqual({ ok: false, reason: "unknownAccount" });

    // Once the domain is removed, new people are refused again; the account already opened still signs in.
    const rule = await db.ssoAutoAccountDomain.findUniqueOrThrow({ where: { domain } });
    await removeSsoAutoDomain({ context: SYSTEM_CONTEXT, id: rule.id });
    expect(await ssoSignIn(claims(`second@${domain}`))).toEqual({ ok: false, reason: "unknownAccount" });
    expect(await ssoSignIn(claims(`first.person@${domain}`))).toMatchObject({ ok: true, created: false });
  });

  it("is throttled like a password: refusals from one client count, and then even a good sign-in waits", async () => {
    const ip = freshIp();
    const user = await createTestUser(db);
    const stranger = `stranger-${randomUUID()}@not-allowed.test`;
    // The per-client count is per account and client: five refusals of the same address from one client.
    for (let i = 0; i < 4; i++)
      expect(await ssoSignIn(claims(stranger), ip)).toMatchObject({ reason: "unknownAccount" });
    expect(await ssoSignIn(claims(stranger), ip)).toMatchObject({ ok: false });
    expect(await ssoSignIn(claims(stranger), ip)).toMatchObject({ ok: false, reason: "throttled" });
    expect((await eventsFor(stranger)).map((e) => e.action)).toContain("auth.locked");

    // An account that password guessing has locked is locked for single sign-on as well.
    await db.user.update({ where: { id: user.id }, data: { lockedUntil: new Date(Date.now() + 10 * 60_000) } });
    expect(await ssoSignIn(claims(user.email))).toMatchObject({ ok: false, reason: "throttled" });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("automatic-account domains (administration)", () => {
  it("are typed as people write them and stored lower-case without '@'", () => {
    const parsed = AddSsoDomainSchema.safeParse({
      intent: "addSsoDomain",
      domain: " @WorldBank.Org ",
      organizationId: "o",
    });
    expect(parsed.success && parsed.data.domain).toBe("worldbank.org");
    for (const bad of ["", "worldbank", "a b.org", "jane@worldbank.org", "-x.org"]) {
      expect(AddSsoDomainSchema.safeParse({ intent: "addSsoDomain", domain: bad, organizationId: "o" }).success).toBe(
        false,
      );
    }
  });

  it("belong to one organisation at most, and every change is audited", async () => {
    const domain = `one-${randomUUID().slice(0, 8)}.test`;
    const a = await createTestUser(db, { orgCode: `SSO-A-${domain}` });
    const b = await createTestUser(db, { orgCode: `SSO-B-${domain}` });
    const { id } = await addSsoAutoDomain({
      context: SYSTEM_CONTEXT,
      input: { domain, organizationId: a.organizationId },
    });
    await expect(
      addSsoAutoDomain({ context: SYSTEM_CONTEXT, input: { domain, organizationId: b.organizationId } }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    await removeSsoAutoDomain({ context: SYSTEM_CONTEXT, id });
    expect((await eventsFor(id)).map((e) => e.action)).toEqual(["ssoAutoDomain.add", "ssoAutoDomain.remove"]);
  });
});

describe("configuration", () => {
  it("needs an issuer and a client id together; empty values mean single sign-on is off", () => {
    expect(parseEnv({ OIDC_ISSUER: "", OIDC_CLIENT_ID: "", OIDC_CLIENT_SECRET: "" }).OIDC_ISSUER).toBeUndefined();
    expect(() => parseEnv({ OIDC_ISSUER: "https://login.example.org" })).toThrow(/OIDC_CLIENT_ID/);
    expect(() => parseEnv({ OIDC_CLIENT_ID: "qadam" })).toThrow(/OIDC_ISSUER/);
    expect(() => parseEnv({ OIDC_ISSUER: "ftp://x.example.org", OIDC_CLIENT_ID: "q" })).toThrow(/OIDC_ISSUER/);
    expect(parseEnv({ OIDC_ISSUER: "https://login.example.org", OIDC_CLIENT_ID: "qadam" })).toMatchObject({
      OIDC_ISSUER: "https://login.example.org",
      OIDC_CLIENT_ID: "qadam",
    });
  });
});
