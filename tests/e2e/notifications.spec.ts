// In-app notifications in the browser: after a manager returns an officer's update, the officer's bell counts it and
// the notifications page lists it under "Returned to you" with the comment and a link to the milestone; marking it
// read clears it. Works on a project of the test's own (created by wb.manager, wb.officer on its team).
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { addToTeam, createDelayedMilestone, createOwnProject, DEMO_USERS, signedInPage } from "./fixtures";

test.describe.configure({ timeout: 90_000 });

test("bell count and notifications list after a return; mark as read", async ({ browser }) => {
  const run = randomUUID().slice(0, 8);
  const manager = await signedInPage(browser, "wb.manager");
  const project = await createOwnProject(manager, `Notifications journey (${run})`);
  const admin = await signedInPage(browser, "admin");
  await addToTeam(admin, project.id, DEMO_USERS["wb.officer"].email);
  await admin.context().close();
  const title = `Bridge design approved (${project.code})`;
  const milestonePath = await createDelayedMilestone(manager, project.id, title);

  // The officer starts with nothing unread (other journeys may notify the same demo officer: clear them first).
  const officer = await signedInPage(browser, "wb.officer");
  await officer.goto("/notifications");
  const markAll = officer.getByRole("button", { name: "Mark all as read" });
  if (await markAll.isVisible()) await markAll.click();
  await expect(officer.getByTestId("notification-count")).toHaveCount(0);

  await officer.goto(milestonePath);
  const form = officer.getByTestId("update-form");
  await expect(form).toHaveAttribute("data-hydrated", "true");
  await form.getByLabel("New status").selectOption("IN_PROGRESS");
  await form.getByLabel("Percent complete (0–100)").fill("60");
  await form.getByLabel("Narrative").fill("Design review held with the contractor.");
  await form.getByRole("button", { name: "Submit for review" }).click();
  await expect(officer.getByTestId("flash")).toHaveText("Update submitted for review.");

  // The manager on the team hears about it, then returns it.
  await manager.goto("/notifications");
  await expect(manager.locator('[data-kind="awaitingReview"]').filter({ hasText: title }).first()).toContainText(
    "Waiting for your review",
  );
  await manager.goto(`/reviews?project=${project.code}`);
  const item = manager.getByTestId("review-item").filter({ hasText: title });
  await item.getByLabel("Comment (required to return)").fill("Attach the signed design review protocol.");
  await item.getByRole("button", { name: "Return" }).click();
  await expect(manager.getByTestId("flash")).toHaveText("Returned to the author with your comment.");

  await officer.goto("/");
  const bell = officer.getByTestId("notification-bell");
  await expect(officer.getByTestId("notification-count")).not.toHaveCount(0);
  await expect(bell).toHaveAttribute("aria-label", /Notifications, \d+ unread/);
  await bell.click();
  await expect(officer).toHaveURL(/\/notifications$/);
  const returned = officer.locator('[data-kind="returned"]').filter({ hasText: title });
  await expect(returned).toHaveClass(/unread/);
  await expect(returned).toContainText("Returned to you");
  await expect(returned).toContainText("Comment: Attach the signed design review protocol.");
  await expect(returned).toContainText(`Project: ${project.name} (${project.code})`);
  await expect(returned.getByRole("link", { name: title })).toHaveAttribute("href", milestonePath);

  await returned.getByRole("button", { name: "Mark as read" }).click();
  await expect(officer.getByTestId("flash")).toHaveText("The notification is marked as read.");
  await expect(officer.locator('[data-kind="returned"]').filter({ hasText: title })).not.toHaveClass(/unread/);

  // In Russian the same page speaks Russian.
  await officer.getByLabel("Language").selectOption("ru");
  await expect(officer.getByRole("heading", { name: "Уведомления" })).toBeVisible();
  await expect(officer.locator('[data-kind="returned"]').filter({ hasText: title })).toContainText("Возвращено вам");
  await officer.getByLabel("Язык").selectOption("en");

  await officer.context().close();
  await manager.context().close();
});
