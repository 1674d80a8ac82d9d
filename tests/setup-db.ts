// Every test file gets its own freshly migrated SQLite file (real database, no mocks): a copy of the template that
// tests/global-setup.ts migrated once for the run from the committed migration.sql files.
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { afterAll, inject } from "vitest";
import path from "node:path";
import { randomUUID } from "node:crypto";

const root = path.resolve(import.meta.dirname, "..");
const dir = path.join(root, "tests", ".tmp");
mkdirSync(dir, { recursive: true });
const file = path.join(dir, `${randomUUID()}.db`);

copyFileSync(inject("templateDatabase"), file);

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
