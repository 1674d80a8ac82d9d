// The audit CSV's records built by SQLite (models/audit-csv-sql.server) are byte for byte the records JavaScript
// builds (csvRecord of the event's cells), for random and hostile text in every column of real AuditEvent rows —
// and SQLite leaves to JavaScript every record it cannot build exactly.
import { createClient } from "@libsql/client";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { looksLikeFormula } from "~/lib/csv-safety";
import { AUDIT_CSV_PLAIN } from "~/models/audit-csv-sql.server";
import { csvRecord, eventCells } from "~/models/export-audit.server";
import { projectCodesById } from "~/models/history.server";
import { streamAuditCsvRecords, streamAuditEvents, type AuditEventRow } from "~/models/history-stream.server";
import { createProject } from "../helpers/factories";

const HOSTILE = [
  '"',
  ",",
  "\r",
  "\n",
  "\r\n",
  "#",
  "=",
  "+",
  "-",
  "@",
  "'",
  "\t",
  " ",
  "\u0000",
  "\u0001",
  "\u0002",
  "\u00A0",
  "\u3000",
  "\u200B",
  "\uFEFF",
  "\uFF1D",
  "\uFF0B",
  "\uFF0D",
  "\uFF20",
  "\uFE62",
  "\u2212",
  "\u207A",
  "Ж",
  "ә",
  "Қ",
  "ё",
  "Ӂ",
  "Ѐ",
  "ӿ",
  "😀",
  "🇰🇿",
  "a",
  "Z",
  "0",
  "{",
  "~",
  "!",
  "\u007F",
];

/** Text a CSV writer must get right: hostile characters, ordinary words, JSON, Cyrillic, emoji, NULL and empty. */
const cellText = fc.oneof(
  fc.constant(null),
  fc.constant(""),
  fc.string({ unit: fc.constantFrom(...HOSTILE), maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ unit: fc.constantFrom("a", "b", "1", ".", "_", "Ж", "ә"), maxLength: 30 }),
  fc.tuple(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 10 })).map(([first, rest]) => first + rest),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 12 })).map((value) => JSON.stringify(value)),
);

/** Stored times: both stored UTC forms, other ISO forms, and text that is no date at all. */
const storedTime = fc.oneof(
  fc
    .date({ min: new Date("1990-01-01"), max: new Date("2090-01-01"), noInvalidDate: true })
    .chain((date) =>
      fc.constantFrom(
        `${date.toISOString().slice(0, 23)}+00:00`,
        date.toISOString(),
        date.toISOString().slice(0, 19),
        `${date.toISOString().slice(0, 23)}+05:00`,
        `${date.toISOString().slice(0, 23)}+00:00\u0000x`,
        `${date.toISOString()} `,
        String(date.getTime()),
      ),
    ),
  fc.constantFrom("", "yesterday", "2026-02-30T10:00:00.000+00:00", "２０２６-01-01T00:00:00.000Z"),
);

type StoredEvent = {
  occurredAt: string;
  texts: Array<string | null>;
};

/** Ids, e-mails, actions, hashes as the app writes them. */
const plainText = fc.oneof(
  fc.constant(null),
  fc
    .tuple(
      fc.constantFrom("a", "z", "0", "9"),
      fc.string({ unit: fc.constantFrom("a", "z", "0", "9", ".", "_", "@", "-", ":"), maxLength: 30 }),
    )
    .map(([first, rest]) => first + rest),
);

/** A before/after snapshot: JSON of random keys and values (quotes, commas, CR/LF and `#` included). */
const snapshot = fc
  .dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.constant(null)))
  .map((value) => JSON.stringify(value));
const storedUtc = fc
  .date({ min: new Date("1990-01-01"), max: new Date("2090-01-01"), noInvalidDate: true })
  .map((date) => `${date.toISOString().slice(0, 23)}+00:00`);

/**
 * Mostly events the SQL can build (so that its quoting is what is tested), each field now and then hostile: the
 * reason and the snapshots (indexes 6–8, where the SQL quotes and marks) as often as not.
 */
const event = fc.record({
  occurredAt: fc.oneof({ weight: 4, arbitrary: storedUtc }, { weight: 1, arbitrary: storedTime }),
  texts: fc.tuple(
    ...Array.from({ length: 12 }, (_, i) =>
      i >= 6 && i <= 8
        ? fc.oneof(cellText, snapshot)
        : fc.oneof({ weight: 15, arbitrary: plainText }, { weight: 1, arbitrary: cellText }),
    ),
  ),
});

let projectIds: string[] = [];

beforeAll(async () => {
  for (const code of ["P000001", "=cmd|' /C calc'!A0", 'with "quotes", and #', "Ж-42", "\tP3"]) {
    projectIds.push((await createProject({ code })).id);
  }
  projectIds = [...projectIds, "no-such-project"];
});

let hashes = 0;

/** Rows written as another tool could write them: straight into the table, any text in any column. */
async function insertEvents(events: StoredEvent[]): Promise<void> {
  const client = createClient({ url: process.env.DATABASE_URL ?? "" });
  try {
    await client.batch(
      events.map(({ occurredAt, texts }, i) => {
        const [
          actorEmail,
          actorId,
          action,
          entityType,
          entityId,
          projectId,
          reason,
          before,
          after,
          requestId,
          ip,
          prev,
        ] = texts;
        const project = i % 3 === 0 ? projectIds[i % projectIds.length] : projectId;
        return {
          sql: `INSERT INTO "AuditEvent" (occurredAt, actorEmail, actorId, action, entityType, entityId, projectId,
                  reason, "before", "after", requestId, ip, prevHash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          args: [
            occurredAt,
            actorEmail,
            actorId,
            action ?? "",
            entityType ?? "",
            entityId ?? "",
            project,
            reason,
            before,
            after,
            requestId,
            ip,
            prev ?? "",
            `hash-${++hashes}`,
          ],
        };
      }),
      "write",
    );
  } finally {
    client.close();
  }
}

/** What the CSV walk yields from `after` on, `batchSize` events per batch. */
async function csvWalk(after: number, withheld: boolean, batchSize: number) {
  const items: Array<Uint8Array | AuditEventRow> = [];
  const where = { seq: { gt: after } };
  for await (const batch of streamAuditCsvRecords({ where, maxSeq: Number.MAX_SAFE_INTEGER, batchSize, withheld })) {
    items.push(...batch);
  }
  return items;
}

/**
 * Every event from `after` on: its record as SQLite built it (or null), and as JavaScript builds it. Read one event
 * per batch, so that each BLOB is one record; `whole` and `wholeJs` are the same events read 37 per batch (several
 * records in one BLOB), the rows left to JavaScript written by it.
 */
async function bothRecords(after: number, withheld: boolean) {
  const codes = await projectCodesById();
  const rows: AuditEventRow[] = [];
  const where = { seq: { gt: after } };
  for await (const batch of streamAuditEvents({ where, maxSeq: Number.MAX_SAFE_INTEGER, batchSize: 37 })) {
    rows.push(...batch);
  }
  const shown = (row: AuditEventRow) => (withheld ? { ...row, requestId: null, ip: null } : row);
  const js = (row: AuditEventRow) => csvRecord(eventCells(shown(row), codes));
  const single = await csvWalk(after, withheld, 1);
  const text = (item: Uint8Array | AuditEventRow) =>
    item instanceof Uint8Array ? Buffer.from(item).toString("utf8") : js(item);
  return {
    whole: (await csvWalk(after, withheld, 37)).map(text).join(""),
    wholeJs: rows.map(js).join(""),
    each: rows.map((row, i) => {
      const sql = single[i];
      return {
        seq: row.seq,
        js: js(row),
        sql: sql instanceof Uint8Array ? Buffer.from(sql).toString("utf8") : null,
        row: sql instanceof Uint8Array ? null : sql,
      };
    }),
  };
}

async function lastSeq(): Promise<number> {
  const client = createClient({ url: process.env.DATABASE_URL ?? "" });
  try {
    return Number((await client.execute(`SELECT coalesce(max(seq), 0) FROM "AuditEvent"`)).rows[0]?.[0] ?? 0);
  } finally {
    client.close();
  }
}

describe("audit CSV records built by SQLite", () => {
  it("equal the JavaScript records byte for byte, for random and hostile rows (with and without network details)", async () => {
    let fast = 0;
    let total = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(event, { minLength: 1, maxLength: 60 }), fc.boolean(), async (events, withheld) => {
        const after = await lastSeq();
        await insertEvents(events);
        const { whole, wholeJs, each } = await bothRecords(after, withheld);
        expect(whole).toBe(wholeJs);
        for (const record of each) {
          total++;
          if (record.sql === null) {
            // Left to JavaScript: handed over as the stored row, which the exporter writes with csvRecord.
            expect(record.row?.seq).toBe(record.seq);
            continue;
          }
          fast++;
          expect(record.sql, `event ${record.seq}`).toBe(record.js);
        }
      }),
      { numRuns: 60 },
    );
    // The fast path must actually be taken for a good part of these rows, or this test would prove nothing.
    expect(fast).toBeGreaterThan(total / 10);
  }, 120_000);

  it("builds in SQL the ordinary events (JSON snapshots, Russian and Kazakh reasons, stored times)", async () => {
    const after = await lastSeq();
    const json = JSON.stringify({ name: "Жол, «көпір»", note: 'say "hi" #1', lines: "a\r\nb" });
    await insertEvents([
      {
        occurredAt: "2026-11-26T10:00:00.000+00:00",
        texts: [
          "a@b.kz",
          "u1",
          "project.update",
          "Project",
          "p1",
          projectIds[0],
          "Қайта қарау",
          json,
          json,
          "r-1",
          "10.0.0.1",
          "0".repeat(64),
        ],
      },
      {
        occurredAt: "2026-11-26T10:00:00.000Z",
        texts: [null, null, "auth.login", "User", "u2", null, "=1+1", null, '{"v":"-x"}', null, null, "a".repeat(64)],
      },
      {
        occurredAt: "2026-11-26T10:00:00.000+00:00",
        texts: [
          "x@y.z",
          "u3",
          "a",
          "B",
          "c",
          projectIds[0],
          "Ответ: да",
          '{"@":"x"}',
          '{"+":"y, #2"}',
          "1",
          "::1",
          "f".repeat(64),
        ],
      },
    ]);
    const { each, whole, wholeJs } = await bothRecords(after, false);
    expect(each.map((r) => r.sql)).toEqual(each.map((r) => r.js));
    expect(whole).toBe(wholeJs);
  });

  it("leaves to JavaScript what the SQL does not cover: a leading tab, space or full-width sign, a project code with a comma, an odd time, a snapshot that is no JSON record", async () => {
    const after = await lastSeq();
    const ok = "2026-11-26T10:00:00.000+00:00";
    const plain = ["a@b.kz", "u1", "x.y", "X", "1", null, null, null, null, null, null, "h"];
    await insertEvents([
      { occurredAt: ok, texts: plain.map((t, i) => (i === 6 ? "\t=1" : t)) },
      { occurredAt: ok, texts: plain.map((t, i) => (i === 7 ? " -1" : t)) },
      { occurredAt: ok, texts: plain.map((t, i) => (i === 8 ? "\uFF1D1" : t)) },
      { occurredAt: "2026-11-26T10:00:00Z", texts: plain },
      { occurredAt: ok, texts: plain.map((t, i) => (i === 0 ? "a,b" : t)) },
      { occurredAt: ok, texts: plain.map((t, i) => (i === 8 ? "-x" : t)) },
    ]);
    const { each, whole, wholeJs } = await bothRecords(after, false);
    expect(each.map((r) => r.sql)).toEqual([null, null, null, null, null, null]);
    expect(whole).toBe(wholeJs);
  });

  it("ends a snapshot at its NUL where JavaScript ends it, and leaves a reason holding a NUL to JavaScript, in a batch that is otherwise plain", async () => {
    const ok = "2026-11-26T10:00:00.000+00:00";
    const plain = ["a@b.kz", "u1", "x.y", "X", "1", null, null, '{"a":1}', '{"b":"c"}', null, null, "h"];
    const withNul = [
      plain.map((t, i) => (i === 7 ? '{"a":"x\u0000y, z"}' : t)),
      plain.map((t, i) => (i === 8 ? '{"b":"\u0000"}' : t)),
      plain.map((t, i) => (i === 6 ? "Қайта\u0000, қарау" : t)),
    ];
    for (const texts of withNul) {
      const after = await lastSeq();
      await insertEvents([
        { occurredAt: ok, texts: plain },
        { occurredAt: ok, texts },
        { occurredAt: ok, texts: plain },
      ]);
      const { each, whole, wholeJs } = await bothRecords(after, false);
      expect(whole).toBe(wholeJs);
      expect(each.map((r) => r.sql ?? r.js)).toEqual(each.map((r) => r.js));
      // The reason (field 6) holding a NUL is written by JavaScript; a snapshot holding one, by SQL.
      expect(each[1].sql === null).toBe(texts[6] !== null);
    }
  });

  it("stores each event's verdict in the generated column csvPlain, defined by the migration exactly as AUDIT_CSV_PLAIN", async () => {
    const client = createClient({ url: process.env.DATABASE_URL ?? "" });
    try {
      const table = await client.execute(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'AuditEvent'`);
      expect(String(table.rows[0]?.[0])).toContain(
        `"csvPlain" INTEGER GENERATED ALWAYS AS (${AUDIT_CSV_PLAIN}) STORED`,
      );
    } finally {
      client.close();
    }
  });

  it("takes no Cyrillic letter for the start of a formula (so the SQL may write text starting with one as it is)", () => {
    for (let code = 0x0400; code <= 0x04ff; code++) {
      expect(looksLikeFormula(`${String.fromCodePoint(code)}=1`), code.toString(16)).toBe(false);
    }
  });
});
