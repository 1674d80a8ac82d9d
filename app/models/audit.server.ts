import { Prisma } from "~/generated/prisma/client";
import {
  auditActionSpec,
  auditPayloadProblems,
  isAuditAction,
  type AuditAction,
  type EntityTypeOf,
} from "~/lib/audit-actions";
import { chainHash, GENESIS_HASH } from "~/lib/audit-chain.server";
import { db, type Db } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { logger } from "~/lib/logger.server";

export type Tx = Prisma.TransactionClient;

/** Who is acting and from where: carried into every audit event. */
export type AuditContext = {
  actorId: string | null;
  actorEmail: string | null;
  requestId: string | null;
  ip: string | null;
};

export const SYSTEM_CONTEXT: AuditContext = { actorId: null, actorEmail: "system", requestId: null, ip: null };

/** One event of action `A`: its entity type is the one the registry gives that action. */
export type AuditInputFor<A extends AuditAction> = {
  action: A;
  entityType: EntityTypeOf<A>;
  entityId: string;
  projectId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
};

/** Any event the registry knows, discriminated by `action` (so `entityType` is checked against it). */
export type AuditInput = { [A in AuditAction]: AuditInputFor<A> }[AuditAction];

/** An event that does not match the registry of audit actions (app/lib/audit-actions.ts). */
export class AuditContractError extends Error {
  constructor(
    readonly action: string,
    readonly problems: string[],
  ) {
    super(`audit event ${action} does not match its registry entry: ${problems.join("; ")}`);
    this.name = "AuditContractError";
  }
}

const parseStored = (json: string | null): unknown => (json === null ? null : JSON.parse(json));

/**
 * Holds an event to the registry before it is chained. An action missing from the registry, or an entity type
 * other than its own, is refused everywhere: the types already rule both out, so reaching here means a cast or
 * untyped code, and an event nobody can read back (no schema, no renderer, filed under the wrong entity) is worse
 * than a failed write, which rolls the change back with it. Snapshots and the reason are checked against the
 * action's schemas in development and tests, where a mismatch is a bug to fix now; in production a mismatch is
 * logged and the event still written, since the person's change is real and the snapshot still records it.
 */
function checkAgainstRegistry(input: AuditInput, before: string | null, after: string | null) {
  if (!isAuditAction(input.action)) throw new AuditContractError(input.action, ["unknown action"]);
  const { entityType } = auditActionSpec(input.action);
  if (input.entityType !== entityType) {
    throw new AuditContractError(input.action, [`entityType: ${entityType} expected, not ${input.entityType}`]);
  }
  const problems = auditPayloadProblems(input.action, {
    entityType,
    before: parseStored(before),
    after: parseStored(after),
    reason: input.reason ?? null,
  });
  if (problems.length === 0) return;
  if (getEnv().NODE_ENV !== "production") throw new AuditContractError(input.action, problems);
  logger.warn({ action: input.action, entityId: input.entityId, problems }, "audit event does not match the registry");
}

/** JSON for audit snapshots: BigInt money as strings, dates as ISO strings. */
export function snapshot(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}

/**
 * Appends one event to the chain. Must run inside the transaction that makes the change, so history can
 * never disagree with data. Within one process the driver adapter serialises transactions; across processes
 * every transaction on a local file takes the write lock at BEGIN (lib/db.server), so the head read here is
 * still the head when the event is inserted. The primary key on seq stays the last guard (e.g. behind a libSQL
 * server, whose transactions we do not configure): a concurrent append then fails and `auditedTransaction` retries.
 */
export async function appendAuditEvent(tx: Tx, context: AuditContext, input: AuditInput) {
  const before = snapshot(input.before);
  const after = snapshot(input.after);
  checkAgainstRegistry(input, before, after);
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
    before,
    after,
    reason: input.reason ?? null,
    requestId: context.requestId,
    ip: context.ip,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  return tx.auditEvent.create({ data: { ...fields, prevHash, hash: chainHash(prevHash, fields) } });
}

export type Audit = (input: AuditInput) => Promise<void>;

const MAX_ATTEMPTS = 3;

let retriesInThisProcess = 0;
/** How many times `auditedTransaction` ran a transaction again in this process (drills show it stays 0). */
export function auditedTransactionRetries(): number {
  return retriesInThisProcess;
}

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
      // Rare by construction: on a local file, writers queue for the lock taken at BEGIN, so this only happens
      // when a writer waited longer than the busy timeout (SQLITE_BUSY), or when, behind a libSQL server,
      // another instance appended first (the sequence number is taken). The whole transaction was rolled back,
      // so running `work` again is safe; each retry is logged so that it never goes unnoticed.
      const seqTaken =
        (error instanceof Prisma.PrismaClientKnownRequestError &&
          error.code === "P2002" &&
          String(error.meta?.modelName ?? error.message).includes("AuditEvent")) ||
        /SQLITE_BUSY|database is locked/i.test(String((error as Error)?.message));
      if (!seqTaken || attempt >= MAX_ATTEMPTS) throw error;
      retriesInThisProcess++;
      const message = error instanceof Error ? error.message : String(error);
      logger.warn({ attempt, error: message.split("\n")[0] }, "audited transaction retried");
    }
  }
}

/** Head of the chain (newest event) — shown to auditors so it can be written down outside the system. */
export async function getChainHead(client: Db = db) {
  return client.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true, occurredAt: true } });
}
