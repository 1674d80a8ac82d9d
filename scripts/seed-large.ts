// `npm run seed:large`: grows the demo database into a large portfolio, to see and measure Qadam at the size of a
// country office that tracks every operation. At the default scale (1): ≈2,000 projects, 40,000 milestones with
// their update history, 20,000 indicators with ≈500,000 reported values, 5,000 users in organisations and
// teams, 5,000 submissions waiting for review and ≈1,000,000 audit events in one valid hash chain.
//
//   npm run seed:large -- [--db data/large.db] [--scale 1 | --projects 2000] [--seed 2026]
//
// The database (--db, else DATABASE_URL, else data/qadam.db) is first brought to the current schema and given the
// demo portfolio if empty (scripts/prepare-db.mjs), so the demo accounts sign in and see the large portfolio.
// Runs once per database: a second run reports what is there and changes nothing.
import { execFileSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import { createClient } from "@libsql/client";
import { z } from "zod";
import { buildPortfolio } from "./seed-large/generate";
import { scaleOf, TABLES } from "./seed-large/model";
import { readMarker, readReference, writePortfolio, type Progress } from "./seed-large/write";

const Options = z
  .object({
    url: z.string().min(1),
    factor: z.number().positive().max(20),
    seed: z.number().int().nonnegative(),
  })
  .strict();
export type SeedLargeOptions = z.infer<typeof Options>;

export type SeedLargeResult =
  | { status: "seeded"; rows: Record<string, number>; events: number; headSeq: number; seconds: number }
  | { status: "already-seeded"; projects: number; events: number; finishedAt: string };

/** Grows a migrated database that holds the demo seed. Refuses a database an earlier run left half-written. */
export async function seedLarge(options: SeedLargeOptions, progress: Progress = () => {}): Promise<SeedLargeResult> {
  const { url, factor, seed } = Options.parse(options);
  const started = performance.now();
  const client = createClient({ url });
  try {
    const marker = await readMarker(client);
    if (marker?.finishedAt) {
      return {
        status: "already-seeded",
        projects: marker.projects,
        events: marker.events,
        finishedAt: marker.finishedAt,
      };
    }
    if (marker) {
      throw new Error(
        `an earlier run started at ${marker.startedAt} did not finish: this database is half-written; start again from a fresh file`,
      );
    }
    if (url.startsWith("file:")) {
      // Only for the duration of this bulk load: a crash mid-way leaves a half-written file anyway (see the marker).
      await client.execute("PRAGMA synchronous = OFF");
      await client.execute("PRAGMA cache_size = -200000");
    }
    const scale = scaleOf(factor);
    progress(
      `Generating ${scale.projects.toLocaleString("en")} projects and ${scale.users.toLocaleString("en")} users…`,
    );
    const portfolio = buildPortfolio(await readReference(client), scale, seed);
    const rows = Object.fromEntries(TABLES.map((t) => [t, portfolio.rows[t].length]));
    progress(`Generated in ${((performance.now() - started) / 1000).toFixed(1)} s; writing…`);
    const head = await writePortfolio(client, portfolio, progress);
    if (url.startsWith("file:")) await client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    return {
      status: "seeded",
      rows,
      events: portfolio.events.length,
      headSeq: head.seq,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    client.close();
  }
}

function argument(args: string[], name: string): string | undefined {
  const at = args.indexOf(`--${name}`);
  if (at === -1) return undefined;
  const value = args[at + 1];
  if (value === undefined || value.startsWith("--")) throw new Error(`--${name} needs a value`);
  return value;
}

async function main(args: string[]): Promise<number> {
  try {
    process.loadEnvFile();
  } catch {
    // no .env: the defaults apply
  }
  const known = new Set(["--db", "--scale", "--projects", "--seed"]);
  const unknown = args.filter((a, i) => a.startsWith("--") && !known.has(a) && !known.has(args[i - 1] ?? ""));
  if (unknown.length > 0) throw new Error(`unknown option ${unknown[0]} (known: ${[...known].join(", ")})`);
  const db = argument(args, "db");
  const url = db ? (db.includes(":") ? db : `file:${db}`) : (process.env.DATABASE_URL ?? "file:./data/qadam.db");
  const projects = argument(args, "projects");
  const scale = argument(args, "scale");
  if (projects && scale) throw new Error("give --scale or --projects, not both");
  const factor = projects ? Number(projects) / 2000 : Number(scale ?? 1);
  if (!Number.isFinite(factor) || factor <= 0) throw new Error("--scale and --projects take a positive number");
  const seed = Number(argument(args, "seed") ?? 2026);

  console.log(`Preparing ${url} (migrations, demo seed if empty)…`);
  execFileSync("node", ["scripts/prepare-db.mjs"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: url, SEED_ON_START: "true" },
  });
  const result = await seedLarge({ url, factor, seed }, (message) => console.log(message));
  if (result.status === "already-seeded") {
    console.log(
      `Nothing to do: ${url} already holds the large portfolio (${result.projects.toLocaleString("en")} projects, ${result.events.toLocaleString("en")} audit events, finished ${result.finishedAt}).`,
    );
    return 0;
  }
  const counts = Object.entries(result.rows)
    .map(([table, n]) => `${n.toLocaleString("en")} ${table}`)
    .join(", ");
  console.log(
    `Added ${counts} and ${result.events.toLocaleString("en")} audit events (chain head now ${result.headSeq}).`,
  );
  console.log(`Done in ${result.seconds.toFixed(1)} s. Check the chain with: DATABASE_URL=${url} npm run audit:verify`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`seed:large failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
