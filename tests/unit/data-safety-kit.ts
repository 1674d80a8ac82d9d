// Shared by the data-safety tests: writer processes (scripts/drill-writer.ts run by tsx) and the checks every
// drill ends with. Real processes, a real SQLite file, the app's own data layer: nothing is simulated.
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { db, type Db } from "~/lib/db.server";
import { verifyAuditChain } from "~/models/history.server";
import { auditedTransaction, SYSTEM_CONTEXT } from "~/models/audit.server";
import type { WriterMessage } from "../../scripts/drill-writer";

const root = path.resolve(import.meta.dirname, "../..");

export type WriterRun = {
  child: ChildProcess;
  /** Versions the writer acknowledged (its transaction committed), in order. */
  acks: number[];
  /** Resolves with the writer's final report, or null if it died without one (e.g. killed). */
  done: Promise<Extract<WriterMessage, { type: "done" }> | null>;
};

/** Starts a writer process making `writes` audited edits (0 = until killed) of one organisation. */
export function startWriter(organizationId: string, writes: number, label: string, databaseUrl: string): WriterRun {
  const child = fork(path.join(root, "scripts/drill-writer.ts"), [organizationId, String(writes), label], {
    cwd: root,
    execArgv: ["--import", "tsx"],
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const acks: number[] = [];
  let report: Extract<WriterMessage, { type: "done" }> | null = null;
  child.on("message", (message: WriterMessage) => {
    if (message.type === "ack") acks.push(message.version);
    else report = message;
  });
  const done = new Promise<Extract<WriterMessage, { type: "done" }> | null>((resolve) => {
    child.on("exit", () => resolve(report));
  });
  return { child, acks, done };
}

/** A fresh organisation to write to, created with its audit event. */
export async function createDrillOrganization(client: Db = db) {
  const code = `DRILL-${Math.random().toString(36).slice(2, 10)}`;
  return auditedTransaction(
    SYSTEM_CONTEXT,
    async (tx, audit) => {
      const org = await tx.organization.create({ data: { code, name: code, kind: "MINISTRY" } });
      await audit({ action: "organization.create", entityType: "Organization", entityId: org.id, after: org });
      return org;
    },
    client,
  );
}

/** What an auditor checks after any drill: the file is sound and the chain unbroken. */
export async function checkDatabase(client: Db) {
  const integrity = await client.$queryRawUnsafe<{ integrity_check: string }[]>("PRAGMA integrity_check");
  const chain = await verifyAuditChain({ client });
  return { integrity: integrity.map((row) => row.integrity_check).join("; "), chain };
}

/** The organisation's version and how many update events it has. */
export async function organizationHistory(client: Db, organizationId: string) {
  const org = await client.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { version: true } });
  const updates = await client.auditEvent.count({
    where: { entityId: organizationId, action: "organization.update" },
  });
  return { version: org.version, updates };
}
