// `npm run audit:verify` in worker threads (scripts/audit-verify-parallel.ts) gives the sequential verifier's verdict:
// OK with the same count and head on an intact chain (events whose stored date SQLite cannot rewrite are checked
// exactly), and the same first break — at a range's edge too — on a tampered one.
import { createClient, type Client } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chainHash, GENESIS_HASH, type ChainedFields } from "~/lib/audit-chain.server";
import { verifyAuditChain } from "~/models/history-chain.server";
import { verifyAuditChainInParallel } from "../../scripts/audit-verify-parallel";

const EVENTS = 3000;
let client: Client;
const url = () => process.env.DATABASE_URL ?? "";

beforeAll(async () => {
  client = createClient({ url: url() });
  let prev = GENESIS_HASH;
  const statements = [];
  for (let seq = 1; seq <= EVENTS; seq++) {
    const event: ChainedFields = {
      seq,
      occurredAt: new Date(Date.UTC(2025, 0, 1) + seq * 1000),
      actorId: null,
      actorEmail: "verifier@qadam.test",
      action: "project.update",
      entityType: "Project",
      entityId: `p${seq % 7}`,
      projectId: null,
      before: JSON.stringify({ percentComplete: seq % 100, note: 'é \u2028 "quoted"' }),
      after: JSON.stringify({ percentComplete: (seq + 1) % 100 }),
      reason: seq % 5 === 0 ? "weekly update" : null,
      requestId: null,
      ip: null,
    };
    const hash = chainHash(prev, event);
    // Every 97th event holds its time in a form the SQL canonical text does not rewrite: checked exactly instead.
    const stored =
      seq % 97 === 0 ? event.occurredAt.toISOString().replace(".000Z", "Z") : event.occurredAt.toISOString();
    statements.push({
      sql: `INSERT INTO "AuditEvent" (seq, occurredAt, actorEmail, action, entityType, entityId, "before", "after", reason, prevHash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      args: [
        seq,
        stored,
        event.actorEmail,
        event.action,
        event.entityType,
        event.entityId,
        event.before,
        event.after,
        event.reason,
        prev,
        hash,
      ],
    });
    prev = hash;
  }
  await client.batch(statements, "write");
  // What an attacker with the file does first: the log's append-only triggers go.
  await client.execute('DROP TRIGGER "AuditEvent_no_update"');
  await client.execute('DROP TRIGGER "AuditEvent_no_delete"');
}, 60_000);

afterAll(() => client.close());

const parallel = (workers: number) => verifyAuditChainInParallel({ url: url(), workers, minEvents: 0 });

describe("verifyAuditChainInParallel", () => {
  it("answers OK with the sequential verifier's count and head", async () => {
    const expected = await verifyAuditChain({ url: url() });
    expect(expected).toMatchObject({ ok: true, count: EVENTS, headSeq: EVENTS });
    expect(await parallel(2)).toEqual(expected);
    expect(await parallel(3)).toEqual(expected);
  });

  it.each([
    ["an edit in the middle of a range", "UPDATE AuditEvent SET reason = 'x' WHERE seq = 700"],
    ["an edit of a range's last event", "UPDATE AuditEvent SET actorEmail = 'x' WHERE seq = 1500"],
    ["an edit of a range's first event", "UPDATE AuditEvent SET actorEmail = 'x' WHERE seq = 1501"],
    ["an edit of an exactly checked event", "UPDATE AuditEvent SET action = 'x' WHERE seq = 970"],
    ["a changed link at a range's edge", "UPDATE AuditEvent SET prevHash = hash WHERE seq = 1501"],
    ["the deletion of a range's first event", "DELETE FROM AuditEvent WHERE seq = 1501"],
    ["the deletion of the first event", "DELETE FROM AuditEvent WHERE seq = 1"],
  ])("reports %s as the sequential verifier does", async (_name, tamper) => {
    const touched = "seq IN (1, 700, 970, 1500, 1501)";
    const original = await client.execute(`SELECT * FROM "AuditEvent" WHERE ${touched}`);
    await client.execute(tamper);
    try {
      const expected = await verifyAuditChain({ url: url() });
      expect(expected.ok).toBe(false);
      expect(await parallel(2)).toEqual(expected);
    } finally {
      await client.execute(`DELETE FROM "AuditEvent" WHERE ${touched}`);
      // csvPlain is computed by SQLite on insert (a generated column) and cannot be written.
      const columns = original.columns.filter((column) => column !== "csvPlain");
      for (const row of original.rows) {
        await client.execute({
          sql: `INSERT INTO "AuditEvent" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
          args: columns.map((c) => row[c] ?? null),
        });
      }
    }
    expect(await parallel(2)).toMatchObject({ ok: true, count: EVENTS });
  });
});
