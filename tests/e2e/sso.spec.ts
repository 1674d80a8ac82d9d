// Single sign-on end to end: a real OpenID provider (oidc-provider) runs on a loopback port for this file, and the
// browser signs in through it — its own sign-in page, the redirect back, the session in Qadam. Refusals are read as
// a person sees them on the sign-in page, and the audit trail and the database are checked behind them.
import { randomInt } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { startOidcTestProvider } from "../support/oidc-test-provider.mjs";
import { oidcTestSettings } from "../support/oidc-test-settings.mjs";
import { DEMO_USERS, E2E_PORT, openE2eDb, signedInPage } from "./fixtures";

const run = randomInt(100_000, 999_999);
/** A domain of this run's own, so automatic accounts never collide with another run's. */
const autoDomain = `sso${run}.test`;

const ACCOUNTS = {
  officer: { email: DEMO_USERS["wb.officer"].email.toUpperCase(), emailVerified: true, name: "W. B. Officer" },
  stranger: { email: `stranger${run}@elsewhere.test`, emailVerified: true, name: "Stranger" },
  unverified: { email: DEMO_USERS["wb.officer"].email, emailVerified: false, name: "Not verified" },
  newcomer: { email: `newcomer@${autoDomain}`, emailVerified: true, name: `Newcomer ${run}` },
};
type AccountId = keyof typeof ACCOUNTS;

let provider: Awaited<ReturnType<typeof startOidcTestProvider>>;

test.beforeAll(async () => {
  const settings = oidcTestSettings(E2E_PORT);
  provider = await startOidcTestProvider({ ...settings, redirectUris: [settings.redirectUri], accounts: ACCOUNTS });
});

test.afterAll(async () => {
  await provider?.close();
});

const isCallback = (url: string) => new URL(url).pathname === "/auth/sso/callback";

/** Signs in on the provider's own page (skipped when the browser still has a session there). */
async function loginAtProvider(page: Page, account: AccountId) {
  const login = page.locator('input[name="login"]');
  await expect(login.or(page.getByTestId("current-user")).or(page.getByTestId("sso-error")).first()).toBeVisible();
  if (await login.isVisible()) {
    await login.fill(account);
    await page.locator('input[name="password"]').fill("any");
    await page.locator("button.login-submit").click();
  }
}

/**
 * Clicks the organisation button and signs in at the provider. Returns the address the provider sent the browser
 * back to (code and state included), as an eavesdropper or a browser history would have it.
 */
async function signInAtProvider(page: Page, account: AccountId): Promise<string> {
  await page.goto("/login");
  const callback = page.waitForRequest((request) => isCallback(request.url()));
  await page.getByTestId("sso-button").click();
  await loginAtProvider(page, account);
  return (await callback).url();
}

/** Clicks the organisation button and returns Qadam's authorization request to the provider (state included). */
async function startSignIn(page: Page): Promise<URL> {
  await page.goto("/login");
  const [authorization] = await Promise.all([
    page.waitForRequest((request) => request.url().startsWith(`${provider.issuer}/auth?`)),
    page.getByTestId("sso-button").click(),
  ]);
  return new URL(authorization.url());
}

async function auditActionsFor(entityId: string): Promise<string[]> {
  const db = openE2eDb();
  try {
    const rows = await db.execute({
      sql: "SELECT action FROM AuditEvent WHERE entityId = ? ORDER BY seq",
      args: [entityId],
    });
    return rows.rows.map((row) => String(row.action));
  } finally {
    db.close();
  }
}

async function userByEmail(email: string) {
  const db = openE2eDb();
  try {
    const rows = await db.execute({
      sql: "SELECT u.id, u.role, u.active, o.code FROM User u JOIN Organization o ON o.id = u.organizationId WHERE email = ?",
      args: [email],
    });
    const row = rows.rows[0];
    return row
      ? { id: String(row.id), role: String(row.role), active: Number(row.active), org: String(row.code) }
      : null;
  } finally {
    db.close();
  }
}

test("an existing account signs in with its verified e-mail, whatever its case", async ({ page }) => {
  await signInAtProvider(page, "officer");
  await expect(page).toHaveURL((url) => url.pathname === "/");
  await expect(page.getByTestId("current-user")).toBeVisible();
  const officer = await userByEmail(DEMO_USERS["wb.officer"].email);
  expect(officer).not.toBeNull();
  expect(await auditActionsFor(officer?.id ?? "")).toContain("auth.ssoLogin");
});

test("an address nobody has an account for is refused with a clear message", async ({ page }) => {
  await signInAtProvider(page, "stranger");
  await expect(page).toHaveURL((url) => url.pathname === "/login");
  await expect(page.getByTestId("sso-error")).toHaveText(/not linked to a Qadam account/);
  await expect(page.getByTestId("current-user")).toHaveCount(0);
  expect(await userByEmail(ACCOUNTS.stranger.email)).toBeNull();
  expect(await auditActionsFor(ACCOUNTS.stranger.email)).toEqual(["auth.ssoRefused"]);
});

test("an e-mail the provider has not verified selects no account", async ({ page }) => {
  await signInAtProvider(page, "unverified");
  await expect(page.getByTestId("sso-error")).toHaveText(/did not confirm an e-mail address/);
  await expect(page.getByTestId("current-user")).toHaveCount(0);
});

test("a tampered state is refused, and the callback then works no more", async ({ page }) => {
  // The state Qadam sent is changed on its way through the provider: the provider answers with the changed one.
  const authorization = await startSignIn(page);
  const issuedState = authorization.searchParams.get("state") ?? "";
  authorization.searchParams.set("state", `${issuedState}-changed`);
  const callback = page.waitForRequest((request) => isCallback(request.url()));
  await page.goto(authorization.href);
  await loginAtProvider(page, "officer");
  const tampered = new URL((await callback).url());
  expect(tampered.searchParams.get("state")).toBe(`${issuedState}-changed`);
  await expect(page.getByTestId("sso-error")).toHaveText(/did not complete/);
  await expect(page.getByTestId("current-user")).toHaveCount(0);

  // Putting the issued state back comes too late: the pending sign-in was spent on the tampered answer.
  tampered.searchParams.set("state", issuedState);
  await page.goto(tampered.href);
  await expect(page.getByTestId("sso-error")).toHaveText(/did not complete/);
  await expect(page.getByTestId("current-user")).toHaveCount(0);
});

test("a code already used does not sign anyone in again", async ({ page, browser }) => {
  const callback = await signInAtProvider(page, "officer");
  await expect(page).toHaveURL((url) => url.pathname === "/");
  await expect(page.getByTestId("current-user")).toBeVisible();

  // Someone replays the code with a sign-in of their own: the state now matches theirs, the code is spent.
  const attacker = await (await browser.newContext()).newPage();
  const replay = new URL(callback);
  replay.searchParams.set("state", (await startSignIn(attacker)).searchParams.get("state") ?? "");
  await attacker.goto(replay.href);
  await expect(attacker.getByTestId("sso-error")).toHaveText(/did not complete/);
  await expect(attacker.getByTestId("current-user")).toHaveCount(0);
  await attacker.context().close();
});

test("an allowed domain opens an officer account without projects; deactivated, it cannot sign in", async ({
  page,
  browser,
}) => {
  const admin = await signedInPage(browser, "admin");
  await admin.goto("/admin/organizations");
  const section = admin.getByTestId("sso-section");
  await expect(section).toContainText(provider.issuer);
  await section.getByLabel("E-mail domain").fill(`@${autoDomain.toUpperCase()}`);
  await section.getByLabel("Organisation").selectOption({ label: "World Bank" });
  await section.getByRole("button", { name: "Allow automatic accounts" }).click();
  await expect(admin.getByTestId("flash")).toContainText(autoDomain);
  await expect(admin.locator(`[data-sso-domain="${autoDomain}"]`)).toBeVisible();

  await signInAtProvider(page, "newcomer");
  await expect(page).toHaveURL((url) => url.pathname === "/");
  await expect(page.getByTestId("flash")).toContainText("created as an officer");
  const created = await userByEmail(ACCOUNTS.newcomer.email);
  expect(created).toMatchObject({ role: "OFFICER", active: 1, org: "WB" });
  expect(await auditActionsFor(created?.id ?? "")).toEqual(["user.createBySso", "auth.ssoLogin"]);

  await admin.goto(`/admin/users/${created?.id}`);
  await admin.getByTestId("active-form").getByRole("button").click();
  await expect(admin.getByTestId("flash")).toBeVisible();
  await admin.context().close();

  // The deactivation ended the session, and a new single sign-on is refused.
  await page.goto("/");
  await expect(page).toHaveURL((url) => url.pathname === "/login");
  await signInAtProvider(page, "newcomer");
  await expect(page.getByTestId("sso-error")).toHaveText(/deactivated/);
  await expect(page.getByTestId("current-user")).toHaveCount(0);
});
