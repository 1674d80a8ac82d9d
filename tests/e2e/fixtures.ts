// Shared Playwright fixtures: the demo accounts, signing in through the real /login form, and read-only access to
// the e2e server's database (scripts/e2e-server.mjs seeds ./data/e2e-<E2E_PORT>.db).
import { createClient, type Client } from "@libsql/client";
import { expect, type Page } from "@playwright/test";
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
export async function loginAs(page: Page, key: DemoUserKey) {
  await signIn(page, DEMO_USERS[key].email, DEMO_PASSWORD);
  await expect(page).toHaveURL((url) => url.pathname === "/");
}

export const E2E_PORT = process.env.E2E_PORT ?? "3100";

/** The e2e server's database, for read-only assertions (close it when done). */
export function openE2eDb(): Client {
  return createClient({ url: `file:./data/e2e-${E2E_PORT}.db` });
}
