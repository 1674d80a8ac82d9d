// The server the Playwright tests run against: a fresh, seeded database file, the tests' production build (built
// here unless a build newer than every source is there, e.g. the one `npm test` made beside lint), port 3100.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { mailTestSettings } from "../tests/support/mail-test-settings.mjs";
import { oidcTestSettings } from "../tests/support/oidc-test-settings.mjs";
import { startSmtpMailbox } from "../tests/support/smtp-mailbox.mjs";
import { ensureBuild, TEST_BUILD_DIR } from "./test-build.mjs";

const port = process.env.E2E_PORT ?? "3100";
// Port-specific database: several suites can run side by side on one machine (and share the one build).
const file = `./data/e2e-${port}.db`;
for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
// Evidence files too: each port's server stores them in its own folder, emptied with its database
// (tests/e2e/evidence.spec.ts changes a stored file and must not touch another suite's).
const evidenceDir = `./data/e2e-${port}-evidence`;
rmSync(evidenceDir, { recursive: true, force: true });

const env = {
  ...process.env,
  NODE_ENV: "production",
  DATABASE_URL: `file:${file}`,
  SESSION_SECRET: "e2e-only-session-secret-0123456789abcdefghijklmnop",
  SEED_ON_START: "true",
  PORT: port,
  QADAM_BUILD_DIR: TEST_BUILD_DIR,
  LOG_LEVEL: "warn",
  // The e2e suite signs in many times from 127.0.0.1; throttling itself is covered by integration tests.
  LOGIN_MAX_FAILURES_PER_IP: "1000",
  // Single sign-on against the tests' own OpenID provider (tests/e2e/sso.spec.ts starts it on this port); the app
  // reads the provider's metadata only when someone signs in with it, so the other specs need no provider.
  OIDC_ISSUER: oidcTestSettings(port).issuer,
  OIDC_CLIENT_ID: oidcTestSettings(port).clientId,
  OIDC_CLIENT_SECRET: oidcTestSettings(port).clientSecret,
  // Mail is delivered, as in production, to a real SMTP server started below: tests/e2e/mail.spec.ts reads what
  // arrived. Links in messages point where the browser reaches this server.
  SMTP_URL: mailTestSettings(port).smtpUrl,
  MAIL_FROM: "Qadam e2e <no-reply@qadam.test>",
  APP_URL: `http://127.0.0.1:${port}`,
  EVIDENCE_DIR: evidenceDir,
};
delete env.DATABASE_AUTH_TOKEN;
// Evidence stays on disk here, whatever the shell configured.
delete env.EVIDENCE_S3_BUCKET;
delete env.OIDC_REDIRECT_URI;
const run = (cmd, args) => execFileSync(cmd, args, { stdio: "inherit", env });
if (!process.env.E2E_SKIP_BUILD) ensureBuild(TEST_BUILD_DIR);
run("node", ["scripts/prepare-db.mjs"]);
await startSmtpMailbox({ port: mailTestSettings(port).port, file: mailTestSettings(port).file });
const { createServer } = await import("./server.mjs");
Object.assign(process.env, env);
const { app } = await createServer({ mode: "production" });
app.listen(Number(env.PORT), "127.0.0.1", () => console.log(`e2e server on http://localhost:${env.PORT}`));
