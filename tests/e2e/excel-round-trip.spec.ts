// Reporting from a spreadsheet, end to end: an officer downloads the template of a project, fills three indicator
// values and one milestone update in it (written here with exceljs, as Excel would save it), uploads it, sees the
// dry run point at a deliberate mistake by its cell, fixes it, submits; the manager finds the four submissions in
// the review queue; submitting the same file again creates nothing new.
import { readFile } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import {
  addToTeam,
  createDelayedMilestone,
  createOwnProject,
  DEMO_USERS,
  signedInPage,
  waitForHydration,
  type OwnProject,
} from "./fixtures";

// Two people, a project, two indicators and a milestone set up through the browser before the journey starts.
test.describe.configure({ timeout: 300_000 });

async function createIndicator(manager: Page, project: OwnProject, code: string, name: string) {
  await manager.goto(`/projects/${project.id}/indicators`);
  await manager.getByText("New indicator", { exact: true }).click();
  const create = manager.getByRole("form", { name: "New indicator" });
  await waitForHydration(create);
  await create.getByLabel("Code", { exact: true }).fill(code);
  await create.getByLabel("Name", { exact: true }).fill(name);
  await create.getByLabel("Type", { exact: true }).selectOption("INTERMEDIATE");
  await create.getByLabel("Unit of measure").fill("sites");
  await create.getByLabel("Baseline value").fill("0");
  await create.getByLabel("Baseline date").fill("15 Feb 2025");
  await create.getByLabel("End target value").fill("100");
  await create.getByLabel("End target date").fill("31.12.2030");
  await create.getByLabel("Reporting frequency").selectOption("QUARTERLY");
  await create.getByRole("button", { name: "Create indicator" }).click();
  await expect(manager.getByTestId("flash")).toHaveText(`Indicator ${code} created.`);
}

async function upload(page: Page, book: ExcelJS.Workbook, button: "import-check" | "import-apply") {
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  if (button === "import-check") {
    await page.getByTestId("import-file").setInputFiles({
      name: "report.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer,
    });
  }
  await page.getByTestId(button).click();
}

test("an officer reports three values and a milestone update from the template; the manager reviews them", async ({
  browser,
}) => {
  const run = randomUUID().slice(0, 8);
  const manager = await signedInPage(browser, "wb.manager");
  const project = await createOwnProject(manager, `Spreadsheet reporting (${run})`);
  const admin = await signedInPage(browser, "admin");
  await addToTeam(admin, project.id, DEMO_USERS["wb.officer"].email);
  await admin.context().close();
  const names = [`Sites connected ${run}`, `Schools equipped ${run}`];
  for (const [i, name] of names.entries()) await createIndicator(manager, project, `XL${i + 1}`, name);
  const milestoneTitle = `Tender awarded ${run}`;
  await createDelayedMilestone(manager, project.id, milestoneTitle);

  const officer = await signedInPage(browser, "wb.officer");
  await officer.goto(`/projects/${project.id}/indicators`);
  await officer.getByTestId("import-link").click();
  await expect(officer.getByRole("heading", { level: 1 })).toHaveText("Report from a spreadsheet");
  await expect(officer.getByTestId("template-download")).toBeVisible();
  const downloading = officer.waitForEvent("download");
  await officer.getByTestId("template-download").click();
  const download = await downloading;
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(new Uint8Array(await readFile(await download.path())).buffer);

  const indicators = book.getWorksheet("Indicators");
  const milestones = book.getWorksheet("Milestones");
  expect(indicators).toBeDefined();
  expect(milestones).toBeDefined();
  if (!indicators || !milestones) return;
  expect(indicators.getRow(1).getCell(1).value).toBe("Project");
  expect(indicators.getRow(1).getCell(3).value).toBe("Indicator");
  expect(book.getWorksheet("Latest verified values")).toBeDefined();
  // Names before codes; identifying cells locked, the value cell open; periods offered from a list.
  expect([2, 3].map((r) => indicators.getRow(r).getCell(3).value)).toEqual(names);
  expect(indicators.getRow(2).getCell(9).protection?.locked).not.toBe(false);
  expect(indicators.getRow(2).getCell(7).protection?.locked).toBe(false);
  expect(indicators.getRow(2).getCell(6).dataValidation?.type).toBe("list");
  expect(indicators.getRow(2).getCell(6).value).toBe("2026-Q3");
  expect(milestones.getRow(2).getCell(3).value).toBe(milestoneTitle);

  indicators.getRow(2).getCell(7).value = 12;
  indicators.getRow(3).getCell(7).value = 30;
  // A third value: the first indicator's previous quarter, on a row of its own (as an officer copies a row).
  for (let c = 1; c <= 9; c++) indicators.getRow(4).getCell(c).value = indicators.getRow(2).getCell(c).value;
  indicators.getRow(4).getCell(6).value = "2026-Q2";
  indicators.getRow(4).getCell(7).value = "about forty"; // the deliberate mistake
  indicators.getRow(4).getCell(8).value = "Counted at the district office.";
  milestones.getRow(2).getCell(7).value = "In progress";
  milestones.getRow(2).getCell(8).value = 60;
  milestones.getRow(2).getCell(11).value = "Bids opened; award expected next month.";

  await upload(officer, book, "import-check");
  const dryRun = officer.getByTestId("dry-run");
  await expect(dryRun).toContainText("Nothing has been saved yet.");
  await expect(dryRun.locator('[data-outcome="error"]')).toHaveCount(1);
  await expect(dryRun.locator('[data-outcome="error"]')).toContainText("Indicators!G4");
  await expect(dryRun.locator('[data-outcome="error"]')).toContainText(names[0]);
  await expect(dryRun.locator('[data-outcome="create"]')).toHaveCount(3);
  await expect(officer.getByTestId("import-apply")).toHaveCount(0);

  indicators.getRow(4).getCell(7).value = 40;
  await upload(officer, book, "import-check");
  await expect(dryRun.locator('[data-outcome="error"]')).toHaveCount(0);
  await expect(dryRun.locator('[data-outcome="create"]')).toHaveCount(4);
  await upload(officer, book, "import-apply");
  const applied = officer.getByTestId("applied");
  await expect(applied).toContainText("Indicator values submitted: 3. Milestone updates submitted: 1.");
  await expect(applied.getByRole("link", { name: names[0] })).toHaveCount(2);
  await expect(applied.getByRole("link", { name: names[1] })).toHaveCount(1);
  await expect(applied.getByRole("link", { name: milestoneTitle })).toHaveCount(1);

  // The same file again: every row is already sent, nothing can be submitted.
  await officer.goto(`/import?project=${project.id}`);
  await upload(officer, book, "import-check");
  await expect(dryRun.locator('[data-outcome="unchanged"]')).toHaveCount(4);
  await expect(officer.getByTestId("import-apply")).toHaveCount(0);

  await manager.goto(`/reviews?project=${project.code}`);
  await expect(manager.getByTestId("review-item").filter({ hasText: names[0] })).toHaveCount(2);
  await expect(manager.getByTestId("review-item").filter({ hasText: names[1] })).toHaveCount(1);
  await expect(manager.getByTestId("review-item").filter({ hasText: milestoneTitle })).toHaveCount(1);
  await officer.context().close();
  await manager.context().close();
});
