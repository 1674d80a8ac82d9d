import type { Prisma } from "~/generated/prisma/client";
import type { Locale } from "~/i18n/config";

/** One message as the code that causes it describes it; the outbox row adds delivery state. */
export type OutgoingMail = {
  to: string;
  userId?: string | null;
  locale: Locale;
  /** What the message is about ("invitation", "passwordReset", "digest.officer" …): shown on the Mail page. */
  kind: string;
  /**
   * Names this message once and for all (e.g. `invitation:<tokenId>`, `digest:<userId>:<day>`): enqueueing the same
   * key again writes nothing, so a retried request or a re-run job never produces a second copy.
   */
  idempotencyKey: string;
  subject: string;
  text: string;
  html: string;
  /** The job run (e.g. a reminder run) that wrote it, for the mail log. */
  runId?: string | null;
};

const MAX_ADDRESS = 320;
const MAX_KEY = 300;

/**
 * Writes a message to the outbox inside the caller's transaction: it exists if and only if the change that causes it
 * is committed. Delivery happens later (app/lib/mail/deliver.server.ts). A key already in the outbox is not written
 * again and the existing row's id is returned with `created: false`.
 */
export async function enqueueMail(
  tx: Prisma.TransactionClient,
  message: OutgoingMail,
): Promise<{ id: string; created: boolean }> {
  const to = message.to.trim();
  if (to === "" || to.length > MAX_ADDRESS || /[\r\n]/.test(to)) throw new Error("enqueueMail: invalid recipient");
  if (message.idempotencyKey === "" || message.idempotencyKey.length > MAX_KEY) {
    throw new Error("enqueueMail: invalid idempotency key");
  }
  const existing = await tx.outboxMessage.findUnique({
    where: { idempotencyKey: message.idempotencyKey },
    select: { id: true },
  });
  if (existing) return { id: existing.id, created: false };
  const row = await tx.outboxMessage.create({
    data: {
      idempotencyKey: message.idempotencyKey,
      kind: message.kind,
      toAddress: to,
      userId: message.userId ?? null,
      locale: message.locale,
      // A subject is one header line: a line break in it would start a header of its own.
      subject: message.subject.replace(/[\r\n]+/g, " ").trim(),
      text: message.text,
      html: message.html,
      runId: message.runId ?? null,
      nextAttemptAt: new Date(),
    },
    select: { id: true },
  });
  return { id: row.id, created: true };
}
