// The environment's schema, in plain JavaScript so that the HTTP server (scripts/server.mjs, run by Node with no
// TypeScript step) and the app (app/lib/env.server.ts) validate the same variables with the same defaults.
// Every variable is documented in .env.example.
import { z } from "zod";

/**
 * An optional variable for which an empty value (`NAME=` in .env) means unset.
 * @template {z.ZodType} T
 * @param {T} schema
 */
const optionalSetting = (schema) => z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const DEV_SESSION_SECRET = "dev-only-insecure-session-secret-change-me";

export const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .default("file:./data/qadam.db")
      .refine((url) => /^(file:|libsql:|https?:|wss?:)/.test(url), "must be a file:, libsql:, http(s): or ws(s): URL"),
    DATABASE_AUTH_TOKEN: z.string().optional(),
    SESSION_SECRET: z.string().default(DEV_SESSION_SECRET),
    SESSION_MAX_AGE_DAYS: z.coerce.number().int().min(1).max(90).default(30),
    SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .default(480),
    /** Extra origins allowed to POST (comma-separated), e.g. the public https origin behind a proxy. */
    ALLOWED_ORIGINS: z.string().default(""),
    /** Set to "false" only to serve production over plain http on a non-localhost host (not recommended). */
    COOKIE_SECURE: z.enum(["true", "false"]).optional(),
    /**
     * Strict-Transport-Security in production: unset = on answers to HTTPS requests (as the proxy reports them when
     * TRUST_PROXY is set), "true" = on every answer, "false" = never. Never sent in development.
     */
    HSTS: z.enum(["true", "false"]).optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().optional(),
    /**
     * Express's "trust proxy": a hop count ("1"), "true"/"false", or addresses and names ("loopback, 10.0.0.0/8").
     * Express reads a string as addresses only, so "1" must reach it as the number 1.
     */
    TRUST_PROXY: z
      .string()
      .optional()
      .transform((value) => {
        if (value === undefined || value.trim() === "") return undefined;
        if (/^\d+$/.test(value.trim())) return Number(value.trim());
        if (value === "true" || value === "false") return value === "true";
        return value;
      }),
    SEED_ON_START: z.enum(["true", "false"]).optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** When the reminder job runs (a cron pattern, UTC): working days at 06:00 by default; "off" stops the schedule. */
    REMINDERS_CRON: z.string().trim().min(1).default("0 6 * * 1-5"),
    /** Wrong passwords for one account from one client before that client must wait, longer after each further one. */
    LOGIN_MAX_FAILURES_PER_CLIENT: z.coerce.number().int().min(1).default(5),
    /** Wrong passwords for one account from all clients together before every attempt on it is paced. */
    LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(100),
    LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(20),
    LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
    /**
     * Largest form body the server accepts (bytes); larger posts get 413 before Remix reads them. Forms are text:
     * 1 MiB is far above the longest narrative. File uploads, when they come, get their own limit.
     */
    FORM_BODY_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(64 * 1024 * 1024)
      .default(1024 * 1024),
    /**
     * The mail server the outbox is delivered through (nodemailer's SMTP URL: smtp://user:pass@host:587,
     * smtps://… for TLS from the first byte). Unset: messages stay in the outbox, shown on Administration › Mail.
     */
    SMTP_URL: z
      .string()
      .optional()
      .transform((value) => (value === undefined || value.trim() === "" ? undefined : value.trim()))
      .refine(
        (value) => value === undefined || /^smtps?:\/\/[^\s]+$/.test(value),
        "must be an smtp:// or smtps:// URL",
      ),
    /** The sender of every message, e.g. "Qadam <qadam@example.org>". */
    MAIL_FROM: z.string().trim().min(3).default("Qadam <no-reply@localhost>"),
    /**
     * The public address of the app, which links in e-mails point to (no trailing slash needed). Unset: http://localhost
     * with PORT, right only for a local demo.
     */
    APP_URL: z
      .string()
      .optional()
      .transform((value) => (value === undefined || value.trim() === "" ? undefined : value.trim().replace(/\/+$/, "")))
      .refine(
        (value) => value === undefined || /^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(value),
        "must be an http(s):// URL",
      ),
    /** Where the production build is read from (the e2e server builds into its own folder). */
    QADAM_BUILD_DIR: z
      .string()
      .regex(/^[\w.-]+$/, "must be a folder name inside the repository")
      .default("build"),
    /** Worker processes of the production server (scripts/cluster.mjs); unset = one per core. */
    WEB_CONCURRENCY: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z.coerce.number().int().min(1).max(64).optional(),
    ),
    // ---- Single sign-on (OpenID Connect); all unset = no "Sign in with your organisation account" button ----
    /** The provider's issuer URL (its discovery document is read from <issuer>/.well-known/openid-configuration). */
    OIDC_ISSUER: optionalSetting(z.url({ protocol: /^https?$/ })),
    OIDC_CLIENT_ID: optionalSetting(z.string()),
    /** Empty for a public client (PKCE alone); otherwise sent with HTTP Basic authentication. */
    OIDC_CLIENT_SECRET: optionalSetting(z.string()),
    /** The callback URL registered at the provider; by default <this site's origin>/auth/sso/callback. */
    OIDC_REDIRECT_URI: optionalSetting(z.url({ protocol: /^https?$/ })),
    // ---- Evidence files (app/lib/evidence/storage.server.ts): a folder by default, an S3-compatible bucket when set ----
    /** The folder evidence files are kept in when no bucket is configured (created when missing). */
    EVIDENCE_DIR: z.string().trim().min(1).default("./data/evidence"),
    /** The bucket; set it (with the keys) to keep evidence in S3 or an S3-compatible store instead of EVIDENCE_DIR. */
    EVIDENCE_S3_BUCKET: optionalSetting(z.string().trim().min(3)),
    /** The endpoint of an S3-compatible store (MinIO, Ceph, …); unset for Amazon S3 itself. */
    EVIDENCE_S3_ENDPOINT: optionalSetting(z.url({ protocol: /^https?$/ })),
    EVIDENCE_S3_REGION: z.string().trim().min(1).default("us-east-1"),
    EVIDENCE_S3_ACCESS_KEY_ID: optionalSetting(z.string()),
    EVIDENCE_S3_SECRET_ACCESS_KEY: optionalSetting(z.string()),
    /** "true" addresses the bucket in the path (most S3-compatible stores need it), not as a subdomain. */
    EVIDENCE_S3_FORCE_PATH_STYLE: z.enum(["true", "false"]).default("false"),
    /** A folder inside the bucket for Qadam's objects (e.g. "qadam/"); empty = the bucket's root. */
    EVIDENCE_S3_PREFIX: z.string().default(""),
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.OIDC_ISSUER) !== Boolean(env.OIDC_CLIENT_ID)) {
      ctx.addIssue({
        code: "custom",
        path: [env.OIDC_ISSUER ? "OIDC_CLIENT_ID" : "OIDC_ISSUER"],
        message: "single sign-on needs both OIDC_ISSUER and OIDC_CLIENT_ID (or neither)",
      });
    }
    // This variable once meant "failures before the account is locked" (5 in older .env files); such a value would
    // let anyone hold every client of an account back again, so it is refused rather than quietly obeyed.
    if (env.LOGIN_MAX_FAILURES_PER_ACCOUNT <= env.LOGIN_MAX_FAILURES_PER_CLIENT) {
      ctx.addIssue({
        code: "custom",
        path: ["LOGIN_MAX_FAILURES_PER_ACCOUNT"],
        message:
          "counts failures from all clients together and must exceed LOGIN_MAX_FAILURES_PER_CLIENT (default 100; see .env.example)",
      });
    }
    if (
      env.EVIDENCE_S3_BUCKET &&
      Boolean(env.EVIDENCE_S3_ACCESS_KEY_ID) !== Boolean(env.EVIDENCE_S3_SECRET_ACCESS_KEY)
    ) {
      ctx.addIssue({
        code: "custom",
        path: [env.EVIDENCE_S3_ACCESS_KEY_ID ? "EVIDENCE_S3_SECRET_ACCESS_KEY" : "EVIDENCE_S3_ACCESS_KEY_ID"],
        message:
          "the evidence bucket needs both EVIDENCE_S3_ACCESS_KEY_ID and EVIDENCE_S3_SECRET_ACCESS_KEY (or neither)",
      });
    }
    if (env.NODE_ENV !== "production") return;
    if (env.SESSION_SECRET === DEV_SESSION_SECRET || env.SESSION_SECRET.length < 32) {
      ctx.addIssue({
        code: "custom",
        path: ["SESSION_SECRET"],
        message: "production needs a real SESSION_SECRET of at least 32 characters (npm start writes one into .env)",
      });
    }
  });

/**
 * Validates `source` (normally process.env); throws one error naming every bad variable.
 * @param {Record<string, string | undefined>} source
 */
export function parseEnv(source) {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return result.data;
}
