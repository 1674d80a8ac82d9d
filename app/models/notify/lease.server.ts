import { Prisma } from "~/generated/prisma/client";
import { db, type Db } from "~/lib/db.server";

/**
 * A lease row per job, so that of several app instances sharing one database exactly one runs it. Taking it is a
 * single conditional statement (free, expired, or already ours) or, the first time ever, an insert that only one
 * instance can win (primary key). A holder that crashes keeps it until it expires; then another instance takes over.
 */
export async function takeLease(
  name: string,
  holder: string,
  ttlMs: number,
  options: { now?: Date; client?: Db } = {},
): Promise<boolean> {
  const client = options.client ?? db;
  const now = options.now ?? new Date();
  const expiresAt = new Date(now.getTime() + ttlMs);
  const taken = await client.jobLease.updateMany({
    where: { name, OR: [{ expiresAt: { lte: now } }, { holder }] },
    data: { holder, expiresAt, takenAt: now },
  });
  if (taken.count === 1) return true;
  try {
    await client.jobLease.create({ data: { name, holder, expiresAt, takenAt: now } });
    return true;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
    throw error;
  }
}

/** Gives the lease back at once (only if still ours), so the next run does not wait for it to expire. */
export async function releaseLease(name: string, holder: string, options: { now?: Date; client?: Db } = {}) {
  const client = options.client ?? db;
  await client.jobLease.updateMany({ where: { name, holder }, data: { expiresAt: options.now ?? new Date() } });
}
