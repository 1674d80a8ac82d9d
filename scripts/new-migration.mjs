// Writes the next migration from the change in prisma/schema.prisma.
// `prisma migrate dev` cannot work with a SQLite driver adapter (its shadow-database replay sends a whole
// multi-statement script as one statement), so we rebuild the current state from the committed migrations in a
// throw-away database and diff it against the schema (docs/decisions/0007-offline-migration-authoring.md).
// Usage: npm run db:migration -- <name>
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const name = (process.argv[2] ?? "")
  .toLowerCase()
  .replace(/[^a-z0-9_]+/g, "_")
  .replace(/^_|_$/g, "");
if (!name) {
  console.error("usage: npm run db:migration -- <name>");
  process.exit(64);
}

const migrationsDir = path.join("prisma", "migrations");
const existing = readdirSync(migrationsDir, { withFileTypes: true }).filter((e) => e.isDirectory());
const prisma = (args, env = {}) =>
  execFileSync("npx", ["prisma", ...args], {
    env: { ...process.env, ...env },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });

// Re-introspecting SQLite keeps our enums but writes their defaults as strings (`@default("SUBMITTED")`),
// which Prisma then rejects: turn those back into enum values.
function unquoteEnumDefaults(schema) {
  const enums = [...schema.matchAll(/^enum (\w+) \{/gm)].map((m) => m[1]);
  if (enums.length === 0) return schema;
  const field = new RegExp(`^([ \\t]+\\w+[ \\t]+(?:${enums.join("|")})\\??[ \\t].*@default\\()"(\\w+)"\\)`, "gm");
  return schema.replace(field, "$1$2)");
}

const work = mkdtempSync(path.join(tmpdir(), "qadam-migration-"));
let sql;
try {
  let from = ["--from-empty"];
  if (existing.length > 0) {
    const env = { DATABASE_URL: `file:${path.join(work, "current.db")}` };
    prisma(["migrate", "deploy"], env);
    const current = path.join(work, "current.prisma");
    // `db pull --print` may put a warning about the adapter before the schema: keep the schema only.
    const pulled = prisma(["db", "pull", "--print"], env);
    writeFileSync(current, unquoteEnumDefaults(pulled.slice(pulled.search(/^(generator|datasource) /m))));
    from = ["--from-schema-datamodel", current];
  }
  // (--exit-code fails with a driver adapter configured, so an empty diff is recognised by its text.)
  sql = prisma(["migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"]);
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (!/^\s*(CREATE|ALTER|DROP|PRAGMA|INSERT)/m.test(sql)) {
  console.log("The schema matches the migrations: nothing to write.");
  process.exit(0);
}

const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
mkdirSync(dir);
writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`Wrote ${path.join(dir, "migration.sql")}: review it, then apply it with npm run db:migrate.`);
