// Security properties of the real HTTP server (scripts/server.mjs in development mode, on a loopback port), checked
// with real requests by signed-in users of the test database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { createSessionCookie } from "~/lib/session.server";
import { clientRequestIdOf } from "../../scripts/server.mjs";
import { cookiePair, createTestUser } from "../helpers/auth";
import { startServer, type RunningServer } from "../helpers/http-server";

let running: RunningServer;

beforeAll(async () => {
  running = await startServer();
}, 60_000);

afterAll(() => running.stop());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function signedInUser() {
  const user = await createTestUser(db, { role: "MANAGER" });
  const cookie = cookiePair(await createSessionCookie(user.id, { ip: null, userAgent: "vitest" }));
  return { user, cookie };
}

function switchLanguage(cookie: string, locale: string, headers: Record<string, string> = {}) {
  return fetch(`${running.base}/account/language`, {
    method: "POST",
    redirect: "manual",
    headers: {
      origin: running.base,
      "content-type": "application/x-www-form-urlencoded",
      cookie,
      ...headers,
    },
    body: `locale=${locale}&redirectTo=%2F`,
  });
}

describe("the request id in the audit chain is the server's", () => {
  it("ignores a forged X-Request-Id: the audit event and the response carry the server's id", async () => {
    const { user, cookie } = await signedInUser();
    const forged = "forged-request-id-0123456789";
    const response = await switchLanguage(cookie, "ru", { "x-request-id": forged });
    expect(response.status).toBe(302);
    const serverId = response.headers.get("x-request-id");
    expect(serverId).toMatch(UUID);
    const events = await db.auditEvent.findMany({
      where: { actorId: user.id, action: "user.setLocale" },
      select: { requestId: true },
    });
    expect(events).toEqual([{ requestId: serverId }]);
  });

  it("keeps a client's id for the log only as printable ASCII of at most 64 characters", () => {
    expect(clientRequestIdOf("trace-42")).toBe("trace-42");
    expect(clientRequestIdOf(" a\u0000b\nc\u202Ed ")).toBe("abcd");
    expect(clientRequestIdOf("x".repeat(500))).toBe("x".repeat(64));
    expect(clientRequestIdOf("\u0001\u0002")).toBeUndefined();
    expect(clientRequestIdOf(undefined)).toBeUndefined();
  });
});
