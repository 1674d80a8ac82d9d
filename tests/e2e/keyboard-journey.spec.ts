// The daily review workflow with the keyboard alone: an officer submits a milestone update and a manager approves
// it using only Tab, Shift+Tab, Enter, Space and the arrow keys (no click, no fill). The setup (a project, its team
// and a milestone of the test's own) goes through the usual helpers; the journey itself touches no mouse.
import { randomUUID } from "node:crypto";
import { expect, test, type Locator, type Page } from "@playwright/test";
import {
  addToTeam,
  createOwnProject,
  DEMO_USERS,
  signedInPage,
  waitForHydration,
  createDelayedMilestone,
} from "./fixtures";

// Three people and a project set up through the browser: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 90_000 });

/** What has the focus, for a failure's message. */
function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "the page itself";
    const name = el.getAttribute("aria-label") ?? el.textContent?.trim().slice(0, 40) ?? "";
    return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}> ${name}`;
  });
}

/**
 * Presses Tab (Shift+Tab with `backwards`) until `target` has the focus, as someone moving through the page would:
 * fails when the target is not reached in the page's tab order within `max` presses.
 */
async function tabTo(page: Page, target: Locator, { backwards = false, max = 400 } = {}) {
  for (let presses = 0; presses <= max; presses++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  throw new Error(`Not reached with the keyboard in ${max} presses; the focus is on ${await describeFocus(page)}`);
}

/** Moves a focused <select> with the arrow keys until it shows `value` (Chromium changes a closed select in place). */
async function arrowToOption(page: Page, select: Locator, value: string) {
  const options = await select.locator("option").evaluateAll((all) => all.map((o) => (o as HTMLOptionElement).value));
  const from = options.indexOf(await select.inputValue());
  const to = options.indexOf(value);
  expect(to, `option ${value}`).toBeGreaterThanOrEqual(0);
  for (let step = 0; step < Math.abs(to - from); step++) await page.keyboard.press(to > from ? "ArrowDown" : "ArrowUp");
  await expect(select).toHaveValue(value);
}

test("an officer submits a milestone update and a manager approves it, with the keyboard alone", async ({
  browser,
}) => {
  // Setup: wb.manager's own project with wb.officer on its team, and a delayed milestone on it.
  const run = randomUUID().slice(0, 8);
  const manager = await signedInPage(browser, "wb.manager");
  const project = await createOwnProject(manager, `Keyboard journey (${run})`);
  const admin = await signedInPage(browser, "admin");
  await addToTeam(admin, project.id, DEMO_USERS["wb.officer"].email);
  await admin.context().close();
  const title = `Weigh stations commissioned (${project.code})`;
  const milestonePath = await createDelayedMilestone(manager, project.id, title);

  // 1. The officer opens the milestone, skips the navigation with the skip link and fills the update form.
  const officer = await signedInPage(browser, "wb.officer");
  await officer.goto(milestonePath);
  const form = officer.getByTestId("update-form");
  await expect(form).toHaveAttribute("data-hydrated", "true");
  await officer.keyboard.press("Tab");
  await expect(officer.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await officer.keyboard.press("Enter");
  const status = form.getByLabel("New status");
  await tabTo(officer, status);
  await arrowToOption(officer, status, "COMPLETED");
  await officer.keyboard.press("Tab");
  const percent = form.getByLabel("Percent complete (0–100)");
  await expect(percent).toBeFocused();
  await officer.keyboard.press("ControlOrMeta+A");
  await officer.keyboard.type("100");
  const narrative = form.getByLabel("Narrative");
  await tabTo(officer, narrative);
  await officer.keyboard.type("Both weigh stations commissioned and calibrated.");
  // Back to check the percent once more, then on to the button.
  await tabTo(officer, percent, { backwards: true });
  await expect(percent).toHaveValue("100");
  await tabTo(officer, form.getByRole("button", { name: "Submit for review" }));
  await officer.keyboard.press("Enter");
  await expect(officer.getByTestId("flash")).toHaveText("Update submitted for review.");
  await expect(officer.getByTestId("pending-mine")).toBeVisible();

  // 2. The manager finds it in the review queue and approves it with the space bar.
  await manager.goto(`/reviews?project=${project.code}`);
  const item = manager
    .getByTestId("review-item")
    .filter({ hasText: title })
    .filter({ hasText: "Submitted by Aliya Zhaksylykova" });
  await expect(item).toHaveCount(1);
  await waitForHydration(item.getByRole("button", { name: "Approve" }));
  await tabTo(manager, item.getByRole("button", { name: "Approve" }));
  await manager.keyboard.press("Space");
  await expect(manager.getByTestId("flash")).toHaveText("Approved.");

  // The milestone now shows the approved update.
  await manager.goto(milestonePath);
  await expect(manager.getByTestId("milestone-status")).toContainText("Completed");
  await expect(manager.getByTestId("milestone-percent")).toContainText("100%");
  await officer.context().close();
  await manager.context().close();
});
