// Reporting that cannot go wrong: an officer picks a period from the indicator's own list, a returned value opens
// the form filled with it beside the reviewer's comment, and a form with several mistakes shows them all on the
// first submit (cross-field rules included) with focus on the first.
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { addToTeam, createOwnProject, DEMO_USERS, signedInPage, waitForHydration, type OwnProject } from "./fixtures";

// Each journey creates its own project, indicator and team: longer than one page's worth of steps.
test.describe.configure({ timeout: 120_000 });

/** A quarterly indicator (baseline 0 on 15 Feb 2025, end target 100 on 31 Dec 2030) on the project; its page path. */
async function createQuarterlyIndicator(manager: Page, project: OwnProject): Promise<string> {
  await manager.goto(`/projects/${project.id}/indicators`);
  await manager.getByText("New indicator", { exact: true }).click();
  const create = manager.getByRole("form", { name: "New indicator" });
  await waitForHydration(create);
  await create.getByLabel("Code", { exact: true }).fill("SCHOOLS_CONNECTED");
  await create.getByLabel("Name", { exact: true }).fill("Remote schools connected to broadband");
  await create.getByLabel("Type", { exact: true }).selectOption("INTERMEDIATE");
  await create.getByLabel("Unit of measure").fill("schools");
  await create.getByLabel("Baseline value").fill("0");
  // Typed the way people write dates, in either order of words or figures: stored as days.
  await create.getByLabel("Baseline date").fill("15 Feb 2025");
  await create.getByLabel("End target value").fill("100");
  await create.getByLabel("End target date").fill("31.12.2030");
  await create.getByLabel("Reporting frequency").selectOption("QUARTERLY");
  await create.getByRole("button", { name: "Create indicator" }).click();
  await expect(manager.getByTestId("flash")).toHaveText("Indicator SCHOOLS_CONNECTED created.");
  await expect(manager.getByTestId("indicator-details")).toContainText("15 Feb 2025");
  await expect(manager.getByTestId("indicator-details")).toContainText("31 Dec 2030");
  return new URL(manager.url()).pathname;
}

test("an officer picks a period and reports; a returned value is corrected from a prefilled form", async ({
  browser,
}) => {
  const run = randomUUID().slice(0, 8);
  const manager = await signedInPage(browser, "wb.manager");
  const project = await createOwnProject(manager, `Reporting periods (${run})`);
  const admin = await signedInPage(browser, "admin");
  await addToTeam(admin, project.id, DEMO_USERS["wb.officer"].email);
  await admin.context().close();
  const officer = await signedInPage(browser, "wb.officer");
  const path = await createQuarterlyIndicator(manager, project);

  await officer.goto(path);
  const form = officer.getByTestId("value-form");
  await waitForHydration(form);
  const period = form.getByLabel("Reporting period");
  // The list holds the quarters from the baseline's to the last one ended; no free dates.
  await expect(period.locator("option", { hasText: "Q1 2025" })).toHaveCount(1);
  await expect(period.locator("option", { hasText: "Q3 2026" })).toHaveCount(1);
  await expect(period.locator("option", { hasText: "Q4 2024" })).toHaveCount(0);
  await expect(form.getByLabel("Period start")).toHaveCount(0);
  await period.selectOption({ label: "Q2 2026" });
  await form.getByLabel("Value (schools)").fill("41");
  await form.getByLabel("Comment").fill("Connection certificates for 41 schools.");
  await form.getByLabel("Evidence links").fill("https://files.example.kz/schools/q2-2026.pdf");
  await form.getByRole("button", { name: "Report value" }).click();
  await expect(officer.getByTestId("flash")).toHaveText("Value reported for verification.");
  const row = officer.getByTestId("value-table").locator('tr[data-state="SUBMITTED"]', { hasText: "Q2 2026" });
  await expect(row).toContainText("41");
  // The period now has a value awaiting review: it cannot be picked again.
  await expect(form.getByLabel("Reporting period").locator("option", { hasText: "Q2 2026" })).toBeDisabled();

  await manager.goto(path);
  const pending = manager.getByTestId("value-table").locator('tr[data-state="SUBMITTED"]', { hasText: "Q2 2026" });
  await pending.getByLabel("Comment (required to return)").fill("Only 38 certificates are attached: check the count.");
  await pending.getByRole("button", { name: "Return" }).click();
  await expect(manager.getByTestId("flash")).toHaveText("Returned to the author with your comment.");

  // The officer follows "Correct and resubmit" from the home page: the form holds the returned value.
  await officer.goto("/");
  const returned = officer.getByTestId("returned-submissions").locator("li", { hasText: "Remote schools connected" });
  await returned.getByRole("link", { name: "Correct and resubmit" }).click();
  await expect(officer.getByRole("heading", { name: "Correct and resubmit" })).toBeVisible();
  await expect(officer.getByTestId("returned-comment")).toContainText(
    "Only 38 certificates are attached: check the count.",
  );
  const again = officer.getByTestId("value-form");
  await waitForHydration(again);
  await expect(again.getByLabel("Reporting period")).toHaveValue("2026-Q2");
  await expect(again.getByLabel("Value (schools)")).toHaveValue("41");
  await expect(again.getByLabel("Comment")).toHaveValue("Connection certificates for 41 schools.");
  await expect(again.getByLabel("Evidence links")).toHaveValue("https://files.example.kz/schools/q2-2026.pdf");
  await again.getByLabel("Value (schools)").fill("38");
  await again.getByRole("button", { name: "Resubmit for review" }).click();
  await expect(officer.getByTestId("flash")).toHaveText("Value reported for verification.");
  await expect(
    officer.getByTestId("value-table").locator('tr[data-state="SUBMITTED"]', { hasText: "Q2 2026" }),
  ).toContainText("38");
  // Settled: the page offers a new report again.
  await expect(officer.getByRole("heading", { name: "Report a value" })).toBeVisible();
  await officer.context().close();
  await manager.context().close();
});

test("a form with several mistakes shows every error on the first submit and focuses the first", async ({
  browser,
}) => {
  const run = randomUUID().slice(0, 8);
  const manager = await signedInPage(browser, "wb.manager");
  const project = await createOwnProject(manager, `Form errors (${run})`);
  await manager.goto(`/projects/${project.id}/indicators`);
  await manager.getByText("New indicator", { exact: true }).click();
  const create = manager.getByRole("form", { name: "New indicator" });
  await waitForHydration(create);
  // No code, no name, a baseline value that is not a number, and an end target date before the baseline date.
  await create.getByLabel("Baseline value").fill("about ten");
  await create.getByLabel("Baseline date").fill("1 Jan 2027");
  await create.getByLabel("End target date").fill("31 Dec 2026");
  await create.getByRole("button", { name: "Create indicator" }).click();
  await expect(create.getByText("Enter a code.")).toBeVisible();
  await expect(create.getByText("Enter a name.")).toBeVisible();
  await expect(create.getByText("Enter a valid number.")).toBeVisible();
  // The cross-field rule is there on the first submit too.
  await expect(create.getByText("The end target date must be after the baseline date.")).toBeVisible();
  await expect(create.getByLabel("Code", { exact: true })).toBeFocused();

  // The value form: no period and no value — both errors, focus on the period.
  const path = await createQuarterlyIndicator(manager, project);
  await manager.goto(path);
  const form = manager.getByTestId("value-form");
  await waitForHydration(form);
  await form.getByLabel("Evidence links").fill("ftp://files.example.kz/x.pdf");
  await form.getByRole("button", { name: "Report value" }).click();
  await expect(form.getByText("Choose the period this value is for.")).toBeVisible();
  await expect(form.getByText("Enter a number.")).toBeVisible();
  await expect(form.locator(".field-error")).toHaveCount(3);
  await expect(form.getByLabel("Reporting period")).toBeFocused();
  await manager.context().close();
});
