// Reporting from a spreadsheet through the routes, against a real database: the template, the dry run (nothing is
// written), apply (the forms' own submissions and audit events, one transaction, all-or-nothing) and applying the
// same file twice (nothing new).
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { auditContextFor } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { RefusedError } from "~/lib/errors";
import { applyImport } from "~/models/import/apply.server";
import { checkUpload } from "~/models/import/dry-run.server";
import * as importRoute from "~/routes/import._index";
import * as templateRoute from "~/routes/import.template[.]xlsx";
import {
  addMember,
  createActor,
  createIndicator,
  createIndicatorValue,
  createMilestone,
  createOrganization,
  createProject,
  day,
} from "../helpers/factories";
import { workbookBytes } from "../helpers/zip-kit";
import type { Demo } from "../helpers/review-kit";

let officer: Demo;
let outsider: Demo;
let projectId: string;
let otherProjectIndicatorId: string;
const names = ["Sites connected", "Schools equipped"];

beforeAll(async () => {
  const worldBank = await createOrganization({ kind: "WORLD_BANK" });
  officer = await createActor("OFFICER", { organizationId: worldBank.id });
  outsider = await createActor("OFFICER", { organizationId: worldBank.id });
  const project = await createProject({ name: "Rural broadband" });
  projectId = project.id;
  await addMember(project.id, officer.id);
  for (const [i, name] of names.entries()) {
    await createIndicator(project.id, {
      code: `IND${i}`,
      name,
      frequency: "QUARTERLY",
      baselineDate: day("2025-02-15"),
      targetDate: day("2030-12-31"),
      baselineValue: 0,
      targetValue: 100,
      sortOrder: i,
    });
  }
  await createMilestone(project.id, { title: "Tender awarded", status: "IN_PROGRESS", percentComplete: 20 });
  const other = await createProject({ name: "Another project" });
  otherProjectIndicatorId = (await createIndicator(other.id, { frequency: "QUARTERLY" })).id;
});

async function template(user: Demo, query = `?project=${projectId}`) {
  const response = await templateRoute.loader({
    request: new Request(`http://localhost/import/template.xlsx${query}`, { headers: { Cookie: user.cookie } }),
    params: {},
    context: {},
  });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await response.arrayBuffer());
  return { response, book };
}

type Answer = {
  status: string;
  messageKey?: string;
  plan?: { rows: { outcome: string; ref: string; messages: { key: string; ref?: string }[] }[] };
  checked?: string;
  applied?: { values: unknown[]; updates: unknown[] };
};

/** Posts the file as the browser's multipart form does (with its length, which the route checks first). */
async function post(user: Demo, intent: "check" | "apply", file: { name: string; bytes: Buffer }, checked?: string) {
  const form = new FormData();
  form.set("intent", intent);
  form.set("file", new File([new Uint8Array(file.bytes)], file.name));
  if (checked) form.set("checked", checked);
  const draft = new Request("http://localhost/import", { method: "POST", body: form });
  const body = Buffer.from(await draft.arrayBuffer());
  const request = new Request("http://localhost/import", {
    method: "POST",
    body,
    headers: {
      Cookie: user.cookie,
      Origin: "http://localhost",
      "Content-Type": draft.headers.get("Content-Type") ?? "",
      "Content-Length": String(body.length),
    },
  });
  const result = await importRoute.action({ request, params: {}, context: {} });
  return { status: result.init?.status ?? 200, data: result.data as Answer };
}

const counts = async () => ({
  values: await db.indicatorValue.count({ where: { indicator: { projectId } } }),
  updates: await db.milestoneUpdate.count({ where: { milestone: { projectId } } }),
  events: await db.auditEvent.count(),
});

describe("the template", () => {
  it("lists the project's indicators with due periods, open milestones and the reference sheet, identifying cells locked", async () => {
    const { response, book } = await template(officer);
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="qadam-reporting-/);
    const indicators = book.getWorksheet("Indicators");
    const milestones = book.getWorksheet("Milestones");
    expect(book.getWorksheet("Latest verified values")).toBeDefined();
    if (!indicators || !milestones) throw new Error("missing sheets");
    expect(indicators.getRow(1).values).toEqual([
      undefined,
      "Project",
      "Project ID",
      "Indicator",
      "Indicator code",
      "Unit",
      "Period",
      "Value",
      "Comment",
      "Indicator record id (do not change)",
    ]);
    expect([indicators.getRow(2).getCell(3).value, indicators.getRow(3).getCell(3).value]).toEqual(names);
    expect(indicators.getRow(2).getCell(1).protection?.locked).not.toBe(false);
    expect(indicators.getRow(2).getCell(7).protection?.locked).toBe(false);
    expect(indicators.getRow(2).getCell(6).dataValidation?.type).toBe("list");
    expect(milestones.getRow(2).getCell(3).value).toBe("Tender awarded");
    expect(milestones.getRow(2).getCell(7).dataValidation?.formulae?.[0]).toContain("In progress");
  });

  it("is in the user's language", async () => {
    await db.user.update({ where: { id: outsider.id }, data: { locale: "ru" } });
    await addMember(projectId, outsider.id);
    const { book } = await template(outsider);
    expect(book.getWorksheet("Показатели")?.getRow(1).getCell(3).value).toBe("Показатель");
    expect(book.getWorksheet("Контрольные точки")).toBeDefined();
  });
});

describe("dry run and apply", () => {
  it("plans without writing, applies in one go, and a second apply creates nothing", async () => {
    const { book } = await template(officer);
    const sheet = book.getWorksheet("Indicators");
    const milestones = book.getWorksheet("Milestones");
    if (!sheet || !milestones) throw new Error("missing sheets");
    sheet.getRow(2).getCell(7).value = 12;
    sheet.getRow(3).getCell(7).value = "twelve";
    milestones.getRow(2).getCell(7).value = "In progress";
    milestones.getRow(2).getCell(8).value = 45;
    let file = { name: "report.xlsx", bytes: await workbookBytes(book) };

    const before = await counts();
    const failed = await post(officer, "check", file);
    expect(failed.status).toBe(422);
    const error = failed.data.plan?.rows.find((r) => r.outcome === "error");
    expect(error?.messages[0]).toEqual({ key: "workflow.errors.numberRequired", ref: "Indicators!G3" });
    expect(await counts()).toEqual(before);
    const refused = await post(officer, "apply", file, failed.data.checked);
    expect(refused.status).toBe(422);
    expect(refused.data.messageKey).toBe("import.refused.hasErrors");
    expect(await counts()).toEqual(before);

    sheet.getRow(3).getCell(7).value = 30;
    file = { name: "report.xlsx", bytes: await workbookBytes(book) };
    const ok = await post(officer, "check", file);
    expect(ok.status).toBe(200);
    expect(ok.data.plan?.rows.map((r) => r.outcome)).toEqual(["create", "create", "create"]);
    const stale = await post(officer, "apply", file, "0".repeat(64));
    expect(stale.status).toBe(409);
    const applied = await post(officer, "apply", file, ok.data.checked);
    expect(applied.data.applied?.values).toHaveLength(2);
    expect(applied.data.applied?.updates).toHaveLength(1);
    const after = await counts();
    expect(after.values - before.values).toBe(2);
    expect(after.updates - before.updates).toBe(1);
    const events = await db.auditEvent.findMany({ orderBy: { seq: "desc" }, take: 3, select: { action: true } });
    expect(events.map((e) => e.action).sort()).toEqual([
      "indicatorValue.report",
      "indicatorValue.report",
      "milestoneUpdate.submit",
    ]);

    const again = await post(officer, "check", file);
    expect(again.data.plan?.rows.map((r) => r.outcome)).toEqual(["unchanged", "unchanged", "unchanged"]);
    await post(officer, "apply", file, again.data.checked);
    expect((await counts()).values).toBe(after.values);
    expect((await counts()).updates).toBe(after.updates);
  });

  it("writes nothing when a row is refused on the way (all-or-nothing)", async () => {
    const { book } = await template(officer);
    const sheet = book.getWorksheet("Indicators");
    if (!sheet) throw new Error("missing sheet");
    // Both indicators still owe an older quarter: the officer reports both; a colleague reports the second meanwhile.
    sheet.getRow(2).getCell(6).value = "2025-Q3";
    sheet.getRow(2).getCell(7).value = 5;
    sheet.getRow(3).getCell(6).value = "2025-Q3";
    sheet.getRow(3).getCell(7).value = 6;
    const file = { name: "report.xlsx", bytes: await workbookBytes(book) };
    const { plan } = await checkUpload(officer, file, "en");
    expect(plan.rows.map((r) => r.outcome)).toEqual(["create", "create"]);
    const second = await db.indicator.findFirstOrThrow({ where: { projectId, name: names[1] } });
    await createIndicatorValue(second.id, outsider.id, {
      periodStart: day("2025-07-01"),
      periodEnd: day("2025-09-30"),
      value: 7,
    });
    const before = await counts();
    // The plan the officer saw is stale: the model refuses its second row inside the transaction, so the first
    // row is not written either.
    await expect(applyImport({ actor: officer, plan, context: auditContextFor(officer) })).rejects.toBeInstanceOf(
      RefusedError,
    );
    expect(await counts()).toEqual(before);
    // Through the route, the same refusal is a clear 409, and the file checked again shows why.
    const check = await post(officer, "check", file);
    expect(check.data.plan?.rows.map((r) => r.outcome)).toEqual(["create", "error"]);
  });

  it("refuses rows outside the user's projects and unknown ids", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Indicators");
    sheet.addRow(["Indicator record id (do not change)", "Period", "Value"]);
    sheet.addRow([otherProjectIndicatorId, "2025-Q3", 1]);
    sheet.addRow(["no-such-indicator", "2025-Q3", 1]);
    const result = await post(officer, "check", { name: "mine.xlsx", bytes: await workbookBytes(book) });
    expect(result.status).toBe(422);
    expect(result.data.plan?.rows.map((r) => r.messages[0].key)).toEqual([
      "import.row.outsideProjects",
      "import.row.unknownIndicator",
    ]);
  });

  it("is not for auditors or administrators", async () => {
    const auditor = await createActor("AUDITOR");
    await expect(template(auditor)).rejects.toMatchObject({ status: 403 });
  });
});
