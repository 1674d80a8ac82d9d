// What the database scripts (backup, restore, replication drill) share: where a file: URL points, SQLite's own
// integrity check, and a full check of a database file through the app's data layer.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createClient } from "@libsql/client";

/** Loads .env (if any) and returns DATABASE_URL with the app's default. */
export function databaseUrlFromEnv(): string {
  try {
    process.loadEnvFile();
  } catch {
    // no .env: the defaults apply
  }
  process.env.DATABASE_URL ??= "file:./data/qadam.db";
  return process.env.DATABASE_URL;
}

/** The path of a local database (file: URL); backups and restores work on files only. */
export function filePathOf(url: string): string {
  if (!url.startsWith("file:")) {
    throw new Error(`${url} is not a local file: back up a libSQL server with its own tools`);
  }
  return path.resolve(url.slice("file:".length).replace(/^\/\/(localhost)?/, ""));
}

/** A UTC timestamp usable in a file name: 2024-05-01T12-30-05Z. */
export function fileStamp(date = new Date()): string {
  return date
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replaceAll(":", "-");
}

/** A new database file with every committed migration applied (the drills' scratch databases). */
export async function createMigratedDatabase(file: string): Promise<void> {
  const migrations = path.resolve(import.meta.dirname, "..", "prisma", "migrations");
  const client = createClient({ url: `file:${file}` });
  try {
    await client.execute("PRAGMA journal_mode = WAL");
    for (const name of readdirSync(migrations)
      .filter((n) => /^\d/.test(n))
      .sort()) {
      await client.executeMultiple(readFileSync(path.join(migrations, name, "migration.sql"), "utf8"));
    }
  } finally {
    client.close();
  }
}

/** SQLite's `PRAGMA integrity_check` of a file, read without changing it ("ok" when sound). */
export async function integrityOf(file: string): Promise<string> {
  const client = createClient({ url: `file:${file}` });
  try {
    const rows = (await client.execute("PRAGMA integrity_check")).rows;
    return rows.map((row) => String(row[0])).join("; ");
  } finally {
    client.close();
  }
}

export type DatabaseReport = {
  integrity: string;
  counts: Record<string, number>;
  chain: { ok: true; count: number; headSeq: number; headHash: string } | { ok: false; problem: string };
};

const COUNTED = ["User", "Organization", "Project", "Milestone", "Indicator", "AuditEvent"] as const;

/**
 * Integrity, row counts of the main tables and the audit chain of a database file, read through the app's own
 * data layer (so the chain is checked exactly as `npm run audit:verify` checks it).
 */
export async function reportOn(file: string): Promise<DatabaseReport> {
  const integrity = await integrityOf(file);
  const { createDb } = await import("~/lib/db.server");
  const { verifyAuditChain } = await import("~/models/history-chain.server");
  const db = createDb(`file:${file}`);
  try {
    const counts: Record<string, number> = {};
    for (const table of COUNTED) {
      const rows = await db.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT count(*) AS n FROM "${table}"`);
      counts[table] = Number(rows[0].n);
    }
    const verdict = await verifyAuditChain({ url: `file:${file}` });
    const chain = verdict.ok
      ? { ok: true as const, count: verdict.count, headSeq: verdict.headSeq, headHash: verdict.headHash }
      : {
          ok: false as const,
          problem: `${verdict.problem.kind} at seq ${verdict.problem.seq}: ${verdict.problem.detail}`,
        };
    return { integrity, counts, chain };
  } finally {
    await db.$disconnect();
  }
}

/** One line for people: integrity, counts and the chain's head (to compare with one written down elsewhere). */
export function describeReport(report: DatabaseReport): string {
  const counts = Object.entries(report.counts)
    .map(([table, n]) => `${table} ${n}`)
    .join(", ");
  const chain = report.chain.ok
    ? `chain OK ${report.chain.count} events, head ${report.chain.headSeq} ${report.chain.headHash}`
    : `chain BROKEN: ${report.chain.problem}`;
  return `integrity ${report.integrity}; ${counts}; ${chain}`;
}

export function reportIsSound(report: DatabaseReport): boolean {
  return report.integrity === "ok" && report.chain.ok;
}
