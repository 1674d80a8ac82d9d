// The daily review workflow end to end, in the browser:
// (1) an officer submits a milestone update → a manager returns it with a comment → the officer sees the comment,
//     corrects and resubmits → the manager approves → the milestone, its update history, the status board and the
//     audit history all reflect it;
// (2) an officer reports an indicator value → a manager verifies it → the progress and the chart data change.
// Each test works on a project of its own (created by wb.manager, with wb.officer on its team), so it can run any
// number of times, beside any other spec.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import {
  addToTeam,
  createOwnProject,
  DEMO_USERS,
  signedInPage,
  waitForHydration,
  type OwnProject,
  createDelayedMilestone,
} from "./fixtures";

// Three people and a project set up through the browser: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 60_000 });

type Cast = { officer: Page; manager: Page; project: OwnProject };

/** wb.manager creates a project of the test's own and the administrator puts wb.officer (Aliya) on its team. */
async function ownProjectWithTeam(browser: Browser, purpose: string): Promise<Cast> {
  const run = randomUUID().slice(0, 8);
  const manager = await signedInPage(browser, "wb.manager");
  const project = await createOwnProject(manager, `Workflow journey: ${purpose} (${run})`);
  const admin = await signedInPage(browser, "admin");
  await addToTeam(admin, project.id, DEMO_USERS["wb.officer"].email);
  await admin.context().close();
  const officer = await signedInPage(browser, "wb.officer");
  return { officer, manager, project };
}

async function closeAll({ officer, manager }: Cast) {
  await officer.context().close();
  await manager.context().close();
}

test("milestone update: submit → return with comment → correct and resubmit → approve; milestone, board and history reflect it", async ({
  browser,
}) => {
  const cast = await ownProjectWithTeam(browser, "milestone review");
  const { officer, manager, project } = cast;
  // An open milestone due on 31 Oct 2026, overdue by up to 90 days: the board gives the project the
  // "overdue milestones" reason.
  const title = `Two interchanges at the ring road completed (${project.code})`;
  const milestonePath = await createDelayedMilestone(manager, project.id, title);
  const milestoneId = milestonePath.split("/").pop() ?? "";

  // The board before (searched by the project's code: the board lists one colour at a time, and a search shows the
  // colour this project has): the project carries the overdue-milestone reason.
  await manager.goto(`/board?q=${project.code}`);
  const card = manager.locator(`.board-card[data-project-code="${project.code}"]`);
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
  await manager.goto(`/reviews?project=${project.code}`);
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
  await resubmit
    .getByLabel("Evidence links")
    .fill(`https://files.example.kz/${project.code}/interchange-2-acceptance.pdf`);
  await resubmit.getByRole("button", { name: "Correct and resubmit" }).click();
  await expect(officer.getByTestId("flash")).toHaveText("Update corrected and resubmitted for review.");

  // 4. The manager approves the resubmission.
  await manager.goto(`/reviews?project=${project.code}`);
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
  await manager.goto(`/board?q=${project.code}`);
  await expect(card).toBeVisible();
  await expect(card.locator('[data-reason="milestonesOverdue"]')).toHaveCount(0);

  // The audit history of the milestone shows the approved change (the link on the milestone page leads there).
  await manager.goto(milestonePath);
  await manager.getByTestId("history-link").click();
  await expect(manager).toHaveURL(new RegExp(`entityId=${milestoneId}`));
  await expect(manager.locator('li[data-action="milestone.applyUpdate"]')).toHaveCount(1);
  await expect(manager.locator('li[data-action="milestone.applyUpdate"] .event-line')).toContainText(
    `The update approved by Daniyar Seitkali changed the milestone “${title}” (${project.code})`,
  );
  const applied = manager.locator('li[data-action="milestone.applyUpdate"]');
  await applied.getByText("Details", { exact: true }).click();
  await expect(applied.getByText("Ramp paving finished after the early frost.").first()).toBeVisible();
  await closeAll(cast);
});

test("indicator value: an officer reports, a manager verifies, progress and chart data change", async ({ browser }) => {
  const cast = await ownProjectWithTeam(browser, "indicator verification");
  const { officer, manager, project } = cast;
  // Kilometres reconstructed: baseline 0 (15 Nov 2024), end target 520 km (30 Jun 2032), no value yet.
  await manager.goto(`/projects/${project.id}/indicators`);
  const create = manager.getByRole("form", { name: "New indicator" });
  await manager.getByText("New indicator", { exact: true }).click();
  await waitForHydration(create);
  await create.getByLabel("Code", { exact: true }).fill("KM_RECONSTRUCTED");
  await create.getByLabel("Name", { exact: true }).fill("Road reconstructed to category I–II standard");
  await create.getByLabel("Type", { exact: true }).selectOption("INTERMEDIATE");
  await create.getByLabel("Unit of measure").fill("km");
  await create.getByLabel("Baseline value").fill("0");
  await create.getByLabel("Baseline date").fill("2024-11-15");
  await create.getByLabel("End target value").fill("520");
  await create.getByLabel("End target date").fill("2032-06-30");
  await create.getByLabel("Reporting frequency").selectOption("SEMI_ANNUAL");
  await create.getByRole("button", { name: "Create indicator" }).click();
  await expect(manager.getByTestId("flash")).toHaveText("Indicator KM_RECONSTRUCTED created.");
  const path = new URL(manager.url()).pathname;

  await manager.goto(path);
  const progress = manager.getByTestId("indicator-progress");
  const before = (await progress.textContent()) ?? "";
  expect(before).not.toContain("50%");

  // The officer reports 260 km for the first half of 2026, picked from the indicator's semi-annual periods.
  await officer.goto(path);
  const form = officer.getByTestId("value-form");
  await expect(form).toHaveAttribute("data-hydrated", "true");
  await form.getByLabel("Reporting period").selectOption({ label: "H1 2026" });
  await form.getByLabel("Value (km)").fill("260");
  await form.getByLabel("Comment").fill("Lots 1–2: 260 km accepted by the supervision engineer.");
  await form.getByLabel("Evidence links").fill(`https://files.example.kz/${project.code}/acceptance-oct-2026.pdf`);
  await form.getByRole("button", { name: "Report value" }).click();
  await expect(officer.getByTestId("flash")).toHaveText("Value reported for verification.");
  const row = officer.getByTestId("value-table").locator("tr", { hasText: "H1 2026" });
  await expect(row).toContainText("Awaiting verification");
  // Not verified yet: progress unchanged.
  await expect(officer.getByTestId("indicator-progress")).toHaveText(before);

  // The manager verifies it on the indicator page.
  await manager.goto(path);
  const pending = manager.getByTestId("value-table").locator('tr[data-state="SUBMITTED"]', { hasText: "H1 2026" });
  await pending.getByRole("button", { name: "Approve" }).click();
  await expect(manager.getByTestId("flash")).toHaveText("Value verified.");

  // Progress is now 260 / 520 = 50%, the latest verified actual is 260, the values table and the chart data show it.
  await expect(manager.getByTestId("indicator-progress")).toContainText("50%");
  await expect(manager.getByTestId("latest-actual")).toContainText("260");
  await expect(
    manager.getByTestId("value-table").locator('tr[data-state="VERIFIED"]', { hasText: "H1 2026" }),
  ).toContainText("260");
  await manager.getByText("Chart data").click();
  await expect(
    manager.getByTestId("chart-data").locator('tr[data-series="actual"]', { hasText: "30 Jun 2026" }),
  ).toContainText("260");
  await expect(manager.getByTestId("chart-data").locator('tr[data-series="projection"]')).toHaveCount(2);
  await expect(manager.getByTestId("indicator-chart")).toBeVisible();
  await expect(manager.getByTestId("verdict")).toBeVisible();
  await closeAll(cast);
});
