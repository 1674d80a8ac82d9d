// The exports, read by tools nobody on this project wrote. Hostile and multilingual text is written through the
// forms of a running server (scripts/server.mjs), each export is downloaded from it as an auditor, and then:
// IATI's Standard ruleset and codelists check the XML (0 errors); pandas, with the call the README documents, reads
// the CSV; openpyxl (and LibreOffice, when installed) read the workbooks; the standalone verifier, and the short
// script printed in the README, recompute the NDJSON chain from the file alone.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canonicalEvent } from "~/lib/audit-chain.server";
import { db } from "~/lib/db.server";
import { resources } from "~/i18n/config";
import { auditXlsxColumns, CHAIN_CANONICAL_FORM } from "~/models/export-audit.server";
import { portfolioColumns } from "~/models/export-portfolio.server";
import { toProjectFormValues } from "~/models/project/form.server";
import { CANONICAL_FIELDS, CANONICAL_FORM } from "../../scripts/verify-ndjson.mjs";
import { createOrganization, createProject, createUser } from "../helpers/factories";
import { readXlsx, sessionCookieFor } from "../helpers/history-fixtures";
import { startServer, type RunningServer } from "../helpers/http-server";
import { checkIatiCodelists, checkIatiRuleset } from "../helpers/iati-rules";

const repoRoot = path.resolve(import.meta.dirname, "../..");

// ---------------------------------------------------------------------------------------------------------------
// The outside readers: Debian's python3 with pandas and openpyxl (installed by .ci/run), LibreOffice if present.

/** A python3 that has pandas and openpyxl (Debian's packages go to /usr/bin/python3, which may not be first on PATH). */
function findPython(): string | null {
  for (const candidate of ["/usr/bin/python3", "python3"]) {
    const probe = spawnSync(candidate, ["-c", "import pandas, openpyxl"], { encoding: "utf8" });
    if (probe.status === 0) return candidate;
  }
  return null;
}
const python = findPython();
const MISSING_PYTHON =
  "python3 with pandas and openpyxl is missing here (apt-get install -y python3-pandas python3-openpyxl): the CSV and XLSX checks by outside readers are skipped";
if (!python) {
  // CI installs them (.ci/run), so there a missing reader is a failure, never a silent skip.
  if (process.env.CI) throw new Error(MISSING_PYTHON);
  console.warn(MISSING_PYTHON);
}
const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => existsSync(p)) ?? null;

function runPython(script: string, ...args: string[]): string {
  if (!python) throw new Error(MISSING_PYTHON);
  return execFileSync(python, ["-c", script, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

// ---------------------------------------------------------------------------------------------------------------
// What is entered through the forms

const PROJECT_NAME = 'Су #1: "Арна", 2-кезең, Қазақстан';
const DESCRIPTION = "Ирригация и дренаж #2, «второй этап»,\nстрока два; Contractor ticket #42 resolved";
const JUSTIFICATION =
  'Contractor ticket #42 resolved, "memo" sent,\nline two\r\nline three # not a comment; Қазақ тілі әғқ';
/** No comma, quote or line break: only the `#` can make a reader cut it. */
const TICKET_REASON = "Contractor ticket #42 resolved — Қазақстан";
const ARCHIVE_REASON = '=HYPERLINK("http://evil.example") #3 cancelled, bell\u0007 and tab\there; Үкімет шешімі';

let server: RunningServer;
let auditorCookie = "";
let dir = "";
const files: Record<string, string> = {};
const headers: Record<string, Headers> = {};

async function post(cookie: string, url: string, fields: Record<string, string>): Promise<Response> {
  return fetch(`${server.base}${url}`, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: cookie, Origin: server.base, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
}

async function download(name: string, url: string) {
  const response = await fetch(`${server.base}${url}`, { headers: { Cookie: auditorCookie } });
  expect(response.status, url).toBe(200);
  headers[name] = response.headers;
  files[name] = path.join(dir, name);
  writeFileSync(files[name], Buffer.from(await response.arrayBuffer()));
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "qadam-exports-"));
  server = await startServer();
  const ministry = await createOrganization({ kind: "MINISTRY" });
  await db.organization.update({
    where: { id: ministry.id },
    data: { nameRu: "Министерство водных ресурсов", nameKk: "Су ресурстары министрлігі" },
  });
  const admin = await createUser({ role: "ADMIN" });
  const manager = await createUser({ role: "MANAGER" });
  const auditor = await createUser({ role: "AUDITOR" });
  auditorCookie = await sessionCookieFor(auditor.email);
  const adminCookie = await sessionCookieFor(admin.email);
  const managerCookie = await sessionCookieFor(manager.email);
  const water = await createProject({ implementingAgencyId: ministry.id, disbursedMinor: 12_000_000_00n });
  const other = await createProject({ implementingAgencyId: ministry.id, priorityAreaId: water.priorityAreaId });
  const third = await createProject({ implementingAgencyId: ministry.id, priorityAreaId: water.priorityAreaId });

  const row = await db.project.findUniqueOrThrow({ where: { id: water.id } });
  const { version, ...values } = toProjectFormValues(row);
  const saved = await post(adminCookie, `/projects/${water.id}/edit`, {
    intent: "save",
    ...values,
    name: PROJECT_NAME,
    description: DESCRIPTION,
    disbursedUsd: "15,500,000",
    version: String(version),
  });
  expect(saved.status, "project saved through its form").toBeLessThan(400);
  const rated = await post(managerCookie, `/projects/${water.id}/ratings`, {
    ratedOn: new Date().toISOString().slice(0, 10),
    pdoRating: "MS",
    ipRating: "S",
    riskRating: "M",
    justification: JUSTIFICATION,
  });
  expect(rated.status, "rating recorded through its form").toBeLessThan(400);
  const archived = await post(managerCookie, `/projects/${other.id}/edit`, {
    intent: "archive",
    reason: ARCHIVE_REASON,
  });
  expect(archived.status, "project archived through its form").toBeLessThan(400);
  const ticket = await post(managerCookie, `/projects/${third.id}/edit`, { intent: "archive", reason: TICKET_REASON });
  expect(ticket.status, "second project archived through its form").toBeLessThan(400);
  expect(await db.project.findUniqueOrThrow({ where: { id: water.id } })).toMatchObject({
    name: PROJECT_NAME,
    description: DESCRIPTION,
  });

  await download("audit.csv", "/exports/audit.csv");
  await download("audit.xlsx", "/exports/audit.xlsx");
  await download("audit.ndjson", "/exports/audit.ndjson");
  await download("portfolio.xlsx", "/exports/portfolio.xlsx");
  await download("iati.xml", "/exports/iati.xml");
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

describe("exports downloaded from a running server", () => {
  it("carry X-Content-Type-Options once (the server sets it; no route adds a second copy)", () => {
    for (const [name, h] of Object.entries(headers)) expect(h.get("x-content-type-options"), name).toBe("nosniff");
  });

  it("iati.xml: IATI's Standard ruleset and codelists find 0 errors; the edited texts keep their languages", () => {
    const xml = readFileSync(files["iati.xml"], "utf8");
    const report = checkIatiRuleset(xml);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(checkIatiCodelists(xml).findings).toEqual([]);
    expect(xml).toContain(`<narrative xml:lang="kk">Су #1: "Арна", 2-кезең, Қазақстан</narrative>`);
    expect(xml).toContain('<narrative xml:lang="ru">Министерство водных ресурсов</narrative>');
    expect(xml).toContain('<narrative xml:lang="kk">Су ресурстары министрлігі</narrative>');
  });
});

/** The keys the README lists after `lead`, in order. */
function readmeKeys(lead: string): string[] {
  const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8").replace(/\s+/g, " ");
  const at = readme.indexOf(lead);
  expect(at, lead).toBeGreaterThan(-1);
  const sentence = readme.slice(at + lead.length, readme.indexOf(".", at + lead.length + 1));
  return [...sentence.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]);
}

describe("each file states the metadata keys the README lists", () => {
  it("audit CSV, portfolio.xlsx and iati.xml", async () => {
    const csvText = readFileSync(files["audit.csv"], "utf8");
    // The default download starts with the byte-order mark Excel needs; the records follow it.
    expect(csvText.startsWith("\uFEFF#,format,")).toBe(true);
    const csvKeys = csvText
      .slice(1)
      .split("\r\n")
      .filter((l) => l.startsWith("#,"))
      .map((l) => l.split(",")[1]);
    expect(csvKeys).toEqual(readmeKeys("The audit files (CSV, XLSX, NDJSON) state, in this order:"));
    const workbook = await readXlsx(new Response(readFileSync(files["portfolio.xlsx"])));
    const portfolioKeys: string[] = [];
    workbook.getWorksheet("metadata")?.eachRow((row, n) => {
      if (n > 1) portfolioKeys.push(String(row.getCell(1).value));
    });
    expect(portfolioKeys).toEqual(readmeKeys("`portfolio.xlsx` (its `metadata` sheet) states:"));
    const iatiKeys = [...readFileSync(files["iati.xml"], "utf8").matchAll(/^ {2}([a-z_]+): /gm)].map((m) => m[1]);
    expect(iatiKeys).toEqual(readmeKeys("`iati.xml` (an XML comment before the root element) states:"));
  });
});

describe.skipIf(!python)("CSV read by pandas with the README's call", () => {
  it('pandas.read_csv(path, comment="#") keeps every row whole: #, commas, quotes, newlines and Kazakh as entered', () => {
    const out = runPython(
      [
        "import sys, json, pandas",
        'frame = pandas.read_csv(sys.argv[1], comment="#", dtype=str, keep_default_na=False)',
        'print(json.dumps({"columns": list(frame.columns), "rows": frame.to_dict(orient="records")}))',
      ].join("\n"),
      files["audit.csv"],
    );
    const { columns, rows } = JSON.parse(out) as { columns: string[]; rows: Array<Record<string, string>> };
    expect(columns).toHaveLength(16);
    const csv = readFileSync(files["audit.csv"], "utf8");
    expect(rows).toHaveLength(Number(/row_count,(\d+)/.exec(csv)?.[1]));
    // Every row reaches its last column: nothing was cut at a `#`.
    for (const row of rows) expect(row.hash, `seq ${row.seq}`).toMatch(/^[0-9a-f]{64}$/);
    const reasons = rows.filter((r) => r.action === "project.archive").map((r) => r.reason);
    // A formula is neutralised with a quote, nothing else changes; the ticket number does not end the row.
    expect(reasons).toEqual([`'${ARCHIVE_REASON}`, TICKET_REASON]);
    expect(csv).toContain(`"${TICKET_REASON}"`);
    const rating = rows.find((r) => r.action === "rating.record");
    expect((JSON.parse(rating?.after ?? "{}") as { justification?: string }).justification).toBe(JUSTIFICATION);
    const edit = rows.filter((r) => r.action === "project.update").at(-1);
    expect(JSON.parse(edit?.after ?? "{}")).toMatchObject({ name: PROJECT_NAME, description: DESCRIPTION });
  });
});

/** openpyxl's view of a workbook: {sheet: rows of cell values}. */
function openpyxlSheets(file: string): Record<string, unknown[][]> {
  const out = runPython(
    [
      "import sys, json, openpyxl",
      "book = openpyxl.load_workbook(sys.argv[1], read_only=True)",
      // Date cells arrive as datetime objects: printed as ISO text.
      "print(json.dumps({s.title: [list(r) for r in s.iter_rows(values_only=True)] for s in book.worksheets}, default=lambda v: v.isoformat()))",
    ].join("\n"),
    file,
  );
  return JSON.parse(out) as Record<string, unknown[][]>;
}

/**
 * OOXML's escape for characters XML cannot carry (ECMA-376 Part 1, §22.9.2.19): Excel and LibreOffice decode it in
 * string cells; openpyxl hands it over as written, so a reader of openpyxl's values applies the standard's rule.
 */
const fromOoxml = (value: string) =>
  value.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** Rows keyed by the machine column names, after checking the workbook heads them in the reader's language. */
function rowsByHeader(
  rows: unknown[][],
  columns: ReadonlyArray<{ key: string; heading: string }>,
): Array<Record<string, unknown>> {
  const [header, ...body] = rows;
  expect(header).toEqual(columns.map((c) => c.heading));
  return body.map((r) => Object.fromEntries(columns.map((c, i) => [c.key, r[i]])));
}

describe.skipIf(!python)("XLSX read by openpyxl", () => {
  it("audit.xlsx: text cells are inline strings, never formula strings, and read back as entered", () => {
    const sheets = openpyxlSheets(files["audit.xlsx"]);
    const events = rowsByHeader(sheets.events, auditXlsxColumns("en"));
    const meta = Object.fromEntries(sheets.metadata.slice(1).map(([k, v]) => [k, v]));
    expect(events).toHaveLength(Number(meta.row_count));
    // The workbook names what was done in words ("Project archived"); the CSV keeps `project.archive`.
    const changes = resources.en.translation.audit.changes;
    const reasons = events.filter((e) => e.action === changes.project.archive).map((e) => fromOoxml(String(e.reason)));
    expect(reasons).toEqual([`'${ARCHIVE_REASON}`, TICKET_REASON]);
    const rating = events.find((e) => e.action === changes.rating.record);
    const after = JSON.parse(fromOoxml(String(rating?.after))) as { justification?: string };
    expect(after.justification).toBe(JUSTIFICATION);
    // The raw sheet: no `t="str"` cell, in which LibreOffice shows `_xHHHH_` escapes as they are.
    const unzip = spawnSync("unzip", ["-p", files["audit.xlsx"], "xl/worksheets/sheet2.xml"], { encoding: "utf8" });
    if (unzip.status === 0) {
      expect(unzip.stdout).toContain('t="inlineStr"');
      expect(unzip.stdout).not.toContain('t="str"');
    }
  });

  it("portfolio.xlsx: names and justifications read back as entered", () => {
    const sheets = openpyxlSheets(files["portfolio.xlsx"]);
    const projects = rowsByHeader(sheets.projects, portfolioColumns("projects", "en"));
    expect(projects.map((p) => p.name)).toContain(PROJECT_NAME);
    const water = projects.find((p) => p.name === PROJECT_NAME);
    // Amounts and dates are real cells: a number, and a date openpyxl reads as a datetime.
    expect(water?.disbursed_usd).toBe(15_500_000);
    expect(String(water?.approval_date)).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00$/);
    expect(water?.implementing_agency).toEqual(expect.any(String));
    const ratings = rowsByHeader(sheets.ratings, portfolioColumns("ratings", "en"));
    expect(ratings.map((r) => fromOoxml(String(r.justification)))).toContain(JUSTIFICATION);
    const meta = Object.fromEntries(sheets.metadata.slice(1).map(([k, v]) => [k, v]));
    expect(Number(meta.row_count_projects)).toBe(projects.length);
  });
});

describe.skipIf(!soffice)("XLSX opened by LibreOffice (headless)", () => {
  it("shows the entered text, with no `_xHHHH_` escape left and no formula evaluated", () => {
    const out = path.join(dir, "libreoffice");
    mkdirSync(out, { recursive: true });
    // CSV of every sheet (the trailing -1), UTF-8 (76), formulas as results.
    execFileSync(
      soffice ?? "",
      [
        "--headless",
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
        "--outdir",
        out,
        files["audit.xlsx"],
      ],
      { env: { ...process.env, HOME: dir }, stdio: "pipe", timeout: 90_000 },
    );
    const eventsCsv = readdirSync(out).find((f) => f.endsWith("-events.csv"));
    const text = readFileSync(path.join(out, eventsCsv ?? ""), "utf8");
    expect(text).not.toMatch(/_x[0-9A-F]{4}_/);
    // As entered (the bell and the tab too), the formula still quoted and shown as text.
    expect(text).toContain(`'${ARCHIVE_REASON}`.replace(/"/g, '""'));
    expect(text).toContain(JSON.stringify(JUSTIFICATION).replace(/"/g, '""'));
  });
});

describe("NDJSON verified from the file alone", () => {
  it("the metadata names the canonical form, which is the one the chain is computed with", () => {
    const meta = JSON.parse(readFileSync(files["audit.ndjson"], "utf8").split("\n")[0]) as {
      chain: { canonicalForm: string; fields: string[] };
    };
    expect(meta.chain.canonicalForm).toBe(CANONICAL_FORM);
    expect(meta.chain.fields).toEqual(CANONICAL_FIELDS);
    expect(CHAIN_CANONICAL_FORM.fields).toEqual(CANONICAL_FIELDS);
    const event = {
      seq: 7,
      occurredAt: new Date("2026-01-02T03:04:05.678Z"),
      actorId: "u1",
      actorEmail: "a@b.c",
      action: "project.update",
      entityType: "Project",
      entityId: "p1",
      projectId: "p1",
      before: '{"a":1}',
      after: '{"a":"Қ #\\n"}',
      reason: null,
      requestId: "r1",
      ip: "127.0.0.1",
    };
    const asInFile: Record<string, unknown> = { ...event, occurredAt: event.occurredAt.toISOString() };
    expect(JSON.stringify(CANONICAL_FIELDS.map((f: string) => asInFile[f] ?? null))).toBe(canonicalEvent(event));
  });

  it("npm run audit:verify -- --file, and the README's own script, recompute every hash of the downloaded export", () => {
    const viaNpm = spawnSync("npx", ["tsx", "scripts/audit-verify.ts", "--file", files["audit.ndjson"]], {
      cwd: repoRoot,
      encoding: "utf8",
    });
    expect(viaNpm.stdout).toMatch(/^OK \d+ events/);
    expect(viaNpm.status).toBe(0);

    const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8");
    const script = /<!-- verify-ndjson -->\s*```js\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(script, "the README prints a standalone verifier").toBeTruthy();
    const scriptFile = path.join(dir, "verify.mjs");
    writeFileSync(scriptFile, script ?? "");
    const viaReadme = spawnSync(process.execPath, [scriptFile, files["audit.ndjson"]], { encoding: "utf8" });
    expect(viaReadme.stdout).toMatch(/^OK \d+ events/);
    expect(viaReadme.status).toBe(0);

    // One changed character anywhere in an event is found by both.
    const lines = readFileSync(files["audit.ndjson"], "utf8").split("\n");
    const at = lines.findIndex((l) => l.includes('"action":"rating.record"'));
    lines[at] = lines[at].replace("Contractor ticket #42", "Contractor ticket #43");
    const tampered = path.join(dir, "tampered.ndjson");
    writeFileSync(tampered, lines.join("\n"));
    const broken = spawnSync(process.execPath, [path.join(repoRoot, "scripts/verify-ndjson.mjs"), tampered], {
      encoding: "utf8",
    });
    expect(broken.stdout).toMatch(/^BROKEN event \d+: its content does not match its hash/);
    expect(broken.status).toBe(1);
    const brokenReadme = spawnSync(process.execPath, [scriptFile, tampered], { encoding: "utf8" });
    expect(brokenReadme.stdout).toMatch(/^BROKEN/);
    expect(brokenReadme.status).toBe(1);
  });
});
