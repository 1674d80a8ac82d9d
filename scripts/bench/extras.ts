// The figures of `npm run bench` beyond pages: the audit CSV export against SQLite's own CSV output, chain
// verification, sign-in under load, one process against two, and memory after a soak.
import { execFile, execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, openSync, closeSync, rmSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { createClient } from "@libsql/client";
import { chainHash, type ChainedFields } from "../../app/lib/audit-chain.server";
import { DEMO_PASSWORD, ROOT, signIn } from "../drill-server";
import { runSoak } from "../soak";
import {
  anonRssMb,
  benchEnv,
  childPids,
  cpuSeconds,
  LOAD_CPUS,
  rssMb,
  startBenchServer,
  threadCpuSeconds,
  waitedChildrenCpuSeconds,
  type BenchServer,
  type BenchServerOptions,
} from "./server";
import { median, runLoad, type LoadResult } from "./wrk";

/** How many audit events a database holds. */
export async function eventCount(databaseFile: string): Promise<number> {
  const client = createClient({ url: `file:${databaseFile}` });
  try {
    return Number((await client.execute(`SELECT count(*) FROM "AuditEvent"`)).rows[0]?.[0] ?? 0);
  } finally {
    client.close();
  }
}

/**
 * A copy of `sourceFile` whose audit log is grown to `target` validly chained events (synthetic progress edits of
 * the seeded projects), kept in `file` for later runs.
 */
export async function auditDatabase(sourceFile: string, file: string, target: number, log: (line: string) => void) {
  if (existsSync(file) && (await eventCount(file)) >= target) return file;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
  copyFileSync(sourceFile, file);
  const client = createClient({ url: `file:${file}` });
  const last = (await client.execute(`SELECT seq, hash FROM "AuditEvent" ORDER BY seq DESC LIMIT 1`)).rows[0];
  const projects = (await client.execute(`SELECT id FROM "Project"`)).rows.map((r) => String(r.id));
  let seq = Number(last?.seq ?? 0);
  let prev = String(last?.hash ?? "");
  const started = performance.now();
  const count = target - (await eventCount(file));
  for (let done = 0; done < count; done += 10_000) {
    const statements = [];
    for (let i = 0; i < Math.min(10_000, count - done); i++) {
      seq++;
      const project = projects[seq % projects.length];
      const event: ChainedFields = {
        seq,
        occurredAt: new Date(Date.UTC(2025, 0, 1) + seq * 30_000),
        actorId: null,
        actorEmail: "bench@qadam.test",
        action: "project.update",
        entityType: "Project",
        entityId: project,
        projectId: project,
        before: JSON.stringify({ percentComplete: seq % 100 }),
        after: JSON.stringify({ percentComplete: (seq + 1) % 100 }),
        reason: null,
        requestId: null,
        ip: null,
      };
      const hash = chainHash(prev, event);
      statements.push({
        sql: `INSERT INTO "AuditEvent" (seq, occurredAt, actorEmail, action, entityType, entityId, projectId, "before", "after", prevHash, hash)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        args: [
          seq,
          event.occurredAt.toISOString(),
          event.actorEmail,
          event.action,
          event.entityType,
          event.entityId,
          event.projectId,
          event.before,
          event.after,
          prev,
          hash,
        ],
      });
      prev = hash;
    }
    await client.batch(statements, "write");
  }
  client.close();
  log(
    `  audit log grown to ${target.toLocaleString("en")} events in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  return file;
}

/** The export's query, as SQLite's shell runs it: every column of the CSV, the project's code joined, oldest first. */
const EXPORT_SQL = `SELECT e.seq, e.occurredAt, e.actorEmail, e.actorId, e.action, e.entityType, e.entityId, p.code,
  e.projectId, e.reason, e."before", e."after", e.requestId, e.ip, e.prevHash, e.hash
  FROM "AuditEvent" e LEFT JOIN "Project" p ON p.id = e.projectId ORDER BY e.seq`;

export type ExportFigures = {
  events: number;
  seconds: number;
  rowsPerSecond: number;
  sqliteSeconds: number;
  sqliteRowsPerSecond: number;
  vsSqlite: number;
  rssBeforeMb: number;
  rssPeakMb: number;
  rssGrowthMb: number;
  anonRssGrowthMb: number;
  megabytes: number;
  serverCpuSeconds: number;
};

/**
 * The bytes of a download, read by curl into /dev/null. Not by this process: reading 1.2 GB through fetch's web
 * stream, or even node:http, took this process ≈ 13–15 s on the same two cores, longer than the server took to send
 * it (≈ 8 s read by curl), so the figure was the client's.
 */
function downloadedBytes(url: string, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const args = ["-s", "-f", "-o", "/dev/null", "-w", "%{size_download}", "-H", `Cookie: ${cookie}`, url];
    execFile("curl", args, (error, stdout) => {
      if (error) reject(new Error(`the export failed: ${error.message}`));
      else resolve(Number(stdout));
    });
  });
}

/** `sqlite3 -csv` running the export's query on the file, its output thrown away: seconds taken. */
function sqliteExportSeconds(databaseFile: string): number {
  const started = performance.now();
  const devNull = openSync("/dev/null", "w");
  const sqlite = spawnSync("sqlite3", ["-csv", "-header", databaseFile, EXPORT_SQL], {
    stdio: ["ignore", devNull, "inherit"],
  });
  closeSync(devNull);
  if (sqlite.status !== 0) throw new Error("sqlite3 -csv failed (apt-get install -y sqlite3)");
  return (performance.now() - started) / 1000;
}

type ExportRound = {
  seconds: number;
  bytes: number;
  rssBeforeMb: number;
  rssPeakMb: number;
  anonGrowthMb: number;
  cpu: number;
};

/** GET /exports/audit.csv as the auditor, read to the end by curl, the server's RSS sampled every 50 ms. */
async function serverExportRound(server: BenchServerOptions): Promise<ExportRound> {
  // Not pinned to one core, as sqlite3 is not: V8's collector threads may use the core curl leaves idle.
  const running = await startBenchServer({ ...server, pinned: false });
  try {
    const { cookie } = await signIn(running.base, "auditor@qadam.test");
    const rssBeforeMb = rssMb(running.pid);
    let rssPeakMb = rssBeforeMb;
    const anonBeforeMb = anonRssMb(running.pid);
    let anonPeakMb = anonBeforeMb;
    const sampler = setInterval(() => {
      rssPeakMb = Math.max(rssPeakMb, rssMb(running.pid));
      anonPeakMb = Math.max(anonPeakMb, anonRssMb(running.pid));
    }, 50);
    const cpuBefore = cpuSeconds(running.pid);
    const started = performance.now();
    const bytes = await downloadedBytes(`${running.base}/exports/audit.csv`, cookie);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const cpu = cpuSeconds(running.pid) - cpuBefore;
    return { seconds, bytes, rssBeforeMb, rssPeakMb, anonGrowthMb: anonPeakMb - anonBeforeMb, cpu };
  } finally {
    await running.stop();
  }
}

/**
 * The export against `sqlite3 -csv`, in `runs` interleaved rounds (sqlite3, then the server), medians of each: one
 * round of each swung by a second or more with what the page cache held of the 1.2 GB file. The RSS growth is the
 * largest of the rounds.
 */
export async function measureExport(
  server: BenchServerOptions,
  runs: number,
  log: (line: string) => void,
): Promise<ExportFigures> {
  const events = await eventCount(server.databaseFile);
  const sqliteRounds: number[] = [];
  const serverRounds: ExportRound[] = [];
  for (let run = 0; run < runs; run++) {
    sqliteRounds.push(sqliteExportSeconds(server.databaseFile));
    serverRounds.push(await serverExportRound(server));
    log(
      `  export round ${run + 1}: sqlite3 ${sqliteRounds[run].toFixed(1)} s, server ${serverRounds[run].seconds.toFixed(1)} s`,
    );
  }
  const seconds = median(serverRounds.map((r) => r.seconds));
  const sqliteSeconds = median(sqliteRounds);
  const largest = serverRounds.reduce((a, b) => (b.rssPeakMb - b.rssBeforeMb > a.rssPeakMb - a.rssBeforeMb ? b : a));
  const figures = {
    events,
    seconds: Math.round(seconds * 10) / 10,
    rowsPerSecond: Math.round(events / seconds),
    sqliteSeconds: Math.round(sqliteSeconds * 10) / 10,
    sqliteRowsPerSecond: Math.round(events / sqliteSeconds),
    vsSqlite: Math.round((sqliteSeconds / seconds) * 100) / 100,
    rssBeforeMb: largest.rssBeforeMb,
    rssPeakMb: largest.rssPeakMb,
    rssGrowthMb: largest.rssPeakMb - largest.rssBeforeMb,
    anonRssGrowthMb: Math.max(...serverRounds.map((r) => r.anonGrowthMb)),
    megabytes: Math.round(serverRounds[0].bytes / 1e5) / 10,
    // The server's own CPU time for the export: what the shared machine's load does not inflate.
    serverCpuSeconds: Math.round(median(serverRounds.map((r) => r.cpu)) * 10) / 10,
  };
  log(`  export: ${JSON.stringify(figures)}`);
  return figures;
}

// The verifier starts no server; the port is only there to satisfy the environment schema.
const PORT_UNUSED = 3000;

/** `npm run audit:verify` on the database, timed from the command's start to its end. */
export function measureVerify(databaseFile: string, log: (line: string) => void) {
  const started = performance.now();
  const output = execFileSync("npx", ["tsx", "scripts/audit-verify.ts"], {
    cwd: ROOT,
    env: { ...benchEnv({ port: PORT_UNUSED, databaseFile, buildDir: "build", logFile: "" }), NODE_ENV: "production" },
    encoding: "utf8",
  });
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  const verdict = output.trim().split("\n").pop() ?? "";
  log(`  audit:verify: ${seconds} s — ${verdict}`);
  return { seconds, verdict };
}

/**
 * Sign-ins (argon2id verification, a session and an audit event each) at 4 connections, after a second of the same
 * load: the first sign-ins of a fresh server compile every query and function on the way (1.9–2.5 s each on the
 * shared machine), and a run of a few seconds holds only a handful of sign-ins — without the warm-up, the
 * percentiles measured the server's start, not sign-in. Also reported: the server's CPU time per sign-in, which
 * the machine's load does not inflate the way it inflates latency (4 connections on one core wait ≈ 4 × that).
 */
export async function measureSignIn(server: BenchServerOptions, seconds: number, log: (line: string) => void) {
  const running = await startBenchServer(server);
  try {
    const load = (duration: number) =>
      runLoad({
        url: `${running.base}/login`,
        connections: 4,
        seconds: duration,
        headers: { Origin: running.base },
        form: { email: "wb.manager@qadam.test", password: DEMO_PASSWORD, redirectTo: "/" },
        cpus: LOAD_CPUS,
      });
    load(1);
    const cpuBefore = cpuSeconds(running.pid);
    const result = load(seconds);
    const cpuMsPerSignIn =
      Math.round(((cpuSeconds(running.pid) - cpuBefore) / Math.max(1, result.requests)) * 10000) / 10;
    log(`  sign-in at 4 connections: ${JSON.stringify({ ...result, cpuMsPerSignIn })}`);
    return { ...result, cpuMsPerSignIn };
  } finally {
    await running.stop();
  }
}

// A CPU-bound loop that reports how many rounds of work it finished in `ms` milliseconds (no I/O, no allocation
// beyond a small string: what a core can do, not what the app does).
const SPIN = `const end = Date.now() + Number(process.argv[1]); let rounds = 0, x = 0;
while (Date.now() < end) { for (let i = 0; i < 10000; i++) x = (x * 31 + i) % 1000003; rounds++; }
console.log(rounds + (x < 0 ? 1 : 0));`;

function spin(processes: number, ms: number): Promise<number> {
  const runs = Array.from(
    { length: processes },
    () =>
      new Promise<number>((resolve, reject) => {
        execFile("node", ["-e", SPIN, String(ms)], (error, stdout) =>
          error ? reject(error) : resolve(Number(stdout.trim())),
        );
      }),
  );
  return Promise.all(runs).then((counts) => counts.reduce((a, b) => a + b, 0));
}

/**
 * What two processes can do at all on this machine against one: the same CPU-bound loop in one process, then in two
 * at once, medians of `runs`. The board's ratio cannot exceed it (virtual cores that share a physical core, or a
 * host busy with other guests, give well under 2).
 */
export async function measureCeiling(runs: number, log: (line: string) => void) {
  const one: number[] = [];
  const two: number[] = [];
  for (let run = 0; run < runs; run++) {
    one.push(await spin(1, 2000));
    two.push(await spin(2, 2000));
  }
  const ratio = Math.round((median(two) / median(one)) * 100) / 100;
  log(`  CPU-bound loop, 2 processes vs 1: ${ratio}× (load average ${loadavg()[0].toFixed(1)})`);
  return ratio;
}

/** Cores (CPU seconds per second of the run) each party used while the board was loaded. */
export type CoreUsage = {
  /** The workers' main threads: JavaScript and the event loop. */
  workerMain: number;
  /** The workers' other threads: V8's parallel and concurrent garbage collection, background compilation, libuv. */
  workerOther: number;
  /** The supervisor, which hands each new connection to a worker. */
  primary: number;
  /** wrk itself. */
  loadTool: number;
  /** The workers' CPU per answered request, in ms. */
  cpuMsPerRequest: number;
};

export type CoresFigures = {
  oneWorkerRps: number;
  twoWorkersRps: number;
  ratio: number;
  /** A CPU-bound loop in 2 processes against 1: the machine's own limit. */
  ceiling: number;
  usage: { one: CoreUsage; two: CoreUsage };
  /**
   * The ratio two workers could reach at one worker's CPU per request. One worker is bound by its main thread (its
   * helper threads run on the core wrk leaves idle); two are bound by all their CPU on the cores left beside wrk and
   * the supervisor: (cores − wrk − supervisor) × main ÷ (main + helpers). Read the measured ratio against this.
   */
  attainable: number;
};

/** One measured load of the board with the CPU each party used meanwhile. */
function loadWithUsage(primaryPid: number, load: () => LoadResult): { result: LoadResult; usage: CoreUsage } {
  const workers = childPids(primaryPid);
  const before = { workers: workers.map(threadCpuSeconds), primary: cpuSeconds(primaryPid) };
  const loadToolBefore = waitedChildrenCpuSeconds();
  const started = performance.now();
  const result = load();
  const seconds = (performance.now() - started) / 1000;
  const loadTool = waitedChildrenCpuSeconds() - loadToolBefore;
  const after = workers.map(threadCpuSeconds);
  const main = after.reduce((sum, cpu, i) => sum + cpu.main - (before.workers[i]?.main ?? 0), 0);
  const other = after.reduce((sum, cpu, i) => sum + cpu.other - (before.workers[i]?.other ?? 0), 0);
  const cores = (cpu: number) => Math.round((cpu / seconds) * 100) / 100;
  const usage = {
    workerMain: cores(main),
    workerOther: cores(other),
    primary: cores(cpuSeconds(primaryPid) - before.primary),
    loadTool: cores(loadTool),
    cpuMsPerRequest: Math.round(((main + other) / Math.max(1, result.requests)) * 10000) / 10,
  };
  return { result, usage };
}

/** The run whose throughput is the median of `runs` (its usage with it). */
function medianRun(runs: { result: LoadResult; usage: CoreUsage }[]) {
  const sorted = [...runs].sort((a, b) => a.result.rps - b.result.rps);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/**
 * Load per worker before anything counts. A new process keeps V8's helper threads (compilers, garbage collector)
 * busy for its first minute of load: one worker's helper threads took 0.43 of a core in its
 * first 3 s, 0.16–0.24 after 20 s and 0.09–0.15 after 100 s, while its throughput rose 80 → 120 req/s. With one
 * worker that work runs on the core wrk leaves idle; with two it takes a worker's core. Measured after a few
 * seconds, the ratio described start-up, not a server that has been running.
 */
const WARM_UP_SECONDS_PER_WORKER = 60;
const WARM_UP_TURN_SECONDS = 5;

/**
 * The board at 10 connections: the supervisor with one worker against two, both started first and warmed up, then
 * measured in turn (interleaved, medians of `runs`; an idle server takes no CPU from the other). wrk is not pinned,
 * so both counts have the same machine. Alongside the throughput: the cores that the workers' main and helper
 * threads, the supervisor and wrk used, and from them the ratio two workers can reach at all.
 */
export async function measureCores(
  server: BenchServerOptions,
  options: { seconds: number; runs: number },
  log: (line: string) => void,
): Promise<CoresFigures> {
  const runs: Record<1 | 2, { result: LoadResult; usage: CoreUsage }[]> = { 1: [], 2: [] };
  const started: Partial<Record<1 | 2, { running: BenchServer; url: string; cookie: string }>> = {};
  try {
    for (const workers of [1, 2] as const) {
      // Both on one database file, as several servers may be.
      const running = await startBenchServer({
        ...server,
        port: server.port + workers - 1,
        logFile: server.logFile.replace(/(\.log)?$/, `-${workers}-workers.log`),
        workers,
      });
      // Recorded before the sign-in, so that the `finally` stops it even if the sign-in fails.
      const entry = { running, url: `${running.base}/board`, cookie: "" };
      started[workers] = entry;
      entry.cookie = (await signIn(running.base, "wb.manager@qadam.test")).cookie;
    }
    // In turns of a few seconds, so that neither server comes to its measurement after minutes of idling while the
    // other warms up.
    log(`  warming up: ${WARM_UP_SECONDS_PER_WORKER} s of load per worker, in turns`);
    for (let turn = 0; turn < WARM_UP_SECONDS_PER_WORKER / WARM_UP_TURN_SECONDS; turn++) {
      for (const workers of [1, 2] as const) {
        const { url, cookie } = started[workers]!;
        // The same load per worker, whatever their number: new connections are handed to the workers in turn.
        runLoad({ url, connections: 10, seconds: WARM_UP_TURN_SECONDS * workers, headers: { Cookie: cookie } });
      }
    }
    for (let run = 0; run < options.runs; run++) {
      for (const workers of [1, 2] as const) {
        const { running, url, cookie } = started[workers]!;
        runs[workers].push(
          loadWithUsage(running.pid, () =>
            runLoad({ url, connections: 10, seconds: options.seconds, headers: { Cookie: cookie } }),
          ),
        );
      }
    }
  } finally {
    for (const entry of Object.values(started)) await entry.running.stop();
  }
  const one = medianRun(runs[1]);
  const two = medianRun(runs[2]);
  const mainShare = one.usage.workerMain / Math.max(0.01, one.usage.workerMain + one.usage.workerOther);
  const coresLeft = availableParallelism() - two.usage.loadTool - two.usage.primary;
  const figures: CoresFigures = {
    oneWorkerRps: Math.round(median(runs[1].map((r) => r.result.rps))),
    twoWorkersRps: Math.round(median(runs[2].map((r) => r.result.rps))),
    ratio:
      Math.round((median(runs[2].map((r) => r.result.rps)) / median(runs[1].map((r) => r.result.rps))) * 100) / 100,
    // The machine's own limit, measured right after: read the ratio against it.
    ceiling: await measureCeiling(options.runs, log),
    usage: { one: one.usage, two: two.usage },
    attainable: Math.round(coresLeft * mainShare * 100) / 100,
  };
  log(`  board, 1 worker vs 2: ${JSON.stringify(figures)}`);
  return figures;
}

/** scripts/soak.ts against its own fresh seeded database and the bench's build. */
export async function measureSoak(options: { port: number; buildDir: string; dir: string; minutes: number }) {
  return runSoak(
    {
      port: options.port,
      databaseFile: `${options.dir}/soak.db`,
      buildDir: options.buildDir,
      logFile: `${options.dir}/soak-server.log`,
      seconds: Math.round(options.minutes * 60),
      clients: 6,
      warmupSeconds: Math.min(60, Math.round(options.minutes * 10)),
    },
    (line) => console.log(`  ${line}`),
  );
}
