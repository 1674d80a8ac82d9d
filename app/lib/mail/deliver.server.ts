import { randomUUID } from "node:crypto";
import nodemailer, { type SendMailOptions } from "nodemailer";
import type { OutboxMessage } from "~/generated/prisma/client";
import { db, type Db } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { logger } from "~/lib/logger.server";

/**
 * The mail worker: takes due messages from the outbox and hands them to the SMTP server (nodemailer over
 * SMTP_URL). Safe with several processes on one database: a message is claimed by one conditional UPDATE (only one
 * worker's UPDATE matches), and only its claimant records the outcome. A claim is a lease: a worker that dies while
 * sending leaves a claim that expires after CLAIM_LEASE_MS, and the message is then taken again.
 *
 * A message recorded as sent is never sent again. The one window left is a crash after the mail server accepted a
 * message and before the database recorded it; the message then goes out a second time with the same Message-ID,
 * which lets mail clients recognise the copy.
 */

export const DELIVERY = {
  /** After this many failed attempts a message is FAILED (an administrator can send it again from the Mail page). */
  maxAttempts: 8,
  /** Wait after the first failure; doubled after each further one, up to maxDelayMs. */
  firstDelayMs: 60_000,
  maxDelayMs: 6 * 60 * 60_000,
  batchSize: 20,
  claimLeaseMs: 5 * 60_000,
  pollMs: 2_000,
} as const;

export type DeliveryPolicy = { maxAttempts: number; firstDelayMs: number; maxDelayMs: number; claimLeaseMs: number };

/** What the worker needs from nodemailer: a transport that sends one message. */
export type MailTransport = { sendMail: (message: SendMailOptions) => Promise<unknown> };

/** The wait before attempt `attempts + 1`, after `attempts` failures (1 → firstDelayMs, 2 → twice that …). */
export function retryDelayMs(attempts: number, policy: Pick<DeliveryPolicy, "firstDelayMs" | "maxDelayMs">): number {
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * An error as it may be stored and shown: one line, at most 500 characters, with any credentials of a URL and the
 * SMTP password (if the mail server echoed it) removed.
 */
export function describeDeliveryError(error: unknown, smtpUrl: string | undefined): string {
  let text = error instanceof Error ? error.message : String(error);
  text = text.replace(/(\w+:\/\/)[^@\s/]+@/g, "$1***@");
  const secret = smtpUrl ? smtpPassword(smtpUrl) : null;
  if (secret) text = text.split(secret).join("***");
  return text.replace(/\s+/g, " ").trim().slice(0, 500);
}

function smtpPassword(url: string): string | null {
  try {
    const password = decodeURIComponent(new URL(url).password);
    return password === "" ? null : password;
  } catch {
    return null;
  }
}

/** A stable Message-ID per outbox row: a copy sent again after a crash is recognisable as the same message. */
function messageIdFor(message: Pick<OutboxMessage, "id">, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "qadam.local";
  return `<${message.id}@${domain}>`;
}

/** Takes the message if nobody else has it (or another worker's lease has expired). */
async function claim(client: Db, id: string, workerId: string, now: Date, policy: DeliveryPolicy): Promise<boolean> {
  const leaseExpired = new Date(now.getTime() - policy.claimLeaseMs);
  const claimed = await client.outboxMessage.updateMany({
    where: {
      id,
      OR: [
        { state: "PENDING", nextAttemptAt: { lte: now } },
        { state: "SENDING", claimedAt: { lt: leaseExpired } },
      ],
    },
    data: { state: "SENDING", claimedBy: workerId, claimedAt: now },
  });
  return claimed.count === 1;
}

export type DeliveryReport = { sent: number; retrying: number; failed: number };

export type DeliveryOptions = {
  transport: MailTransport;
  from: string;
  client?: Db;
  now?: () => Date;
  workerId?: string;
  policy?: Partial<DeliveryPolicy>;
  /** For describing errors without the SMTP password. */
  smtpUrl?: string;
};

/** One pass over the due messages: each is claimed, sent and its outcome recorded. */
export async function deliverDueMail(options: DeliveryOptions): Promise<DeliveryReport> {
  const client = options.client ?? db;
  const now = options.now ?? (() => new Date());
  const workerId = options.workerId ?? randomUUID();
  const policy: DeliveryPolicy = { ...DELIVERY, ...options.policy };
  const started = now();
  const due = await client.outboxMessage.findMany({
    where: {
      OR: [
        { state: "PENDING", nextAttemptAt: { lte: started } },
        { state: "SENDING", claimedAt: { lt: new Date(started.getTime() - policy.claimLeaseMs) } },
      ],
    },
    orderBy: { nextAttemptAt: "asc" },
    take: DELIVERY.batchSize,
    select: { id: true },
  });
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  for (const { id } of due) {
    if (!(await claim(client, id, workerId, now(), policy))) continue;
    const outcome = await sendClaimed(client, id, workerId, options, policy, now);
    report[outcome] += 1;
  }
  return report;
}

async function sendClaimed(
  client: Db,
  id: string,
  workerId: string,
  options: DeliveryOptions,
  policy: DeliveryPolicy,
  now: () => Date,
): Promise<keyof DeliveryReport> {
  const message = await client.outboxMessage.findUniqueOrThrow({ where: { id } });
  const attempts = message.attempts + 1;
  const mine = { id, claimedBy: workerId, state: "SENDING" as const };
  try {
    await options.transport.sendMail({
      from: options.from,
      to: message.toAddress,
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId: messageIdFor(message, options.from),
      headers: { "Content-Language": message.locale, "X-Qadam-Kind": message.kind },
    });
  } catch (error) {
    const lastError = describeDeliveryError(error, options.smtpUrl);
    const failed = attempts >= policy.maxAttempts;
    await client.outboxMessage.updateMany({
      where: mine,
      data: {
        state: failed ? "FAILED" : "PENDING",
        attempts,
        lastError,
        claimedBy: null,
        claimedAt: null,
        nextAttemptAt: new Date(now().getTime() + retryDelayMs(attempts, policy)),
      },
    });
    logger.warn({ outboxId: id, kind: message.kind, attempts, failed, error: lastError }, "mail not delivered");
    return failed ? "failed" : "retrying";
  }
  await client.outboxMessage.updateMany({
    where: mine,
    data: { state: "SENT", attempts, sentAt: now(), lastError: null, claimedBy: null, claimedAt: null },
  });
  logger.info({ outboxId: id, kind: message.kind, attempts }, "mail delivered");
  return "sent";
}

/** The SMTP transport for SMTP_URL, or null when no mail server is configured. */
export function createSmtpTransport(smtpUrl: string | undefined): MailTransport | null {
  if (!smtpUrl) return null;
  // Short timeouts: a mail server that does not answer is a failed attempt, retried later, not a stuck worker.
  return nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}

type Worker = { stop: () => void };

/** One worker per process, kept across dev-server reloads. */
declare global {
  var qadamMailWorker: Worker | undefined;
}

/**
 * Starts delivering in this process (called once when the server bundle loads, see app/entry.server.tsx): every
 * DELIVERY.pollMs a pass over due messages, never two passes at once. Without SMTP_URL nothing starts and messages
 * wait in the outbox. Returns the running worker; a second call returns the first one.
 */
export function startMailWorker(): Worker | null {
  const env = getEnv();
  if (globalThis.qadamMailWorker) return globalThis.qadamMailWorker;
  const transport = createSmtpTransport(env.SMTP_URL);
  if (!transport || env.NODE_ENV === "test") return null;
  const workerId = randomUUID();
  let running = false;
  const pass = async () => {
    if (running) return;
    running = true;
    try {
      await deliverDueMail({ transport, from: env.MAIL_FROM, workerId, smtpUrl: env.SMTP_URL });
    } catch (error) {
      logger.error({ error: describeDeliveryError(error, env.SMTP_URL) }, "mail worker pass failed");
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void pass(), DELIVERY.pollMs);
  // The worker never keeps the process alive on its own (a server shutting down just stops).
  timer.unref();
  const worker = { stop: () => clearInterval(timer) };
  globalThis.qadamMailWorker = worker;
  logger.info({ workerId }, "mail worker started");
  return worker;
}
