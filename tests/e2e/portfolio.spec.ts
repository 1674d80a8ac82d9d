// The portfolio views in the browser: the status board (colours with reasons, filters in the URL), the CPF view,
// "who hasn't reported" and the officer's home with a returned submission. Read-only: safe beside other specs.
import { expect, test } from "@playwright/test";
import { loginAs, openE2eDb } from "./fixtures";

test("status board: counts per colour and area, one colour's list with reasons, filters kept in the URL", async ({
  page,
}) => {
  await loginAs(page, "wb.manager");
  await page.getByRole("link", { name: "Status board", exact: true }).first().click();
  await expect(page).toHaveURL(/\/board$/);

  // Counts per colour at the top, each opening that colour's list; counts per priority area below.
  const summary = page.getByTestId("board-summary");
  for (const colour of ["Red", "Amber", "Green", "Completed"]) {
    await expect(summary.getByRole("link", { name: new RegExp(`^${colour}: \\d+$`) })).toBeVisible();
  }
  await expect(page.getByTestId("board-areas").getByRole("row")).not.toHaveCount(0);
  // The worst colour's list opens first: the seed's problem project is red, and its card says why.
  const board = page.getByTestId("status-board");
  await expect(board).toHaveAttribute("data-colour", "RED");
  await expect(board.getByRole("heading", { level: 2, name: /^Red \(\d+\)$/ })).toBeVisible();
  const card = board.locator('[data-project-code="P199902"]');
  await expect(card).toBeVisible();
  await expect(card.locator('[data-reason="pdoIndicatorsFarBehind"]')).toContainText(
    "PDO indicators more than 25 points behind",
  );
  // A cancelled project is completed, with the reason.
  await summary.getByRole("link", { name: /^Completed: / }).click();
  await expect(page).toHaveURL(/colour=COMPLETED/);
  await expect(board.getByRole("heading", { level: 2, name: /^Completed \(\d+\)$/ })).toBeVisible();
  await expect(board.locator('[data-project-code="P170365"]')).toContainText("Cancelled.");

  // Filter by framework: the URL carries it, only that framework's projects remain, and a reload keeps the view.
  await page.getByLabel("Framework").selectOption({ label: "Country Partnership Framework 2026–2031" });
  await page.getByLabel("Project name or code").fill("P099270");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/frameworkId=.*q=P099270/);
  await expect(page.getByTestId("board-empty")).toBeVisible();
  await page.getByLabel("Project name or code").fill("P199911");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(board.locator('[data-project-code="P199911"]')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Framework")).toHaveValue(/.+/);
  await expect(board.locator('[data-project-code="P199911"]')).toBeVisible();

  // A World Bank manager asking for IFC-only projects sees none (filters narrow the scope, never widen it).
  await page.goto("/board?institution=IFC");
  await expect(page.getByTestId("board-empty")).toBeVisible();
  // A malformed filter is a 400, not a 500.
  expect((await page.goto("/board?institution=NASA"))?.status()).toBe(400);
  expect((await page.goto("/board?colour=PURPLE"))?.status()).toBe(400);
});

test("CPF view: envelope × years against commitments, area by area", async ({ page }) => {
  await loginAs(page, "admin");
  await page.goto("/frameworks");
  const cpf = page.locator('[data-framework-code="CPF-2020-2025"]');
  // (Compact money differs between ICU builds: "US$700m" in Node, "$700M" in Chromium.)
  await expect(cpf).toContainText(/\$700\s?m a year × 5 years = (US)?\$3\.5\s?(bn|B)/i);
  await expect(cpf.getByTestId("committed")).toHaveText(/\$4\.2\s?(bn|B) \(120%\)$/);
  // Past the envelope: said in words and drawn past the envelope's mark, never a silently full bar.
  await expect(cpf.getByTestId("over-envelope")).toHaveText(/^Over the envelope by (US)?\$700\s?(m|M)$/);
  await cpf.getByRole("link", { name: "Country Partnership Framework 2020–2025" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Country Partnership Framework 2020–2025" })).toBeVisible();
  const area = page.locator('[data-area-code="FA3"]');
  await expect(area.locator('[data-project-code="P086592"]')).toBeVisible();
  await expect(area.getByTestId("area-progress")).toContainText("mean of");
});

test("who hasn't reported: grouped by project or officer, overdue highlighted", async ({ page }) => {
  await loginAs(page, "wb.officer");
  await page.getByRole("link", { name: "Who hasn't reported" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Who hasn't reported" })).toBeVisible();
  await expect(page.getByText("Current quarter: Q4 2026 (1 Oct 2026 – 31 Dec 2026)")).toBeVisible();
  const overdue = page.locator("tr[data-overdue=true]").first();
  await expect(overdue).toBeVisible();
  await expect(overdue).toContainText("Overdue");

  await page.getByLabel("Group by").selectOption("officer");
  await page.getByLabel("Only items I am responsible for").check();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/groupBy=officer/);
  await expect(page).toHaveURL(/mine=1/);
  // Only the officer's own group is left.
  await expect(page.locator("section[data-group]")).toHaveCount(1);
  await expect(page.locator("section[data-group] h2")).toContainText("Aliya Zhaksylykova");
});

test("officer home: the returned submission with the reviewer's comment and a link to correct it", async ({ page }) => {
  const db = openE2eDb();
  let comment = "";
  try {
    const row = await db.execute(
      "SELECT v.reviewComment AS c FROM IndicatorValue v JOIN User u ON u.id = v.reporterId WHERE u.email = 'wb.officer@qadam.test' AND v.state = 'RETURNED' LIMIT 1",
    );
    comment = String(row.rows[0]?.c ?? "");
  } finally {
    db.close();
  }
  // No spec changes demo records, so the seed's returned value is still there.
  expect(comment, "the seed returns one of wb.officer's values").not.toBe("");

  await loginAs(page, "wb.officer");
  const returned = page.getByTestId("returned-submissions");
  // The home lists returned items (capped): the seeded value is among them, with its comment, and its own
  // "Correct and resubmit" opens the indicator with the returned value in the form.
  const item = returned
    .locator("li")
    .filter({ has: page.locator(".review-comment", { hasText: comment }) })
    .first();
  await expect(item.locator(".review-comment")).toHaveText(comment);
  await item.getByRole("link", { name: "Correct and resubmit" }).click();
  await expect(page).toHaveURL(/\/projects\/[^/]+\/indicators\/[^/?]+\?correct=[^&]+$/);
});

test("who hasn't reported is paged: 'showing N of M', a pager that keeps the grouping, counts stay whole", async ({
  page,
}) => {
  await loginAs(page, "admin");
  await page.goto("/reporting?groupBy=officer");
  const totals = await page.getByTestId("reporting-totals").textContent();
  await expect(page.getByTestId("showing-note")).toHaveText(/^Showing 1–25 of \d+\.$/);
  await expect(page.locator("tr[data-item-id]")).toHaveCount(25);
  const pager = page.getByRole("navigation", { name: "Pages" });
  await pager.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/groupBy=officer/);
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByTestId("showing-note")).toHaveText(/^Showing 26–/);
  await expect(page.getByTestId("reporting-totals")).toHaveText(totals ?? "");
  await expect(page.getByLabel("Group by")).toHaveValue("officer");
  await pager.getByRole("link", { name: "Previous page" }).click();
  await expect(page.getByTestId("showing-note")).toHaveText(/^Showing 1–25 of/);
  // A page past the end shows the last page rather than an empty list.
  await page.goto("/reporting?groupBy=officer&page=9999");
  await expect(page.locator("tr[data-item-id]").first()).toBeVisible();
  await expect(pager.getByRole("link", { name: "Next page" })).toHaveCount(0);
});
