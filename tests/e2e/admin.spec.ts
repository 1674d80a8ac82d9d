// An administrator creates a user with an initial password; the new user signs in, must change it, then lands on
// their home. Also: a duplicate e-mail in another case is refused with a field error.
import { expect, test } from "@playwright/test";
import { loginAs, openE2eDb, signIn } from "./fixtures";

test("admin creates a user who must change the initial password at first sign-in", async ({ page, browser }) => {
  const email = `new.officer.${Date.now()}@qadam.test`;
  const initial = "initial-password-2026";
  const chosen = "my-own-password-2026";

  await loginAs(page, "admin");
  await page.getByRole("link", { name: "Administration", exact: true }).click();
  await expect(page.getByTestId("admin-overview")).toBeVisible();
  await page.getByRole("link", { name: "Create a user" }).first().click();
  await expect(page).toHaveURL(/\/admin\/users\/new$/);

  // A duplicate e-mail (different case) is refused with a field error, and the input is kept.
  const form = page.getByTestId("create-user-form");
  await form.getByLabel("E-mail").fill("WB.Manager@QADAM.test");
  await form.getByLabel("Name").fill("Someone Else");
  await form.getByLabel("Organisation").selectOption({ label: "Ministry of Transport" });
  await form.getByLabel("Initial password").fill(initial);
  await form.getByRole("button", { name: "Create the user" }).click();
  await expect(form.getByRole("alert")).toHaveText("A user with this e-mail address already exists.");
  await expect(form.getByLabel("Name")).toHaveValue("Someone Else");

  // A too-short password is caught before anything is sent.
  await form.getByLabel("E-mail").fill(email);
  await form.getByLabel("Name").fill("Aruzhan Testova");
  await form.getByLabel("Role").selectOption({ label: "Officer" });
  await form.getByLabel("Language").selectOption({ label: "English" });
  await form.getByLabel("Initial password").fill("short");
  await form.getByRole("button", { name: "Create the user" }).click();
  await expect(form.getByText("The initial password must be at least 12 characters long.")).toBeVisible();

  await form.getByLabel("Initial password").fill(initial);
  await form.getByRole("button", { name: "Create the user" }).click();
  await expect(page).toHaveURL(/\/admin\/users\/c[a-z0-9]+$/);
  await expect(page.getByTestId("flash")).toContainText(email);
  await expect(page.getByTestId("admin-user")).toContainText("Must change password");

  // The new user signs in with the initial password and is sent to change it.
  const context = await browser.newContext();
  const newcomer = await context.newPage();
  await signIn(newcomer, email.toUpperCase(), initial);
  await expect(newcomer).toHaveURL(/\/account\/password$/);
  await expect(newcomer.getByText("Please choose a new password before you continue.")).toBeVisible();
  // Any other page sends them back until they have changed it.
  await newcomer.goto("/board");
  await expect(newcomer).toHaveURL(/\/account\/password$/);

  await newcomer.getByLabel("Current password").fill(initial);
  await newcomer.getByLabel("New password", { exact: true }).fill(chosen);
  await newcomer.getByLabel("Repeat the new password").fill(chosen);
  await newcomer.getByRole("button", { name: "Change password" }).click();
  await expect(newcomer).toHaveURL((url) => url.pathname === "/");
  await expect(newcomer.getByTestId("home-officer")).toBeVisible();
  await expect(newcomer.getByTestId("current-user")).toContainText("Aruzhan Testova");
  await expect(newcomer.getByTestId("current-user")).toContainText("Ministry of Transport");
  await context.close();

  // Recorded: the creation and the password change, with no password hash in the snapshots.
  const db = openE2eDb();
  try {
    const user = await db.execute({ sql: "SELECT id, mustChangePassword FROM User WHERE email = ?", args: [email] });
    expect(user.rows).toHaveLength(1);
    expect(Number(user.rows[0].mustChangePassword)).toBe(0);
    const events = await db.execute({
      sql: "SELECT action, coalesce(before, '') || coalesce(after, '') AS snap FROM AuditEvent WHERE entityId = ? ORDER BY seq",
      args: [String(user.rows[0].id)],
    });
    const actions = events.rows.map((r) => String(r.action));
    expect(actions).toContain("user.create");
    expect(actions).toContain("user.changePassword");
    for (const row of events.rows) expect(String(row.snap)).not.toMatch(/passwordHash|\$argon2/);
  } finally {
    db.close();
  }
});

test("the administration is closed to other roles", async ({ page }) => {
  await loginAs(page, "wb.manager");
  await expect(page.getByRole("link", { name: "Administration", exact: true })).toHaveCount(0);
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("alert")).toContainText("Not allowed");
});
