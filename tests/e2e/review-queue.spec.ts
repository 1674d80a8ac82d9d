// The review queue as a manager works through it: Approve and Return for correction look different, a decision
// keeps the reader's place (no jump to the top), leaves a note where the item was and moves focus to the next
// item, and the sticky "Approve selected" bar never covers the item being read — on a laptop (1280 px) and on a
// phone (390 px).
//
// The items decided here are milestone updates of a project of the test's own; the queue also lists the demo
// portfolio's and other specs' items, which this test reads but never decides.
import { randomUUID } from "node:crypto";
import { expect, test, type Locator, type Page } from "@playwright/test";
import {
  addToTeam,
  createDelayedMilestone,
  createOwnProject,
  DEMO_USERS,
  signedInPage,
  waitForHydration,
} from "./fixtures";

test.describe.configure({ timeout: 150_000 });

/** Aliya (wb.officer) proposes "In progress, 50%" for a milestone. */
async function submitUpdate(officer: Page, milestonePath: string) {
  await officer.goto(milestonePath);
  const form = officer.getByTestId("update-form");
  await expect(form).toHaveAttribute("data-hydrated", "true");
  await form.getByLabel("New status").selectOption("IN_PROGRESS");
  await form.getByLabel("Percent complete (0–100)").fill("50");
  await form.getByLabel("Narrative").fill("Works resumed after the winter break.");
  await form.getByRole("button", { name: "Submit for review" }).click();
  await expect(officer.getByTestId("flash")).toHaveText("Update submitted for review.");
}

/** The queue item of a milestone of this test's own. */
function itemOf(manager: Page, title: string): Locator {
  return manager.getByTestId("review-item").filter({ hasText: title });
}

/** The id of the item listed right after `item` (the one that moves up into its place once it is decided). */
async function nextItemId(item: Locator): Promise<string> {
  const id = await item.evaluate((li) => {
    let next = li.nextElementSibling;
    while (next && next.getAttribute("data-testid") !== "review-item") next = next.nextElementSibling;
    return next?.getAttribute("data-item-id") ?? "";
  });
  expect(id, "another item follows the one decided").not.toBe("");
  return id;
}

/** Top of `element` and bottom of the sticky bar, in viewport pixels. */
async function topAndBarBottom(page: Page, element: Locator) {
  const top = await element.evaluate((el) => el.getBoundingClientRect().top);
  const barBottom = await page.getByRole("form", { name: "Approve selected" }).evaluate((bar) => {
    return bar.getBoundingClientRect().bottom;
  });
  return { top, barBottom };
}

/** Decides `item` with `button` after scrolling it to the middle of the screen, and checks the page kept its place. */
async function decideInPlace(manager: Page, item: Locator, button: Locator, note: string) {
  const nextId = await nextItemId(item);
  await item.evaluate((li) => li.scrollIntoView({ block: "center" }));
  const scrolled = await manager.evaluate(() => window.scrollY);
  expect(scrolled, "the item is below the first screen").toBeGreaterThan(100);
  await button.click();
  await expect(manager.getByTestId("flash")).toBeAttached();
  await expect(item).toHaveCount(0);

  // The note sits where the item was, the next item follows it and has the focus; the page did not jump.
  const done = manager.getByTestId("review-done");
  await expect(done).toHaveText(note);
  await expect(done).toBeInViewport();
  const nextHeading = manager.locator(`#review-${nextId}`);
  await expect(nextHeading).toBeFocused();
  await expect(nextHeading).toBeInViewport();
  const after = await manager.evaluate(() => window.scrollY);
  expect(Math.abs(after - scrolled), "the page keeps the reader's place").toBeLessThan(400);
  // Neither the note nor the focused item is under the sticky bar.
  for (const element of [done, nextHeading]) {
    const { top, barBottom } = await topAndBarBottom(manager, element);
    expect(top).toBeGreaterThanOrEqual(barBottom);
  }
}

test("a manager works through the queue: the buttons differ, each decision keeps the place and focuses the next item, the bar never covers it (1280 and 390 px)", async ({
  browser,
}) => {
  const run = randomUUID().slice(0, 8);
  const manager = await signedInPage(browser, "wb.manager");
  const project = await createOwnProject(manager, `Review queue walk (${run})`);
  const admin = await signedInPage(browser, "admin");
  await addToTeam(admin, project.id, DEMO_USERS["wb.officer"].email);
  await admin.context().close();
  const officer = await signedInPage(browser, "wb.officer");
  const titles = ["first", "second", "third"].map((n) => `Queue walk: ${n} culvert rebuilt (${project.code})`);
  for (const title of titles) await submitUpdate(officer, await createDelayedMilestone(manager, project.id, title));
  await officer.context().close();

  // 1280 px. The two decisions look different: Approve is filled, Return for correction is outlined in red.
  await manager.setViewportSize({ width: 1280, height: 800 });
  await manager.goto(`/reviews?project=${project.code}`);
  const first = itemOf(manager, titles[0]);
  await expect(first).toHaveCount(1);
  await waitForHydration(first.getByRole("button", { name: "Approve" }));
  await expect(first.getByRole("button", { name: "Approve" })).toHaveAccessibleDescription(
    /Approve: the milestone takes the proposed status, percent complete and due date\. Return for correction: Aliya Zhaksylykova gets it back/,
  );
  const looks = async (button: Locator) =>
    button.evaluate((el) => {
      const style = getComputedStyle(el);
      return { background: style.backgroundColor, colour: style.color, border: style.borderTopColor };
    });
  const approveLook = await looks(first.getByRole("button", { name: "Approve" }));
  const returnLook = await looks(first.getByRole("button", { name: "Return for correction" }));
  expect(approveLook.background).not.toBe(returnLook.background);
  expect(approveLook.colour).toBe("rgb(255, 255, 255)");
  expect(returnLook.background).toBe("rgb(255, 255, 255)");
  expect(returnLook.colour).toBe("rgb(180, 35, 24)");
  expect(returnLook.border).toBe("rgb(180, 35, 24)");

  // The sticky bar stays one short row and a heading scrolled to the top of the screen stays below it.
  const bar = manager.getByRole("form", { name: "Approve selected" });
  expect((await bar.boundingBox())?.height ?? 999).toBeLessThan(100);
  await first.locator("h2").evaluate((h) => h.scrollIntoView({ block: "start" }));
  let edge = await topAndBarBottom(manager, first.locator("h2"));
  expect(edge.top).toBeGreaterThanOrEqual(edge.barBottom);

  // Approve the first: the place is kept, the next item has the focus.
  await decideInPlace(
    manager,
    first,
    first.getByRole("button", { name: "Approve" }),
    `Approved: “${titles[0]}”. The next item follows.`,
  );

  // 390 px: the bar still leaves the item visible, and keyboard focus moving up the page lands below the bar.
  await manager.setViewportSize({ width: 390, height: 844 });
  const second = itemOf(manager, titles[1]);
  expect((await bar.boundingBox())?.height ?? 999).toBeLessThan(844 / 5);
  const comment = second.getByLabel("Comment (required to return)");
  await second.getByRole("button", { name: "Approve" }).focus();
  await manager.evaluate(() => window.scrollBy(0, 600));
  await manager.keyboard.press("Shift+Tab");
  await expect(comment).toBeFocused();
  edge = await topAndBarBottom(manager, comment);
  expect(edge.top).toBeGreaterThanOrEqual(edge.barBottom);

  // Return the second for correction, with a comment: the same place-keeping and focus.
  await comment.fill("Attach the site engineer's photos.");
  await decideInPlace(
    manager,
    second,
    second.getByRole("button", { name: "Return for correction" }),
    `Returned to Aliya Zhaksylykova: “${titles[1]}”. The next item follows.`,
  );
  await expect(manager.getByTestId("flash")).toHaveText("Returned to the author with your comment.");
  // One note at a time: the latest decision's.
  await expect(manager.getByTestId("review-done")).toHaveCount(1);
  await manager.context().close();
});

test("the queue says how many of each kind wait, and a page past the end shows the last page", async ({ browser }) => {
  const manager = await signedInPage(browser, "wb.manager");
  await manager.goto("/reviews?page=9999");
  await expect(manager.getByTestId("review-count")).toContainText(/Milestone updates: \d+\. Indicator values: \d+\./);
  await expect(manager.getByTestId("review-item").first()).toBeVisible();
  await manager.goto("/reviews?page=nine");
  await expect(manager.getByRole("heading", { level: 1 })).not.toHaveText("Review queue");
});
