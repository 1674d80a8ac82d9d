// The production server on all cores: the supervisor (scripts/cluster.mjs) runs WEB_CONCURRENCY workers of the
// real server (scripts/server.mjs, production build) on one port and one SQLite file. Writes served by both workers
// at once all succeed and keep the audit chain whole; a worker killed with SIGKILL is replaced while the other keeps
// answering.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CRASH_MEMORY_MS,
  restartDelayMs,
  SERVER_HEAP_LIMITS,
  SERVER_MALLOC_ENV,
  serverProcessEnv,
  workerCount,
  workerEnv,
} from "../../scripts/cluster.mjs";
import { reportIsSound, reportOn } from "../../scripts/db-tools";
import { parseEnv } from "~/lib/env-schema.server.mjs";
import { isPrimaryWorker } from "~/lib/worker.server";
import { DEMO_USERS, ensureBuild, freshDatabase, ROOT, signIn } from "../../scripts/drill-server";
import { TEST_BUILD_DIR } from "../../scripts/test-build.mjs";

describe("restart back-off", () => {
  const now = 1_000_000;
  it("restarts a worker at once after its first crash in a minute, then waits twice as long each time", () => {
    expect(restartDelayMs([now], now)).toBe(0);
    expect(restartDelayMs([now - 2_000, now], now)).toBe(250);
    expect(restartDelayMs([now - 3_000, now - 2_000, now], now)).toBe(500);
    const loop = Array.from({ length: 20 }, (_, i) => now - i * 100);
    expect(restartDelayMs(loop, now)).toBe(30_000);
  });
  it("forgives crashes older than a minute", () => {
    expect(restartDelayMs([now - CRASH_MEMORY_MS - 1, now - CRASH_MEMORY_MS - 2, now], now)).toBe(0);
  });
  it("runs one worker per core unless WEB_CONCURRENCY says otherwise, and marks only the first as primary", () => {
    expect(workerCount(3)).toBe(3);
    expect(workerCount(undefined)).toBeGreaterThanOrEqual(1);
    expect(workerEnv(1)).toEqual({ QADAM_WORKER_ID: "1", QADAM_PRIMARY_WORKER: "1" });
    expect(workerEnv(2)).toEqual({ QADAM_WORKER_ID: "2", QADAM_PRIMARY_WORKER: "0" });
  });
  it("gives a server process the heap limits and glibc's malloc setting, keeping an operator's own values", () => {
    expect(serverProcessEnv({})).toEqual({
      MALLOC_MMAP_THRESHOLD_: "1048576",
      NODE_OPTIONS: "--max-old-space-size=160 --max-semi-space-size=8",
    });
    const operators = {
      MALLOC_MMAP_THRESHOLD_: "65536",
      NODE_OPTIONS: "--max-old-space-size=512 --max-semi-space-size=32 --enable-source-maps",
    };
    expect(serverProcessEnv(operators)).toEqual(operators);
    expect(serverProcessEnv({ NODE_OPTIONS: "--enable-source-maps --max-old-space-size=512" }).NODE_OPTIONS).toBe(
      "--enable-source-maps --max-old-space-size=512 --max-semi-space-size=8",
    );
  });
  it("reads WEB_CONCURRENCY as a whole number of workers (empty = one per core) and refuses anything else", () => {
    expect(parseEnv({ WEB_CONCURRENCY: "2" }).WEB_CONCURRENCY).toBe(2);
    expect(parseEnv({ WEB_CONCURRENCY: "" }).WEB_CONCURRENCY).toBeUndefined();
    expect(() => parseEnv({ WEB_CONCURRENCY: "0" })).toThrow(/WEB_CONCURRENCY/);
    expect(() => parseEnv({ WEB_CONCURRENCY: "two" })).toThrow(/WEB_CONCURRENCY/);
  });
  it("runs background jobs in the first worker, or in a process started without the supervisor", () => {
    expect(isPrimaryWorker({ QADAM_PRIMARY_WORKER: "1" })).toBe(true);
    expect(isPrimaryWorker({ QADAM_PRIMARY_WORKER: "0" })).toBe(false);
    expect(isPrimaryWorker({})).toBe(true);
  });
});

type LogLine = {
  worker?: number;
  msg?: string;
  method?: string;
  path?: string;
  status?: number;
  signal?: string;
  restartInMs?: number;
};

describe("two workers on one SQLite file", () => {
  const dir = path.join(ROOT, "tests", ".tmp", `cluster-${process.pid}`);
  const options = {
    port: 3300 + (process.pid % 500),
    databaseFile: path.join(dir, "cluster.db"),
    // The suite's one production build (npm test makes it before the unit tests; built here if missing or stale).
    buildDir: TEST_BUILD_DIR,
    logFile: path.join(dir, "server.log"),
  };
  const base = `http://127.0.0.1:${options.port}`;
  let supervisor: ChildProcess;

  const logLines = (): LogLine[] =>
    readFileSync(options.logFile, "utf8")
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as LogLine);
  /** The pid each worker announced when it started listening, in order. */
  const listening = () =>
    logLines()
      .filter((line) => line.msg?.startsWith("Qadam is listening"))
      .map((line) => ({ worker: line.worker, pid: Number(/pid (\d+)/.exec(line.msg ?? "")?.[1]) }));
  const waitFor = async (condition: () => boolean, what: string) => {
    const deadline = Date.now() + 30_000;
    while (!condition()) {
      if (Date.now() > deadline || supervisor.exitCode !== null) {
        throw new Error(`no ${what}: see ${readFileSync(options.logFile, "utf8").slice(-2000)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    ensureBuild(options.buildDir);
    freshDatabase(options);
    writeFileSync(options.logFile, "");
    const log = createWriteStream(options.logFile, { flags: "a" });
    supervisor = spawn("node", ["scripts/server.mjs"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: `file:${options.databaseFile}`,
        SESSION_SECRET: "cluster-test-session-secret-0123456789abcdefghijkl",
        PORT: String(options.port),
        HOST: "127.0.0.1",
        QADAM_BUILD_DIR: options.buildDir,
        LOG_LEVEL: "info",
        WEB_CONCURRENCY: "2",
        LOGIN_MAX_FAILURES_PER_IP: "1000",
      },
    });
    supervisor.stdout?.pipe(log);
    supervisor.stderr?.pipe(log);
    await waitFor(() => listening().length === 2, "two workers listening");
  }, 180_000);

  afterAll(async () => {
    if (supervisor.exitCode === null) {
      const exited = new Promise((resolve) => supervisor.once("exit", resolve));
      supervisor.kill("SIGTERM");
      await exited;
    }
    if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
  });

  it("starts every worker with the heap limit and the malloc setting, also without `npm start`", () => {
    for (const { pid } of listening()) {
      const environment = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
      expect(environment).toContain(`MALLOC_MMAP_THRESHOLD_=${SERVER_MALLOC_ENV.MALLOC_MMAP_THRESHOLD_}`);
      const nodeOptions = environment.find((entry) => entry.startsWith("NODE_OPTIONS="));
      for (const [flag, megabytes] of Object.entries(SERVER_HEAP_LIMITS))
        expect(nodeOptions).toContain(`${flag}=${megabytes}`);
    }
  });

  it("runs both workers, and writes served by both at once all succeed with the chain whole", async () => {
    const workers = listening();
    expect(workers.map((w) => w.worker).sort()).toEqual([1, 2]);
    expect(new Set(workers.map((w) => w.pid)).size).toBe(2);

    // 24 sign-ins at once (each a session row and an audited auth.login event): new connections are handed to the
    // workers in turn, so both write to the file at the same time.
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, i) => signIn(base, DEMO_USERS[i % DEMO_USERS.length])),
    );
    expect(answers.map((answer) => answer.response.status)).toEqual(Array(24).fill(302));
    await waitFor(() => logLines().filter((l) => l.method === "POST" && l.path === "/login").length === 24, "logs");
    const servedBy = new Set(
      logLines()
        .filter((l) => l.method === "POST" && l.status === 302)
        .map((l) => l.worker),
    );
    expect([...servedBy].sort()).toEqual([1, 2]);

    const report = await reportOn(options.databaseFile);
    expect(reportIsSound(report)).toBe(true);
  }, 60_000);

  it("starts a killed worker again, in its slot, while the other keeps answering", async () => {
    const second = listening().find((w) => w.worker === 2);
    expect(second).toBeDefined();
    process.kill(second?.pid ?? 0, "SIGKILL");
    // A connection handed to the worker as it died is lost with it (as with any crash): a client retries.
    let health = 0;
    for (let attempt = 0; attempt < 5 && health !== 200; attempt++) {
      health = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2_000) }).then(
        (response) => response.status,
        () => 0,
      );
    }
    expect(health).toBe(200);
    await waitFor(() => listening().filter((w) => w.worker === 2).length === 2, "worker 2 restarted");
    const restarted = listening().filter((w) => w.worker === 2)[1];
    expect(restarted.pid).not.toBe(second?.pid);
    expect(logLines().filter((l) => l.msg?.startsWith("worker 2 stopped unexpectedly"))).toEqual([
      expect.objectContaining({ worker: 2, signal: "SIGKILL", restartInMs: 0 }),
    ]);
    expect(supervisor.exitCode).toBeNull();
  }, 60_000);
});
