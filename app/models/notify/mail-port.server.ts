import type { Prisma } from "~/generated/prisma/client";
import { enqueueMail, type OutgoingMail } from "~/lib/mail/outbox.server";

/**
 * The one place notifications hand an e-mail to the outbox: written in the caller's transaction (so it exists
 * exactly when the change that causes it does) and idempotent by key (a repeated run writes it once).
 */
export type NotificationMail = OutgoingMail & { userId: string };

export function queueMail(tx: Prisma.TransactionClient, message: NotificationMail) {
  return enqueueMail(tx, message);
}
