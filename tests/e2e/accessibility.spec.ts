// Accessibility: axe (WCAG 2.0, 2.1 and 2.2, levels A and AA) on every page each role can open, expecting no
// violation. The pages come from the route table the permission-matrix test also reads (app/lib/route-access.ts):
// a page whose loader the role may not pass is left out for that role, and a route file missing from the list
// below fails the first test, so a new page is checked from the day it is added.
import { readdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { ROUTE_ACCESS } from "../../app/lib/route-access";
import { DEMO_PASSWORD, signedInPage, signIn, waitForHydration } from "./fixtures";
import { NOT_PAGES, PAGES, pagesFor, readFixture, ROLES_CHECKED } from "./page-catalog";

const WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * Opens every <details> (folded forms and data tables are content too), runs axe and describes each violation
 * in one line: rule, impact, and the elements it found.
 */
async function violationsOn(page: Page): Promise<string[]> {
  await waitForHydration(page.locator("main#main"));
  await page.locator("details").evaluateAll((all) => all.forEach((details) => details.setAttribute("open", "")));
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  const path = new URL(page.url()).pathname;
  return results.violations.map(
    (violation) =>
      `${path}: ${violation.id} (${violation.impact ?? "?"}) — ${violation.nodes
        .map((node) => node.target.join(" "))
        .slice(0, 5)
        .join(", ")}${violation.nodes.length > 5 ? ` … ${violation.nodes.length} elements` : ""}`,
  );
}

async function checkPages(page: Page, paths: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(400);
    found.push(...(await violationsOn(page)));
  }
  return found;
}

// Roles are independent (each its own browser context): let the workers share them. axe takes seconds on the
// longest pages (the history lists) and an administrator opens some thirty pages, hence the time allowed.
test.describe.configure({ mode: "parallel", timeout: 240_000 });

test("every route file is a page checked here or named as not a page", () => {
  const listed = new Set([...Object.keys(PAGES), ...Object.keys(NOT_PAGES)]);
  const files = readdirSync("app/routes").map((file) => `routes/${file}`);
  expect(files.filter((file) => !listed.has(file))).toEqual([]);
  expect(Object.keys(ROUTE_ACCESS).filter((file) => !listed.has(file))).toEqual([]);
  expect([...listed].filter((file) => !(file in ROUTE_ACCESS))).toEqual([]);
});

test("the sign-in page (also with its error) and a 404 page, signed out", async ({ page }) => {
  expect(
    await checkPages(page, [
      "/login",
      "/login?sso=unknownAccount",
      "/forgot-password",
      "/invite?token=x",
      "/reset-password?token=x",
    ]),
  ).toEqual([]);
  // An account that does not exist: the refusal is shown, and no demo account collects a failed attempt.
  await signIn(page, "nobody-at-all@qadam.test", DEMO_PASSWORD);
  await expect(page.getByTestId("login-error")).toBeVisible();
  expect(await violationsOn(page)).toEqual([]);
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  expect(await violationsOn(page)).toEqual([]);
});

for (const key of ROLES_CHECKED) {
  test(`every page ${key} can open has no WCAG 2.2 AA violation`, async ({ browser }: { browser: Browser }) => {
    const fixture = await readFixture();
    const { ids } = fixture;
    const paths = pagesFor(fixture, key);
    const page = await signedInPage(browser, key);
    const found = await checkPages(page, paths);
    // A 404 page for a record that does not exist, signed in (the header and navigation are on it too).
    const response = await page.goto(`/projects/${ids.project}/milestones/no-such-milestone`);
    expect(response?.status()).toBe(404);
    found.push(...(await violationsOn(page)));
    await page.context().close();
    expect(found).toEqual([]);
  });
}

test("charts are named images or groups, each with its data as a table", async ({ browser }) => {
  const { ids } = await readFixture();
  const page = await signedInPage(browser, "wb.manager");

  // The indicator chart: one named image, no unnamed tab stop inside it, and its data in a table.
  await page.goto(`/projects/${ids.project}/indicators/${ids.indicator}`);
  const chart = page.getByTestId("indicator-chart");
  await expect(chart).toHaveAttribute("role", "img");
  await expect(chart).toHaveAttribute("aria-label", /^Chart of .+: baseline, targets, verified actuals/);
  await expect(chart.locator(".recharts-line").first()).toBeAttached();
  await expect(chart.locator('[tabindex="0"], [role="application"]')).toHaveCount(0);
  await page.getByText("Chart data", { exact: true }).press("Enter");
  await expect(page.getByTestId("chart-data").locator("tbody tr").first()).toBeVisible();

  // The milestone timeline: a named group of named rows, and the milestone table captioned as its data.
  await page.goto(`/projects/${ids.project}/milestones`);
  const timeline = page.getByRole("group", { name: /^Timeline of \d+ milestones/ });
  const rows = timeline.getByRole("img");
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);
  await expect(rows.first()).toHaveAccessibleName(/baseline .+, current due .+% complete$/);
  const table = page.getByRole("table", { name: /the timeline's data as a table/ });
  await expect(table.locator("tbody tr")).toHaveCount(count);

  // The envelope bars: each names both shares it draws, next to the figures they are drawn from.
  await page.goto("/frameworks");
  const bar = page.getByRole("img", { name: /^Committed: .+ of the envelope; pipeline: / }).first();
  await expect(bar).toBeVisible();
  await expect(page.locator(".envelope").first().locator("dt")).toContainText(["Committed (active and closed)"]);
  await page.context().close();
});
