// History and exports end to end: the auditor filters the history to one project and downloads it as CSV and
// XLSX (the files are read back and compared with the database); an officer is refused.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { loginAs, openE2eDb } from "./fixtures";

const PROJECT = "P128050";

async function projectEventSeqs(headSeq: number): Promise<number[]> {
  const db = openE2eDb();
  try {
    const result = await db.execute({
      sql: 'SELECT e.seq FROM "AuditEvent" e JOIN "Project" p ON p.id = e.projectId WHERE p.code = ? AND e.seq <= ? ORDER BY e.seq',
      args: [PROJECT, headSeq],
    });
    return result.rows.map((r) => Number(r.seq));
  } finally {
    db.close();
  }
}

test("the auditor filters history to one project and downloads it as CSV and XLSX", async ({ page }) => {
  await loginAs(page, "auditor");
  await page.getByRole("navigation").getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "History" })).toBeVisible();
  await expect(page.getByTestId("chain-verdict")).toHaveAttribute("data-ok", "true");
  await expect(page.getByTestId("chain-head-hash")).toHaveText(/^[0-9a-f]{64}$/);

  await page.getByLabel("Project").selectOption(PROJECT);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]project=${PROJECT}`));
  const events = page.getByTestId("event-list").locator(":scope > li");
  await expect(events.first()).toBeVisible();
  const codes = await events.evaluateAll((items) => items.map((li) => li.getAttribute("data-project-code")));
  expect(codes.length).toBeGreaterThan(0);
  expect(new Set(codes)).toEqual(new Set([PROJECT]));

  const links = page.getByTestId("history-export-links");

  const [csvDownload] = await Promise.all([
    page.waitForEvent("download"),
    links.getByRole("link", { name: "CSV", exact: true }).click(),
  ]);
  expect(csvDownload.suggestedFilename()).toMatch(/^qadam-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const records = parse(await readFile((await csvDownload.path())!), { bom: true }) as string[][];
  const meta = Object.fromEntries(records.filter((r) => r[0] === "#").map((r) => [r[1], r[2]]));
  const header = records.find((r) => r[0] === "seq")!;
  const rows = records.slice(records.indexOf(header) + 1);
  expect(meta.filter_project).toBe(PROJECT);
  expect(Number(meta.row_count)).toBe(rows.length);
  expect(rows.every((r) => r[header.indexOf("project_code")] === PROJECT)).toBe(true);
  expect(rows.map((r) => Number(r[0]))).toEqual(await projectEventSeqs(Number(meta.chain_head_seq)));

  const [xlsxDownload] = await Promise.all([
    page.waitForEvent("download"),
    links.getByRole("link", { name: "XLSX", exact: true }).click(),
  ]);
  expect(xlsxDownload.suggestedFilename()).toMatch(/^qadam-audit-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await xlsxDownload.path())!);
  const xlsxMeta: Record<string, string> = {};
  workbook.getWorksheet("metadata")!.eachRow((row, n) => {
    // Text cells are inline strings (rich text to exceljs): read them by the text they show.
    if (n > 1) xlsxMeta[row.getCell(1).text] = row.getCell(2).text;
  });
  const sheetRows: Array<{ seq: number; project: string }> = [];
  workbook.getWorksheet("events")!.eachRow((row, n) => {
    if (n > 1) sheetRows.push({ seq: Number(row.getCell(1).value), project: row.getCell(8).text });
  });
  expect(xlsxMeta.filter_project).toBe(PROJECT);
  expect(Number(xlsxMeta.row_count)).toBe(sheetRows.length);
  expect(sheetRows.every((r) => r.project === PROJECT)).toBe(true);
  expect(sheetRows.map((r) => r.seq)).toEqual(await projectEventSeqs(Number(xlsxMeta.chain_head_seq)));

  // Both downloads are on record in the audit log, with their filters.
  await page.goto("/history?action=export.audit_xlsx");
  const exported = page.locator('li[data-action="export.audit_xlsx"]').first();
  await expect(exported).toBeVisible();
  await expect(exported.locator(".event-line")).toContainText(
    /Helen Carter downloaded [\d,]+ history events as an Excel workbook/,
  );
});

test("an officer is refused the history and the audit exports", async ({ page }) => {
  await loginAs(page, "wb.officer");
  await expect(page.getByRole("navigation").getByRole("link", { name: "History" })).toHaveCount(0);
  const response = await page.goto("/history");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("alert")).toContainText("Not allowed");
  for (const format of ["csv", "xlsx", "ndjson"]) {
    const exportResponse = await page.request.get(`/exports/audit.${format}`);
    expect(exportResponse.status()).toBe(403);
  }
  // The exports page still offers what officers may use, without the audit form.
  await page.goto("/exports");
  await expect(page.getByRole("link", { name: "Download portfolio spreadsheet" })).toBeVisible();
  await expect(page.getByTestId("exports-audit")).toHaveCount(0);
});

test("the project report has a print button and prints without the app's navigation", async ({ page }) => {
  await loginAs(page, "wb.officer");
  await page.goto("/projects");
  await page
    .getByRole("link", { name: /Second Irrigation and Drainage/ })
    .first()
    .click();
  await page
    .getByRole("navigation", { name: "Project sections" })
    .getByRole("link", { name: "Report", exact: true })
    .click();
  await expect(page.getByTestId("project-report")).toBeVisible();
  await expect(page.getByTestId("print-report")).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByTestId("print-report")).toBeHidden();
  await expect(page.locator(".app-header")).toBeHidden();
  await expect(page.getByRole("heading", { name: "Results framework" })).toBeVisible();
});
