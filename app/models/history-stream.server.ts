import type { Prisma } from "~/generated/prisma/client";
import { db, type Db } from "~/lib/db.server";
import { withSeq } from "./history.server";

/**
 * Streaming reads of the audit log for the exports and the chain verifier: keyset batches in seq order, never all
 * rows at once.
 */

export const auditExportSelect = {
  seq: true,
  occurredAt: true,
  actorId: true,
  actorEmail: true,
  action: true,
  entityType: true,
  entityId: true,
  projectId: true,
  before: true,
  after: true,
  reason: true,
  requestId: true,
  ip: true,
  prevHash: true,
  hash: true,
} as const;

export type AuditEventRow = Prisma.AuditEventGetPayload<{ select: typeof auditExportSelect }>;

/** How many events the where clause selects up to and including `maxSeq` (index-only with the AuditEvent indexes). */
export async function countAuditEvents(where: Prisma.AuditEventWhereInput, maxSeq: number): Promise<number> {
  return db.auditEvent.count({ where: withSeq(where, { lte: maxSeq }) });
}

/** Oldest first, in batches of `batchSize`, stopping at `maxSeq` so the result matches a count taken before. */
export async function* streamAuditEvents(options: {
  where: Prisma.AuditEventWhereInput;
  maxSeq: number;
  batchSize?: number;
  client?: Db;
}): AsyncGenerator<AuditEventRow[]> {
  const client = options.client ?? db;
  const batchSize = options.batchSize ?? 1000;
  let after = 0;
  for (;;) {
    const rows = await client.auditEvent.findMany({
      where: withSeq(options.where, { gt: after, lte: options.maxSeq }),
      orderBy: { seq: "asc" },
      take: batchSize,
      select: auditExportSelect,
    });
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1].seq;
  }
}
