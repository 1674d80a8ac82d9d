// The database settings every connection must have, read back from SQLite itself (not assumed), and the write
// lock a transaction takes at BEGIN so that writers in several processes queue instead of failing.
import { readdirSync } from "node:fs";
import { createClient } from "@libsql/client";
import { describe, expect, it } from "vitest";
import { db, EXPECTED_SETTINGS, readSettingsThrough } from "~/lib/db.server";
import { auditedTransaction, SYSTEM_CONTEXT } from "~/models/audit.server";

async function createOrganization() {
  const code = `SET-${Math.random().toString(36).slice(2, 10)}`;
  return auditedTransaction(SYSTEM_CONTEXT, async (tx, audit) => {
    const org = await tx.organization.create({ data: { code, name: code, kind: "MINISTRY" } });
    await audit({ action: "organization.create", entityType: "Organization", entityId: org.id, after: org });
    return org;
  });
}

describe("database settings", () => {
  it("WAL, a busy timeout, foreign keys and synchronous NORMAL on the first connection", async () => {
    expect(await readSettingsThrough(db)).toEqual(EXPECTED_SETTINGS);
  });

  it("the same on the connection opened after a transaction and inside a transaction", async () => {
    // libSQL hands its connection to each transaction and opens a new one afterwards: it must be configured too.
    await createOrganization();
    await createOrganization();
    expect(await readSettingsThrough(db)).toEqual(EXPECTED_SETTINGS);
    const inside = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRawUnsafe<{ timeout: number | bigint }[]>("PRAGMA busy_timeout");
      return Number(rows[0].timeout);
    });
    expect(inside).toBe(EXPECTED_SETTINGS.busy_timeout);
  });

  it("foreign keys are enforced", async () => {
    await expect(
      db.$executeRawUnsafe(
        `INSERT INTO "ProjectMember" ("id", "projectId", "userId", "capacity") VALUES ('m-orphan', 'no-project', 'no-user', 'REVIEWER')`,
      ),
    ).rejects.toThrow(/FOREIGN KEY/i);
  });
});

describe("write transactions", () => {
  it("take the write lock at BEGIN, before their first write", async () => {
    const other = createClient({ url: process.env.DATABASE_URL ?? "" });
    try {
      await other.execute("PRAGMA busy_timeout = 0");
      const seenByOther = await db.$transaction(async (tx) => {
        // Only a read so far: a deferred transaction would hold no write lock yet.
        await tx.organization.count();
        return other.execute("BEGIN IMMEDIATE").then(
          () => "got the lock",
          (error: unknown) => String(error),
        );
      });
      expect(seenByOther).toMatch(/SQLITE_BUSY|database is locked/);
    } finally {
      other.close();
    }
  });

  it("leave no connection behind: open files stay flat over a hundred transactions", async () => {
    // libSQL's own client opened a connection per transaction and never closed it (a leak of two files each).
    const openFiles = () => readdirSync("/proc/self/fd").length;
    await createOrganization();
    const before = openFiles();
    for (let i = 0; i < 100; i++) await createOrganization();
    expect(openFiles() - before).toBeLessThanOrEqual(2);
  });
});
