// The configuration is validated once at boot; production refuses to start without a real one.
import { describe, expect, it } from "vitest";
import { parseEnv } from "~/lib/env.server";

const REAL_SECRET = "a-real-production-secret-with-more-than-32-chars";

describe("parseEnv", () => {
  it("accepts development defaults", () => {
    const env = parseEnv({});
    expect(env.NODE_ENV).toBe("development");
    expect(env.DATABASE_URL).toMatch(/^file:/);
  });

  it("refuses production without SESSION_SECRET, naming the variable", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/SESSION_SECRET.*at least 32 characters/);
  });

  it("refuses production with the development default secret", () => {
    expect(() =>
      parseEnv({ NODE_ENV: "production", SESSION_SECRET: "dev-only-insecure-session-secret-change-me" }),
    ).toThrow(/SESSION_SECRET/);
  });

  it("refuses production with a secret shorter than 32 characters", () => {
    expect(() => parseEnv({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(31) })).toThrow(/SESSION_SECRET/);
    expect(parseEnv({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(32) }).SESSION_SECRET).toHaveLength(32);
  });

  it("starts production with a real secret", () => {
    expect(parseEnv({ NODE_ENV: "production", SESSION_SECRET: REAL_SECRET }).NODE_ENV).toBe("production");
  });

  it.each([
    "libsql://qadam-example.turso.io",
    "https://db.example.org:8080",
    "http://127.0.0.1:8080",
    "file:./data/x.db",
  ])("accepts DATABASE_URL %s unchanged", (url) => {
    expect(parseEnv({ NODE_ENV: "production", SESSION_SECRET: REAL_SECRET, DATABASE_URL: url }).DATABASE_URL).toBe(url);
  });

  it.each(["postgres://localhost/qadam", "mysql://x", "./data/qadam.db", "ftp://x"])(
    "refuses DATABASE_URL %s with a clear message",
    (url) => {
      expect(() => parseEnv({ DATABASE_URL: url })).toThrow(
        /DATABASE_URL: must be a file:, libsql:, http\(s\): or ws\(s\): URL/,
      );
    },
  );

  it("refuses a non-numeric throttling limit", () => {
    expect(() => parseEnv({ LOGIN_MAX_FAILURES_PER_ACCOUNT: "many" })).toThrow(/LOGIN_MAX_FAILURES_PER_ACCOUNT/);
  });

  it("refuses an account-wide limit no higher than the per-client one (the old meaning, a lock after 5 failures)", () => {
    expect(() => parseEnv({ LOGIN_MAX_FAILURES_PER_ACCOUNT: "5" })).toThrow(
      /LOGIN_MAX_FAILURES_PER_ACCOUNT: counts failures from all clients together and must exceed LOGIN_MAX_FAILURES_PER_CLIENT/,
    );
    expect(parseEnv({ LOGIN_MAX_FAILURES_PER_ACCOUNT: "6" }).LOGIN_MAX_FAILURES_PER_ACCOUNT).toBe(6);
    expect(parseEnv({})).toMatchObject({ LOGIN_MAX_FAILURES_PER_CLIENT: 5, LOGIN_MAX_FAILURES_PER_ACCOUNT: 100 });
  });
});
