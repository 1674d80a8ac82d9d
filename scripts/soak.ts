// `npm run soak` (not part of `npm test`): SOAK_SECONDS (600) of mixed reads and writes from SOAK_CLIENTS (6)
// signed-in clients against a production server on 127.0.0.1:SOAK_PORT (3282), with a build of its own
// (build-drill, reused when present) and a fresh seeded database.
// Each client loops: pages (dashboard, portfolio, a project, its milestones, the board, history) and, one request
// in four, a write: a fresh sign-in (a session and an auth.login audit event) or a language switch (a
// user.setLocale event; past the rate limit of 30 per 10 minutes it is a 429 and writes nothing).
// Reports: requests by status class, 5xx count, latency p50/p95, error lines in the server's log (pino level
// >= 50, or anything that is not a JSON log line), the server's RSS every 10 s with the trend (mean of the first
// third vs the last third of the samples), and the audit chain and integrity at the end.
// The idle sample and the first SOAK_WARMUP_SECONDS (60) of samples are shown but left out of the trend.
// Exit 0 when there is no 5xx, no error line, RSS grew less than 10 % first to last third, and the chain verifies.
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createClient } from "@libsql/client";
import { describeReport, reportIsSound, reportOn } from "./db-tools";
import { DEMO_USERS, ensureBuild, freshDatabase, ROOT, signIn, startServer, type ServerOptions } from "./drill-server";

type Stats = {
  byClass: Record<string, number>;
  fiveHundreds: string[];
  refused: Record<string, number>;
  latencies: number[];
  networkErrors: number;
};

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Mean of the first third and of the last third of the samples. */
export function trendOf(samples: number[]) {
  const third = Math.max(1, Math.floor(samples.length / 3));
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
  const first = mean(samples.slice(0, third));
  const last = mean(samples.slice(-third));
  return { first: Math.round(first), last: Math.round(last), growth: (last - first) / first };
}

/** Lines of the server's log that report an error: pino level 50 (error) or 60 (fatal), or not a log line at all. */
export function errorLines(log: string): string[] {
  return log
    .split("\n")
    .filter((line) => line.trim() !== "")
    .filter((line) => {
      try {
        const entry: unknown = JSON.parse(line);
        const level = typeof entry === "object" && entry !== null && "level" in entry ? Number(entry.level) : 0;
        return level >= 50;
      } catch {
        return true;
      }
    });
}

async function client(base: string, email: string, projectIds: string[], until: number, stats: Stats) {
  let { cookie } = await signIn(base, email);
  let locale = "ru";
  const pages = ["/", "/projects", "/board", "/history", "/reviews"];
  for (let i = 0; Date.now() < until; i++) {
    const project = projectIds[i % projectIds.length];
    const started = performance.now();
    let path = "";
    try {
      let response: Response;
      if (i % 4 === 3) {
        if (i % 8 === 7) {
          path = "POST /login";
          const signedIn = await signIn(base, email);
          response = signedIn.response;
          if (signedIn.cookie) cookie = signedIn.cookie;
        } else {
          path = "POST /account/language";
          locale = locale === "ru" ? "en" : "ru";
          response = await fetch(`${base}/account/language`, {
            method: "POST",
            redirect: "manual",
            headers: { Origin: base, Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams({ locale, redirectTo: "/" }),
          });
          await response.arrayBuffer();
        }
      } else {
        path = i % 2 === 0 ? pages[(i / 2) % pages.length] : `/projects/${project}${i % 3 === 0 ? "/milestones" : ""}`;
        response = await fetch(`${base}${path}`, { headers: { Cookie: cookie }, redirect: "manual" });
        await response.arrayBuffer();
      }
      stats.latencies.push(performance.now() - started);
      const cls = `${Math.floor(response.status / 100)}xx`;
      stats.byClass[cls] = (stats.byClass[cls] ?? 0) + 1;
      if (response.status >= 500) stats.fiveHundreds.push(`${response.status} ${path}`);
      else if (response.status >= 400) {
        const key = `${response.status} ${path.replace(/\/projects\/[^/]+/, "/projects/:id")}`;
        stats.refused[key] = (stats.refused[key] ?? 0) + 1;
      }
    } catch {
      stats.networkErrors++;
    }
  }
}

export async function runSoak(
  options: ServerOptions & { seconds: number; clients: number; warmupSeconds: number },
  log: (line: string) => void,
) {
  if (ensureBuild(options.buildDir)) log(`built the app into ${options.buildDir}`);
  freshDatabase(options);
  rmSync(options.logFile, { force: true });
  const server = await startServer(options);
  const pid = server.child.pid ?? 0;
  const db = createClient({ url: `file:${options.databaseFile}` });
  const projectIds = (await db.execute(`SELECT id FROM "Project" ORDER BY code`)).rows.map((row) => String(row[0]));
  db.close();
  log(`soak: ${options.clients} clients for ${options.seconds} s against ${server.base} (server pid ${pid})`);

  const stats: Stats = { byClass: {}, fiveHundreds: [], refused: {}, latencies: [], networkErrors: 0 };
  const rss: number[] = [rssOf(pid)];
  const sampler = setInterval(() => {
    rss.push(rssOf(pid));
    log(`  ${Math.round((rss.length - 1) * 10)} s: RSS ${rss.at(-1)} MB, ${stats.latencies.length} requests`);
  }, 10_000);
  const until = Date.now() + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.clients }, (_, i) =>
      client(server.base, DEMO_USERS[i % DEMO_USERS.length], projectIds, until, stats),
    ),
  );
  clearInterval(sampler);
  server.child.kill("SIGTERM");
  await server.exited;

  // The trend leaves out the idle sample and the warm-up (caches, JIT, V8 growing its heap to its working size).
  const warmupSamples = Math.ceil(options.warmupSeconds / 10) + 1;
  const trend = trendOf(rss.slice(Math.min(warmupSamples, rss.length - 3)));
  const errors = errorLines(readFileSync(options.logFile, "utf8"));
  const report = await reportOn(options.databaseFile);
  const total = stats.latencies.length;
  log(
    `requests: ${total} (${(total / options.seconds).toFixed(1)}/s) ${JSON.stringify(stats.byClass)}, network errors ${stats.networkErrors}`,
  );
  log(
    `latency: p50 ${percentile(stats.latencies, 50).toFixed(1)} ms, p95 ${percentile(stats.latencies, 95).toFixed(1)} ms`,
  );
  log(`4xx (refusals by design: a role's 403s, rate limits' 429s): ${JSON.stringify(stats.refused)}`);
  log(
    `5xx: ${stats.fiveHundreds.length}${stats.fiveHundreds.length ? ` (${stats.fiveHundreds.slice(0, 5).join(", ")})` : ""}`,
  );
  log(
    `error lines in the server log: ${errors.length}${errors.length ? `\n    ${errors.slice(0, 5).join("\n    ")}` : ""}`,
  );
  log(`RSS samples (MB, every 10 s): ${rss.join(" ")}`);
  log(
    `RSS trend after a ${options.warmupSeconds} s warm-up: first third ${trend.first} MB, last third ${trend.last} MB (${(trend.growth * 100).toFixed(1)} %)`,
  );
  log(`database: ${describeReport(report)}`);
  const ok =
    stats.fiveHundreds.length === 0 &&
    stats.networkErrors === 0 &&
    errors.length === 0 &&
    trend.growth < 0.1 &&
    reportIsSound(report);
  // The figures too, for the benchmark's table.
  return {
    ok,
    requests: total,
    p50: percentile(stats.latencies, 50),
    p95: percentile(stats.latencies, 95),
    fiveHundreds: stats.fiveHundreds.length,
    rssSamples: rss,
    rssLastMb: rss.at(-1) ?? 0,
    trend,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = path.join(ROOT, "data", "drill");
  mkdirSync(dir, { recursive: true });
  const options = {
    port: Number(process.env.SOAK_PORT ?? 3282),
    databaseFile: path.join(dir, "soak.db"),
    buildDir: process.env.QADAM_BUILD_DIR ?? "build-drill",
    logFile: path.join(dir, "soak-server.log"),
    seconds: Number(process.env.SOAK_SECONDS ?? 600),
    clients: Number(process.env.SOAK_CLIENTS ?? 6),
    warmupSeconds: Number(process.env.SOAK_WARMUP_SECONDS ?? 60),
  };
  runSoak(options, (line) => console.log(line))
    .then(({ ok }) => {
      console.log(ok ? "SOAK PASSED" : "SOAK FAILED");
      process.exitCode = ok ? 0 : 1;
    })
    .catch((error: unknown) => {
      console.error(`soak failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 2;
    });
}
