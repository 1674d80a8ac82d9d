// The demo portfolio: the World Bank Group's Kazakhstan programme under CPF 2020–2025 and the pipeline of CPF 2026–2031.
// Built from public World Bank documents and completed plausibly where the public record is silent: invented projects,
// figures and people are illustrative (SEED_DISCLAIMER). The data lives in prisma/seed/data/; the modules beside it
// write it.
//
// Run with `npm run db:seed` (tsx prisma/seed.ts). It seeds an empty database only, and refuses NODE_ENV=production
// unless `--force` or SEED_FORCE=1. Everything is written through `auditedTransaction`, one audit event per record,
// so the demo history verifies like real history.
import { pathToFileURL } from "node:url";
import type { PrismaClient } from "~/generated/prisma/client";
import { hashPassword } from "~/lib/password.server";
import type { Audit, AuditInput, Tx } from "~/models/audit.server";
import { DEMO_PASSWORD } from "./seed/constants";
import { DEMO_PROJECTS } from "./seed/data/projects";
import { seedProject } from "./seed/project";
import { seedReferenceData } from "./seed/reference";
import type { Counts, SeedSummary } from "./seed/types";

export { CPF_RESULT_CODES, DEMO_PASSWORD, SEED_DISCLAIMER, SEED_TODAY } from "./seed/constants";
export { DEMO_USERS } from "./seed/data/users";
export type { SeedSummary } from "./seed/types";

/** True when the database holds no organisation yet (a fresh install). */
export async function isDatabaseEmpty(db: PrismaClient): Promise<boolean> {
  return (await db.organization.count()) === 0;
}

/** Seeds an empty database with the demo portfolio. Does not check emptiness: callers do (see the CLI below). */
export async function seedDatabase(db: PrismaClient): Promise<SeedSummary> {
  // Imported here, not at the top: the module builds the app's default client from the environment, which the CLI
  // must load (and vet) first.
  const { auditedTransaction, SYSTEM_CONTEXT } = await import("~/models/audit.server");
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  /** One transaction with a count of the events it wrote (counted per attempt, so a retry does not double it). */
  const transaction = <T>(work: (tx: Tx, record: Audit) => Promise<T>) =>
    auditedTransaction(
      SYSTEM_CONTEXT,
      async (tx, audit) => {
        let events = 0;
        const record = async (input: AuditInput) => {
          await audit(input);
          events++;
        };
        const result = await work(tx, record);
        return { result, events };
      },
      db,
    );

  const base = await transaction((tx, record) => seedReferenceData(tx, record, passwordHash));
  let auditEvents = base.events;
  const totals: Counts = {
    projects: 0,
    members: 0,
    milestones: 0,
    milestoneUpdates: 0,
    indicators: 0,
    indicatorValues: 0,
    ratings: 0,
    auditEvents: 0,
  };
  for (const spec of DEMO_PROJECTS) {
    const { result, events } = await transaction((tx, record) => seedProject(tx, record, base.result.ids, spec));
    auditEvents += events;
    for (const key of Object.keys(result) as (keyof Counts)[]) totals[key] += result[key];
  }
  return { ...base.result.counts, ...totals, auditEvents };
}

// ---------------------------------------------------------------------------------------------------------------
// CLI: `tsx prisma/seed.ts [--force]`

async function main(argv: string[]): Promise<number> {
  try {
    process.loadEnvFile();
  } catch {
    // no .env: the defaults apply
  }
  process.env.DATABASE_URL ??= "file:./data/qadam.db";
  const force = argv.includes("--force") || process.env.SEED_FORCE === "1";
  if (process.env.NODE_ENV === "production" && !force) {
    console.error(
      "Refusing to seed demo data with NODE_ENV=production (pass --force or set SEED_FORCE=1 to override).",
    );
    return 1;
  }

  const { createDb } = await import("~/lib/db.server");
  const db = createDb(process.env.DATABASE_URL, process.env.DATABASE_AUTH_TOKEN);
  try {
    if (!(await isDatabaseEmpty(db))) {
      console.log("Seed skipped: the database already has data (seeding only fills an empty database).");
      return 0;
    }
    const started = performance.now();
    const s = await seedDatabase(db);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Seeded ${s.organizations} organizations, ${s.users} users, ${s.projects} projects, ${s.milestones} milestones, ` +
        `${s.indicators} indicators and ${s.auditEvents} audit events in ${seconds} s (demo password: ${DEMO_PASSWORD}).`,
    );
    return 0;
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`Seed failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
      process.exitCode = 1;
    },
  );
}
