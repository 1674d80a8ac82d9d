// Security properties of the real HTTP server (scripts/server.mjs in development mode, on a loopback port), checked
// with real requests by signed-in users of the test database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { RATE_LIMITS } from "~/lib/rate-limit.server";
import { createSessionCookie } from "~/lib/session.server";
import { clientRequestIdOf, contentSecurityPolicy, HSTS_VALUE, sendsHsts } from "../../scripts/server.mjs";
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

/** The directives of a Content-Security-Policy header, by name. */
function directivesOf(header: string | null): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of (header ?? "").split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values);
  }
  return map;
}

describe("security headers", () => {
  it("sends a nonce-based CSP without inline scripts, and every inline script of the page carries the nonce", async () => {
    const response = await fetch(`${running.base}/login`);
    expect(response.status).toBe(200);
    const csp = directivesOf(response.headers.get("content-security-policy"));
    const scriptSrc = csp.get("script-src") ?? [];
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    const nonceSource = scriptSrc.find((source) => source.startsWith("'nonce-"));
    expect(nonceSource).toMatch(/^'nonce-[A-Za-z0-9+/]{22}=='$/);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'none'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);

    const nonce = (nonceSource ?? "").slice("'nonce-".length, -1);
    const html = await response.text();
    const inlineScripts = [...html.matchAll(/<script(?![^>]*\ssrc=)([^>]*)>/g)].map((match) => match[1]);
    expect(inlineScripts.length).toBeGreaterThanOrEqual(2); // Remix's context and module scripts, scroll restoration
    for (const attributes of inlineScripts) expect(attributes).toContain(`nonce="${nonce}"`);

    // A new nonce for every request.
    const again = await fetch(`${running.base}/login`);
    expect(again.headers.get("content-security-policy")).not.toBe(response.headers.get("content-security-policy"));
  });

  it("switches off powerful browser features and framing", async () => {
    const response = await fetch(`${running.base}/login`);
    const policy = response.headers.get("permissions-policy") ?? "";
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) {
      expect(policy).toContain(`${feature}=()`);
    }
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    // Development (this server) never pins the host to https.
    expect(response.headers.get("strict-transport-security")).toBeNull();
  });

  it("keeps authenticated pages, their data and exports out of every cache", async () => {
    const { cookie } = await signedInUser();
    for (const path of ["/", "/_root.data", "/exports/portfolio.xlsx"]) {
      const response = await fetch(`${running.base}${path}`, { headers: { cookie }, redirect: "manual" });
      expect(response.status, path).toBe(200);
      expect(response.headers.get("cache-control"), path).toBe("no-store");
      await response.arrayBuffer();
    }
  });

  it("sends HSTS only in production: over HTTPS by default, always or never when configured", () => {
    expect(HSTS_VALUE).toBe("max-age=31536000; includeSubDomains");
    expect(sendsHsts({ production: false, secure: true, setting: "true" })).toBe(false);
    expect(sendsHsts({ production: true, secure: true, setting: undefined })).toBe(true);
    expect(sendsHsts({ production: true, secure: false, setting: undefined })).toBe(false);
    expect(sendsHsts({ production: true, secure: false, setting: "true" })).toBe(true);
    expect(sendsHsts({ production: true, secure: true, setting: "false" })).toBe(false);
  });

  it("relaxes the policy in development only for Vite's WebSocket and overlay styles, never for scripts", () => {
    const production = directivesOf(contentSecurityPolicy("n0nce"));
    const development = directivesOf(contentSecurityPolicy("n0nce", { development: true }));
    expect(production.get("connect-src")).toEqual(["'self'"]);
    expect(production.get("style-src-elem")).toEqual(["'self'"]);
    expect(development.get("connect-src")).toEqual(["'self'", "ws:", "wss:"]);
    expect(development.get("script-src")).toEqual(production.get("script-src"));
  });
});

describe("writes a signed-in user can repeat cheaply are rate-limited", () => {
  it("answers the 31st language switch in ten minutes with 429 in the user's language, and audits only 30", async () => {
    const { user, cookie } = await signedInUser();
    const { max, windowMs } = RATE_LIMITS.languageSwitch;
    expect(max).toBe(30);
    // Alternating languages: every accepted switch changes the profile, so each writes an audit event.
    for (let i = 0; i < max; i++) {
      const response = await switchLanguage(cookie, i % 2 === 0 ? "ru" : "en");
      expect(response.status, `switch ${i + 1}`).toBe(302);
    }
    const refused = await switchLanguage(cookie, "kk");
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(windowMs / 1000);
    expect(await refused.text()).toBe("Too many language changes. Try again in 10 minutes.");
    expect(refused.headers.get("set-cookie")).toBeNull();
    expect(await db.auditEvent.count({ where: { actorId: user.id, action: "user.setLocale" } })).toBe(max);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { locale: true } });
    expect(stored.locale).toBe("en");
  }, 60_000);

  it("answers the 21st export in ten minutes with 429 in the user's language, and audits only 20", async () => {
    const { user, cookie } = await signedInUser();
    await db.user.update({ where: { id: user.id }, data: { locale: "kk" } });
    const { max } = RATE_LIMITS.export;
    expect(max).toBe(20);
    // Every export counts towards one limit, whichever file it is.
    const paths = ["/exports/audit.ndjson", "/exports/audit.csv", "/exports/portfolio.xlsx"];
    for (let i = 0; i < max; i++) {
      const response = await fetch(`${running.base}${paths[i % paths.length]}`, { headers: { cookie } });
      expect(response.status, `export ${i + 1}`).toBe(200);
      await response.arrayBuffer();
    }
    const refused = await fetch(`${running.base}/exports/audit.xlsx`, { headers: { cookie } });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await refused.text()).toBe("Экспорт тым көп. 10 минуттан кейін қайталаңыз.");
    expect(await db.auditEvent.count({ where: { actorId: user.id, action: { startsWith: "export." } } })).toBe(max);
    expect(await db.auditEvent.count({ where: { actorId: user.id, action: "export.audit_xlsx" } })).toBe(0);
  }, 60_000);

  it("counts per user: another user is not held back by the first one's limit", async () => {
    const first = await signedInUser();
    for (let i = 0; i < RATE_LIMITS.export.max; i++) {
      await (await fetch(`${running.base}/exports/audit.ndjson`, { headers: { cookie: first.cookie } })).arrayBuffer();
    }
    expect((await fetch(`${running.base}/exports/audit.ndjson`, { headers: { cookie: first.cookie } })).status).toBe(
      429,
    );
    const second = await signedInUser();
    const response = await fetch(`${running.base}/exports/audit.ndjson`, { headers: { cookie: second.cookie } });
    expect(response.status).toBe(200);
    await response.arrayBuffer();
  }, 60_000);
});
