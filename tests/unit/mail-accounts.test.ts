// Invitations and password resets end to end below the browser: the message that actually arrives at a real SMTP
// server (recipient, language, link), the link's rules (single use, expiry, revocation, forgery, replaced by a newer
// one), sessions ended, the same answer for unknown addresses, and the throttle.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { login } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { hashLinkToken } from "~/lib/link-tokens.server";
import { createSmtpTransport, deliverDueMail } from "~/lib/mail/deliver.server";
import { createSessionCookie } from "~/lib/session.server";
import { RefusedError } from "~/lib/errors";
import { linkPageLocale } from "~/lib/mail/link-route.server";
import {
  findUsableLink,
  linkAccountLocale,
  setPasswordWithLink,
  UnusableLinkError,
} from "~/models/account-links.server";
import { getInvitationState, resendInvitation, revokeInvitation } from "~/models/admin/invitations.server";
import { createUser } from "~/models/admin/users.server";
import { RESET_LIMITS, requestPasswordReset, sendPasswordResetLink } from "~/models/password-reset.server";
import { SYSTEM_CONTEXT } from "~/models/audit.server";
import { createTestUser } from "../helpers/auth";
import { unique } from "../helpers/factories";
import { startSmtpCatcher, type SmtpCatcher } from "../helpers/smtp-catcher";

let smtp: SmtpCatcher;
let admin: { id: string; email: string };
let organizationId: string;
beforeAll(async () => {
  smtp = await startSmtpCatcher();
  admin = await createTestUser(db, { role: "ADMIN" });
  organizationId = (await db.user.findUniqueOrThrow({ where: { id: admin.id } })).organizationId;
});
afterAll(async () => {
  await smtp.stop();
});

const adminContext = () => ({ actorId: admin.id, actorEmail: admin.email, requestId: null, ip: "127.0.0.1" });
const anonymous = (ip = "198.51.100.20") => ({ requestId: null, ip });
const NEW_PASSWORD = "a long and fresh passphrase";

async function deliver() {
  const transport = createSmtpTransport(smtp.url);
  if (!transport) throw new Error("no transport");
  return deliverDueMail({ transport, from: "Qadam <qadam@example.org>" });
}

/** The token in the link of the newest message to `email` that arrived at the SMTP server. */
function linkTokenIn(email: string, path: "/invite" | "/reset-password") {
  const mail = [...smtp.messages].reverse().find((m) => m.to.includes(email));
  if (!mail) throw new Error(`no message for ${email}`);
  const match = new RegExp(`http://localhost:3000${path}\\?token=([A-Za-z0-9_-]{43})`).exec(mail.text);
  if (!match) throw new Error("no link in the message");
  return { token: match[1], mail };
}

async function invite(locale: "en" | "ru" | "kk") {
  const email = `${unique("invitee").toLowerCase()}@example.org`;
  const { id } = await createUser({
    context: adminContext(),
    input: { email, name: "Айгерим Сейткали", organizationId, role: "OFFICER", locale },
  });
  await deliver();
  await smtp.waitFor(smtp.messages.length);
  return { id, email, ...linkTokenIn(email, "/invite") };
}

describe("invitations", () => {
  it("arrive in the invitee's language with a single-use link that sets the password and signs in", async () => {
    const { id, email, token, mail } = await invite("ru");
    expect(mail.subject).toBe("Ваша учётная запись в Qadam готова: задайте пароль");
    expect(mail.language).toBe("ru");
    expect(mail.text).toContain("Здравствуйте, Айгерим Сейткали!");
    expect(mail.html).toContain(`href="http://localhost:3000/invite?token=${token}"`);
    expect(await getInvitationState(id)).toMatchObject({ state: "pending" });
    // The database holds only the hash.
    expect(await db.userToken.count({ where: { tokenHash: token } })).toBe(0);
    expect(await db.userToken.count({ where: { tokenHash: hashLinkToken(token) } })).toBe(1);

    // Before accepting, no password works.
    const request = new Request("http://localhost/login");
    expect((await login({ email, password: NEW_PASSWORD }, request)).ok).toBe(false);

    await setPasswordWithLink({ token, purpose: "INVITATION", password: NEW_PASSWORD, context: anonymous() });
    expect((await login({ email, password: NEW_PASSWORD }, request)).ok).toBe(true);
    expect(await getInvitationState(id)).toMatchObject({ state: "accepted" });
    const events = await db.auditEvent.findMany({ where: { entityId: id }, select: { action: true } });
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(["user.create", "user.invite", "user.acceptInvitation"]),
    );

    // Used once: never again, and the same refusal as for a forged link.
    await expect(
      setPasswordWithLink({ token, purpose: "INVITATION", password: "another passphrase!", context: anonymous() }),
    ).rejects.toBeInstanceOf(UnusableLinkError);
    await expect(resendInvitation({ context: adminContext(), userId: id })).rejects.toMatchObject({
      messageKey: "mail.userInvitation.alreadyAccepted",
    });
  });

  it("a new invitation replaces the old link, and a revoked one stops working", async () => {
    const { id, email, token: first } = await invite("kk");
    await resendInvitation({ context: adminContext(), userId: id });
    await deliver();
    await smtp.waitFor(smtp.messages.length);
    const { token: second, mail } = linkTokenIn(email, "/invite");
    expect(mail.subject).toBe("Qadam жүйесіндегі есептік жазбаңыз дайын: құпиясөз орнатыңыз");
    expect(second).not.toBe(first);
    expect(await findUsableLink(first, "INVITATION")).toBeNull();
    expect(await findUsableLink(second, "INVITATION")).not.toBeNull();
    await revokeInvitation({ context: adminContext(), userId: id });
    expect(await findUsableLink(second, "INVITATION")).toBeNull();
    expect(await getInvitationState(id)).toMatchObject({ state: "revoked" });
    await expect(revokeInvitation({ context: adminContext(), userId: id })).rejects.toMatchObject({
      messageKey: "mail.userInvitation.nothingToRevoke",
    });
  });

  it("expires after 7 days; forged, malformed and reset-purpose tokens are refused alike", async () => {
    const { token } = await invite("en");
    const sixDays = new Date(Date.now() + 6 * 24 * 60 * 60_000);
    const eightDays = new Date(Date.now() + 8 * 24 * 60 * 60_000);
    expect(await findUsableLink(token, "INVITATION", sixDays)).not.toBeNull();
    expect(await findUsableLink(token, "INVITATION", eightDays)).toBeNull();
    await expect(
      setPasswordWithLink({
        token,
        purpose: "INVITATION",
        password: NEW_PASSWORD,
        context: anonymous(),
        now: eightDays,
      }),
    ).rejects.toBeInstanceOf(UnusableLinkError);
    const forged = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    for (const bad of [forged, "short", "", null, `${token}x`, "../../etc/passwd"]) {
      expect(await findUsableLink(bad, "INVITATION")).toBeNull();
    }
    expect(await findUsableLink(token, "PASSWORD_RESET")).toBeNull();
  });

  it("keeps the language the invitee chose on the page for the new account, audited; a reset link does not", async () => {
    const { id, email, token } = await invite("ru");
    await setPasswordWithLink({
      token,
      purpose: "INVITATION",
      password: NEW_PASSWORD,
      locale: "kk",
      context: anonymous(),
    });
    expect(await db.user.findUniqueOrThrow({ where: { id }, select: { locale: true } })).toEqual({ locale: "kk" });
    const accepted = await db.auditEvent.findFirstOrThrow({
      where: { entityId: id, action: "user.acceptInvitation" },
      select: { before: true, after: true },
    });
    expect(JSON.parse(accepted.before ?? "{}")).toMatchObject({ locale: "ru" });
    expect(JSON.parse(accepted.after ?? "{}")).toMatchObject({ locale: "kk" });

    await requestPasswordReset({ email, context: anonymous("198.51.100.61") });
    await deliver();
    await smtp.waitFor(smtp.messages.length);
    const reset = linkTokenIn(email, "/reset-password");
    await setPasswordWithLink({
      token: reset.token,
      purpose: "PASSWORD_RESET",
      password: NEW_PASSWORD,
      locale: "en",
      context: anonymous(),
    });
    expect(await db.user.findUniqueOrThrow({ where: { id }, select: { locale: true } })).toEqual({ locale: "kk" });
  });

  it("a deactivated user's invitation no longer works", async () => {
    const { id, token } = await invite("en");
    await db.user.update({ where: { id }, data: { active: false } });
    expect(await findUsableLink(token, "INVITATION")).toBeNull();
  });
});

describe("password reset", () => {
  it("sends a one-hour link in the user's language; using it sets the password and ends every session", async () => {
    const user = await createTestUser(db, { email: `${unique("reset").toLowerCase()}@example.org` });
    await db.user.update({ where: { id: user.id }, data: { locale: "kk" } });
    await createSessionCookie(user.id, { ip: null, userAgent: null });
    await createSessionCookie(user.id, { ip: null, userAgent: null });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(2);

    expect(
      await requestPasswordReset({ email: user.email.toUpperCase(), context: anonymous("198.51.100.31") }),
    ).toEqual({ ok: true });
    await deliver();
    await smtp.waitFor(smtp.messages.length);
    const { token, mail } = linkTokenIn(user.email, "/reset-password");
    expect(mail.subject).toBe("Qadam үшін жаңа құпиясөз таңдаңыз");
    expect(mail.language).toBe("kk");

    const inAnHour = new Date(Date.now() + 61 * 60_000);
    expect(await findUsableLink(token, "PASSWORD_RESET", inAnHour)).toBeNull();
    await setPasswordWithLink({ token, purpose: "PASSWORD_RESET", password: NEW_PASSWORD, context: anonymous() });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect((await login({ email: user.email, password: NEW_PASSWORD }, new Request("http://localhost/login"))).ok).toBe(
      true,
    );
    expect(await db.auditEvent.count({ where: { entityId: user.id, action: "user.resetPasswordByLink" } })).toBe(1);
    await expect(
      setPasswordWithLink({ token, purpose: "PASSWORD_RESET", password: NEW_PASSWORD, context: anonymous() }),
    ).rejects.toBeInstanceOf(UnusableLinkError);
  });

  it("answers the same for an unknown or deactivated address and sends nothing", async () => {
    const inactive = await createTestUser(db, { active: false });
    const before = await db.outboxMessage.count();
    for (const email of ["nobody-here@example.org", inactive.email]) {
      expect(await requestPasswordReset({ email, context: anonymous("198.51.100.32") })).toEqual({ ok: true });
    }
    expect(await db.outboxMessage.count()).toBe(before);
  });

  it("is throttled per address and per client, unknown addresses counted like known ones", async () => {
    const email = "throttled-unknown@example.org";
    for (let i = 0; i < RESET_LIMITS.perAddress.max; i++) {
      expect(await requestPasswordReset({ email, context: anonymous(`198.51.100.${40 + i}`) })).toEqual({ ok: true });
    }
    expect(await requestPasswordReset({ email, context: anonymous("198.51.100.49") })).toMatchObject({ ok: false });
    const ip = "198.51.100.50";
    for (let i = 0; i < RESET_LIMITS.perClient.max; i++) {
      expect(await requestPasswordReset({ email: `spray-${i}@example.org`, context: anonymous(ip) })).toEqual({
        ok: true,
      });
    }
    const refused = await requestPasswordReset({ email: "one-more@example.org", context: anonymous(ip) });
    expect(refused).toMatchObject({ ok: false });
    // An hour later the address may ask again.
    const later = new Date(Date.now() + RESET_LIMITS.perAddress.windowMs + 1000);
    expect(await requestPasswordReset({ email, context: anonymous("198.51.100.51"), now: later })).toEqual({
      ok: true,
    });
  });

  it("an administrator sends the same link instead of typing a password: audited with the admin as actor", async () => {
    const user = await createTestUser(db, { email: `${unique("admin-reset").toLowerCase()}@example.org` });
    await db.user.update({ where: { id: user.id }, data: { locale: "ru" } });
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(await sendPasswordResetLink({ context: adminContext(), userId: user.id })).toEqual({ email: user.email });
    // Nothing changes until the link is used: the current password still works.
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } })).toEqual(before);
    await deliver();
    await smtp.waitFor(smtp.messages.length);
    const { token, mail } = linkTokenIn(user.email, "/reset-password");
    expect(mail.subject).toBe("Выберите новый пароль для Qadam");
    expect(mail.language).toBe("ru");
    const event = await db.auditEvent.findFirstOrThrow({
      where: { entityId: user.id, action: "user.requestPasswordReset" },
    });
    expect(event.actorId).toBe(admin.id);
    await setPasswordWithLink({ token, purpose: "PASSWORD_RESET", password: NEW_PASSWORD, context: anonymous() });
    expect((await login({ email: user.email, password: NEW_PASSWORD }, new Request("http://localhost/login"))).ok).toBe(
      true,
    );
  });

  it("an administrator cannot send a link to a deactivated account, nor to one that does not exist", async () => {
    const inactive = await createTestUser(db, { active: false });
    const before = await db.outboxMessage.count();
    await expect(sendPasswordResetLink({ context: adminContext(), userId: inactive.id })).rejects.toBeInstanceOf(
      RefusedError,
    );
    await expect(sendPasswordResetLink({ context: adminContext(), userId: "no-such-user" })).rejects.toThrow();
    expect(await db.outboxMessage.count()).toBe(before);
  });

  it("never writes the token into the audit log or the outbox row other than inside the link", async () => {
    const events = await db.auditEvent.findMany({
      where: { action: { in: ["user.invite", "user.requestPasswordReset"] } },
    });
    const tokens = await db.userToken.findMany({ select: { tokenHash: true } });
    for (const event of events) {
      for (const { tokenHash } of tokens) expect(event.after ?? "").not.toContain(tokenHash);
    }
    expect(SYSTEM_CONTEXT.actorEmail).toBe("system");
  });
});

describe("the language of a link's page", () => {
  it("is the account's, for a usable, used or expired link of the page's kind; nothing for anything else", async () => {
    const { token } = await invite("kk");
    const page = (path: string) => linkPageLocale(new Request(`http://localhost${path}`));
    expect(await page(`/invite?token=${token}`)).toBe("kk");
    expect(await page(`/reset-password?token=${token}`)).toBeNull();
    expect(await page(`/login?token=${token}`)).toBeNull();
    expect(await page("/invite?token=forged")).toBeNull();
    expect(await page(`/invite?token=${"A".repeat(43)}`)).toBeNull();
    await setPasswordWithLink({ token, purpose: "INVITATION", password: NEW_PASSWORD, context: anonymous() });
    // A used link's page ("this link can no longer be used") still speaks the invitee's language.
    expect(await linkAccountLocale(token, "INVITATION")).toBe("kk");
    expect(await findUsableLink(token, "INVITATION")).toBeNull();
  });
});
