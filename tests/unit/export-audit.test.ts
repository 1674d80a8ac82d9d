// The audit exports select exactly the events the filters and the user's scope allow (compared with direct
// database queries), state them in a metadata block, record themselves, and refuse officers.
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { resources } from "~/i18n/config";
import { AUDIT_COLUMNS, auditXlsxColumns } from "~/models/export-audit.server";
import { recordExport } from "~/models/export-common.server";
import { loader as csvLoader } from "~/routes/exports.audit[.]csv";
import { loader as xlsxLoader } from "~/routes/exports.audit[.]xlsx";
import { loader as ndjsonLoader } from "~/routes/exports.audit[.]ndjson";
import { createOrganization, createProject, createUser } from "../helpers/factories";
import { appendSyntheticEvents, callLoader, readXlsx, sessionCookieFor } from "../helpers/history-fixtures";

const cookies: Record<string, string> = {};
let projects: Array<{ id: string; code: string; institution: string; implementingAgencyId: string }> = [];

/**
 * Five projects (three of the transport ministry, one of water, one IFC; WB, joint and IFC) and six users. The
 * synthetic events cycle through projects (and "none": six slots), actors (six) and five actions: counts prime to
 * five, so every project and every actor meets every action.
 */
async function buildPortfolio() {
  const transport = await createOrganization({ kind: "MINISTRY" });
  const water = await createOrganization({ kind: "MINISTRY" });
  const worldBank = await createOrganization({ kind: "WORLD_BANK" });
  const users: Array<[string, Parameters<typeof createUser>[0]]> = [
    ["auditor", { role: "AUDITOR", organizationId: worldBank.id }],
    ["wb.manager", { role: "MANAGER", organizationId: worldBank.id }],
    ["wb.officer", { role: "OFFICER", organizationId: worldBank.id }],
    ["transport.manager", { role: "MANAGER", organizationId: transport.id }],
    ["admin", { role: "ADMIN", organizationId: worldBank.id }],
    ["ifc.manager", { role: "MANAGER", orgKind: "IFC" }],
  ];
  for (const [key, options] of users) await createUser({ ...options, email: `${key}@qadam.test` });
  const { priorityAreaId } = await createProject({ code: "P099270", implementingAgencyId: transport.id });
  await createProject({ code: "P128050", implementingAgencyId: transport.id, priorityAreaId });
  await createProject({ code: "P086592", implementingAgencyId: water.id, priorityAreaId });
  await createProject({ code: "P500565", institution: "JOINT", implementingAgencyId: transport.id, priorityAreaId });
  await createProject({ code: "IFC-RE-ADVISORY", institution: "IFC", implementingAgencyId: water.id, priorityAreaId });
}

beforeAll(async () => {
  await buildPortfolio();
  for (const key of ["auditor", "wb.manager", "wb.officer", "transport.manager", "admin"]) {
    cookies[key] = await sessionCookieFor(`${key}@qadam.test`);
  }
  projects = await db.project.findMany({
    select: { id: true, code: true, institution: true, implementingAgencyId: true },
  });
  const users = await db.user.findMany({ select: { id: true, email: true } });
  // Events on known days, two of them exactly on midnight boundaries, spread over projects and actors.
  await appendSyntheticEvents({
    url: process.env.DATABASE_URL!,
    count: 600,
    projectIds: [...projects.map((p) => p.id), null],
    actors: users,
    startAt: new Date(Date.UTC(2026, 0, 10)),
    stepMs: 60 * 60_000,
  });
  // Dozens of audited writes and 600 synthetic events: generous for a machine busy with other work.
}, 60_000);

/**
 * Signs in a new user with the role and organisation of `key`'s user, as `cookies[as]`: every user may download
 * only so many exports in ten minutes, so a block of tests that exports a lot brings its own users.
 */
async function signInLike(key: string, as: string) {
  const model = await db.user.findUniqueOrThrow({
    where: { email: `${key}@qadam.test` },
    select: { role: true, organizationId: true },
  });
  const user = await createUser({ role: model.role, organizationId: model.organizationId });
  cookies[as] = await sessionCookieFor(user.email);
}

type CsvExport = { meta: Record<string, string>; header: string[]; rows: Record<string, string>[] };

function readCsv(text: string): CsvExport {
  const records = parse(text, { relax_column_count: false, bom: true }) as string[][];
  const meta: Record<string, string> = {};
  let i = 0;
  for (; records[i][0] === "#"; i++) meta[records[i][1]] = records[i][2];
  const header = records[i];
  const rows = records.slice(i + 1).map((r) => Object.fromEntries(header.map((h, j) => [h, r[j]])));
  return { meta, header, rows };
}

async function exportCsv(query: string, who = "auditor"): Promise<CsvExport> {
  const response = await callLoader(csvLoader, `/exports/audit.csv${query}`, { cookie: cookies[who] });
  expect(response.status).toBe(200);
  return readCsv(await response.text());
}

const seqs = (rows: Array<{ seq: number } | Record<string, string>>) => rows.map((r) => Number(r.seq));

describe("audit exports select exactly what the filters and the scope allow", () => {
  it("an auditor without filters gets every event up to the stated head, oldest first", async () => {
    const csv = await exportCsv("");
    const head = Number(csv.meta.chain_head_seq);
    const expected = await db.auditEvent.findMany({
      where: { seq: { lte: head } },
      orderBy: { seq: "asc" },
      select: { seq: true },
    });
    expect(seqs(csv.rows)).toEqual(seqs(expected));
    expect(Number(csv.meta.row_count)).toBe(expected.length);
    const headEvent = await db.auditEvent.findUniqueOrThrow({ where: { seq: head } });
    expect(csv.meta.chain_head_hash).toBe(headEvent.hash);
    expect(csv.header).toEqual([...AUDIT_COLUMNS]);
    expect(csv.meta.scope).toBe("all");
  });

  const inDays = (e: { occurredAt: Date }, from: string, to: string) => {
    const day = e.occurredAt.toISOString().slice(0, 10);
    return day >= from && day <= to;
  };

  it("filters by project code, entity type and inclusive UTC days", async () => {
    const project = projects.find((p) => p.code === "P128050")!;
    const csv = await exportCsv("?project=P128050&entity=Milestone&from=2026-01-11&to=2026-01-20");
    const expected = (
      await db.auditEvent.findMany({
        where: { projectId: project.id, entityType: "Milestone", seq: { lte: Number(csv.meta.chain_head_seq) } },
        orderBy: { seq: "asc" },
        select: { seq: true, occurredAt: true },
      })
    ).filter((e) => inDays(e, "2026-01-11", "2026-01-20"));
    expect(expected.length).toBeGreaterThan(0);
    expect(seqs(csv.rows)).toEqual(seqs(expected));
    expect(csv.meta.filter_project).toBe("P128050");
    expect(csv.meta.filter_entity).toBe("Milestone");
    expect(csv.meta.filter_from).toBe("2026-01-11");
    expect(csv.meta.filter_to).toBe("2026-01-20");
    expect(csv.rows.every((r) => r.project_code === "P128050" && r.entity_type === "Milestone")).toBe(true);
  });

  it("filters by actor e-mail and action", async () => {
    const manager = await db.user.findUniqueOrThrow({ where: { email: "wb.manager@qadam.test" } });
    const csv = await exportCsv("?actor=WB.Manager@qadam.test&action=project.edit&to=2026-01-30");
    const expected = (
      await db.auditEvent.findMany({
        where: { actorId: manager.id, action: "project.edit", seq: { lte: Number(csv.meta.chain_head_seq) } },
        orderBy: { seq: "asc" },
        select: { seq: true, occurredAt: true },
      })
    ).filter((e) => inDays(e, "0000-01-01", "2026-01-30"));
    expect(expected.length).toBeGreaterThan(0);
    expect(seqs(csv.rows)).toEqual(seqs(expected));
    expect(csv.meta.filter_actor).toBe("wb.manager@qadam.test");
    // An e-mail that names nobody matches nothing rather than everything.
    expect((await exportCsv("?actor=nobody@qadam.test")).rows).toHaveLength(0);
    // A project code that names no project is not found (tested with the out-of-view case below).
  });

  it("includes an event at exactly 00:00:00.000 of `from` and excludes one at 00:00:00.000 after `to`", async () => {
    // Synthetic events run hourly from 2026-01-10T00:00Z: both midnights exist.
    const csv = await exportCsv("?from=2026-01-12&to=2026-01-12");
    const times = csv.rows.map((r) => r.occurred_at);
    expect(times[0]).toBe("2026-01-12T00:00:00.000Z");
    expect(times).toHaveLength(24);
    expect(times).not.toContain("2026-01-13T00:00:00.000Z");
  });

  it("a World Bank manager gets only events of WB and joint projects, whatever the filters", async () => {
    const csv = await exportCsv("", "wb.manager");
    const visible = projects.filter((p) => p.institution === "WB" || p.institution === "JOINT").map((p) => p.id);
    const expected = await db.auditEvent.findMany({
      where: { projectId: { in: visible }, seq: { lte: Number(csv.meta.chain_head_seq) } },
      orderBy: { seq: "asc" },
      select: { seq: true },
    });
    expect(seqs(csv.rows)).toEqual(seqs(expected));
    expect(csv.meta.scope).toBe("visible-projects");
  });

  it("a ministry manager gets only events of the projects their ministry implements", async () => {
    const manager = await db.user.findUniqueOrThrow({ where: { email: "transport.manager@qadam.test" } });
    const csv = await exportCsv("", "transport.manager");
    const own = projects.filter((p) => p.implementingAgencyId === manager.organizationId).map((p) => p.id);
    expect(own.length).toBeGreaterThan(0);
    const expected = await db.auditEvent.findMany({
      where: { projectId: { in: own }, seq: { lte: Number(csv.meta.chain_head_seq) } },
      orderBy: { seq: "asc" },
      select: { seq: true },
    });
    expect(seqs(csv.rows)).toEqual(seqs(expected));
  });

  it("XLSX and NDJSON carry the same events and metadata as CSV", async () => {
    const query = "?project=P099270&from=2026-01-10";
    const csv = await exportCsv(query);

    const xlsxResponse = await callLoader(xlsxLoader, `/exports/audit.xlsx${query}`, { cookie: cookies.auditor });
    expect(xlsxResponse.headers.get("Content-Type")).toContain("spreadsheetml");
    const workbook = await readXlsx(xlsxResponse);
    const meta: Record<string, string> = {};
    workbook.getWorksheet("metadata")!.eachRow((row, n) => {
      if (n > 1) meta[String(row.getCell(1).value)] = String(row.getCell(2).value ?? "");
    });
    const events = workbook.getWorksheet("events")!;
    const xlsxSeqs: number[] = [];
    events.eachRow((row, n) => {
      if (n > 1) xlsxSeqs.push(Number(row.getCell(1).value));
    });
    // Every export records an event, so the later export's head is one further on: compare up to the CSV's head.
    expect(xlsxSeqs.filter((s) => s <= Number(csv.meta.chain_head_seq))).toEqual(seqs(csv.rows));
    expect(Number(meta.row_count)).toBe(xlsxSeqs.length);
    expect(meta.filter_project).toBe("P099270");

    const ndjsonResponse = await callLoader(ndjsonLoader, `/exports/audit.ndjson${query}`, { cookie: cookies.auditor });
    const lines = (await ndjsonResponse.text())
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ type: "metadata", filters: { project: "P099270", from: "2026-01-10" } });
    const ndSeqs = lines.slice(1).map((l) => Number(l.seq));
    expect(ndSeqs.length).toBe((lines[0] as { rowCount: number }).rowCount);
    expect(ndSeqs.filter((s) => s <= Number(csv.meta.chain_head_seq))).toEqual(seqs(csv.rows));
  });

  it("each export writes its own audit event with its filters, before streaming", async () => {
    for (const [loader, kind] of [
      [csvLoader, "audit_csv"],
      [xlsxLoader, "audit_xlsx"],
      [ndjsonLoader, "audit_ndjson"],
    ] as const) {
      const before = await db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
      const response = await callLoader(
        loader,
        `/exports/audit.${kind.slice(6)}?project=P128050&actor=wb.manager@qadam.test`,
        {
          cookie: cookies.admin,
        },
      );
      expect(response.status).toBe(200);
      const event = await db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
      expect(event.seq).toBe(before.seq + 1);
      expect(event.action).toBe(`export.${kind}`);
      expect(event.actorEmail).toBe("admin@qadam.test");
      const after = JSON.parse(event.after!) as { filters: Record<string, string>; chainHeadSeq: number };
      expect(after.filters).toEqual({ project: "P128050", actor: "wb.manager@qadam.test" });
      expect(after.chainHeadSeq).toBe(before.seq);
      await response.arrayBuffer();
    }
  });

  it("refuses officers (403) and asks anonymous users to sign in", async () => {
    for (const [loader, name] of [
      [csvLoader, "csv"],
      [xlsxLoader, "xlsx"],
      [ndjsonLoader, "ndjson"],
    ] as const) {
      const refused = await callLoader(loader, `/exports/audit.${name}`, { cookie: cookies["wb.officer"] });
      expect(refused.status).toBe(403);
      const anonymous = await callLoader(loader, `/exports/audit.${name}`);
      expect(anonymous.status).toBe(302);
    }
  });

  it("rejects malformed filters with 400", async () => {
    for (const query of ["?from=2026-13-01", "?from=yesterday", "?from=2026-02-01&to=2026-01-01", "?bom=yes"]) {
      const response = await callLoader(csvLoader, `/exports/audit.csv${query}`, { cookie: cookies.auditor });
      expect(response.status, query).toBe(400);
    }
  });

  it("sends a dated attachment name, CRLF records and a UTF-8 BOM unless bom=0", async () => {
    const BOM = [0xef, 0xbb, 0xbf];
    const plain = await callLoader(csvLoader, "/exports/audit.csv?project=P086592", { cookie: cookies.auditor });
    expect(plain.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="qadam-audit-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const plainBytes = new Uint8Array(await plain.arrayBuffer());
    // Excel opens the default download correctly: it starts with the byte-order mark, once.
    expect([...plainBytes.slice(0, 3)]).toEqual(BOM);
    expect([...plainBytes.slice(3, 6)]).not.toEqual(BOM);
    expect(new TextDecoder().decode(plainBytes)).toContain("\r\n");
    const withBom = await callLoader(csvLoader, "/exports/audit.csv?project=P086592&bom=1", {
      cookie: cookies.auditor,
    });
    expect([...new Uint8Array(await withBom.arrayBuffer()).slice(0, 3)]).toEqual(BOM);
    const noBom = await callLoader(csvLoader, "/exports/audit.csv?project=P086592&bom=0", { cookie: cookies.auditor });
    const noBomBytes = new Uint8Array(await noBom.arrayBuffer());
    expect([...noBomBytes.slice(0, 3)]).not.toEqual(BOM);
    expect(new TextDecoder().decode(noBomBytes.slice(0, 1))).toBe("#");
  });
});

describe("IP addresses and request ids of other people's requests", () => {
  const ip = "198.51.100.23";
  const requestId = "req-other-person-7f3a";
  let seq = 0;

  beforeAll(async () => {
    for (const key of ["auditor", "admin", "transport.manager"]) await signInLike(key, `ip:${key}`);
    // Someone else's export of a transport project, made from a known address in a known request.
    const auditor = await db.user.findUniqueOrThrow({ where: { email: "auditor@qadam.test" } });
    const project = projects.find((p) => p.code === "P099270")!;
    await recordExport(
      { actorId: auditor.id, actorEmail: auditor.email, requestId, ip },
      { kind: "audit_csv", filters: {}, rowCount: 0, head: { seq: 0, hash: null }, projectId: project.id },
    );
    seq = (await db.auditEvent.findFirstOrThrow({ where: { requestId }, select: { seq: true } })).seq;
  });

  it("auditors and admins get them, and the metadata says they are included", async () => {
    for (const who of ["ip:auditor", "ip:admin"]) {
      const csv = await exportCsv("?project=P099270", who);
      const row = csv.rows.find((r) => Number(r.seq) === seq)!;
      expect(row, who).toMatchObject({ ip, request_id: requestId });
      expect(csv.meta.network_details, who).toBe("included");
    }
  });

  it("a manager's CSV keeps the columns, blank, and says they are withheld", async () => {
    const csv = await exportCsv("?project=P099270", "ip:transport.manager");
    expect(csv.header).toEqual([...AUDIT_COLUMNS]);
    expect(csv.meta.network_details).toBe("withheld");
    const row = csv.rows.find((r) => Number(r.seq) === seq)!;
    expect(row).toMatchObject({ action: "export.audit_csv", ip: "", request_id: "" });
    expect(csv.rows.every((r) => r.ip === "" && r.request_id === "")).toBe(true);
  });

  it("a manager's XLSX and NDJSON carry neither, whatever the filter", async () => {
    for (const query of ["?project=P099270", ""]) {
      const xlsx = await readXlsx(
        await callLoader(xlsxLoader, `/exports/audit.xlsx${query}`, { cookie: cookies["ip:transport.manager"] }),
      );
      const meta: Record<string, string> = {};
      xlsx.getWorksheet("metadata")!.eachRow((row) => {
        meta[String(row.getCell(1).value)] = String(row.getCell(2).value ?? "");
      });
      expect(meta.network_details).toBe("withheld");
      const events = xlsx.getWorksheet("events")!;
      const headerRow = events.getRow(1);
      expect(headerRow.cellCount).toBe(AUDIT_COLUMNS.length);
      // The workbook heads the CSV's columns, in the CSV's order, in the reader's language.
      expect(AUDIT_COLUMNS.map((_, i) => headerRow.getCell(i + 1).value)).toEqual(
        auditXlsxColumns("en").map((c) => c.heading),
      );
      const ipColumn = AUDIT_COLUMNS.indexOf("ip") + 1;
      const requestIdColumn = AUDIT_COLUMNS.indexOf("request_id") + 1;
      let found = false;
      events.eachRow((row, n) => {
        if (n === 1) return;
        if (Number(row.getCell(1).value) === seq) found = true;
        expect(row.getCell(ipColumn).value ?? null).toBeNull();
        expect(row.getCell(requestIdColumn).value ?? null).toBeNull();
      });
      expect(found).toBe(true);

      const ndjson = await callLoader(ndjsonLoader, `/exports/audit.ndjson${query}`, {
        cookie: cookies["ip:transport.manager"],
      });
      const text = await ndjson.text();
      expect(text).not.toContain(ip);
      expect(text).not.toContain(requestId);
      const lines = text
        .trimEnd()
        .split("\n")
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines[0]).toMatchObject({ type: "metadata", networkDetails: "withheld" });
      const event = lines.find((l) => l.seq === seq);
      expect(event).toMatchObject({ ip: null, requestId: null, action: "export.audit_csv" });
    }
  });
});

describe("an export filtered to a project outside the user's view", () => {
  const loaders = [
    [csvLoader, "csv"],
    [xlsxLoader, "xlsx"],
    [ndjsonLoader, "ndjson"],
  ] as const;
  const head = async () => (await db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } })).seq;

  beforeAll(async () => {
    for (const key of ["auditor", "admin", "wb.manager", "transport.manager"]) await signInLike(key, `scope:${key}`);
  });

  it("is not found (404), as the project's pages are, and records nothing", async () => {
    const cases: Array<[string, string]> = [
      ["wb.manager", "IFC-RE-ADVISORY"], // an IFC project, for a World Bank manager
      ["transport.manager", "P086592"], // a project of another ministry
      ["transport.manager", "IFC-RE-ADVISORY"],
      ["wb.manager", "P000000"], // no such project, for anyone
      ["auditor", "P000000"],
      ["admin", "p099270"], // codes are exact
    ];
    for (const [who, code] of cases) {
      for (const [loader, format] of loaders) {
        const before = await head();
        const response = await callLoader(loader, `/exports/audit.${format}?project=${code}`, {
          cookie: cookies[`scope:${who}`],
        });
        expect(response.status, `${who} ${code} ${format}`).toBe(404);
        expect(await head(), `${who} ${code} ${format}: no export event`).toBe(before);
      }
    }
  });

  it("a project in view is exported and the export is filed under it", async () => {
    const project = projects.find((p) => p.code === "P500565")!; // JOINT, implemented by transport
    for (const who of ["wb.manager", "transport.manager", "auditor"]) {
      for (const [loader, format] of loaders) {
        const response = await callLoader(loader, `/exports/audit.${format}?project=P500565`, {
          cookie: cookies[`scope:${who}`],
        });
        expect(response.status, `${who} ${format}`).toBe(200);
        await response.arrayBuffer();
        const event = await db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
        expect(event).toMatchObject({ action: `export.audit_${format}`, projectId: project.id });
      }
    }
  });
});

describe("the audit workbook is a spreadsheet in the reader's language", () => {
  it("heads the CSV's columns in Russian, freezes and filters them, and holds real date-time and number cells", async () => {
    const model = await db.user.findUniqueOrThrow({
      where: { email: "auditor@qadam.test" },
      select: { role: true, organizationId: true },
    });
    const reader = await createUser({ role: model.role, organizationId: model.organizationId, locale: "ru" });
    const cookie = await sessionCookieFor(reader.email);
    const csv = readCsv(await (await callLoader(csvLoader, "/exports/audit.csv?project=P128050", { cookie })).text());
    // The CSV keeps the machine names whatever the reader's language.
    expect(csv.header).toEqual([...AUDIT_COLUMNS]);
    const workbook = await readXlsx(await callLoader(xlsxLoader, "/exports/audit.xlsx?project=P128050", { cookie }));
    const events = workbook.getWorksheet("events");
    if (!events) throw new Error("no events sheet");
    const headings = auditXlsxColumns("ru").map((c) => c.heading);
    expect(headings).toContain("Дата и время (UTC)");
    expect(AUDIT_COLUMNS.map((_, i) => events.getRow(1).getCell(i + 1).value)).toEqual(headings);
    expect(events.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    // Over every row (one more event than the CSV held: the CSV export itself, filed under the project).
    expect(events.rowCount).toBe(csv.rows.length + 2);
    expect(events.autoFilter).toBe(`A1:P${events.rowCount}`);
    const first = events.getRow(2);
    expect(first.getCell(1).value).toBe(Number(csv.rows[0].seq));
    const occurred = first.getCell(AUDIT_COLUMNS.indexOf("occurred_at") + 1).value;
    expect(occurred).toBeInstanceOf(Date);
    expect(occurred instanceof Date ? occurred.toISOString() : null).toBe(csv.rows[0].occurred_at);

    // What was done and the kind of record are words in the reader's language; the CSV keeps the stored names.
    const ru = resources.ru.translation.audit;
    const changes: Record<string, Record<string, string> | undefined> = ru.changes;
    const kinds: Record<string, string | undefined> = ru.kinds;
    const actionColumn = AUDIT_COLUMNS.indexOf("action") + 1;
    const kindColumn = AUDIT_COLUMNS.indexOf("entity_type") + 1;
    // (An action no registry entry names — the synthetic events other tests append — is written as stored.)
    let inWords = 0;
    csv.rows.forEach((stored, i) => {
      expect(stored.action).toMatch(/^[a-zA-Z]+\.[a-zA-Z_]+$/);
      const [group, verb] = stored.action.split(".");
      const words = changes[group]?.[verb];
      if (words) inWords++;
      expect(events.getRow(i + 2).getCell(actionColumn).value).toBe(words ?? stored.action);
      expect(events.getRow(i + 2).getCell(kindColumn).value).toBe(kinds[stored.entity_type] ?? stored.entity_type);
    });
    expect(inWords).toBeGreaterThan(0);
  });
});
