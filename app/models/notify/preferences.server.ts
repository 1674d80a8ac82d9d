import { db } from "~/lib/db.server";
import type { DigestFrequency } from "~/lib/reminder-rules";
import { auditedTransaction, type AuditContext } from "~/models/audit.server";
import { getPreferences } from "./recipients.server";

export { getPreferences };

/** Saves a person's own choice of digests and event e-mails, with its audit event. */
export async function setPreferences(args: {
  userId: string;
  digest: DigestFrequency;
  eventMessages: boolean;
  context: AuditContext;
}) {
  await auditedTransaction(args.context, async (tx, audit) => {
    const before = await getPreferences(tx, args.userId);
    await tx.notificationPreference.upsert({
      where: { userId: args.userId },
      create: { userId: args.userId, digest: args.digest, eventMessages: args.eventMessages },
      update: { digest: args.digest, eventMessages: args.eventMessages },
    });
    await audit({
      action: "notificationPreference.update",
      entityType: "NotificationPreference",
      entityId: args.userId,
      before: { userId: args.userId, ...before },
      after: { userId: args.userId, digest: args.digest, eventMessages: args.eventMessages },
    });
  });
}

/** Hands the default client to callers that only read. */
export function readPreferences(userId: string) {
  return getPreferences(db, userId);
}
