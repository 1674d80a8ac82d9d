// `npm run db:backup` and `npm run db:restore`, run as the commands they are, against a database that writer
// processes keep changing during the backup: the restored copy is sound, its data and history agree, and the
// restore refuses to overwrite a database without --force or while it is in use.
import { execFile } from "node:child_process";
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { createDb, db } from "~/lib/db.server";
import { checkDatabase, createDrillOrganization, organizationHistory, startWriter } from "./data-safety-kit";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const work = path.join(root, "tests", ".tmp", `backup-${process.pid}-${Date.now()}`);
mkdirSync(work, { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs one of our npm scripts' files the way npm does (tsx), answering its exit code and output. */
async function script(file: string, args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", file, ...args], {
      cwd: root,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("db:backup and db:restore", () => {
  const url = process.env.DATABASE_URL ?? "";

  it("backs up during concurrent writes; the restored copy is sound and consistent", async () => {
    const org = await createDrillOrganization();
    // Writers that go on until stopped: the backup is taken in the middle of their stream.
    const writers = [1, 2].map((i) => startWriter(org.id, 0, `b${i}`, url));
    while (writers.some((writer) => writer.acks.length < 3)) await new Promise((resolve) => setTimeout(resolve, 20));
    const backup = await script("scripts/db-backup.ts", [], { BACKUP_DIR: work });
    while (writers.some((writer) => writer.acks.length < 6)) await new Promise((resolve) => setTimeout(resolve, 20));
    for (const writer of writers) writer.child.kill("SIGTERM");
    await Promise.all(writers.map((writer) => writer.done));
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/^OK .*\.db\nintegrity ok; .*chain OK/);
    const live = await organizationHistory(db, org.id);
    expect(live.version - org.version).toBe(live.updates);

    const file = backup.stdout.split("\n")[0].slice("OK ".length);
    const restoredUrl = `file:${path.join(work, "restored.db")}`;
    const restore = await script("scripts/db-restore.ts", [file, "--to", restoredUrl]);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/^OK restored .*restored\.db\nintegrity ok; .*chain OK/);

    const restored = createDb(restoredUrl);
    try {
      const { integrity, chain } = await checkDatabase(restored, restoredUrl);
      expect(integrity).toBe("ok");
      expect(chain.ok).toBe(true);
      // One instant: the organisation's version and its history agree, somewhere inside the stream of writes.
      const snapshot = await organizationHistory(restored, org.id);
      expect(snapshot.version - org.version).toBe(snapshot.updates);
      expect(snapshot.updates).toBeGreaterThanOrEqual(6);
      // The live database moved on after the backup; the restored one has every row and event up to it.
      expect(snapshot.updates).toBeLessThan(live.updates);
      expect(await restored.organization.count()).toBe(await db.organization.count());
      expect(await restored.auditEvent.count()).toBe((await db.auditEvent.count()) - (live.updates - snapshot.updates));
    } finally {
      await restored.$disconnect();
    }
  }, 60_000);

  it("refuses to replace an existing database without --force, and one in use even with it", async () => {
    const backup = await script("scripts/db-backup.ts", [], { BACKUP_DIR: work });
    const file = backup.stdout.split("\n")[0].slice("OK ".length);
    const withoutForce = await script("scripts/db-restore.ts", [file]);
    expect(withoutForce.code).toBe(1);
    expect(withoutForce.stderr).toMatch(/exists: add --force/);
    // This test's own connection has the database open.
    await db.organization.count();
    const inUse = await script("scripts/db-restore.ts", [file, "--force"]);
    expect(inUse.code).toBe(1);
    expect(inUse.stderr).toMatch(/in use/);
    expect((await checkDatabase(db)).integrity).toBe("ok");

    // A database nobody has open is replaced with --force, and the old one kept beside it.
    const idle = `file:${path.join(work, "idle.db")}`;
    expect((await script("scripts/db-restore.ts", [file, "--to", idle])).code).toBe(0);
    const replaced = await script("scripts/db-restore.ts", [file, "--to", idle, "--force"]);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(replaced.stdout).toMatch(/previous database is kept as .*idle\.replaced-.*\.db\nOK restored/);
    expect(readdirSync(work).filter((name) => name.startsWith("idle.replaced-"))).toHaveLength(1);
  }, 30_000);
});
