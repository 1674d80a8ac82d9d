// The daily review workflow end to end, in the browser:
// (1) an officer submits a milestone update → a manager returns it with a comment → the officer sees the comment,
//     corrects and resubmits → the manager approves → the milestone, its update history, the status board and the
//     audit history all reflect it;
// (2) an officer reports an indicator value → a manager verifies it → the progress and the chart data change.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { loginAs, openE2eDb, type DemoUserKey } from "./fixtures";

async function queryOne(sql: string, args: string[]): Promise<Record<string, unknown>> {
  const db = openE2eDb();
  try {
    const result = await db.execute({ sql, args });
    if (!result.rows[0]) throw new Error(`no row for ${sql} ${args.join(",")}`);
    return result.rows[0] as Record<string, unknown>;
  } finally {
    db.close();
  }
}

async function signedIn(browser: Browser, key: DemoUserKey): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginAs(page, key);
  return page;
}

test("milestone update: submit → return with comment → correct and resubmit → approve; milestone, board and history reflect it", async ({
  browser,
}) => {
  // P128050 (East-West Roads): wb.officer is on the team; "Two interchanges…" is DELAYED and overdue (due 31 Oct 2026),
  // which puts the project's "overdue milestones" reason on the board.
  const title = "Two interchanges at the Almaty ring road completed";
  const m = await queryOne(
    `SELECT m.id, m.projectId FROM "Milestone" m JOIN "Project" p ON p.id = m.projectId WHERE p.code = 'P128050' AND m.title = ?`,
    [title],
  );
  const milestonePath = `/projects/${String(m.projectId)}/milestones/${String(m.id)}`;
  const officer = await signedIn(browser, "wb.officer");
  const manager = await signedIn(browser, "wb.manager");

  // The board before: P128050 carries the overdue-milestone reason.
  await manager.goto("/board");
  const card = manager.locator('.board-card[data-project-code="P128050"]');
  await expect(card.locator('[data-reason="milestonesOverdue"]')).toBeVisible();

  // 1. The officer submits. A later date without a reason is refused in the browser first.
  await officer.goto(milestonePath);
  const form = officer.getByTestId("update-form");
  await expect(form).toHaveAttribute("data-hydrated", "true");
  await form.getByLabel("New status").selectOption("COMPLETED");
  await form.getByLabel("Percent complete (0–100)").fill("100");
  await form.getByLabel("Revised due date (optional)").fill("2026-11-20");
  await form.getByLabel("Narrative").fill("Both interchanges open to traffic since 18 November.");
  await form.getByRole("button", { name: "Submit for review" }).click();
  await expect(form.getByText("Give a reason: the revised date is later than the current due date.")).toBeVisible();
  await form.getByLabel("Reason for the revised date").fill("Ramp paving finished after the early frost.");
  await form.getByRole("button", { name: "Submit for review" }).click();
  await expect(officer.getByTestId("flash")).toHaveText("Update submitted for review.");
  await expect(officer.getByTestId("pending-mine")).toBeVisible();

  // 2. The manager returns it with a comment.
  await manager.goto("/reviews");
  const item = manager
    .getByTestId("review-item")
    .filter({ hasText: title })
    .filter({ hasText: "Submitted by Aliya Zhaksylykova" });
  await expect(item).toHaveCount(1);
  await item.getByLabel("Comment (required to return)").fill("Attach the acceptance certificate for interchange 2.");
  await item.getByRole("button", { name: "Return" }).click();
  await expect(manager.getByTestId("flash")).toHaveText("Returned to the author with your comment.");

  // 3. The officer sees the comment, corrects and resubmits.
  await officer.goto(milestonePath);
  await expect(officer.getByTestId("returned-comment")).toContainText(
    "Attach the acceptance certificate for interchange 2.",
  );
  const resubmit = officer.getByTestId("resubmit-form");
  await expect(resubmit).toHaveAttribute("data-hydrated", "true");
  await expect(resubmit.getByLabel("Percent complete (0–100)")).toHaveValue("100");
  await resubmit.getByLabel("Evidence links").fill("https://files.example.kz/P128050/interchange-2-acceptance.pdf");
  await resubmit.getByRole("button", { name: "Correct and resubmit" }).click();
  await expect(officer.getByTestId("flash")).toHaveText("Update corrected and resubmitted for review.");

  // 4. The manager approves the resubmission.
  await manager.goto("/reviews");
  const again = manager
    .getByTestId("review-item")
    .filter({ hasText: title })
    .filter({ hasText: "Submitted by Aliya Zhaksylykova" });
  await expect(again).toContainText("Resubmitted after return");
  await again.getByRole("button", { name: "Approve" }).click();
  await expect(manager.getByTestId("flash")).toHaveText("Approved.");

  // The milestone: new status, percent and due date; the update history shows every step.
  await manager.goto(milestonePath);
  await expect(manager.getByTestId("milestone-status")).toContainText("Completed");
  await expect(manager.getByTestId("milestone-status")).not.toContainText("Overdue");
  await expect(manager.getByTestId("milestone-percent")).toContainText("100%");
  await expect(manager.getByTestId("milestone-current")).toHaveText("20 Nov 2026");
  const history = manager
    .getByTestId("update-history")
    .locator('li[data-state="APPROVED"]')
    .filter({ hasText: "Aliya Zhaksylykova" })
    .first();
  await expect(history.locator("[data-step]")).toHaveCount(4);
  await expect(history.locator("[data-step]")).toHaveText([
    /Submitted by Aliya Zhaksylykova/,
    /Returned by Daniyar Seitkali.*Attach the acceptance certificate for interchange 2\./,
    /Resubmitted by Aliya Zhaksylykova/,
    /Approved by Daniyar Seitkali/,
  ]);

  // The officer sees the same on their side.
  await officer.goto(milestonePath);
  await expect(officer.getByTestId("milestone-status")).toContainText("Completed");
  await expect(officer.getByTestId("history-link")).toHaveCount(0);

  // The status board no longer lists an overdue milestone for the project.
  await manager.goto("/board");
  await expect(manager.locator('.board-card[data-project-code="P128050"]')).toBeVisible();
  await expect(
    manager.locator('.board-card[data-project-code="P128050"] [data-reason="milestonesOverdue"]'),
  ).toHaveCount(0);

  // The audit history of the milestone shows the approved change (the link on the milestone page leads there).
  await manager.goto(milestonePath);
  await manager.getByTestId("history-link").click();
  await expect(manager).toHaveURL(new RegExp(`entityId=${String(m.id)}`));
  await expect(manager.locator(".event-action", { hasText: "milestone.applyUpdate" })).toHaveCount(1);
  await expect(manager.getByText("Ramp paving finished after the early frost.").first()).toBeVisible();
});

test("indicator value: an officer reports, a manager verifies, progress and chart data change", async ({ browser }) => {
  // P500565 (TRACE): km reconstructed, baseline 0, end target 520 km; wb.officer is on the team.
  const ind = await queryOne(
    `SELECT i.id, i.projectId FROM "Indicator" i JOIN "Project" p ON p.id = i.projectId WHERE p.code = 'P500565' AND i.code = 'TRACE_KM_RECONSTRUCTED'`,
    [],
  );
  const path = `/projects/${String(ind.projectId)}/indicators/${String(ind.id)}`;
  const officer = await signedIn(browser, "wb.officer");
  const manager = await signedIn(browser, "wb.manager");

  await manager.goto(path);
  const progress = manager.getByTestId("indicator-progress");
  const before = (await progress.textContent()) ?? "";
  expect(before).not.toContain("50%");

  // The officer reports 260 km for Jan–Oct 2026.
  await officer.goto(path);
  const form = officer.getByTestId("value-form");
  await expect(form).toHaveAttribute("data-hydrated", "true");
  await form.getByLabel("Period start").fill("2026-01-01");
  await form.getByLabel("Period end").fill("2026-10-31");
  await form.getByLabel("Value (km)").fill("260");
  await form.getByLabel("Comment").fill("Lots 1–2: 260 km accepted by the supervision engineer.");
  await form.getByLabel("Evidence links").fill("https://files.example.kz/P500565/acceptance-oct-2026.pdf");
  await form.getByRole("button", { name: "Report value" }).click();
  await expect(officer.getByTestId("flash")).toHaveText("Value reported for verification.");
  const row = officer.getByTestId("value-table").locator("tr", { hasText: "31 Oct 2026" });
  await expect(row).toContainText("Awaiting verification");
  // Not verified yet: progress unchanged.
  await expect(officer.getByTestId("indicator-progress")).toHaveText(before);

  // The manager verifies it on the indicator page.
  await manager.goto(path);
  const pending = manager.getByTestId("value-table").locator('tr[data-state="SUBMITTED"]', { hasText: "31 Oct 2026" });
  await pending.getByRole("button", { name: "Verify" }).click();
  await expect(manager.getByTestId("flash")).toHaveText("Value verified.");

  // Progress is now 260 / 520 = 50%, the latest verified actual is 260, the values table and the chart data show it.
  await expect(manager.getByTestId("indicator-progress")).toContainText("50%");
  await expect(manager.getByTestId("latest-actual")).toContainText("260");
  await expect(
    manager.getByTestId("value-table").locator('tr[data-state="VERIFIED"]', { hasText: "31 Oct 2026" }),
  ).toContainText("260");
  await manager.getByText("Chart data").click();
  await expect(
    manager.getByTestId("chart-data").locator('tr[data-series="actual"]', { hasText: "31 Oct 2026" }),
  ).toContainText("260");
  await expect(manager.getByTestId("chart-data").locator('tr[data-series="projection"]')).toHaveCount(2);
  await expect(manager.getByTestId("indicator-chart")).toBeVisible();
  await expect(manager.getByTestId("verdict")).toBeVisible();
});
