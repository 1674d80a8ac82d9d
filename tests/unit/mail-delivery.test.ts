// The outbox and its delivery worker against a real SMTP server on a loopback port: what arrives (recipient, subject,
// language, links), a mail server that is down (retried later with back-off, nothing lost), several workers at once
// (each message sent once), and the idempotency key (a repeated enqueue writes nothing).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { createSmtpTransport, deliverDueMail, describeDeliveryError, retryDelayMs } from "~/lib/mail/deliver.server";
import { enqueueMail, type OutgoingMail } from "~/lib/mail/outbox.server";
import { renderMail } from "~/lib/mail/render.server";
import { unique } from "../helpers/factories";
import { startSmtpCatcher, type SmtpCatcher } from "../helpers/smtp-catcher";

let smtp: SmtpCatcher;
beforeAll(async () => {
  smtp = await startSmtpCatcher();
});
afterAll(async () => {
  await smtp.stop();
});
beforeEach(async () => {
  await smtp.start().catch(() => undefined);
  smtp.messages.length = 0;
  await db.outboxMessage.deleteMany();
});

const FROM = "Qadam <qadam@example.org>";
const transport = () => {
  const created = createSmtpTransport(smtp.url);
  if (!created) throw new Error("no transport");
  return created;
};

function message(overrides: Partial<OutgoingMail> = {}): OutgoingMail {
  const rendered = renderMail({
    locale: overrides.locale ?? "ru",
    subject: "Тема письма",
    greeting: "Здравствуйте, Айгерим!",
    blocks: [{ paragraph: "Текст <b>не</b> разметка" }, { action: { label: "Открыть", path: "/invite/abc" } }],
  });
  return {
    to: `${unique("user").toLowerCase()}@example.org`,
    locale: "ru",
    kind: "invitation",
    idempotencyKey: unique("key"),
    ...rendered,
    ...overrides,
  };
}

const enqueue = (mail: OutgoingMail) => db.$transaction((tx) => enqueueMail(tx, mail));

describe("the outbox", () => {
  it("writes a message once per idempotency key, and not at all when the transaction rolls back", async () => {
    const mail = message();
    const first = await enqueue(mail);
    const again = await enqueue({ ...mail, subject: "something else" });
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    await expect(
      db.$transaction(async (tx) => {
        await enqueueMail(tx, message({ idempotencyKey: "rolled-back" }));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.outboxMessage.count()).toBe(1);
    expect(await db.outboxMessage.count({ where: { idempotencyKey: "rolled-back" } })).toBe(0);
  });

  it("refuses a recipient with a line break (header injection)", async () => {
    await expect(enqueue(message({ to: "a@example.org\r\nBcc: b@example.org" }))).rejects.toThrow(/recipient/);
  });
});

describe("delivery over SMTP", () => {
  it("delivers what was enqueued: recipient, subject, language, text and HTML with APP_URL links", async () => {
    const mail = message();
    await enqueue(mail);
    const report = await deliverDueMail({ transport: transport(), from: FROM, smtpUrl: smtp.url });
    expect(report).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const [arrived] = await smtp.waitFor(1);
    expect(arrived.to).toEqual([mail.to]);
    expect(arrived.subject).toBe("Тема письма");
    expect(arrived.language).toBe("ru");
    expect(arrived.text).toContain("http://localhost:3000/invite/abc");
    expect(arrived.text).toContain("Текст <b>не</b> разметка");
    expect(arrived.html).toContain('href="http://localhost:3000/invite/abc"');
    expect(arrived.html).toContain("Текст &lt;b&gt;не&lt;/b&gt; разметка");
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: mail.idempotencyKey } });
    expect(row).toMatchObject({ state: "SENT", attempts: 1, lastError: null, claimedBy: null });
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(arrived.messageId).toBe(`<${row.id}@example.org>`);

    // A later pass finds nothing to do: a sent message is never sent again.
    expect(await deliverDueMail({ transport: transport(), from: FROM })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.messages).toHaveLength(1);
  });

  it("keeps a message when the mail server is down, retries after the back-off, and delivers it once it is up", async () => {
    const mail = message();
    await enqueue(mail);
    await smtp.stop();
    let clock = new Date("2026-12-01T10:00:00Z");
    const now = () => clock;
    await db.outboxMessage.updateMany({ data: { nextAttemptAt: clock } });
    const policy = { firstDelayMs: 60_000 };

    expect(await deliverDueMail({ transport: transport(), from: FROM, now, policy })).toMatchObject({ retrying: 1 });
    let row = await db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: mail.idempotencyKey } });
    expect(row).toMatchObject({ state: "PENDING", attempts: 1, claimedBy: null });
    expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(row.nextAttemptAt.toISOString()).toBe("2026-12-01T10:01:00.000Z");

    // Not yet due: the pass leaves it alone.
    clock = new Date("2026-12-01T10:00:30Z");
    expect(await deliverDueMail({ transport: transport(), from: FROM, now, policy })).toMatchObject({ retrying: 0 });

    // Due, still down: the second failure doubles the pause.
    clock = new Date("2026-12-01T10:01:00Z");
    await deliverDueMail({ transport: transport(), from: FROM, now, policy });
    row = await db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: mail.idempotencyKey } });
    expect(row.attempts).toBe(2);
    expect(row.nextAttemptAt.toISOString()).toBe("2026-12-01T10:03:00.000Z");

    await smtp.start();
    clock = new Date("2026-12-01T10:03:00Z");
    expect(await deliverDueMail({ transport: transport(), from: FROM, now, policy })).toMatchObject({ sent: 1 });
    const [arrived] = await smtp.waitFor(1);
    expect(arrived.to).toEqual([mail.to]);
    row = await db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: mail.idempotencyKey } });
    expect(row).toMatchObject({ state: "SENT", attempts: 3, lastError: null });
  });

  it("gives up after the last attempt (FAILED, shown on the Mail page) instead of retrying for ever", async () => {
    const mail = message();
    await enqueue(mail);
    await smtp.stop();
    const report = await deliverDueMail({ transport: transport(), from: FROM, policy: { maxAttempts: 1 } });
    expect(report).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: mail.idempotencyKey } });
    expect(row).toMatchObject({ state: "FAILED", attempts: 1 });
  });

  it("sends each message exactly once when several workers run at the same time", async () => {
    const mails = Array.from({ length: 6 }, () => message());
    for (const mail of mails) await enqueue(mail);
    const reports = await Promise.all(
      ["a", "b", "c"].map((workerId) => deliverDueMail({ transport: transport(), from: FROM, workerId })),
    );
    expect(reports.reduce((sum, report) => sum + report.sent, 0)).toBe(6);
    await smtp.waitFor(6);
    // Give a wrongly duplicated message the time to arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smtp.messages.map((m) => m.to[0]).sort()).toEqual(mails.map((m) => m.to).sort());
  });

  it("takes over a message whose worker died while sending (lease expired), but not a fresh claim", async () => {
    const mail = message();
    const { id } = await enqueue(mail);
    const claimedAt = new Date(Date.now() - 60_000);
    await db.outboxMessage.update({ where: { id }, data: { state: "SENDING", claimedBy: "dead", claimedAt } });
    expect(await deliverDueMail({ transport: transport(), from: FROM })).toMatchObject({ sent: 0 });
    const report = await deliverDueMail({ transport: transport(), from: FROM, policy: { claimLeaseMs: 30_000 } });
    expect(report).toMatchObject({ sent: 1 });
    await smtp.waitFor(1);
  });
});

describe("no secret in an error", () => {
  it("removes the SMTP password and URL credentials from a stored error", () => {
    const url = "smtp://mailer:s3cr%21t@mail.example.org:587";
    const text = describeDeliveryError(
      new Error("Invalid login: 535 s3cr!t rejected for smtp://mailer:s3cr!t@mail.example.org"),
      url,
    );
    expect(text).not.toContain("s3cr!t");
    expect(text).toContain("smtp://***@mail.example.org");
  });

  it("doubles the pause after each failure, up to the ceiling", () => {
    const policy = { firstDelayMs: 1000, maxDelayMs: 5000 };
    expect([1, 2, 3, 4, 10].map((n) => retryDelayMs(n, policy))).toEqual([1000, 2000, 4000, 5000, 5000]);
  });
});
