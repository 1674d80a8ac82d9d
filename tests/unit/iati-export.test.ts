// /exports/iati.xml: the visible projects as IATI 2.03 activities, valid against the official schema.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { create } from "xmlbuilder2";
import { validateXML } from "xmllint-wasm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { loader as iatiLoader } from "~/routes/exports.iati[.]xml";
import {
  createIndicator,
  createIndicatorValue,
  createOrganization,
  createProject,
  createUser,
  day,
} from "../helpers/factories";
import { callLoader, sessionCookieFor } from "../helpers/history-fixtures";
import { checkIatiCodelists, checkIatiRuleset } from "../helpers/iati-rules";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const schemaDir = path.resolve(repoRoot, "../shared/iati-2.03");
const schemaFile = path.join(schemaDir, "iati-activities-schema.xsd");

/** Validates with Debian's xmllint when present, else with xmllint-wasm (same libxml2). */
async function validateIati(
  xml: string,
  engine: "auto" | "wasm" = "auto",
): Promise<{ valid: boolean; output: string }> {
  if (!existsSync(schemaFile)) {
    throw new Error(
      `The official IATI 2.03 schema is missing: expected ${schemaFile} (the ../shared/iati-2.03 folder next to the repository).`,
    );
  }
  if (engine === "auto" && existsSync("/usr/bin/xmllint")) {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "iati-")), "iati.xml");
    writeFileSync(file, xml);
    try {
      const output = execFileSync("/usr/bin/xmllint", ["--noout", "--schema", schemaFile, file], {
        encoding: "utf8",
        stdio: "pipe",
      });
      return { valid: true, output };
    } catch (error) {
      const e = error as { stderr?: string };
      return { valid: false, output: String(e.stderr ?? error) };
    }
  }
  const read = (name: string) => ({ fileName: name, contents: readFileSync(path.join(schemaDir, name), "utf8") });
  const result = await validateXML({
    xml: [{ fileName: "iati.xml", contents: xml }],
    schema: [read("iati-activities-schema.xsd")],
    preload: [read("iati-common.xsd"), read("xml.xsd")],
  });
  return { valid: result.valid, output: result.rawOutput };
}

type Node = Record<string, unknown>;
const list = (value: unknown): Node[] => (Array.isArray(value) ? (value as Node[]) : value ? [value as Node] : []);

async function exportIati(who: string) {
  const cookie = await sessionCookieFor(`${who}@qadam.test`);
  const response = await callLoader(iatiLoader, "/exports/iati.xml", { cookie });
  return response;
}

let auditorXml = "";

const usd = (millions: number) => BigInt(millions) * 100_000_000n;

/**
 * Six projects, one per status and institution case (WB, IFC, joint; pipeline, active, closed, cancelled with nothing
 * committed), and on P086592 a results framework: PDO indicators rising and falling, an intermediate one without a
 * baseline, interim targets, verified values and one still awaiting review.
 */
async function buildPortfolio() {
  const ministry = await createOrganization({ kind: "MINISTRY" });
  const worldBank = await createOrganization({ kind: "WORLD_BANK" });
  await createUser({ email: "auditor@qadam.test", role: "AUDITOR", organizationId: worldBank.id });
  await createUser({ email: "admin@qadam.test", role: "ADMIN", organizationId: worldBank.id });
  await createUser({ email: "ifc.officer@qadam.test", role: "OFFICER", orgKind: "IFC" });
  const officer = await createUser({ role: "OFFICER", organizationId: ministry.id });
  const manager = await createUser({ role: "MANAGER", organizationId: worldBank.id });
  const irrigation = await createProject({
    code: "P086592",
    implementingAgencyId: ministry.id,
    commitmentMinor: usd(400),
    disbursedMinor: usd(220),
    mtrPlannedDate: day("2026-12-31"),
  });
  const { implementingAgencyId, priorityAreaId } = irrigation;
  const place = { implementingAgencyId, priorityAreaId };
  await createProject({ code: "P150402", institution: "JOINT", disbursedMinor: usd(50), ...place });
  await createProject({ code: "IFC-RE-ADVISORY", institution: "IFC", instrument: "IFC Advisory", ...place });
  await createProject({
    code: "P128050",
    status: "CLOSED",
    commitmentMinor: usd(1068),
    disbursedMinor: usd(1068),
    closingOriginalDate: day("2020-06-30"),
    closingRevisedDate: day("2024-06-30"),
    ...place,
  });
  await createProject({ code: "P170365", status: "CANCELLED", commitmentMinor: 0n, ...place });
  await createProject({
    code: "P199911",
    status: "PIPELINE",
    approvalDate: null,
    effectivenessDate: null,
    closingOriginalDate: null,
    ...place,
  });

  const verified = { state: "VERIFIED" as const, verifierId: manager.id, reviewedAt: day("2026-02-01") };
  const users = await createIndicator(irrigation.id, { name: "Water users served", targetValue: 94_000 }, [
    ["2024-12-31", 40_000],
    ["2025-12-31", 70_000],
  ]);
  await createIndicatorValue(users.id, officer.id, { ...verified, periodEnd: day("2024-12-31"), value: 41_000 });
  await createIndicatorValue(users.id, officer.id, { ...verified, periodEnd: day("2025-12-31"), value: 72_500 });
  await createIndicatorValue(users.id, officer.id, { periodEnd: day("2026-06-30"), value: 80_000 });
  await createIndicator(irrigation.id, {
    name: "Water losses in canals (%)",
    ascending: false,
    baselineValue: 35,
    targetValue: 20,
  });
  const canals = await createIndicator(irrigation.id, {
    name: "Canals rehabilitated (km)",
    type: "INTERMEDIATE",
    baselineValue: null,
    baselineDate: null,
    targetValue: 1_200,
  });
  await createIndicatorValue(canals.id, officer.id, { ...verified, value: 640 });
}

beforeAll(async () => {
  await buildPortfolio();
  const response = await exportIati("auditor");
  expect(response.status).toBe(200);
  auditorXml = await response.text();
  // Dozens of audited writes: generous for a machine busy with other work.
}, 60_000);

describe("IATI 2.03 export", () => {
  it("validates against the official IATI 2.03 activity schema", async () => {
    const result = await validateIati(auditorXml);
    expect(result.output).not.toMatch(/error/i);
    expect(result.valid).toBe(true);
  });

  it("passes IATI's Standard ruleset for 2.03 with no error, and every code is on IATI's 2.03 codelists", () => {
    const report = checkIatiRuleset(auditorXml);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.evaluated).toBeGreaterThan(100);
    // Left unevaluated: only the warnings that need the IATI Registry's lists of publishers and prefixes.
    for (const id of report.notEvaluated) expect(["1.14.8", "1.3.13", "1.14.13", "1.8.13"]).toContain(id);
    const codes = checkIatiCodelists(auditorXml);
    expect(codes.findings).toEqual([]);
    expect(codes.checked).toBeGreaterThan(50);
  });

  it("validates with xmllint-wasm too, and both validators reject an element out of schema order", async () => {
    expect((await validateIati(auditorXml, "wasm")).valid).toBe(true);
    // activity-status must come before activity-date: moving it after makes the file invalid.
    const broken = auditorXml.replace(
      /(\s*<activity-status code="\d"\/>)([\s\S]*?<\/activity-date>|[\s\S]*?<activity-date[^>]*\/>)/,
      "$2$1",
    );
    expect(broken).not.toBe(auditorXml);
    expect((await validateIati(broken)).valid).toBe(false);
    expect((await validateIati(broken, "wasm")).valid).toBe(false);
  });

  it("lists every project as an activity with the right identifier, status, sector and money", async () => {
    const doc = create(auditorXml).end({ format: "object" }) as Node;
    const root = doc["iati-activities"] as Node;
    expect(root["@version"]).toBe("2.03");
    const activities = list(root["iati-activity"]);
    const projects = await db.project.findMany({ orderBy: { code: "asc" } });
    expect(activities).toHaveLength(projects.length);
    const statusCode = { PIPELINE: "1", ACTIVE: "2", CLOSED: "4", CANCELLED: "5" } as const;
    for (const [i, project] of projects.entries()) {
      const activity = activities[i];
      const prefix = project.institution === "IFC" ? "XM-DAC-903" : "44000";
      expect(activity["iati-identifier"]).toBe(`${prefix}-${project.code}`);
      expect((activity["reporting-org"] as Node)["@ref"]).toBe(prefix);
      expect((activity["activity-status"] as Node)["@code"]).toBe(statusCode[project.status]);
      expect((activity["recipient-country"] as Node)["@code"]).toBe("KZ");
      expect(activity["sector"]).toMatchObject({ "@vocabulary": "1", "@code": project.sectorCode });
      const transactions = list(activity["transaction"]);
      const ofType = (code: string) => transactions.filter((t) => (t["transaction-type"] as Node)["@code"] === code);
      const amount = (node: Node) => Math.round(Number((node["value"] as Node)["#"]) * 100);
      const [commitment] = ofType("2");
      if (project.commitmentMinor > 0n && project.status !== "PIPELINE") {
        expect(amount(commitment)).toBe(Number(project.commitmentMinor));
      } else {
        expect(commitment).toBeUndefined();
      }
      // Disbursements add up to the disbursed amount, each on its own day.
      const disbursed = ofType("3").reduce((sum, t) => sum + amount(t), 0);
      expect(disbursed).toBe(Number(project.disbursedMinor));
      // Budgets: none longer than a year, together the whole commitment when the closing date is known.
      const budgets = list(activity["budget"]);
      for (const budget of budgets) {
        const from = Date.parse(String((budget["period-start"] as Node)["@iso-date"]));
        const to = Date.parse(String((budget["period-end"] as Node)["@iso-date"]));
        expect((to - from) / 86_400_000).toBeLessThanOrEqual(365);
      }
      if (budgets.length) expect(budgets.reduce((sum, b) => sum + amount(b), 0)).toBe(Number(project.commitmentMinor));
    }
  });

  it("writes PDO indicators as outcomes and intermediate ones as outputs, with baseline, targets and verified actuals", async () => {
    const project = await db.project.findUniqueOrThrow({
      where: { code: "P086592" },
      include: { indicators: { include: { values: { where: { state: "VERIFIED" } }, targets: true } } },
    });
    const doc = create(auditorXml).end({ format: "object" }) as Node;
    const activity = list((doc["iati-activities"] as Node)["iati-activity"]).find(
      (a) => a["iati-identifier"] === "44000-P086592",
    )!;
    const results = list(activity["result"]);
    const outcome = results.find((r) => r["@type"] === "2");
    const output = results.find((r) => r["@type"] === "1");
    const pdo = project.indicators.filter((i) => i.type === "PDO");
    const intermediate = project.indicators.filter((i) => i.type === "INTERMEDIATE");
    expect(list(outcome?.["indicator"])).toHaveLength(pdo.length);
    expect(list(output?.["indicator"])).toHaveLength(intermediate.length);
    for (const indicator of pdo) {
      const node = list(outcome!["indicator"]).find(
        (n) => ((n["title"] as Node)["narrative"] as Node)["#"] === indicator.name,
      )!;
      expect(node["@ascending"]).toBe(indicator.ascending ? "1" : "0");
      if (indicator.baselineValue !== null)
        expect(Number((node["baseline"] as Node)["@value"])).toBe(indicator.baselineValue);
      const actuals = list(node["period"]).flatMap((p) => list(p["actual"]).map((a) => Number(a["@value"])));
      expect(actuals.sort()).toEqual(indicator.values.map((v) => v.value).sort());
      const targets = list(node["period"]).flatMap((p) => list(p["target"]).map((a) => Number(a["@value"])));
      for (const target of indicator.targets) expect(targets).toContain(target.value);
      if (indicator.targetValue !== null) expect(targets).toContain(indicator.targetValue);
    }
  });

  it("holds only the projects the user may see, states its metadata and records the export", async () => {
    const before = await db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
    const response = await exportIati("ifc.officer");
    expect(response.status).toBe(200);
    const xml = await response.text();
    const identifiers = [...xml.matchAll(/<iati-identifier>([^<]+)<\/iati-identifier>/g)].map((m) => m[1]);
    const visible = await db.project.findMany({
      where: { institution: { in: ["IFC", "JOINT"] } },
      orderBy: { code: "asc" },
    });
    expect(identifiers).toEqual(
      visible.map((p) => (p.institution === "IFC" ? `XM-DAC-903-${p.code}` : `44000-${p.code}`)),
    );
    expect(xml).toContain(`row_count: ${visible.length}`);
    expect(xml).toContain(`chain_head_hash: ${before.hash}`);
    expect(response.headers.get("Content-Disposition")).toMatch(/filename="qadam-iati-\d{4}-\d{2}-\d{2}\.xml"/);
    const event = await db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
    expect(event).toMatchObject({
      seq: before.seq + 1,
      action: "export.iati_xml",
      actorEmail: "ifc.officer@qadam.test",
    });
    expect((await validateIati(xml)).valid).toBe(true);
  });

  it("keeps the file valid when project text holds XML-hostile characters", async () => {
    const project = await db.project.findFirstOrThrow({ where: { code: "P150402" } });
    const { auditedTransaction, SYSTEM_CONTEXT } = await import("~/models/audit.server");
    await auditedTransaction(SYSTEM_CONTEXT, async (tx, audit) => {
      const after = await tx.project.update({
        where: { id: project.id },
        data: { name: `<script>&amp; "quotes" 'single' ]]> -- \u0001 bell\u0007 Қазақ 😀`, version: { increment: 1 } },
      });
      await audit({
        action: "project.update",
        entityType: "Project",
        entityId: project.id,
        projectId: project.id,
        before: project,
        after,
      });
    });
    const response = await exportIati("admin");
    const xml = await response.text();
    const result = await validateIati(xml);
    expect(result.output).not.toMatch(/error/i);
    expect(xml).toContain("&lt;script&gt;&amp;amp; \"quotes\" 'single' ]]&gt; -- \uFFFD bell\uFFFD Қазақ 😀");
  });
});

describe("IATI money and languages, from the data Qadam holds", () => {
  const transactionsOf = (xml: string, identifier: string) => {
    const doc = create(xml).end({ format: "object" }) as Node;
    const activity = list((doc["iati-activities"] as Node)["iati-activity"]).find(
      (a) => a["iati-identifier"] === identifier,
    );
    return JSON.stringify(list(activity?.["transaction"]));
  };

  it("dates each disbursement by the day its change was recorded, so a later export repeats the same transactions", async () => {
    const { auditedTransaction, SYSTEM_CONTEXT } = await import("~/models/audit.server");
    const project = await db.project.findUniqueOrThrow({ where: { code: "P128050" } });
    const edit = async (data: { disbursedMinor?: bigint; description?: string }) =>
      auditedTransaction(SYSTEM_CONTEXT, async (tx, audit) => {
        const before = await tx.project.findUniqueOrThrow({ where: { id: project.id } });
        const after = await tx.project.update({
          where: { id: project.id },
          data: { ...data, version: { increment: 1 } },
        });
        await audit({
          action: "project.update",
          entityType: "Project",
          entityId: project.id,
          projectId: project.id,
          before,
          after,
        });
      });
    // Forty days ago the disbursed amount went up and the file was exported; today something else about the project
    // changes and it is exported again: the transactions must not move.
    const { vi } = await import("vitest");
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() - 40 * 86_400_000 });
    let first = "";
    try {
      await edit({ disbursedMinor: project.disbursedMinor + 250_000_00n });
      first = await (await exportIati("auditor")).text();
    } finally {
      vi.useRealTimers();
    }
    await edit({ description: "Қорытынды есеп дайындалды" });
    const second = await (await exportIati("auditor")).text();
    expect(second).not.toBe(first);
    expect(transactionsOf(second, "44000-P128050")).toBe(transactionsOf(first, "44000-P128050"));
    // The raise is dated the day it was recorded; what the project was created with, the day it was created.
    const day = (offset: number) => new Date(Date.now() - offset * 86_400_000).toISOString().slice(0, 10);
    const disbursements = [
      ...second.matchAll(
        /<transaction-type code="3"\/>\s*<transaction-date iso-date="([\d-]+)"\/>\s*<value[^>]*>([^<]+)</g,
      ),
    ].map((m) => [m[1], m[2]]);
    expect(disbursements).toEqual(
      expect.arrayContaining([
        [day(40), "250000"],
        [day(0), "1068000000"],
      ]),
    );
  });

  it("tags each narrative with its real language and adds the Russian and Kazakh names Qadam holds", async () => {
    const project = await db.project.findUniqueOrThrow({
      where: { code: "P086592" },
      select: { id: true, implementingAgencyId: true },
    });
    await db.organization.update({
      where: { id: project.implementingAgencyId },
      data: {
        name: "Ministry of Water Resources",
        nameRu: "Министерство водных ресурсов",
        nameKk: "Су ресурстары министрлігі",
      },
    });
    await db.project.update({
      where: { id: project.id },
      data: { name: "Суару және дренаж жүйелерін жақсарту", description: "Ирригация и дренаж, второй этап" },
    });
    const xml = await (await exportIati("auditor")).text();
    const doc = create(xml).end({ format: "object" }) as Node;
    const activity = list((doc["iati-activities"] as Node)["iati-activity"]).find(
      (a) => a["iati-identifier"] === "44000-P086592",
    );
    const narrativesOf = (node: unknown) => list((node as Node)["narrative"]).map((n) => [n["@xml:lang"], n["#"]]);
    expect(narrativesOf(activity?.["title"])).toEqual([["kk", "Суару және дренаж жүйелерін жақсарту"]]);
    expect(narrativesOf(list(activity?.["description"])[0])).toEqual([["ru", "Ирригация и дренаж, второй этап"]]);
    const implementing = list(activity?.["participating-org"]).find((o) => o["@role"] === "4");
    expect(narrativesOf(implementing)).toEqual([
      ["en", "Ministry of Water Resources"],
      ["ru", "Министерство водных ресурсов"],
      ["kk", "Су ресурстары министрлігі"],
    ]);
    expect(narrativesOf(activity?.["reporting-org"]).map(([lang]) => lang)).toEqual(["en", "ru", "kk"]);
    expect(xml).not.toMatch(/<narrative>/);
    expect(checkIatiRuleset(xml).errors).toEqual([]);
    expect(checkIatiCodelists(xml).findings).toEqual([]);
  });

  it("IATI's rule 7.5.3 catches a budget longer than a year (the check can fail)", () => {
    const longer = auditorXml.replace(
      /(<budget[^>]*>\s*<period-start iso-date=")(\d{4})(-\d\d-\d\d")/,
      (_m, head: string, year: string, rest: string) => `${head}${Number(year) - 3}${rest}`,
    );
    expect(longer).not.toBe(auditorXml);
    expect(checkIatiRuleset(longer).errors.map((e) => e.id)).toContain("7.5.3");
    const wrongCode = auditorXml.replace('<recipient-country code="KZ"', '<recipient-country code="XX"');
    expect(checkIatiCodelists(wrongCode).findings).toContainEqual(
      expect.objectContaining({ codelist: "Country", value: "XX" }),
    );
  });
});
