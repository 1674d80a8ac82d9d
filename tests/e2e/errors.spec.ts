import { expect, test } from "@playwright/test";
import { loginAs, openE2eDb } from "./fixtures";

// Error pages name the request (the id the access log carries) and never show a stack trace.

test("a project out of scope is a 404 page with the request id", async ({ page }) => {
  const db = openE2eDb();
  const ifcProject = (await db.execute("SELECT id FROM Project WHERE institution = 'IFC' LIMIT 1")).rows[0].id;
  db.close();
  await loginAs(page, "wb.officer");
  const response = await page.goto(`/projects/${String(ifcProject)}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(page.getByTestId("request-id")).toHaveText(response!.headers()["x-request-id"]);
  await expect(page.locator("body")).not.toContainText(/\bat .+\.(js|ts):\d+/);
});

test("a page the role may not open is a 403 page with the request id", async ({ page }) => {
  await loginAs(page, "wb.officer");
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await expect(page.getByTestId("request-id")).toHaveText(response!.headers()["x-request-id"]);
});

test("a malformed query is a 400 page in the user's words, not the server's", async ({ page }) => {
  await loginAs(page, "wb.manager");
  const response = await page.goto("/projects?page=not-a-number");
  expect(response?.status()).toBe(400);
  await expect(page.getByRole("alert")).toContainText("The request was not valid.");
  await expect(page.locator("body")).not.toContainText("Invalid query");
});
