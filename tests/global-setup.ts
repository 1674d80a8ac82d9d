// Migrates ONE template database per run; tests/setup-db.ts copies it for every test file. Executing the committed
// migration.sql files costs about a second on a busy machine (each statement is its own write to disk); a copy of
// the migrated file costs a millisecond and gives each file the same schema.
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { createClient } from "@libsql/client";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, "..");
  const dir = path.join(root, "tests", ".tmp");
  mkdirSync(dir, { recursive: true });
  // One per run: the suite on Node 20 and on Node 22 run side by side in the same folder.
  const file = path.join(dir, `template-${randomUUID()}.db`);
  const client = createClient({ url: `file:${file}` });
  const migrations = path.join(root, "prisma", "migrations");
  for (const name of readdirSync(migrations)
    .filter((n) => /^\d/.test(n))
    .sort()) {
    await client.executeMultiple(readFileSync(path.join(migrations, name, "migration.sql"), "utf8"));
  }
  client.close();
  project.provide("templateDatabase", file);
  return () => {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
  };
}
