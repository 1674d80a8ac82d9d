// History and exports end to end: the auditor filters the history to one project and downloads it as CSV and
// XLSX (the files are read back and compared with the database); an officer is refused.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { loginAs, openE2eDb, waitForHydration } from "./fixtures";

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

test("date filters read and show days in words, and keep YYYY-MM-DD in the URL (history and audit export)", async ({
  page,
}) => {
  await loginAs(page, "wb.manager");
  await page.goto("/history");
  const filters = page.getByTestId("history-filters");
  const from = filters.getByLabel("From", { exact: true });
  const to = filters.getByLabel("To (inclusive)");
  await waitForHydration(from);
  // Typed day first with figures, or with a month's name in another of Qadam's languages: shown the Qadam way.
  await from.fill("1.12.2025");
  await from.press("Tab");
  await expect(from).toHaveValue("1 Dec 2025");
  await to.fill("31 дек. 2025");
  await to.press("Tab");
  await expect(to).toHaveValue("31 Dec 2025");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]from=2025-12-01(&|$)/);
  await expect(page).toHaveURL(/[?&]to=2025-12-31(&|$)/);
  await expect(from).toHaveValue("1 Dec 2025");

  // Not a day: the form is held back with a message in words, the URL is unchanged.
  await from.fill("32.12.2025");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(filters.getByText("Enter a real date: day, month, year (for example 31 Dec 2026).")).toBeVisible();
  await expect(from).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/[?&]from=2025-12-01(&|$)/);

  // Clearing the filters empties the day fields too.
  await filters.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL((url) => url.search === "");
  await expect(from).toHaveValue("");

  // A URL bookmarked with the old parameters shows its days in words.
  await page.goto("/history?from=2026-03-05");
  await expect(filters.getByLabel("From", { exact: true })).toHaveValue("5 Mar 2026");

  // The audit export's form sends the same parameters.
  await page.goto("/exports");
  const exportForm = page.getByTestId("exports-audit");
  const exportFrom = exportForm.getByLabel("From", { exact: true });
  await waitForHydration(exportFrom);
  await exportFrom.fill("5 March 2026");
  await exportFrom.press("Tab");
  await expect(exportFrom).toHaveValue("5 Mar 2026");
  const [download] = await Promise.all([page.waitForEvent("download"), exportForm.getByTestId("export-csv").click()]);
  expect(new URL(download.url()).searchParams.get("from")).toBe("2026-03-05");
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
