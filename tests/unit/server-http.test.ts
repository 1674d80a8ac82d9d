// Requests through the real HTTP server (scripts/server.mjs in development mode, on a loopback port): what
// happens in front of Remix and what a resource route answers on the wire.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createServer } from "../../scripts/server.mjs";

let server: Server;
let base = "";
let closeServer: () => Promise<void>;

beforeAll(async () => {
  process.env.LOG_LEVEL = "warn"; // no access-log line per request in the test output
  const created = await createServer({ mode: "development" });
  closeServer = created.close;
  server = created.app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await closeServer();
});

function post(path: string, body: string, contentType = "application/x-www-form-urlencoded") {
  return fetch(`${base}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: base, "content-type": contentType },
    body,
  });
}

describe("the language switch (a resource route)", () => {
  it("switches and redirects back, setting the language cookie", async () => {
    const response = await post("/account/language", "locale=kk&redirectTo=%2Flogin");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/login");
    const cookieValue = encodeURIComponent(Buffer.from(JSON.stringify("kk")).toString("base64"));
    expect(response.headers.get("set-cookie")).toContain(`qadam_lang=${cookieValue}`);
  });

  it("answers an unknown language with a plain 400 Response, so Remix prints no future-change warning", async () => {
    const warn = vi.spyOn(console, "warn");
    try {
      const response = await post("/account/language", "locale=xx");
      expect(response.status).toBe(400);
      expect(await response.text()).toBe("Unknown language.");
      expect(warn.mock.calls.flat().join(" ")).not.toMatch(/REMIX FUTURE CHANGE/);
    } finally {
      warn.mockRestore();
    }
  }, 30_000);
});
