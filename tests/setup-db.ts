// Every test file gets its own freshly migrated SQLite file (real database, no mocks). Executing the
// committed migration.sql files directly costs milliseconds; spawning `prisma migrate deploy` would cost ~0.7 s.
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { afterAll } from "vitest";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { createClient } from "@libsql/client";

const root = path.resolve(import.meta.dirname, "..");
const dir = path.join(root, "tests", ".tmp");
mkdirSync(dir, { recursive: true });
const file = path.join(dir, `${randomUUID()}.db`);

const client = createClient({ url: `file:${file}` });
const migrations = path.join(root, "prisma", "migrations");
for (const name of readdirSync(migrations)
  .filter((n) => /^\d/.test(n))
  .sort()) {
  await client.executeMultiple(readFileSync(path.join(migrations, name, "migration.sql"), "utf8"));
}
client.close();

process.env.DATABASE_URL = `file:${file}`;
process.env.NODE_ENV = "test";
process.env.SESSION_SECRET = "test-session-secret-that-is-long-enough-0123456789";
// Evidence files of this test file, in a folder of its own (removed with the database).
const evidenceDir = `${file}-evidence`;
process.env.EVIDENCE_DIR = evidenceDir;
// A previous test file in the same worker may have left its client on globalThis.
(globalThis as { qadamDb?: unknown }).qadamDb = undefined;
(globalThis as { qadamReadDb?: unknown }).qadamReadDb = undefined;

afterAll(async () => {
  const { db } = await import("~/lib/db.server");
  await db.$disconnect();
  const { closeReadClient } = await import("~/lib/sql.server");
  closeReadClient();
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
  rmSync(evidenceDir, { recursive: true, force: true });
});
