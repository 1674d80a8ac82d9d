// Shared Playwright fixtures: the demo accounts, signing in through the real /login form (once per account and
// worker, then reusing that session), read-only access to the e2e server's database (scripts/e2e-server.mjs seeds
// ./data/e2e-<E2E_PORT>.db), and records of a test's own.
//
// Every spec shares one server and one database, and specs run in parallel and in any order. So a test that changes
// something creates it first, through the app as a user would (createOwnProject, …), and never changes a demo record
// that another spec reads; a test that reads a listing other specs add to (the home, the board, the history) must
// accept what they add while it runs.
import { randomInt } from "node:crypto";
import { createClient, type Client } from "@libsql/client";
import { expect, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import type { OrganizationKind, Role } from "../../app/lib/permissions";

export const DEMO_PASSWORD = "qadam-demo-2026";

export type DemoUser = { email: string; role: Role; organizationKind: OrganizationKind; organizationCode: string };

/** The seed's demo accounts (prisma/seed.ts), keyed by the local part of their e-mail. */
export const DEMO_USERS = {
  admin: { email: "admin@qadam.test", role: "ADMIN", organizationKind: "WORLD_BANK", organizationCode: "WB" },
  "wb.manager": {
    email: "wb.manager@qadam.test",
    role: "MANAGER",
    organizationKind: "WORLD_BANK",
    organizationCode: "WB",
  },
  "wb.officer": {
    email: "wb.officer@qadam.test",
    role: "OFFICER",
    organizationKind: "WORLD_BANK",
    organizationCode: "WB",
  },
  "ifc.manager": { email: "ifc.manager@qadam.test", role: "MANAGER", organizationKind: "IFC", organizationCode: "IFC" },
  "ifc.officer": { email: "ifc.officer@qadam.test", role: "OFFICER", organizationKind: "IFC", organizationCode: "IFC" },
  "transport.manager": {
    email: "transport.manager@qadam.test",
    role: "MANAGER",
    organizationKind: "MINISTRY",
    organizationCode: "MOT",
  },
  "transport.officer": {
    email: "transport.officer@qadam.test",
    role: "OFFICER",
    organizationKind: "MINISTRY",
    organizationCode: "MOT",
  },
  "water.officer": {
    email: "water.officer@qadam.test",
    role: "OFFICER",
    organizationKind: "MINISTRY",
    organizationCode: "MWRI",
  },
  auditor: { email: "auditor@qadam.test", role: "AUDITOR", organizationKind: "WORLD_BANK", organizationCode: "WB" },
} as const satisfies Record<string, DemoUser>;

export type DemoUserKey = keyof typeof DEMO_USERS;
export const DEMO_USER_KEYS = Object.keys(DEMO_USERS) as DemoUserKey[];

/** Fills /login's form (optionally at `/login?redirectTo=...`) and submits it. */
export async function signIn(page: Page, email: string, password: string, { loginPath = "/login" } = {}) {
  await page.goto(loginPath);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
}

/** Signs in as a demo account through the real form and waits until the home page (`/`) is shown. */
export async function loginThroughForm(page: Page, key: DemoUserKey) {
  await signIn(page, DEMO_USERS[key].email, DEMO_PASSWORD);
  await expect(page).toHaveURL((url) => url.pathname === "/");
}

type SessionCookies = Awaited<ReturnType<BrowserContext["cookies"]>>;

// The session cookies of each demo account, from this worker's first sign-in through the form as that account.
// Specs that are not about signing in reuse them: the form (a page load, a hydration, an argon2 verification at OWASP
// parameters) is then paid once per account and worker rather than in every test. No spec signs these sessions out
// (tests/e2e/auth.spec.ts signs out of a session of its own, made through the form).
const signedInCookies = new Map<DemoUserKey, SessionCookies>();

/**
 * Signed in as a demo account, on the home page (`/`): the first time in this worker through the real form, then
 * with that session's cookies. Tests about signing in itself use `loginThroughForm`.
 */
export async function loginAs(page: Page, key: DemoUserKey) {
  const cookies = signedInCookies.get(key);
  if (!cookies) {
    await loginThroughForm(page, key);
    signedInCookies.set(key, await page.context().cookies());
    return;
  }
  await page.context().addCookies(cookies);
  await page.goto("/");
  await expect(page).toHaveURL((url) => url.pathname === "/");
}

export const E2E_PORT = process.env.E2E_PORT ?? "3100";

/** The e2e server's database, for read-only assertions (close it when done). */
export function openE2eDb(): Client {
  return createClient({ url: `file:./data/e2e-${E2E_PORT}.db` });
}

/**
 * A new browser context (its own cookies) signed in as a demo account (see `loginAs`); close it with
 * `page.context().close()`.
 */
export async function signedInPage(browser: Browser, key: DemoUserKey): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginAs(page, key);
  return page;
}

/** Waits until React has hydrated the element, so its handlers (client validation, submit on change) are live. */
export async function waitForHydration(element: Locator) {
  await expect
    .poll(() => element.evaluate((el) => Object.keys(el).some((key) => key.startsWith("__reactProps"))))
    .toBe(true);
}

/**
 * A project code no project in the e2e database has yet: "P8" and five random digits (the demo portfolio has no P8
 * codes, so a test's own projects are easy to tell apart in a failure's output).
 */
export async function freeProjectCode(): Promise<string> {
  const db = openE2eDb();
  try {
    const taken = new Set(
      (await db.execute("SELECT code FROM Project WHERE code LIKE 'P8%'")).rows.map((row) => String(row.code)),
    );
    for (;;) {
      const code = `P8${String(randomInt(100_000)).padStart(5, "0")}`;
      if (!taken.has(code)) return code;
    }
  } finally {
    db.close();
  }
}

export type OwnProject = { id: string; code: string; name: string };

/**
 * A World Bank manager creates a pipeline project of the test's own through /projects/new (Ministry of Transport,
 * priority area PA1), and is left on its page.
 */
export async function createOwnProject(manager: Page, name: string): Promise<OwnProject> {
  const code = await freeProjectCode();
  await manager.goto("/projects/new");
  await expect(manager.getByTestId("project-form")).toHaveAttribute("data-hydrated", "true");
  await manager.getByLabel("Code", { exact: true }).fill(code);
  await manager.getByLabel("Name", { exact: true }).fill(name);
  await manager.getByLabel("Implementing agency").selectOption({ label: "Ministry of Transport" });
  await manager.getByLabel("Priority area").selectOption({ label: "PA1 — Transport and digital connectivity" });
  await manager.getByLabel("DAC sector code").fill("21020");
  await manager.getByLabel("Net commitment (US$)").fill("50000000");
  await manager.getByLabel("Disbursed to date (US$)").fill("0");
  await manager.getByTestId("save-project").click();
  await expect(manager.getByTestId("flash")).toHaveText(`Project ${code} created.`);
  const id = new URL(manager.url()).pathname.split("/")[2];
  return { id, code, name };
}

/**
 * The manager creates a DELAYED milestone owned by Aliya Zhaksylykova (wb.officer), due 31 Oct 2026, on a project of
 * the test's own; returns the milestone page's path (the manager is left on it).
 */
export async function createDelayedMilestone(manager: Page, projectId: string, title: string): Promise<string> {
  await manager.goto(`/projects/${projectId}/milestones`);
  const create = manager.getByRole("form", { name: "New milestone" });
  await manager.getByText("New milestone", { exact: true }).click();
  await waitForHydration(create);
  await create.getByLabel("Title", { exact: true }).fill(title);
  await create.getByLabel("Baseline due date").fill("2026-10-31");
  await create.getByLabel("Owner", { exact: true }).selectOption({ label: "Aliya Zhaksylykova" });
  await create.getByLabel("Status", { exact: true }).selectOption("DELAYED");
  await create.getByRole("button", { name: "Create milestone" }).click();
  await expect(manager.getByTestId("flash")).toHaveText(`Milestone “${title}” created.`);
  return new URL(manager.url()).pathname;
}

/** The administrator puts a user (by e-mail) on a project's team: only administrators manage teams. */
export async function addToTeam(admin: Page, projectId: string, email: string, capacity = "PROJECT_OFFICER") {
  const db = openE2eDb();
  let userId = "";
  try {
    userId = String((await db.execute({ sql: "SELECT id FROM User WHERE email = ?", args: [email] })).rows[0].id);
  } finally {
    db.close();
  }
  // Searched by e-mail: the picker offers only the first people by name when many could join.
  await admin.goto(`/projects/${projectId}/team?${new URLSearchParams({ person: email }).toString()}`);
  const person = admin.locator("#field-userId");
  await waitForHydration(person);
  await person.selectOption(userId);
  await admin.locator("#field-capacity").selectOption(capacity);
  await admin.getByTestId("add-member").click();
  await expect(admin.getByTestId("flash")).toHaveText("Team member added.");
}

export type NewAccount = { email: string; name: string; organisation: string; role: string; language?: string };

/**
 * An account of the test's own, made as an administrator makes one: the admin creates it, the invitation is written
 * to the outbox (read here from the database; tests/e2e/mail.spec.ts follows it through the mail server), and the
 * invitee opens its link and chooses `password`.
 */
export async function createInvitedAccount(admin: Page, account: NewAccount, password: string) {
  await admin.goto("/admin/users/new");
  const form = admin.getByTestId("create-user-form");
  await form.getByLabel("E-mail").fill(account.email);
  await form.getByLabel("Name").fill(account.name);
  await form.getByLabel("Organisation").selectOption({ label: account.organisation });
  await form.getByLabel("Role").selectOption({ label: account.role });
  await form.getByLabel("Language").selectOption({ label: account.language ?? "English" });
  await form.getByRole("button", { name: "Create the user" }).click();
  await expect(admin.getByTestId("flash")).toContainText(account.email);

  const db = openE2eDb();
  let path = "";
  try {
    const message = await db.execute({
      sql: "SELECT text FROM OutboxMessage WHERE toAddress = ? AND kind = 'invitation' ORDER BY createdAt DESC LIMIT 1",
      args: [account.email],
    });
    path = /(\/invite\?token=[A-Za-z0-9_-]+)/.exec(String(message.rows[0]?.text ?? ""))?.[1] ?? "";
  } finally {
    db.close();
  }
  expect(path, "the invitation carries its link").not.toBe("");
  const context = await admin.context().browser()?.newContext();
  if (!context) throw new Error("no browser for the invitee");
  const invitee = await context.newPage();
  await invitee.goto(path);
  // The page speaks the invitee's language: its fields by their ids.
  const setPassword = invitee.getByTestId("set-password");
  await setPassword.locator("#field-password").fill(password);
  await setPassword.locator("#field-confirmPassword").fill(password);
  await setPassword.locator('button[type="submit"]').click();
  await expect(invitee).toHaveURL((url) => url.pathname === "/");
  await context.close();
}
