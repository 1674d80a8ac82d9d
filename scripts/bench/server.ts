// The production server as `npm run bench` runs it: scripts/server.mjs on 127.0.0.1 against a chosen database file,
// either one process pinned to one core (the page figures: the load tool gets the other core) or the supervisor with
// WEB_CONCURRENCY workers (the all-cores figure).
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync, readdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { serverProcessEnv } from "../cluster.mjs";
import { ROOT } from "../drill-server";

export type BenchServer = { base: string; pid: number; child: ChildProcess; stop: () => Promise<void> };

export type BenchServerOptions = {
  port: number;
  databaseFile: string;
  buildDir: string;
  logFile: string;
  /** Omitted: one process without the supervisor. */
  workers?: number;
  /** False: the one process may use every core (the export, measured against an unpinned `sqlite3 -csv`). */
  pinned?: boolean;
};

/** Whether the server is pinned to core 0 and the load tool to the others (needs two cores or more). */
export const PINNED = availableParallelism() >= 2;
export const SERVER_CPUS = "0";
export const LOAD_CPUS = PINNED ? `1-${availableParallelism() - 1}` : undefined;

export function benchEnv(options: BenchServerOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: `file:${options.databaseFile}`,
    SESSION_SECRET: "bench-only-session-secret-0123456789abcdefghijklmnop",
    SEED_ON_START: "true",
    PORT: String(options.port),
    HOST: "127.0.0.1",
    QADAM_BUILD_DIR: options.buildDir,
    // As in production: one access-log line per request (into the log file).
    LOG_LEVEL: "info",
    LOGIN_MAX_FAILURES_PER_IP: "1000",
  };
  delete env.DATABASE_AUTH_TOKEN;
  if (options.workers) env.WEB_CONCURRENCY = String(options.workers);
  return env;
}

/** Resident memory of a process in MB, from /proc. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

/**
 * CPU time (user + system, all threads) a process has used, in seconds, from /proc (clock ticks of 1/100 s); with
 * `tid`, that of one of its threads.
 */
export function cpuSeconds(pid: number, tid?: string): number {
  const file = tid === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${tid}/stat`;
  const fields = readFileSync(file, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / 100;
}

/**
 * CPU seconds a process has used, split into its main thread (JavaScript, the event loop) and its other threads (V8's
 * parallel and concurrent garbage collection, background compilation, libuv's pool), from /proc/<pid>/task.
 */
export function threadCpuSeconds(pid: number): { main: number; other: number } {
  let other = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    if (Number(tid) === pid) continue;
    try {
      other += cpuSeconds(pid, tid);
    } catch {
      // a thread that ended between the listing and the read: its time is no longer counted anywhere
    }
  }
  return { main: cpuSeconds(pid, String(pid)), other };
}

/** The processes `pid` started (the supervisor's workers), from /proc. */
export function childPids(pid: number): number[] {
  return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
}

/**
 * CPU seconds used by the children this process has waited for (the load tool run by `execFileSync`), from
 * /proc/self/stat: the difference around one run is that run's CPU.
 */
export function waitedChildrenCpuSeconds(): number {
  const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[13] ?? 0) + Number(fields[14] ?? 0)) / 100;
}

/**
 * The anonymous part of a process's resident memory in MB (heap, buffers): VmRSS also counts pages of files the
 * process maps, which the kernel can drop at any time and which grow with the size of a database read through a map.
 */
export function anonRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(/RssAnon:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

export async function startBenchServer(options: BenchServerOptions): Promise<BenchServer> {
  // Another server already on the port would answer every request below, and its figures would be taken for ours.
  const occupied = await fetch(`http://127.0.0.1:${options.port}/healthz`).then(
    () => true,
    () => false,
  );
  if (occupied) throw new Error(`port ${options.port} is already in use: stop that server or set BENCH_PORT`);
  // The server writes its log straight into the file. Through a pipe to this process, nothing read the pipe while
  // the load tool ran (synchronously, here): the server kept the access-log lines of a whole warm-up in memory and
  // retried its write every 100 ms, and the file had 4 lines after 30 s of load.
  const log = openSync(options.logFile, "w");
  const serverArgs = ["scripts/server.mjs", ...(options.workers ? [] : ["--single-process"])];
  const [command, args] =
    !options.workers && PINNED && options.pinned !== false
      ? ["taskset", ["-c", SERVER_CPUS, "node", ...serverArgs]]
      : ["node", serverArgs];
  // With the heap limit and malloc setting of production (`npm start`).
  const child = spawn(command, args, {
    cwd: ROOT,
    env: serverProcessEnv(benchEnv(options)),
    stdio: ["ignore", log, log],
  });
  closeSync(log);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const base = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 60_000;
  const answering = async () => {
    // Under the supervisor /healthz answers as soon as one worker listens: wait until every worker does.
    const ok = await fetch(`${base}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (!ok || !options.workers) return ok;
    const listening = readFileSync(options.logFile, "utf8").match(/Qadam is listening/g)?.length ?? 0;
    return listening >= options.workers;
  };
  while (!(await answering())) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}: see ${options.logFile}`);
    if (Date.now() > deadline) {
      // Not left behind: a supervisor still starting would hold the port and fail every later figure.
      child.kill("SIGTERM");
      await exited;
      throw new Error(`the server did not start within 60 s: see ${options.logFile}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    await exited;
  };
  return { base, pid: child.pid ?? 0, child, stop };
}
