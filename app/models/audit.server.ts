import { Prisma } from "~/generated/prisma/client";
import { chainHash, GENESIS_HASH } from "~/lib/audit-chain.server";
import { db, type Db } from "~/lib/db.server";

export type Tx = Prisma.TransactionClient;

/** Who is acting and from where: carried into every audit event. */
export type AuditContext = {
  actorId: string | null;
  actorEmail: string | null;
  requestId: string | null;
  ip: string | null;
};

export const SYSTEM_CONTEXT: AuditContext = { actorId: null, actorEmail: "system", requestId: null, ip: null };

export type AuditInput = {
  action: string;
  entityType: string;
  entityId: string;
  projectId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
};

/** JSON for audit snapshots: BigInt money as strings, dates as ISO strings. */
export function snapshot(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}

/**
 * Appends one event to the chain. Must run inside the transaction that makes the change, so history can
 * never disagree with data. Within one process the driver adapter serialises transactions; across
 * processes the primary key on seq makes a concurrent append fail, and `auditedTransaction` retries.
 */
export async function appendAuditEvent(tx: Tx, context: AuditContext, input: AuditInput) {
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  const fields = {
    seq: (last?.seq ?? 0) + 1,
    occurredAt: new Date(),
    actorId: context.actorId,
    actorEmail: context.actorEmail,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    projectId: input.projectId ?? null,
    before: snapshot(input.before),
    after: snapshot(input.after),
    reason: input.reason ?? null,
    requestId: context.requestId,
    ip: context.ip,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  return tx.auditEvent.create({ data: { ...fields, prevHash, hash: chainHash(prevHash, fields) } });
}

export type Audit = (input: AuditInput) => Promise<void>;

const MAX_ATTEMPTS = 3;

/**
 * Runs `work` in one transaction together with the audit events it records. If anything throws, neither
 * the change nor its events are written.
 */
export async function auditedTransaction<T>(
  context: AuditContext,
  work: (tx: Tx, audit: Audit) => Promise<T>,
  client: Db = db,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await client.$transaction(async (tx) => {
        const audit: Audit = async (input) => {
          await appendAuditEvent(tx, context, input);
        };
        return work(tx, audit);
      });
    } catch (error) {
      // Another process appended first: the sequence number is taken, or SQLite refused our stale snapshot.
      // The whole transaction was rolled back, so running `work` again is safe.
      const seqTaken =
        (error instanceof Prisma.PrismaClientKnownRequestError &&
          error.code === "P2002" &&
          String(error.meta?.modelName ?? error.message).includes("AuditEvent")) ||
        /SQLITE_BUSY|database is locked/i.test(String((error as Error)?.message));
      if (!seqTaken || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

/** Head of the chain (newest event) — shown to auditors so it can be written down outside the system. */
export async function getChainHead(client: Db = db) {
  return client.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true, occurredAt: true } });
}
