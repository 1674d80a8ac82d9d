// Projects end to end: two managers editing the same project (409, nothing lost, then it sticks), creating a
// project (field errors, confirmation, in the list), and list filters that live in the URL. The tests that write
// work on projects they create themselves.
import { expect, test, type Page } from "@playwright/test";
import { createOwnProject, freeProjectCode, loginAs, openE2eDb } from "./fixtures";

async function projectRow(code: string) {
  const db = openE2eDb();
  try {
    const result = await db.execute({
      sql: `SELECT id, description, narrative, mtrPlannedDate, version FROM "Project" WHERE code = ?`,
      args: [code],
    });
    const row = result.rows[0];
    return {
      id: String(row.id),
      description: String(row.description),
      narrative: String(row.narrative),
      mtrPlannedDate: row.mtrPlannedDate ? String(row.mtrPlannedDate).slice(0, 10) : null,
      version: Number(row.version),
    };
  } finally {
    db.close();
  }
}

/** The edit and create forms validate in the browser once hydrated; wait for that before typing. */
async function openForm(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByTestId("project-form")).toHaveAttribute("data-hydrated", "true");
}

test("two managers edit the same project: the second is told what changed, loses nothing, and their save then sticks", async ({
  browser,
}) => {
  const adminContext = await browser.newContext();
  const managerContext = await browser.newContext();
  try {
    const admin = await adminContext.newPage();
    const manager = await managerContext.newPage();
    await loginAs(admin, "admin");
    await loginAs(manager, "wb.manager");
    // A pipeline project of the test's own: both of them change its text fields.
    const run = Date.now().toString(36);
    const { code } = await createOwnProject(manager, `Decarbonisation policy Program-for-Results (${run})`);
    const project = await projectRow(code);
    const editPath = `/projects/${project.id}/edit`;
    await openForm(admin, editPath);
    await openForm(manager, editPath);

    // The administrator saves first: a new description and a new narrative.
    const adminDescription = `Program-for-Results on decarbonisation policy, revised by the administrator (${run}).`;
    const adminNarrative = `Administrator's narrative (${run}).`;
    await admin.getByLabel("Description", { exact: true }).fill(adminDescription);
    await admin.getByLabel("Implementation status narrative").fill(adminNarrative);
    await admin.getByTestId("save-project").click();
    await expect(admin.getByTestId("flash")).toHaveText(`Project ${code} saved.`);
    await expect(admin).toHaveURL(new RegExp(`/projects/${project.id}$`));
    await expect(admin.getByText(adminDescription)).toBeVisible();

    // The manager, still on the old version, changes the narrative and the planned mid-term review, and saves.
    const managerNarrative = `Concept note cleared; the manager's own narrative, typed before the conflict (${run}).`;
    await manager.getByLabel("Implementation status narrative").fill(managerNarrative);
    await manager.getByLabel("Mid-term review (planned)").fill("2029-06-30");
    await manager.getByTestId("save-project").click();

    const notice = manager.getByTestId("conflict-notice");
    await expect(notice).toBeVisible();
    await expect(notice).toContainText("Aigerim Admin");
    // The description: changed by them only, so their value is taken into the form.
    const descriptionRow = notice.locator('tr[data-field="description"]');
    await expect(descriptionRow).toHaveAttribute("data-outcome", "theirs");
    await expect(descriptionRow).toContainText(adminDescription);
    // The narrative: both changed it; shown side by side, and the manager's text stays in the form.
    const narrativeRow = notice.locator('tr[data-field="narrative"]');
    await expect(narrativeRow).toHaveAttribute("data-outcome", "both");
    await expect(narrativeRow).toContainText(adminNarrative);
    await expect(narrativeRow).toContainText(managerNarrative);
    await expect(manager.getByLabel("Implementation status narrative")).toHaveValue(managerNarrative);
    // Date fields show the day in the reader's language (the form still sends 2029-06-30).
    await expect(manager.getByLabel("Mid-term review (planned)")).toHaveValue("30 Jun 2029");
    await expect(manager.getByLabel("Description", { exact: true })).toHaveValue(adminDescription);
    // Nothing of the manager's was written.
    expect((await projectRow(code)).narrative).toBe(adminNarrative);

    // Saving again applies the form on top of the latest version, and it sticks.
    await manager.getByTestId("save-project").click();
    await expect(manager.getByTestId("flash")).toHaveText(`Project ${code} saved.`);
    await expect(manager).toHaveURL(new RegExp(`/projects/${project.id}$`));
    await expect(manager.getByText(managerNarrative)).toBeVisible();
    await expect(manager.getByText(adminDescription)).toBeVisible();
    const saved = await projectRow(code);
    expect(saved).toMatchObject({
      description: adminDescription,
      narrative: managerNarrative,
      mtrPlannedDate: "2029-06-30",
      version: project.version + 2,
    });

    // Reloading the edit page shows what was saved.
    await openForm(manager, editPath);
    await expect(manager.getByLabel("Implementation status narrative")).toHaveValue(managerNarrative);
  } finally {
    await adminContext.close();
    await managerContext.close();
  }
});

test("a manager creates a project: field errors first, then a confirmation and the project in the list; then archives it", async ({
  page,
}) => {
  const code = await freeProjectCode();
  await loginAs(page, "wb.manager");
  await page.goto("/projects");
  await page.getByTestId("new-project").click();
  await expect(page.getByTestId("project-form")).toHaveAttribute("data-hydrated", "true");

  await page.getByLabel("Code", { exact: true }).fill("road-1");
  await page.getByLabel("Name", { exact: true }).fill("Kazakhstan Rural Roads Safety Project");
  await page.getByLabel("Implementing agency").selectOption({ label: "Ministry of Transport" });
  await page.getByLabel("Priority area").selectOption({ label: "PA1 — Transport and digital connectivity" });
  await page.getByLabel("DAC sector code").fill("21020");
  await page.getByLabel("Net commitment (US$)").fill("120,000,000");
  await page.getByLabel("Disbursed to date (US$)").fill("150000000");
  await page.getByTestId("save-project").click();
  await expect(page.getByText("Use a P-number (P123456) or an IFC id (612345 or IFC-NAME).")).toBeVisible();
  await expect(page.getByText("Disbursed cannot exceed the commitment.")).toBeVisible();
  await expect(page).toHaveURL(/\/projects\/new$/);

  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByLabel("Disbursed to date (US$)").fill("0");
  await page.getByTestId("save-project").click();
  await expect(page.getByTestId("flash")).toHaveText(`Project ${code} created.`);
  await expect(page.getByTestId("project-header")).toContainText("Kazakhstan Rural Roads Safety Project");
  await expect(page.getByTestId("commitment")).toHaveText("$120M");

  await page.getByRole("link", { name: "Projects", exact: true }).first().click();
  await page.getByLabel("Search by code or name").fill(code.toLowerCase());
  await page.getByRole("button", { name: "Apply" }).click();
  const rows = page.locator("[data-testid=project-list] tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-project-code", code);

  // Archive it again (a reason is required), so the demo portfolio's totals are as seeded for other journeys.
  await rows.first().getByRole("link").click();
  await page.getByTestId("archive-project").click();
  await expect(page.getByTestId("project-form")).toHaveAttribute("data-hydrated", "true");
  await page.getByTestId("archive-submit").click();
  await expect(page.getByText("Give the reason for archiving (at least 10 characters).")).toBeVisible();
  await page.getByLabel("Reason for archiving").fill("Created by the end-to-end test; not a real project.");
  await page.getByTestId("archive-submit").click();
  await expect(page.getByTestId("flash")).toHaveText("Project archived.");
  await expect(page.getByTestId("archived-badge")).toBeVisible();
  await page.goto(`/projects?q=${code}`);
  await expect(page.getByTestId("projects-empty")).toBeVisible();
  await page.goto(`/projects?q=${code}&archived=1`);
  await expect(rows).toHaveCount(1);
});

test("list filters, sort and page live in the URL and survive a reload", async ({ page }) => {
  await loginAs(page, "wb.manager");
  await page.goto("/projects");
  await page.getByLabel("Search by code or name").fill("road");
  await page.getByLabel("Status").selectOption("ACTIVE");
  await page.getByLabel("Institution").selectOption("WB");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]status=ACTIVE/);
  await expect(page).toHaveURL(/[?&]q=road/);
  await expect(page).toHaveURL(/[?&]institution=WB/);

  // Sort by % disbursed, highest first: one click for ascending, another for descending.
  await page.getByRole("link", { name: "% disbursed" }).click();
  await expect(page).toHaveURL(/sort=disbursed&dir=asc/);
  await page.getByRole("link", { name: /% disbursed/ }).click();
  await expect(page).toHaveURL(/sort=disbursed&dir=desc/);

  const rows = page.locator("[data-testid=project-list] tbody tr");
  const codes = () => rows.evaluateAll((els) => els.map((el) => el.getAttribute("data-project-code")));
  await expect(rows).toHaveCount(2);
  const before = await codes();
  expect(before).toEqual(["P128050", "P500565"]);

  await page.reload();
  await expect(page.getByLabel("Search by code or name")).toHaveValue("road");
  await expect(page.getByLabel("Status")).toHaveValue("ACTIVE");
  await expect(page.getByLabel("Institution")).toHaveValue("WB");
  await expect(page.getByLabel("Sort by", { exact: true })).toHaveValue("disbursed");
  await expect(page.getByLabel("Order")).toHaveValue("desc");
  await expect(rows).toHaveCount(2);
  expect(await codes()).toEqual(before);

  // A filter that matches nothing shows the empty state; a bad value in the URL is a 400, not a crash.
  await page.goto("/projects?q=no-such-project");
  await expect(page.getByTestId("projects-empty")).toBeVisible();
  const bad = await page.goto("/projects?sort=everything");
  expect(bad?.status()).toBe(400);
});

test("only an administrator may move a project: managers see institution and agency read-only; a move needs a reason", async ({
  browser,
}) => {
  // Nothing is saved here: the administrator's move is refused for want of a reason, so other journeys read the seed.
  const project = await projectRow("P199914");
  const editPath = `/projects/${project.id}/edit`;
  const managerContext = await browser.newContext();
  const adminContext = await browser.newContext();
  try {
    const manager = await managerContext.newPage();
    await loginAs(manager, "wb.manager");
    await openForm(manager, editPath);
    await expect(manager.getByTestId("locked-institution")).toHaveValue("World Bank");
    await expect(manager.getByTestId("locked-implementingAgencyId")).toHaveAttribute("readonly", "");
    await expect(manager.getByTestId("reassign-reason")).toHaveCount(0);

    const admin = await adminContext.newPage();
    await loginAs(admin, "admin");
    await openForm(admin, editPath);
    await expect(admin.getByTestId("reassign-reason")).toHaveCount(0);
    await admin.getByLabel("Institution").selectOption("JOINT");
    await expect(admin.getByTestId("reassign-reason")).toBeVisible();
    await admin.getByTestId("save-project").click();
    await expect(admin.getByText("Give the reason for the change (at least 10 characters).")).toBeVisible();
    expect((await projectRow("P199914")).version).toBe(project.version);
  } finally {
    await managerContext.close();
    await adminContext.close();
  }
});
