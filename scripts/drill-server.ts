// A production Qadam server for the drills and the soak: a build folder of its own, a seeded database file of
// its own, the real HTTP server (scripts/server.mjs) on a loopback port, and a client that signs in as the demo
// accounts do. Nothing here is a test double: requests go through Express, Remix and the app's data layer.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { serverProcessEnv } from "./cluster.mjs";

export const ROOT = path.resolve(import.meta.dirname, "..");
export const DEMO_PASSWORD = "qadam-demo-2026";
export const DEMO_USERS = [
  "wb.manager@qadam.test",
  "wb.officer@qadam.test",
  "ifc.manager@qadam.test",
  "ifc.officer@qadam.test",
  "transport.manager@qadam.test",
  "auditor@qadam.test",
];

export type ServerOptions = { port: number; databaseFile: string; buildDir: string; logFile: string };

function serverEnv(options: ServerOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: `file:${options.databaseFile}`,
    SESSION_SECRET: "drill-only-session-secret-0123456789abcdefghijklmnop",
    SEED_ON_START: "true",
    PORT: String(options.port),
    HOST: "127.0.0.1",
    QADAM_BUILD_DIR: options.buildDir,
    LOG_LEVEL: "info",
    // Several clients sign in from 127.0.0.1: the per-IP failure limit is not what a drill measures.
    LOGIN_MAX_FAILURES_PER_IP: "1000",
  };
  delete env.DATABASE_AUTH_TOKEN;
  return env;
}

// Builds the app into a folder unless a fresh build is there (shared with the test suite's build).
export { ensureBuild } from "./test-build.mjs";

/** A fresh database file with the schema and the demo portfolio (the e2e server's way). */
export function freshDatabase(options: ServerOptions) {
  mkdirSync(path.dirname(options.databaseFile), { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${options.databaseFile}${suffix}`, { force: true });
  execFileSync("node", ["scripts/prepare-db.mjs"], { cwd: ROOT, stdio: "ignore", env: serverEnv(options) });
}

export type RunningServer = { child: ChildProcess; base: string; exited: Promise<void> };

/** Starts scripts/server.mjs (its log appended to logFile) and waits until /healthz answers 200. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const log = createWriteStream(options.logFile, { flags: "a" });
  // One process, without the supervisor: the drills kill the server's own process and read its memory.
  const child = spawn("node", ["scripts/server.mjs", "--single-process"], {
    cwd: ROOT,
    // With the heap limit and malloc setting of production (`npm start`): the soak measures the memory of the server as deployed.
    env: serverProcessEnv(serverEnv(options)),
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const base = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}: see ${options.logFile}`);
    const ok = await fetch(`${base}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return { child, base, exited };
    if (Date.now() > deadline)
      throw new Error(`the server did not answer /healthz within 30 s: see ${options.logFile}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Signs in: answers the response (302 on success) and the session cookie, if one was set. */
export async function signIn(base: string, email: string) {
  const response = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD, redirectTo: "/" }),
  });
  await response.arrayBuffer();
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  return { response, cookie };
}
