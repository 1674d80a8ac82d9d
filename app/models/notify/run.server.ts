import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { db } from "~/lib/db.server";
import { auditedTransaction, SYSTEM_CONTEXT, type AuditContext } from "~/models/audit.server";
import { releaseLease, takeLease } from "./lease.server";
import { queueMail } from "./mail-port.server";
import { planDigests, type DigestPlan } from "./plan.server";

/**
 * One reminder run: take the lease, record the run (with an audit event), write each person's digest in its own
 * transaction, record the end. Each digest is keyed by person, kind and period (a unique row, and the same key on
 * its e-mail): a run repeated after a crash — by this instance or another one once the lease expired — writes what
 * the interrupted run did not, and nothing twice.
 */

export const REMINDER_LEASE = "reminders";
/** Longer than any run should take; a crashed holder blocks the job at most this long. */
export const REMINDER_LEASE_MS = 10 * 60_000;

export type ReminderTrigger = "schedule" | "admin" | "cli";

export type RunOutcome =
  | { status: "busy" }
  | { status: "done"; runId: string; digests: number; notifications: number }
  | { status: "failed"; runId: string; digests: number; notifications: number; error: string };

/** This process's name as a lease holder. */
export const PROCESS_HOLDER = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/** Writes one digest (its row and its e-mail) unless this period's is already there; true when an e-mail was written. */
async function writeDigest(plan: DigestPlan, runId: string): Promise<boolean> {
  const { period } = plan;
  if (period === null) return false;
  return db.$transaction(async (tx) => {
    const where = { userId_kind_period: { userId: plan.user.id, kind: plan.kind, period } };
    if (await tx.reminderDigest.findUnique({ where, select: { id: true } })) return false;
    await tx.reminderDigest.create({
      data: { userId: plan.user.id, kind: plan.kind, period, runId, state: JSON.stringify(plan.state) },
    });
    if (!plan.mail) return false;
    await queueMail(tx, {
      to: plan.user.email,
      userId: plan.user.id,
      locale: plan.user.language,
      kind: `digest.${plan.kind}`,
      idempotencyKey: `digest:${plan.kind}:${plan.user.id}:${period}`,
      runId,
      ...plan.mail,
    });
    return true;
  });
}

/** In-app "due soon" notifications for an officer's due items: one per item and due date, whatever the run. */
async function writeDueNotifications(plan: DigestPlan): Promise<number> {
  let created = 0;
  await db.$transaction(async (tx) => {
    for (const item of plan.dueItems) {
      const key = `dueSoon:${plan.user.id}:${item.kind}:${item.id}:${item.dueDate}`;
      if (await tx.notification.findUnique({ where: { key }, select: { id: true } })) continue;
      await tx.notification.create({
        data: {
          key,
          userId: plan.user.id,
          kind: "dueSoon",
          projectId: item.projectId,
          subject: item.title,
          detail: item.dueDate,
          link: item.link,
        },
      });
      created++;
    }
  });
  return created;
}

function runSnapshot(
  run: {
    trigger: string;
    state: string;
    digests: number;
    startedAt: Date;
    finishedAt: Date | null;
    error: string | null;
  },
  notifications: number,
) {
  return {
    trigger: run.trigger,
    state: run.state,
    digests: run.digests,
    notifications,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    error: run.error,
  };
}

export async function runReminders(options: {
  trigger: ReminderTrigger;
  today?: Date;
  context?: AuditContext;
  holder?: string;
  /** Called after each digest is committed (progress for the command line; tests interrupt a run here). */
  onDigestWritten?: (count: number) => void;
}): Promise<RunOutcome> {
  const holder = options.holder ?? PROCESS_HOLDER;
  const context = options.context ?? SYSTEM_CONTEXT;
  const today = options.today ?? new Date();
  if (!(await takeLease(REMINDER_LEASE, holder, REMINDER_LEASE_MS))) return { status: "busy" };
  const run = await auditedTransaction(context, async (tx, audit) => {
    const created = await tx.reminderRun.create({ data: { trigger: options.trigger } });
    await audit({
      action: "reminderRun.start",
      entityType: "ReminderRun",
      entityId: created.id,
      after: runSnapshot(created, 0),
    });
    return created;
  });
  let digests = 0;
  let notifications = 0;
  let failure: string | null = null;
  try {
    for (const plan of await planDigests(today)) {
      notifications += await writeDueNotifications(plan);
      if (await writeDigest(plan, run.id)) {
        digests++;
        options.onDigestWritten?.(digests);
      }
    }
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  }
  try {
    await auditedTransaction(context, async (tx, audit) => {
      const finished = await tx.reminderRun.update({
        where: { id: run.id },
        data: { state: failure ? "FAILED" : "DONE", finishedAt: new Date(), digests, error: failure },
      });
      await audit({
        action: "reminderRun.finish",
        entityType: "ReminderRun",
        entityId: run.id,
        before: runSnapshot(run, 0),
        after: runSnapshot(finished, notifications),
      });
    });
  } finally {
    await releaseLease(REMINDER_LEASE, holder);
  }
  return failure
    ? { status: "failed", runId: run.id, digests, notifications, error: failure }
    : { status: "done", runId: run.id, digests, notifications };
}

/** The latest run, for the administrators' page. */
export async function latestReminderRun() {
  return db.reminderRun.findFirst({
    orderBy: { startedAt: "desc" },
    select: { id: true, trigger: true, state: true, startedAt: true, finishedAt: true, digests: true },
  });
}
