// Sign-in end to end: every demo account lands on its home and sees exactly its scope; generic failure message;
// no open redirect; CSRF refusal; sign-out; health check.
import { expect, test } from "@playwright/test";
import {
  canViewProject,
  type Actor,
  type Institution,
  type OrganizationKind,
  type Role,
} from "../../app/lib/permissions";
import { DEMO_PASSWORD, DEMO_USERS, DEMO_USER_KEYS, loginThroughForm, openE2eDb, signIn } from "./fixtures";

/** The project codes the permission module lets this user see, computed from the e2e database. */
async function expectedProjectCodes(email: string): Promise<string[]> {
  const db = openE2eDb();
  try {
    const userRows = await db.execute({
      sql: `SELECT u.id, u.role, u.organizationId, o.kind FROM "User" u JOIN "Organization" o ON o.id = u.organizationId WHERE u.email = ?`,
      args: [email],
    });
    const row = userRows.rows[0];
    const actor: Actor = {
      id: String(row.id),
      role: row.role as Role,
      organizationId: String(row.organizationId),
      organizationKind: row.kind as OrganizationKind,
    };
    // The home lists current projects: archived ones are not on it.
    const projects = await db.execute(
      `SELECT code, institution, implementingAgencyId FROM "Project" WHERE archivedAt IS NULL`,
    );
    return projects.rows
      .filter((p) =>
        canViewProject(actor, {
          institution: p.institution as Institution,
          implementingAgencyId: String(p.implementingAgencyId),
        }),
      )
      .map((p) => String(p.code))
      .sort();
  } finally {
    db.close();
  }
}

/** The home page lists at most this many projects (HOME_LIST_LIMIT in the home model). */
const HOME_LIST_SHOWN = 20;

/** Each current project's status, by code: the home orders its list by status (as stored), then code. */
async function projectStatuses(): Promise<Map<string, string>> {
  const db = openE2eDb();
  try {
    const rows = await db.execute(`SELECT code, status FROM "Project" WHERE archivedAt IS NULL`);
    return new Map(rows.rows.map((p) => [String(p.code), String(p.status)]));
  } finally {
    db.close();
  }
}

test.describe("every demo account", () => {
  for (const key of DEMO_USER_KEYS) {
    const user = DEMO_USERS[key];
    test(`${user.email} signs in, lands on the ${user.role.toLowerCase()} home and sees exactly its projects`, async ({
      page,
    }) => {
      // Other specs create and archive projects of their own while this runs: the home is a snapshot taken between
      // the two reads of the database, so it shows every project visible in both, and nothing visible in neither.
      const before = await expectedProjectCodes(user.email);
      await loginThroughForm(page, key);
      await expect(page.getByTestId(`home-${user.role.toLowerCase()}`)).toBeVisible();
      const rows = page.locator("[data-testid=visible-projects] [data-project-code]");
      // (The list may sit in a collapsed section: present is enough.)
      await expect(rows.first()).toBeAttached();
      const shown = await rows.evaluateAll((els) => els.map((el) => el.getAttribute("data-project-code") ?? ""));
      const after = await expectedProjectCodes(user.email);

      expect(before.length, "the seed gives every demo account something to see").toBeGreaterThan(0);
      const inBoth = before.filter((code) => after.includes(code));
      const inEither = new Set([...before, ...after]);
      expect(
        shown.filter((code) => !inEither.has(code)),
        "shown but not visible to this account",
      ).toEqual([]);
      // The home lists the first HOME_LIST_SHOWN by status then code (the note says how many there are in all): every
      // project visible throughout that sorts before the last one shown is on it.
      const status = await projectStatuses();
      const order = (code: string) => `${status.get(code) ?? ""} ${code}`;
      const last = shown.length >= HOME_LIST_SHOWN ? order(shown[shown.length - 1] ?? "") : null;
      if (inBoth.length > HOME_LIST_SHOWN) expect(shown.length, "a full first part of the list").toBe(HOME_LIST_SHOWN);
      expect(
        inBoth.filter((code) => !shown.includes(code) && (last === null || order(code) < last)),
        "visible to this account but not shown",
      ).toEqual([]);
      expect(new Set(shown).size, "each project once").toBe(shown.length);
    });
  }

  test("scopes differ as the rules say (sanity check on the expectations)", async () => {
    const wb = await expectedProjectCodes(DEMO_USERS["wb.manager"].email);
    const ifc = await expectedProjectCodes(DEMO_USERS["ifc.manager"].email);
    const auditor = await expectedProjectCodes(DEMO_USERS.auditor.email);
    const water = await expectedProjectCodes(DEMO_USERS["water.officer"].email);
    expect(auditor.length).toBeGreaterThan(wb.length);
    expect(wb).toContain("P099270");
    expect(wb).not.toContain("IFC-ALMATY-BYPASS");
    expect(ifc).toContain("IFC-ALMATY-BYPASS");
    expect(ifc).not.toContain("P099270");
    expect(water).toContain("P086592");
    expect(water).not.toContain("P099270");
  });
});

test.describe("failed sign-in", () => {
  test("a wrong password and an unknown e-mail get the same generic message", async ({ page }) => {
    await signIn(page, DEMO_USERS.auditor.email, "not-the-demo-password");
    const error = page.getByTestId("login-error");
    await expect(error).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
    const wrongPassword = (await error.textContent())?.trim();
    expect(wrongPassword).toBeTruthy();
    expect(wrongPassword).not.toMatch(/password is wrong|no account|unknown|not found/i);

    await signIn(page, "nobody-at-all@qadam.test", DEMO_PASSWORD);
    await expect(page.getByTestId("login-error")).toHaveText(wrongPassword!);
    await expect(page).toHaveURL(/\/login/);
  });
});

test.describe("redirect after sign-in", () => {
  for (const target of ["https://evil.test", "//evil.test", "/.//evil.test"]) {
    test(`redirectTo=${target} lands on the Qadam home, not elsewhere`, async ({ page, baseURL }) => {
      await signIn(page, DEMO_USERS["wb.officer"].email, DEMO_PASSWORD, {
        loginPath: `/login?redirectTo=${encodeURIComponent(target)}`,
      });
      await expect(page.getByTestId("home-officer")).toBeVisible();
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
      expect(new URL(page.url()).pathname).toBe("/");
    });
  }

  test("an inside redirectTo is honoured", async ({ page }) => {
    await signIn(page, DEMO_USERS["wb.officer"].email, DEMO_PASSWORD, {
      loginPath: "/login?redirectTo=%2Faccount%2Fpassword",
    });
    await expect(page).toHaveURL((url) => url.pathname === "/account/password");
  });
});

test.describe("CSRF: state-changing requests need this site's Origin", () => {
  test("a POST with a foreign Origin is refused with 403", async ({ page }) => {
    const response = await page.request.post("/login", {
      headers: { Origin: "https://evil.test" },
      form: { email: DEMO_USERS.admin.email, password: DEMO_PASSWORD },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    expect(response.headers()["set-cookie"]).toBeUndefined();
  });

  test("a POST without Origin is refused with 403", async ({ page }) => {
    const response = await page.request.post("/logout", { form: {}, maxRedirects: 0 });
    expect(response.status()).toBe(403);
  });

  test('a POST with Origin "null" is refused with 403', async ({ page }) => {
    const response = await page.request.post("/login", { headers: { Origin: "null" }, form: {}, maxRedirects: 0 });
    expect(response.status()).toBe(403);
  });

  test("a POST from the site's own origin goes through", async ({ page, baseURL }) => {
    const response = await page.request.post("/login", {
      headers: { Origin: new URL(baseURL!).origin },
      form: { email: "", password: "" },
      maxRedirects: 0,
    });
    expect(response.status()).not.toBe(403);
  });
});

test("signing out ends the session: / then redirects to /login", async ({ page }) => {
  await loginThroughForm(page, "ifc.officer");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/login");
  await page.goto("/");
  await expect(page).toHaveURL((url) => url.pathname === "/login");
  await expect(page.locator('input[name="email"]')).toBeVisible();
});

test("/healthz answers 200 JSON", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/application\/json/);
  expect(await response.json()).toMatchObject({ status: "ok", database: "up" });
});
