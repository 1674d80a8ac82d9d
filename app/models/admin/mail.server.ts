import { db } from "~/lib/db.server";
import { NotFoundError, RefusedError } from "~/lib/errors";
import { auditedTransaction, type AuditContext } from "../audit.server";

/** The outbox as administrators see it on Administration › Mail (newest first). Callers authorise ("admin.mail"). */

export const MAIL_PAGE_SIZE = 25;

const rowSelect = {
  id: true,
  toAddress: true,
  subject: true,
  kind: true,
  locale: true,
  state: true,
  attempts: true,
  lastError: true,
  createdAt: true,
  sentAt: true,
  nextAttemptAt: true,
} as const;

export async function listOutbox(options: { page: number }) {
  const total = await db.outboxMessage.count();
  const pages = Math.max(1, Math.ceil(total / MAIL_PAGE_SIZE));
  const page = Math.min(Math.max(1, options.page), pages);
  const rows = await db.outboxMessage.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * MAIL_PAGE_SIZE,
    take: MAIL_PAGE_SIZE,
    select: rowSelect,
  });
  return { rows: rows.map(serialise), total, page, pages };
}

function serialise<T extends { createdAt: Date; sentAt: Date | null; nextAttemptAt: Date }>(row: T) {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    nextAttemptAt: row.nextAttemptAt.toISOString(),
  };
}

/** One message with its rendered text and HTML. */
export async function getOutboxMessage(id: string) {
  const row = await db.outboxMessage.findUnique({ where: { id }, select: { ...rowSelect, text: true, html: true } });
  if (!row) throw new NotFoundError("message");
  return serialise(row);
}

/** A message that was given up on (FAILED) goes back to the queue for a fresh series of attempts. */
export async function retryOutboxMessage(options: { context: AuditContext; id: string }) {
  return auditedTransaction(options.context, async (tx, audit) => {
    const before = await tx.outboxMessage.findUnique({
      where: { id: options.id },
      select: { id: true, state: true, attempts: true },
    });
    if (!before) throw new NotFoundError("message");
    if (before.state !== "FAILED") throw new RefusedError("common.errors.badRequest");
    const after = await tx.outboxMessage.update({
      where: { id: options.id },
      data: { state: "PENDING", attempts: 0, nextAttemptAt: new Date(), claimedBy: null, claimedAt: null },
      select: { id: true, state: true, attempts: true },
    });
    await audit({ action: "mail.retry", entityType: "OutboxMessage", entityId: options.id, before, after });
  });
}
