// The HTTP server reads its configuration through the app's own schema: a bad value stops it at start.
import { afterEach, describe, expect, it } from "vitest";
import { parseEnv } from "~/lib/env.server";
import { createServer } from "../../scripts/server.mjs";

describe("server configuration", () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  });

  it("refuses to start with an invalid variable, naming it", async () => {
    process.env.LOG_LEVEL = "loud";
    await expect(createServer({ mode: "production" })).rejects.toThrow(/Invalid configuration: LOG_LEVEL/);
  });

  it("refuses a build folder outside the repository", async () => {
    process.env.QADAM_BUILD_DIR = "../elsewhere";
    await expect(createServer({ mode: "production" })).rejects.toThrow(/QADAM_BUILD_DIR/);
  });

  it("limits form bodies to 1 MiB unless configured, and refuses a limit that is no limit", () => {
    expect(parseEnv({}).FORM_BODY_MAX_BYTES).toBe(1024 * 1024);
    expect(parseEnv({ FORM_BODY_MAX_BYTES: "65536" }).FORM_BODY_MAX_BYTES).toBe(65536);
    expect(() => parseEnv({ FORM_BODY_MAX_BYTES: "lots" })).toThrow(/FORM_BODY_MAX_BYTES/);
    expect(() => parseEnv({ FORM_BODY_MAX_BYTES: "0" })).toThrow(/FORM_BODY_MAX_BYTES/);
    expect(() => parseEnv({ FORM_BODY_MAX_BYTES: String(1024 ** 3) })).toThrow(/FORM_BODY_MAX_BYTES/);
  });

  it("reads HSTS as on, off or unset (then decided per request), and refuses anything else", () => {
    expect(parseEnv({}).HSTS).toBeUndefined();
    expect(parseEnv({ HSTS: "true" }).HSTS).toBe("true");
    expect(parseEnv({ HSTS: "false" }).HSTS).toBe("false");
    expect(() => parseEnv({ HSTS: "yes" })).toThrow(/HSTS/);
  });

  it("passes TRUST_PROXY to Express as a hop count, a boolean or addresses", () => {
    expect(parseEnv({ TRUST_PROXY: "1" }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ TRUST_PROXY: "true" }).TRUST_PROXY).toBe(true);
    expect(parseEnv({ TRUST_PROXY: "loopback, 10.0.0.0/8" }).TRUST_PROXY).toBe("loopback, 10.0.0.0/8");
    expect(parseEnv({ TRUST_PROXY: "" }).TRUST_PROXY).toBeUndefined();
    expect(parseEnv({}).TRUST_PROXY).toBeUndefined();
  });
});
