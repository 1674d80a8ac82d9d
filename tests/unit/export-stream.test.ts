// The audit exports stream: with ~50,000 events, the response body is a stream whose first bytes arrive after
// one or two database batches, and a reader that stops reading stops the database reads too (back-pressure).
// Memory is measured in the report (see the README section); no timing is asserted here.
import { subscribe } from "node:diagnostics_channel";
import { beforeAll, describe, expect, it } from "vitest";
import { bulkReadChannel } from "~/lib/bulk-read.server";
import { db as client } from "~/lib/db.server";
import { loader as csvLoader } from "~/routes/exports.audit[.]csv";
import { loader as ndjsonLoader } from "~/routes/exports.audit[.]ndjson";
import { loader as xlsxLoader } from "~/routes/exports.audit[.]xlsx";
import { appendSyntheticEvents, callLoader, sessionCookieFor } from "../helpers/history-fixtures";

// Every read of a batch of audit events (the exports read them outside Prisma, through lib/bulk-read.server).
const batchQueries: string[] = [];
subscribe(bulkReadChannel.name, (message) => {
  const sql = typeof message === "object" && message !== null && "sql" in message ? String(message.sql) : "";
  if (sql.includes(`FROM "AuditEvent"`) && /ORDER BY (e\.)?seq/.test(sql)) batchQueries.push(sql);
});

const EVENTS = 50_000;
const BATCHES = EVENTS / 1000;
let cookie = "";

beforeAll(async () => {
  const org = await client.organization.create({ data: { code: "WB", name: "World Bank", kind: "WORLD_BANK" } });
  const user = await client.user.create({
    data: {
      email: "auditor@qadam.test",
      name: "Auditor",
      organizationId: org.id,
      role: "AUDITOR",
      passwordHash: "not-used",
    },
  });
  await appendSyntheticEvents({
    url: process.env.DATABASE_URL!,
    count: EVENTS,
    projectIds: ["p1", "p2", null],
    actors: [{ id: user.id, email: user.email }],
    batchSize: 1000,
  });
  cookie = await sessionCookieFor("auditor@qadam.test");
}, 120_000);

const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe("large audit exports are streamed", () => {
  for (const [name, loader, maxShare] of [
    ["csv", csvLoader, 0.1],
    ["ndjson", ndjsonLoader, 0.1],
    // The zip writer compresses ~10:1, so its fixed buffers (~200 kB compressed between zlib and the response)
    // hold ~10,000 rows before the reads pause: a constant, whatever the export's size.
    ["xlsx", xlsxLoader, 0.3],
  ] as const) {
    it(`${name}: the body is a stream and a paused reader pauses the database reads`, async () => {
      batchQueries.length = 0;
      const response = await callLoader(loader, `/exports/audit.${name}`, { cookie });
      expect(response.body).toBeInstanceOf(ReadableStream);
      const reader = response.body!.getReader();
      const first = await reader.read();
      expect(first.done).toBe(false);
      await settle();
      // Stopped reading after one chunk: the exporter has read only a small part of the 50 batches.
      expect(batchQueries.length).toBeGreaterThan(0);
      expect(batchQueries.length).toBeLessThanOrEqual(Math.ceil(BATCHES * maxShare));
      await reader.cancel();
      // A batch already in flight when the reader cancelled still completes: let it, so the next test counts
      // only its own reads.
      await settle();
    });
  }

  it("csv: reading to the end yields every event, batch by batch", async () => {
    batchQueries.length = 0;
    const events = await client.auditEvent.count(); // includes the earlier exports' own events
    const response = await callLoader(csvLoader, "/exports/audit.csv", { cookie });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let lines = 0;
    let bytes = 0;
    let tail = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      const text = tail + decoder.decode(value, { stream: true });
      const parts = text.split("\r\n");
      tail = parts.pop()!;
      lines += parts.length;
    }
    // 15 metadata records + the header row + one record per event (synthetic events hold no line breaks).
    expect(lines).toBe(15 + 1 + events);
    expect(bytes).toBeGreaterThan(EVENTS * 200);
    expect(batchQueries.length).toBe(Math.ceil(events / 1000) + (events % 1000 === 0 ? 1 : 0));
  });
});

describe("the XLSX writer's back-pressure hook", () => {
  it("finds the zip entry's input stream inside exceljs (else a million rows would pile up in memory)", async () => {
    const { xlsxStream, sheetInput } = await import("~/models/export-common.server");
    let found = false;
    const body = xlsxStream(async ({ workbook, drain }) => {
      const first = workbook.addWorksheet("first");
      first.addRow(["a"]).commit();
      first.commit();
      const second = workbook.addWorksheet("second");
      for (let i = 0; i < 2000; i++) second.addRow([i, "x".repeat(100)]).commit();
      await drain(second);
      found = sheetInput(second) !== undefined;
      second.commit();
    });
    body.resume();
    await new Promise((resolve) => body.on("end", resolve));
    expect(found).toBe(true);
  });
});
