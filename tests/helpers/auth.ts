// Test helpers for sign-in and sessions: real users in the test database, real cookies, real requests.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "~/generated/prisma/client";
import { hashPassword } from "~/lib/password.server";
import type { OrganizationKind, Role } from "~/lib/permissions";
import { getRequestStorage } from "~/lib/request.server";

export const TEST_PASSWORD = "correct horse battery staple";

let testPasswordHash: Promise<string> | undefined;
/** Argon2 is deliberately slow: hash the shared test password once per file. */
export function passwordHashFor(password: string): Promise<string> {
  if (password !== TEST_PASSWORD) return hashPassword(password);
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  return testPasswordHash;
}

/** Creates an organisation (or reuses one by code) and a user in it. */
export async function createTestUser(
  db: PrismaClient,
  options: {
    email?: string;
    role?: Role;
    orgKind?: OrganizationKind;
    orgCode?: string;
    password?: string;
    active?: boolean;
  } = {},
) {
  const orgKind = options.orgKind ?? "WORLD_BANK";
  const orgCode = options.orgCode ?? `TEST-${orgKind}`;
  const organization = await db.organization.upsert({
    where: { code: orgCode },
    create: { code: orgCode, name: `Test ${orgKind}`, kind: orgKind },
    update: {},
  });
  return db.user.create({
    data: {
      email: (options.email ?? `user-${randomUUID()}@qadam.test`).toLowerCase(),
      name: "Test User",
      role: options.role ?? "MANAGER",
      organizationId: organization.id,
      passwordHash: await passwordHashFor(options.password ?? TEST_PASSWORD),
      active: options.active ?? true,
    },
  });
}

/** The `name=value` pair of a Set-Cookie header, ready for a Cookie header. */
export function cookiePair(setCookie: string): string {
  return setCookie.split(";")[0].trim();
}

/** The raw session token carried by a Set-Cookie header. */
export function tokenFromSetCookie(setCookie: string): string {
  const pair = cookiePair(setCookie);
  return pair.slice(pair.indexOf("=") + 1);
}

/** A request to the app carrying the session cookie from a Set-Cookie header (or none). */
export function requestWithSession(setCookie: string | null, path = "/", init: RequestInit = {}): Request {
  const headers = new Headers(init.headers);
  if (setCookie) headers.set("Cookie", cookiePair(setCookie));
  return new Request(new URL(path, "http://localhost"), { ...init, headers });
}

/** Runs `work` as if it served a request from `ip` (what scripts/server.mjs does around each request). */
export function fromIp<T>(ip: string, work: () => Promise<T>): Promise<T> {
  return getRequestStorage().run({ requestId: randomUUID(), ip, userId: null }, work);
}
