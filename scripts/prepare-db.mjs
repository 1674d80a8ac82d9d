// Brings the database to the current schema and, on a first start, loads the demo portfolio.
// Used by `npm start`, `npm run dev` and the e2e server. Works with a local file or a libSQL server URL.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { createClient } from "@libsql/client";

try {
  process.loadEnvFile();
} catch {
  // no .env: defaults apply
}
process.env.DATABASE_URL ??= "file:./data/qadam.db";
const url = process.env.DATABASE_URL;

if (url.startsWith("file:")) {
  mkdirSync(path.dirname(url.slice("file:".length)), { recursive: true });
  // WAL lets readers run while one writer writes; it is a property of the file, so set once here.
  const client = createClient({ url });
  await client.execute("PRAGMA journal_mode = WAL");
  client.close();
}

const run = (cmd, args) => execFileSync(cmd, args, { stdio: "inherit", env: process.env });
run("npx", ["prisma", "migrate", "deploy"]);

// SEED_ON_START: "true" loads the demo portfolio into an empty database (never touches a non-empty one).
if ((process.env.SEED_ON_START ?? (process.env.NODE_ENV === "production" ? "false" : "true")) === "true") {
  run("npx", ["tsx", "prisma/seed.ts", "--if-empty", "--force"]);
}

// The query planner needs table statistics to choose indexes well on a grown database (without them SQLite can pick
// the (state, submittedAt) index for a project's verified values). A sampled ANALYZE (analysis_limit) costs well under
// a second even on millions of rows; it runs once the demo data is in, when the file has no statistics yet.
if (url.startsWith("file:")) {
  const client = createClient({ url });
  const stats = await client.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'");
  if (stats.rows.length === 0) {
    await client.execute("PRAGMA analysis_limit = 1000");
    await client.execute("ANALYZE");
  }
  client.close();
}
