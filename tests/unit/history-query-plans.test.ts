// The history queries use the AuditEvent indexes. The SQL actually sent for each filter (by Prisma for the export,
// in plain SQL for History's pages) is captured and run through EXPLAIN QUERY PLAN: every filtered page must be an
// index search, never a full scan plus sort.
import { createClient, type InStatement } from "@libsql/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "~/generated/prisma/client";
import type { Actor } from "~/lib/permissions";

type Captured = { query: string; params: string };
const captured: Captured[] = [];
const client = new PrismaClient({
  adapter: new PrismaLibSQL({ url: process.env.DATABASE_URL! }),
  log: [{ emit: "event", level: "query" }],
});
client.$on("query", (event) => captured.push({ query: event.query, params: event.params }));
// The app's modules pick up this client as their `db`.
(globalThis as { qadamDb?: unknown }).qadamDb = client;
// (dynamic imports: static ones would be evaluated before this line and create the default client)
const { readClient } = await import("~/lib/sql.server");
const readDb = readClient();
// The plain-SQL reads go through this connection: the statements are captured the same way.
globalThis.qadamReadDb = new Proxy(readDb, {
  get(target, property, receiver) {
    if (property === "execute")
      return (statement: InStatement) => {
        if (typeof statement !== "string")
          captured.push({ query: statement.sql, params: JSON.stringify(statement.args ?? []) });
        return target.execute(statement);
      };
    const value: unknown = Reflect.get(target, property, receiver);
    return typeof value === "function" ? value.bind(target) : value;
  },
});
const { listAuditEvents, auditWhereFor } = await import("~/models/history.server");
const { streamAuditEvents } = await import("~/models/history-stream.server");
const { appendSyntheticEvents } = await import("../helpers/history-fixtures");

const auditor: Actor = { id: "a", role: "AUDITOR", organizationId: "o", organizationKind: "WORLD_BANK" };
const sqlite = createClient({ url: process.env.DATABASE_URL! });

beforeAll(async () => {
  await appendSyntheticEvents({
    url: process.env.DATABASE_URL!,
    count: 3000,
    projectIds: ["p1", "p2", "p3", null],
    actors: [
      { id: "u1", email: "u1@qadam.test" },
      { id: "u2", email: "u2@qadam.test" },
    ],
    startAt: new Date(Date.UTC(2026, 0, 1)),
    stepMs: 600_000,
  });
}, 60_000);

afterAll(() => sqlite.close());

/** Whether a captured statement reads the AuditEvent table (as Prisma writes it, or in plain SQL). */
const readsAuditEvents = (c: Captured) =>
  c.query.includes("FROM `main`.`AuditEvent`") || c.query.includes('FROM "AuditEvent"');

/** The plan of the last captured SELECT on AuditEvent that returns rows (not the MIN/MAX of a date range). */
async function planOfLastList(): Promise<string> {
  const last = [...captured].reverse().find((c) => readsAuditEvents(c) && !c.query.includes("MIN("));
  expect(last, "no AuditEvent query captured").toBeDefined();
  const args = (JSON.parse(last!.params) as unknown[]).map((v) =>
    typeof v === "number" || typeof v === "string" ? v : String(v),
  );
  const plan = await sqlite.execute({ sql: `EXPLAIN QUERY PLAN ${last!.query}`, args: args as Array<string | number> });
  return plan.rows.map((r) => String(r.detail)).join(" | ");
}

async function planFor(filters: Parameters<typeof listAuditEvents>[0]["filters"], before?: number) {
  captured.length = 0;
  await listAuditEvents({ actor: auditor, filters, before });
  return planOfLastList();
}

describe("history query plans (EXPLAIN QUERY PLAN on the SQL sent)", () => {
  it("project filter → AuditEvent_projectId_seq_idx, no sort", async () => {
    const plan = await planFor({ projectId: "p2" }, 2000);
    expect(plan).toMatch(/USING INDEX AuditEvent_projectId_seq_idx \(projectId=\? AND seq<\?\)/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });

  it("entity filter → AuditEvent_entityType_entityId_seq_idx", async () => {
    const plan = await planFor({ entityType: "Milestone", entityId: "synthetic-5" });
    expect(plan).toMatch(/USING INDEX AuditEvent_entityType_entityId_seq_idx \(entityType=\? AND entityId=\?/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });

  it("actor filter → AuditEvent_actorId_seq_idx", async () => {
    const plan = await planFor({ actorId: "u1" }, 1500);
    expect(plan).toMatch(/USING INDEX AuditEvent_actorId_seq_idx \(actorId=\? AND seq<\?\)/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });

  it("action filter → AuditEvent_action_seq_idx", async () => {
    const plan = await planFor({ action: "project.edit" });
    expect(plan).toMatch(/USING INDEX AuditEvent_action_seq_idx \(action=\?/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });

  it("date range → its seq bounds come from AuditEvent_occurredAt_idx, then a primary-key range scan", async () => {
    captured.length = 0;
    await listAuditEvents({ actor: auditor, filters: { from: new Date("2026-01-05"), to: new Date("2026-01-06") } });
    const bounds = captured.find((c) => c.query.includes("MIN("))!;
    const boundsPlan = await sqlite.execute({
      sql: `EXPLAIN QUERY PLAN ${bounds.query}`,
      args: JSON.parse(bounds.params) as string[],
    });
    expect(boundsPlan.rows.map((r) => String(r.detail)).join(" | ")).toMatch(
      /COVERING INDEX AuditEvent_occurredAt_idx/,
    );
    expect(await planOfLastList()).toMatch(/INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/);
  });

  it("unfiltered deep page → primary-key range, no OFFSET scan", async () => {
    const plan = await planFor({}, 1234);
    expect(plan).toMatch(/INTEGER PRIMARY KEY \(rowid<\?\)/);
    const last = [...captured].reverse().find(readsAuditEvents)?.query;
    expect(last).not.toMatch(/OFFSET/); // keyset, not offset, pagination
    expect(last).toMatch(/seq < \?/);
  });

  it("export batches walk the index in seq order too", async () => {
    captured.length = 0;
    const where = await auditWhereFor(auditor, { projectId: "p3" });
    for await (const batch of streamAuditEvents({ where, maxSeq: 100_000, batchSize: 200 }))
      expect(batch.length).toBeGreaterThan(0);
    const plan = await planOfLastList();
    // The batch's seqs come from the index alone (the rows are then read by primary key).
    expect(plan).toMatch(/USING COVERING INDEX AuditEvent_projectId_seq_idx \(projectId=\? AND seq>\? AND seq<\?\)/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });

  it("names a page of events with one query per kind of record, however many events it holds (no N+1)", async () => {
    const queriesFor = async (limit: number) => {
      captured.length = 0;
      await listAuditEvents({ actor: auditor, filters: {}, limit });
      return captured.filter((c) => !readsAuditEvents(c)).length;
    };
    const few = await queriesFor(5);
    expect(few).toBeGreaterThan(0);
    expect(few).toBeLessThanOrEqual(7);
    expect(await queriesFor(200)).toBe(few);
  });
});
