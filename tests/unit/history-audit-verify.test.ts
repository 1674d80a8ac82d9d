// `npm run audit:verify` end to end: spawned against a database file with a real audit chain it prints OK with the count and the
// head and exits 0; after the triggers are dropped and an event is tampered with, it prints BROKEN and exits 1.
// (The verifier's classification of edited/deleted/inserted/swapped events is tested in audit.test.ts.)
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { createClient } from "@libsql/client";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { getChainStatus } from "~/models/history-chain.server";
import { createProject } from "../helpers/factories";

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(repoRoot, "node_modules", ".bin", "tsx");

async function verify(): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tsx, ["scripts/audit-verify.ts"], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL, NODE_ENV: "test" },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

beforeAll(async () => {
  // Ten projects, each with its own ministry, framework and priority area: forty events written by audited
  // transactions, enough to tamper with event 12 and delete event 30.
  for (let i = 0; i < 10; i++) await createProject();
  expect(await db.auditEvent.count()).toBe(40);
}, 60_000);

describe("History's chain status", () => {
  it("names the head's seq, hash and time as stored, and the chain intact", async () => {
    const head = await db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
    const status = await getChainStatus({ verify: false });
    expect(status).toMatchObject({ headSeq: head.seq, headHash: head.hash, headAt: head.occurredAt.toISOString() });
    expect(status.verification).toMatchObject({ ok: true, count: 40, auto: true });
  });
});

describe("scripts/audit-verify.ts", () => {
  it("prints OK with the event count and the head, and exits 0", async () => {
    const head = await db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
    const count = await db.auditEvent.count();
    const result = await verify();
    expect(result.stdout.trim()).toBe(`OK ${count} events, head ${head.seq} ${head.hash}`);
    expect(result.code).toBe(0);
  });

  it("prints BROKEN with the first broken seq and exits 1 once an event was edited behind the triggers", async () => {
    const client = createClient({ url: process.env.DATABASE_URL! });
    try {
      // The database refuses the edit while the triggers stand...
      await expect(client.execute("UPDATE AuditEvent SET reason = 'tampered' WHERE seq = 12")).rejects.toThrow(
        /append-only/,
      );
      // ...so an attacker with file access drops them first.
      await client.execute('DROP TRIGGER "AuditEvent_no_update"');
      await client.execute('DROP TRIGGER "AuditEvent_no_delete"');
      await client.execute("UPDATE AuditEvent SET reason = 'tampered' WHERE seq = 12");
    } finally {
      client.close();
    }
    const edited = await verify();
    expect(edited.code).toBe(1);
    expect(edited.stdout.trim()).toMatch(/^BROKEN at seq 12: edited — /);

    const restore = createClient({ url: process.env.DATABASE_URL! });
    try {
      await restore.execute("UPDATE AuditEvent SET reason = NULL WHERE seq = 12");
      await restore.execute("DELETE FROM AuditEvent WHERE seq = 30");
    } finally {
      restore.close();
    }
    const deleted = await verify();
    expect(deleted.code).toBe(1);
    expect(deleted.stdout.trim()).toMatch(/^BROKEN at seq 30: deleted — /);
  });
});
