// `npm start`: the one command that takes a fresh checkout (after npm install) to a running Qadam at
// http://localhost:3000 — configuration, database, demo data, build, server.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { serverProcessEnv } from "./cluster.mjs";

// 1. A local configuration on first run: .env.example with a freshly generated session secret.
//    (.env is git-ignored; in a real deployment the platform provides these variables.)
if (!existsSync(".env")) {
  const secret = randomBytes(32).toString("base64url");
  const example = readFileSync(".env.example", "utf8")
    .replace(/^SESSION_SECRET=.*$/m, `SESSION_SECRET=${secret}`)
    .replace(/^# SEED_ON_START=.*$/m, "SEED_ON_START=true");
  writeFileSync(".env", example, { mode: 0o600 });
  console.log("Created .env with a new random SESSION_SECRET (local use; see README for production).");
}
process.loadEnvFile();
process.env.NODE_ENV = "production";

// 2. Schema and, when empty, the demo portfolio.
execFileSync("node", ["scripts/prepare-db.mjs"], { stdio: "inherit", env: process.env });

// 3. Build when the sources are newer than the last build.
function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated") continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}
const builtAt = existsSync("build/server/index.js") ? statSync("build/server/index.js").mtimeMs : 0;
if (builtAt < Math.max(newestMtime("app"), statSync("package-lock.json").mtimeMs, statSync("vite.config.ts").mtimeMs)) {
  execFileSync("npx", ["remix", "vite:build"], { stdio: "inherit", env: process.env });
}

// 4. Serve.
// The workers inherit the heap limit (NODE_OPTIONS) and the malloc setting (scripts/cluster.mjs says why).
const server = spawn("node", ["scripts/server.mjs"], { stdio: "inherit", env: serverProcessEnv(process.env) });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
