// `npm run bench`: Qadam measured as its users and its operators feel it, on this machine, against a production build.
//
//   npm run bench -- [--scale small|large|both] [--db FILE] [--large-db FILE] [--quick] [--seconds N] [--runs N]
//                    [--events N] [--soak-minutes N] [--skip pages|extras|cores|soak]… [--no-build]
//                    [--pages TEXT] (only pages whose name contains one of TEXT's comma-separated parts, and /login)
//
// 1. builds the app (into build-bench) unless --no-build;
// 2. small scale: a fresh copy of the demo seed (or --db FILE); large scale: `npm run seed:large` into --large-db
//    (data/bench-large.db, made once and reused);
// 3. per scale, one server process pinned to core 0 (wrk on the other core): every page at 1 and 10 connections,
//    median of 3 interleaved runs, and each page's throughput as a ratio to the anonymous /login of the same run;
// 4. the audit CSV export of --events events (the large database's own log, or the seed grown to that size) against
//    `sqlite3 -csv` on the same file, with the server's peak RSS growth; `npm run audit:verify` on it; sign-in at
//    4 connections; the board with one worker against two (the supervisor, unpinned); RSS after a mixed-load soak.
// Prints a table and writes bench-results/<time>.json. The machine is shared: read ratios, not absolutes.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { z } from "zod";
import { ROOT } from "./drill-server";
import { auditDatabase, measureCores, measureExport, measureSignIn, measureSoak, measureVerify } from "./bench/extras";
import { benchMarkdown, type BenchResult } from "./bench/markdown";
import { measurePages, pagesOf, type PageFigures } from "./bench/pages";
import { benchEnv, PINNED, startBenchServer, type BenchServerOptions } from "./bench/server";
import { hasWrk } from "./bench/wrk";

const Args = z.object({
  scale: z.enum(["small", "large", "both"]).default("both"),
  db: z.string().optional(),
  largeDb: z.string().default("data/bench-large.db"),
  quick: z.boolean().default(false),
  seconds: z.coerce.number().positive().optional(),
  runs: z.coerce.number().int().min(1).default(3),
  events: z.coerce.number().int().min(1000).optional(),
  soakMinutes: z.coerce.number().min(0).optional(),
  skip: z.array(z.enum(["pages", "extras", "soak", "cores"])).default([]),
  build: z.boolean().default(true),
  pages: z.string().optional(),
});

function parseArgs(argv: string[]) {
  const raw: Record<string, unknown> = { skip: [] };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i].replace(/^--/, "");
    if (flag === "quick") raw.quick = true;
    else if (flag === "no-build") raw.build = false;
    else if (flag === "skip") (raw.skip as string[]).push(argv[++i]);
    else raw[flag.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())] = argv[++i];
  }
  const args = Args.strict().parse(raw);
  return {
    ...args,
    seconds: args.seconds ?? (args.quick ? 2 : 5),
    events: args.events ?? (args.quick ? 200_000 : 1_000_000),
    soakMinutes: args.soakMinutes ?? (args.quick ? 2 : 10),
  };
}

const log = (line: string) => console.log(line);
const DATA = path.join(ROOT, "data", "bench");
/** `BENCH_BUILD_DIR` with --no-build measures another build (e.g. one made before a change) on the same data. */
const BUILD = process.env.BENCH_BUILD_DIR ?? "build-bench";
const PORT = Number(process.env.BENCH_PORT ?? 3950);

function freshCopy(source: string, name: string) {
  const file = path.join(DATA, name);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
  // A WAL database is copied whole only after a checkpoint: the source is read through sqlite3's backup command.
  execFileSync("sqlite3", [source, `.backup '${file}'`]);
  return file;
}

/** The demo seed in a fresh file (prepare-db migrates and seeds an empty database). */
function seededDatabase() {
  const file = path.join(DATA, "seed.db");
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
  execFileSync("node", ["scripts/prepare-db.mjs"], {
    cwd: ROOT,
    stdio: "ignore",
    env: benchEnv({ port: PORT, databaseFile: file, buildDir: BUILD, logFile: "" }),
  });
  return file;
}

function largeDatabase(file: string) {
  const absolute = path.resolve(ROOT, file);
  if (!existsSync(path.join(ROOT, "scripts", "seed-large.ts"))) return null;
  const started = performance.now();
  execFileSync("npx", ["tsx", "scripts/seed-large.ts", "--db", absolute], { cwd: ROOT, stdio: "inherit" });
  log(`  seed:large ready in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return absolute;
}

function printPages(scale: string, rows: PageFigures[]) {
  console.log(`\n${scale} scale`);
  console.table(
    rows.map((r) => ({
      page: r.name,
      KB: r.htmlKb,
      "req/s c10": r.c10.rps,
      "× /login": r.vsLogin,
      "p50 c1": r.c1.p50,
      "p99 c1": r.c1.p99,
      "p50 c10": r.c10.p50,
      "p99 c10": r.c10.p99,
      "req/s c1": r.c1.rps,
      errors: r.errors,
    })),
  );
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!hasWrk()) throw new Error("wrk is not installed: apt-get install -y wrk (and sqlite3 for the export baseline)");
  mkdirSync(DATA, { recursive: true });
  const started = new Date();
  const loadAverageAtStart = loadavg();
  if (args.build) {
    log("building the app into build-bench …");
    execFileSync("npx", ["remix", "vite:build", "--logLevel", "warn"], {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, QADAM_BUILD_DIR: BUILD },
    });
  }
  const server = (databaseFile: string): BenchServerOptions => ({
    port: PORT,
    databaseFile,
    buildDir: BUILD,
    logFile: path.join(DATA, "server.log"),
  });

  const seed = args.db ? path.resolve(args.db) : seededDatabase();
  const scales: { name: "small" | "large"; file: string }[] = [];
  if (args.scale !== "large") scales.push({ name: "small", file: freshCopy(seed, "small.db") });
  let large: string | null = null;
  if (args.scale !== "small") {
    large = largeDatabase(args.largeDb);
    // Used in place (copying a gigabyte would take longer than measuring it): the bench adds only sessions and a
    // few audit events to it.
    if (large) scales.push({ name: "large", file: large });
    else log("no scripts/seed-large.ts here: the large scale is left out");
  }

  const pages: Record<string, PageFigures[]> = {};
  for (const scale of args.skip.includes("pages") ? [] : scales) {
    log(`${scale.name} scale: ${args.runs} runs of ${args.seconds} s per page and connection count`);
    const running = await startBenchServer(server(scale.file));
    try {
      const all = await pagesOf(scale.file);
      const filters = args.pages?.split(",") ?? [];
      const chosen = filters.length
        ? all.filter((p) => p.path === "/login" || filters.some((f) => p.name.includes(f)))
        : all;
      pages[scale.name] = await measurePages(chosen, {
        base: running.base,
        seconds: args.seconds,
        runs: args.runs,
        log,
      });
    } finally {
      await running.stop();
    }
    printPages(scale.name, pages[scale.name]);
  }
  const largeVsSmall =
    pages.small && pages.large
      ? pages.large.map((row) => {
          // By name first: several pages share a path (each role's home, the team page as admin, History as manager).
          const small = pages.small.find((s) => s.name === row.name) ?? pages.small.find((s) => s.path === row.path);
          return {
            page: row.name,
            "large ÷ small (req/s c10)": small ? Math.round((row.c10.rps / small.c10.rps) * 100) / 100 : null,
          };
        })
      : [];
  if (largeVsSmall.length) console.table(largeVsSmall);

  const extras: Record<string, unknown> = {};
  if (!args.skip.includes("extras")) {
    log(`audit export and verification on ${args.events.toLocaleString("en")} events`);
    const auditFile =
      large ?? (await auditDatabase(seed, path.join(DATA, `audit-${args.events}.db`), args.events, log));
    extras.export = await measureExport(server(auditFile), args.runs, log);
    extras.verify = measureVerify(auditFile, log);
    extras.signIn = await measureSignIn(server(freshCopy(seed, "signin.db")), args.seconds * 2, log);
  }
  if (!args.skip.includes("cores")) {
    log("the board: one worker against two");
    extras.cores = await measureCores(
      server(freshCopy(seed, "cores.db")),
      { seconds: args.seconds, runs: args.runs },
      log,
    );
  }
  if (!args.skip.includes("soak") && args.soakMinutes > 0) {
    log(`soak: ${args.soakMinutes} min of mixed load`);
    const soak = await measureSoak({ port: PORT + 1, buildDir: BUILD, dir: DATA, minutes: args.soakMinutes });
    extras.soak = { ...soak, minutes: args.soakMinutes };
  }

  const result = {
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: {
      cores: availableParallelism(),
      node: process.version,
      loadAverageAtStart,
      loadAverageAtEnd: loadavg(),
      pinned: PINNED,
    },
    commit: execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim(),
    options: args,
    pages,
    largeVsSmall,
    ...extras,
  };
  const dir = path.join(ROOT, "bench-results");
  mkdirSync(dir, { recursive: true });
  const out = path.join(
    dir,
    `${started
      .toISOString()
      .replaceAll(":", "-")
      .replace(/\.\d+Z$/, "Z")}.json`,
  );
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  log(`\n${JSON.stringify(extras, (key, value: unknown) => (key === "rssSamples" ? undefined : value), 2)}`);
  log(`written: ${path.relative(ROOT, out)}`);
  copyFileSync(out, path.join(dir, "latest.json"));
  // The same figures as the README's tables (BenchResult names the fields they are read from).
  const markdown: BenchResult = result;
  writeFileSync(path.join(dir, "latest.md"), benchMarkdown(markdown));
  log(`and as Markdown: ${path.relative(ROOT, path.join(dir, "latest.md"))}`);
}

await main();
