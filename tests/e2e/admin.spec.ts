// An administrator creates a user, who gets an invitation instead of a typed password: the invitation is listed on
// Administration › Mail with its link (the e2e server delivers it to its own SMTP server, as tests/e2e/mail.spec.ts
// checks; without SMTP_URL the same row would wait there), its link lets the user set a password and sign in, and a
// used link then shows the clear "link unusable" page. Also: a duplicate e-mail in another case is refused with a
// field error.
import { expect, test } from "@playwright/test";
import { loginAs, openE2eDb, signIn } from "./fixtures";

test("admin invites a user; the invitation is on the Mail page and its link sets the password", async ({
  page,
  browser,
}) => {
  const email = `new.officer.${Date.now()}@qadam.test`;
  const chosen = "my-own-password-2026";

  await loginAs(page, "admin");
  await page.getByRole("link", { name: "Administration", exact: true }).click();
  await expect(page.getByTestId("admin-overview")).toBeVisible();
  await page.getByRole("link", { name: "Create a user" }).first().click();
  await expect(page).toHaveURL(/\/admin\/users\/new$/);

  // A duplicate e-mail (different case) is refused with a field error, and the input is kept.
  const form = page.getByTestId("create-user-form");
  await expect(form.getByTestId("invitation-hint")).toContainText("invitation");
  await form.getByLabel("E-mail").fill("WB.Manager@QADAM.test");
  await form.getByLabel("Name").fill("Someone Else");
  await form.getByLabel("Organisation").selectOption({ label: "Ministry of Transport" });
  await form.getByRole("button", { name: "Create the user" }).click();
  await expect(form.getByRole("alert")).toHaveText("A user with this e-mail address already exists.");
  await expect(form.getByLabel("Name")).toHaveValue("Someone Else");

  await form.getByLabel("E-mail").fill(email);
  await form.getByLabel("Name").fill("Aruzhan Testova");
  await form.getByLabel("Role").selectOption({ label: "Officer" });
  await form.getByLabel("Language").selectOption({ label: "English" });
  await form.getByRole("button", { name: "Create the user" }).click();
  await expect(page).toHaveURL(/\/admin\/users\/c[a-z0-9]+$/);
  await expect(page.getByTestId("flash")).toContainText(email);
  await expect(page.getByTestId("invitation-panel")).toHaveAttribute("data-state", "pending");
  const userPage = new URL(page.url()).pathname;

  // The invitation is on the Mail page with its link; the e2e server's mail server accepts it within seconds.
  await page.getByRole("link", { name: "Mail", exact: true }).click();
  await expect(page.getByTestId("smtp-status")).toContainText("delivered through the configured mail server");
  const row = page.locator(`[data-testid="outbox-row"][data-to="${email}"]`);
  await expect(row).toContainText("Invitation");
  await expect
    .poll(async () => {
      await page.reload();
      return row.textContent();
    })
    .toContain("Sent");
  await row.getByRole("link").click();
  const text = await page.getByTestId("mail-text").textContent();
  const link = /http:\/\/127\.0\.0\.1:\d+(\/invite\?token=[A-Za-z0-9_-]{43})/.exec(text ?? "");
  expect(link, "the message carries the invitation link").not.toBeNull();
  const path = link?.[1] ?? "";

  // The invited person opens the link, chooses a password and is signed in.
  const context = await browser.newContext();
  const newcomer = await context.newPage();
  await newcomer.goto(path);
  await expect(newcomer.getByTestId("set-password")).toContainText("Aruzhan Testova");
  await newcomer.getByLabel("New password", { exact: true }).fill(chosen);
  await newcomer.getByLabel("Repeat the new password").fill("something-else-2026");
  await newcomer.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(newcomer.getByText("The two passwords are not the same.")).toBeVisible();
  await newcomer.getByLabel("Repeat the new password").fill(chosen);
  await newcomer.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(newcomer).toHaveURL((url) => url.pathname === "/");
  await expect(newcomer.getByTestId("home-officer")).toBeVisible();
  await expect(newcomer.getByTestId("current-user")).toContainText("Aruzhan Testova");

  // The link worked once: opened again it says so and what to do, without a 500.
  const again = await newcomer.goto(path);
  expect(again?.status()).toBe(200);
  await expect(newcomer.getByTestId("link-unusable")).toContainText("Ask your administrator");
  // A forged link looks exactly the same.
  await newcomer.goto("/invite?token=forged");
  await expect(newcomer.getByTestId("link-unusable")).toBeVisible();
  await context.close();

  // The chosen password signs in; the admin sees the invitation accepted.
  const later = await browser.newContext();
  const signedIn = await later.newPage();
  await signIn(signedIn, email.toUpperCase(), chosen);
  await expect(signedIn).toHaveURL((url) => url.pathname === "/");
  await later.close();
  await page.goto(userPage);
  await expect(page.getByTestId("invitation-panel")).toHaveAttribute("data-state", "accepted");

  // No password is ever typed by the administrator: they send a reset link, which waits on the Mail page too.
  await expect(page.locator('input[type="password"]')).toHaveCount(0);
  await page.getByTestId("reset-link-panel").getByRole("button", { name: "Send a password reset link" }).click();
  await expect(page.getByTestId("flash")).toHaveText(`A link to choose a new password is on its way to ${email}.`);
  await page.goto("/admin/mail");
  await expect(
    page.locator(`[data-testid="outbox-row"][data-to="${email}"]`).filter({ hasText: "Password reset" }),
  ).toHaveCount(1);

  // Recorded: the creation, the invitation and its acceptance, with no password hash or token in the snapshots.
  const db = openE2eDb();
  try {
    const user = await db.execute({ sql: "SELECT id FROM User WHERE email = ?", args: [email] });
    expect(user.rows).toHaveLength(1);
    const events = await db.execute({
      sql: "SELECT action, coalesce(before, '') || coalesce(after, '') AS snap FROM AuditEvent WHERE entityId = ? ORDER BY seq",
      args: [String(user.rows[0].id)],
    });
    const actions = events.rows.map((r) => String(r.action));
    expect(actions).toEqual(
      expect.arrayContaining(["user.create", "user.invite", "user.acceptInvitation", "user.requestPasswordReset"]),
    );
    for (const row of events.rows) expect(String(row.snap)).not.toMatch(/passwordHash|\$argon2|token=/);
  } finally {
    db.close();
  }
});

test("forgot password answers the same for any address and leads back to sign-in", async ({ page }) => {
  await page.goto("/login");
  // (The sign-in form's e-mail field has focus; clicking away shows its hint and moves the link: follow its address.)
  await expect(page.getByRole("link", { name: "Forgot password?" })).toHaveAttribute("href", "/forgot-password");
  await page.goto("/forgot-password");
  await page.getByLabel("E-mail address").fill("nobody.at.all@qadam.test");
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByTestId("flash")).toContainText("If nobody.at.all@qadam.test belongs to an active");
  await page.goto("/reset-password?token=forged");
  await expect(page.getByTestId("link-unusable")).toContainText("Ask for a new link");
});

test("the administration is closed to other roles", async ({ page }) => {
  await loginAs(page, "wb.manager");
  await expect(page.getByRole("link", { name: "Administration", exact: true })).toHaveCount(0);
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("alert")).toContainText("Not allowed");
});
