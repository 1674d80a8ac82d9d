// A writer process for the data-safety drills: audited edits of one organisation through the app's own data
// layer (`auditedTransaction`), each with the optimistic version check the edit forms make (the version read
// before the transaction, as a form carries it, must still be current inside it). A write is acknowledged to the
// parent (an IPC message when forked, else a JSON line on stdout) only after its transaction has committed.
//   tsx scripts/drill-writer.ts <organizationId> <writes, 0 = until killed> [label]
// Messages: {type:"ack", version} per committed write, then {type:"done", acknowledged, conflicts, retries, errors}.
// A version conflict is a refused write (another writer was first): it is counted and the write tried again on a
// fresh read. A retry is a transaction `auditedTransaction` had to run again (SQLite busy or sequence taken).
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export type WriterMessage =
  | { type: "ack"; version: number }
  | { type: "done"; acknowledged: number; conflicts: number; retries: number; errors: string[] };

type DoneMessage = Extract<WriterMessage, { type: "done" }>;

export type WriterRun = {
  child: ChildProcess;
  /** Versions the writer acknowledged (its transaction committed), in order. */
  acks: number[];
  /** Resolves with the writer's final report, or null if it died without one (e.g. killed). */
  done: Promise<DoneMessage | null>;
};

/** Starts a writer process making `writes` audited edits (0 = until killed) of one organisation. */
export function startWriter(organizationId: string, writes: number, label: string, databaseUrl: string): WriterRun {
  const script = fileURLToPath(import.meta.url);
  const child = fork(script, [organizationId, String(writes), label], {
    cwd: path.resolve(path.dirname(script), ".."),
    execArgv: ["--import", "tsx"],
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const acks: number[] = [];
  let report: DoneMessage | null = null;
  child.on("message", (message: WriterMessage) => {
    if (message.type === "ack") acks.push(message.version);
    else report = message;
  });
  const done = new Promise<DoneMessage | null>((resolve) => child.on("exit", () => resolve(report)));
  return { child, acks, done };
}

/** A fresh organisation for writers to edit, created with its audit event through the app's data layer. */
export async function createDrillOrganization(databaseUrl: string) {
  const { createDb } = await import("~/lib/db.server");
  const { auditedTransaction, SYSTEM_CONTEXT } = await import("~/models/audit.server");
  const client = createDb(databaseUrl);
  const code = `DRILL-${Math.random().toString(36).slice(2, 10)}`;
  try {
    return await auditedTransaction(
      SYSTEM_CONTEXT,
      async (tx, audit) => {
        const org = await tx.organization.create({ data: { code, name: code, kind: "MINISTRY" } });
        await audit({ action: "organization.create", entityType: "Organization", entityId: org.id, after: org });
        return org;
      },
      client,
    );
  } finally {
    await client.$disconnect();
  }
}

function send(message: WriterMessage): Promise<void> {
  return new Promise((resolve) => {
    if (process.send) process.send(message, () => resolve());
    else {
      console.log(JSON.stringify(message));
      resolve();
    }
  });
}

async function main(organizationId: string, writes: number, label: string) {
  const { db } = await import("~/lib/db.server");
  const { VersionConflictError } = await import("~/lib/errors");
  const { auditedTransaction, auditedTransactionRetries } = await import("~/models/audit.server");
  let acknowledged = 0;
  let conflicts = 0;
  const errors: string[] = [];
  while ((writes === 0 || acknowledged < writes) && errors.length < 5) {
    const seen = await db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { version: true } });
    const context = {
      actorId: null,
      actorEmail: `${label}@drill.test`,
      requestId: `${label}-${acknowledged + 1}`,
      ip: null,
    };
    try {
      const after = await auditedTransaction(context, async (tx, audit) => {
        const before = await tx.organization.findUniqueOrThrow({ where: { id: organizationId } });
        if (before.version !== seen.version) throw new VersionConflictError(before);
        const updated = await tx.organization.update({
          where: { id: organizationId, version: seen.version },
          data: { name: `${label} write ${acknowledged + 1}`, version: { increment: 1 } },
        });
        await audit({
          action: "organization.update",
          entityType: "Organization",
          entityId: organizationId,
          before,
          after: updated,
        });
        return updated;
      });
      acknowledged++;
      await send({ type: "ack", version: after.version });
    } catch (error) {
      if (error instanceof VersionConflictError) conflicts++;
      else
        errors.push(
          error instanceof Error ? `${error.name}: ${error.message.trim().split("\n").at(-1)}` : String(error),
        );
    }
  }
  await send({ type: "done", acknowledged, conflicts, retries: auditedTransactionRetries(), errors });
  await db.$disconnect();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [organizationId, writes = "50", label = `writer-${process.pid}`] = process.argv.slice(2);
  if (!organizationId) {
    console.error("usage: tsx scripts/drill-writer.ts <organizationId> <writes> [label]");
    process.exit(2);
  }
  main(organizationId, Number(writes), label).then(
    () => process.disconnect?.(),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
      process.disconnect?.();
    },
  );
}
