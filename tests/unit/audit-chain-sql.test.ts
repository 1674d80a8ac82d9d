// Chain verification hashes each event's canonical form as SQLite's json_array writes it (a million events in
// seconds), falling back to the fields read one by one and JSON.stringify where that text does not give the stored
// hash. The two must agree on every value the app can store — else a valid chain would be re-read event by event —
// and the check must stay exactly as strict: an edit, however small, is still found, and a stored value that is no
// date at all is reported as an edit rather than stopping the verification.
import { subscribe } from "node:diagnostics_channel";
import { createClient } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chainHash, GENESIS_HASH, type ChainedFields } from "~/lib/audit-chain.server";
import { bulkReadChannel } from "~/lib/bulk-read.server";
import { verifyAuditChain } from "~/models/history-chain.server";

const url = process.env.DATABASE_URL ?? "";
const client = createClient({ url });

// Reads of a single event: the exact path, taken only where SQLite's canonical text did not give the stored hash.
let exactReads = 0;
subscribe(bulkReadChannel.name, (message) => {
  const sql = typeof message === "object" && message !== null && "sql" in message ? String(message.sql) : "";
  if (sql.includes("WHERE seq = ?")) exactReads++;
});

const controls = Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)).join("");
const HOSTILE = [
  controls,
  `quote " backslash \\ slash / del \u007f`,
  "Қазақстан Республикасы — Министерство финансов",
  "emoji 😀 and a surrogate pair 𝄞",
  "line separators \u2028 \u2029, no-break \u00a0, BOM \ufeff, zero width \u200b",
  "</script><script>alert(1)</script>",
  JSON.stringify({ note: 'nested "quotes", tabs\tand\nnewlines', path: "C:\\temp\\x", n: -0.5, list: [1, "2"] }),
  "",
];

/** The adapter's stored form of a date. */
const stored = (date: Date) => date.toISOString().replace("Z", "+00:00");

async function occurredAtOf(seq: number): Promise<string> {
  const sql = `SELECT occurredAt FROM "AuditEvent" WHERE seq = ?`;
  return String((await client.execute({ sql, args: [seq] })).rows[0].occurredAt);
}

async function setOccurredAt(seq: number, value: string) {
  await client.execute({ sql: `UPDATE "AuditEvent" SET occurredAt = ? WHERE seq = ?`, args: [value, seq] });
}

beforeAll(async () => {
  let prevHash = GENESIS_HASH;
  const start = Date.UTC(2026, 0, 1);
  let seq = 0;
  for (const [i, text] of HOSTILE.entries()) {
    for (const placement of ["reason", "before", "actorEmail", "entityId"] as const) {
      seq++;
      const fields: ChainedFields = {
        seq,
        occurredAt: new Date(start + seq * 1234),
        actorId: null,
        actorEmail: placement === "actorEmail" ? text : "someone@qadam.test",
        action: "project.edit",
        entityType: "Project",
        entityId: placement === "entityId" ? text : `p${i}`,
        projectId: null,
        before: placement === "before" ? JSON.stringify({ text }) : null,
        after: JSON.stringify({ i, text: placement }),
        reason: placement === "reason" ? text : null,
        requestId: null,
        ip: null,
      };
      const hash = chainHash(prevHash, fields);
      await client.execute({
        sql: `INSERT INTO "AuditEvent" (seq, occurredAt, actorId, actorEmail, action, entityType, entityId, projectId,
                "before", "after", reason, requestId, ip, prevHash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        args: [
          seq,
          stored(fields.occurredAt),
          fields.actorId,
          fields.actorEmail,
          fields.action,
          fields.entityType,
          fields.entityId,
          fields.projectId,
          fields.before,
          fields.after,
          fields.reason,
          fields.requestId,
          fields.ip,
          prevHash,
          hash,
        ],
      });
      prevHash = hash;
    }
  }
  // Tampering below needs what an attacker with file access would do first.
  await client.execute('DROP TRIGGER "AuditEvent_no_update"');
});

afterAll(() => client.close());

describe("chain verification through SQLite's canonical text", () => {
  it("accepts every hostile value the app can store, without re-reading any event", async () => {
    exactReads = 0;
    const verdict = await verifyAuditChain({ url, batchSize: 7 });
    expect(verdict).toMatchObject({ ok: true, count: HOSTILE.length * 4 });
    expect(exactReads).toBe(0);
  });

  it("finds an edit of a single character", async () => {
    // Event 9 holds the Kazakh and Russian words in its reason: one letter becomes its look-alike, and back.
    const swap = (from: string, to: string) =>
      client.execute({ sql: `UPDATE "AuditEvent" SET reason = replace(reason, ?, ?) WHERE seq = 9`, args: [from, to] });
    await swap("Қ", "К");
    expect(await verifyAuditChain({ url })).toMatchObject({ ok: false, problem: { kind: "edited", seq: 9 } });
    await swap("К", "Қ");
    expect((await verifyAuditChain({ url })).ok).toBe(true);
  });

  it("accepts the same instant in the `Z` form (as reading it as a date did), not another instant", async () => {
    const occurredAt = await occurredAtOf(5);
    await setOccurredAt(5, occurredAt.replace("+00:00", "Z"));
    expect((await verifyAuditChain({ url })).ok).toBe(true);
    await setOccurredAt(5, occurredAt.replace("+00:00", "+01:00"));
    expect(await verifyAuditChain({ url })).toMatchObject({ ok: false, problem: { kind: "edited", seq: 5 } });
    await setOccurredAt(5, occurredAt);
  });

  it("reports a moved time (one millisecond) and a value that is no date as edits", async () => {
    const occurredAt = await occurredAtOf(13);
    const moved = stored(new Date(new Date(occurredAt).getTime() + 1));
    await setOccurredAt(13, moved);
    expect(await verifyAuditChain({ url })).toMatchObject({ ok: false, problem: { kind: "edited", seq: 13 } });
    await setOccurredAt(13, "not a date");
    expect(await verifyAuditChain({ url })).toMatchObject({ ok: false, problem: { kind: "edited", seq: 13 } });
    await setOccurredAt(13, occurredAt);
    expect((await verifyAuditChain({ url })).ok).toBe(true);
  });
});
