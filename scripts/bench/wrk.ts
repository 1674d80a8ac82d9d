// The load tool of `npm run bench`: wrk (Debian's `wrk` package). Chosen over autocannon because it is written in C
// and drives 10 connections with a few percent of one core, where a Node load generator would take a large share of
// this 2-core machine away from the server it measures; the issue's own figures were taken with wrk too.
// Every run ends with a Lua `done` hook that prints one JSON line (exact percentiles, not wrk's rounded text).
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export type LoadResult = {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Socket errors and answers ≥ 400. */
  errors: number;
};

const DONE_HOOK = `
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('\\nRESULT {"requests":%d,"duration_us":%d,"p50":%d,"p95":%d,"p99":%d,"errors":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout + e.status))
end
`;

let scriptDir: string | undefined;
function luaScript(name: string, prelude: string): string {
  scriptDir ??= mkdtempSync(path.join(tmpdir(), "qadam-bench-"));
  const file = path.join(scriptDir, `${name}.lua`);
  writeFileSync(file, `${prelude}\n${DONE_HOOK}`);
  return file;
}

/** Whether wrk is installed; the bench says how to install it when not. */
export function hasWrk(): boolean {
  try {
    execFileSync("wrk", ["--version"], { stdio: "ignore" });
    return true;
  } catch (error) {
    // wrk --version exits 1 after printing its version: found all the same.
    return typeof error === "object" && error !== null && "status" in error && error.status === 1;
  }
}

export type LoadOptions = {
  url: string;
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  /** A form POST instead of a GET (sign-in). */
  form?: Record<string, string>;
  /** Run wrk on these CPUs (taskset), away from a server pinned to the others. */
  cpus?: string;
};

/** One wrk run: throughput and latency percentiles in milliseconds. */
export function runLoad(options: LoadOptions): LoadResult {
  const prelude = options.form
    ? `wrk.method = "POST"\nwrk.body = "${new URLSearchParams(options.form).toString()}"\nwrk.headers["Content-Type"] = "application/x-www-form-urlencoded"`
    : "";
  const script = luaScript(options.form ? "post" : "get", prelude);
  const args = [
    "-t1",
    `-c${options.connections}`,
    `-d${options.seconds}s`,
    "--timeout",
    "30s",
    "-s",
    script,
    ...Object.entries(options.headers ?? {}).flatMap(([name, value]) => ["-H", `${name}: ${value}`]),
    options.url,
  ];
  const [command, commandArgs] = options.cpus ? ["taskset", ["-c", options.cpus, "wrk", ...args]] : ["wrk", args];
  const output = execFileSync(command, commandArgs, { encoding: "utf8", maxBuffer: 1 << 20 });
  const line = output.split("\n").find((l) => l.startsWith("RESULT "));
  if (!line) throw new Error(`wrk printed no result for ${options.url}:\n${output}`);
  const raw = JSON.parse(line.slice("RESULT ".length)) as {
    requests: number;
    duration_us: number;
    p50: number;
    p95: number;
    p99: number;
    errors: number;
  };
  const ms = (us: number) => Math.round(us / 10) / 100;
  return {
    requests: raw.requests,
    rps: Math.round((raw.requests / (raw.duration_us / 1e6)) * 10) / 10,
    p50: ms(raw.p50),
    p95: ms(raw.p95),
    p99: ms(raw.p99),
    errors: raw.errors,
  };
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
