// `npm run bench`: measures Qadam as a user would feel it, on this machine, against a production build.
// 1. a fresh seeded database, grown with BENCH_EVENTS synthetic (validly chained) audit events;
// 2. the production server on BENCH_PORT;
// 3. autocannon against the main pages as a signed-in manager and auditor, then one big streamed export.
// Figures are medians of one run; the machine is shared, so compare ratios, not absolutes.
import { execFileSync, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { createClient } from "@libsql/client";
import autocannon from "autocannon";
import { chainHash, type ChainedFields } from "../app/lib/audit-chain.server";

const PORT = Number(process.env.BENCH_PORT ?? 3950);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 200_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 4);
const BASE = `http://127.0.0.1:${PORT}`;
const FILE = "./data/bench.db";
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  DATABASE_URL: `file:${FILE}`,
  SESSION_SECRET: "bench-only-session-secret-0123456789abcdefghijkl",
  SEED_ON_START: "true",
  PORT: String(PORT),
  LOG_LEVEL: "warn",
  QADAM_BUILD_DIR: "build-bench",
};

async function growAuditLog(count: number) {
  const client = createClient({ url: env.DATABASE_URL! });
  const last = (await client.execute("SELECT seq, hash, projectId FROM AuditEvent ORDER BY seq DESC LIMIT 1")).rows[0];
  const projects = (await client.execute("SELECT id FROM Project")).rows.map((r) => String(r.id));
  let seq = Number(last.seq);
  let prev = String(last.hash);
  const started = Date.now();
  const BATCH = 5_000;
  for (let done = 0; done < count; done += BATCH) {
    const statements = [];
    for (let i = 0; i < Math.min(BATCH, count - done); i++) {
      seq++;
      const event: ChainedFields = {
        seq,
        occurredAt: new Date(Date.UTC(2025, 0, 1) + seq * 60_000),
        actorId: null,
        actorEmail: "bench@qadam.test",
        action: "bench.touch",
        entityType: "Project",
        entityId: projects[seq % projects.length],
        projectId: projects[seq % projects.length],
        before: JSON.stringify({ percentComplete: seq % 100 }),
        after: JSON.stringify({ percentComplete: (seq + 1) % 100 }),
        reason: null,
        requestId: null,
        ip: null,
      };
      const hash = chainHash(prev, event);
      statements.push({
        sql: `INSERT INTO AuditEvent (seq, occurredAt, actorId, actorEmail, action, entityType, entityId, projectId, "before", "after", reason, requestId, ip, prevHash, hash)
              VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?)`,
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
  return { seconds: (Date.now() - started) / 1000, headSeq: seq };
}

async function signIn(email: string): Promise<string> {
  const response = await fetch(`${BASE}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: BASE, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: "qadam-demo-2026" }),
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error(`sign-in failed for ${email}: ${response.status}`);
  return cookie;
}

async function measure(name: string, path: string, cookie: string) {
  const probe = await fetch(`${BASE}${path}`, { headers: { Cookie: cookie }, redirect: "manual" });
  await probe.arrayBuffer();
  if (probe.status !== 200) return { name, path, status: probe.status, skipped: true };
  // One connection: what one person feels. Ten: what the server sustains (SQLite serialises the queries).
  const single = await autocannon({
    url: `${BASE}${path}`,
    connections: 1,
    duration: DURATION,
    headers: { Cookie: cookie },
  });
  const loaded = await autocannon({
    url: `${BASE}${path}`,
    connections: 10,
    duration: DURATION,
    headers: { Cookie: cookie },
  });
  return {
    name,
    path,
    status: probe.status,
    "p50 ms (1 conn)": single.latency.p50,
    "req/s (10 conn)": Math.round(loaded.requests.average),
    "p50 ms (10 conn)": loaded.latency.p50,
    "p99 ms (10 conn)": loaded.latency.p99,
    errors: single.errors + single.non2xx + loaded.errors + loaded.non2xx,
  };
}

async function main() {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${FILE}${suffix}`, { force: true });
  execFileSync("npx", ["remix", "vite:build", "--logLevel", "warn"], { stdio: "inherit", env });
  execFileSync("node", ["scripts/prepare-db.mjs"], { stdio: "ignore", env });
  const grown = await growAuditLog(EVENTS);
  console.log(`audit log grown by ${EVENTS} events in ${grown.seconds.toFixed(1)} s (head seq ${grown.headSeq})`);

  const verifyStarted = Date.now();
  const verify = execFileSync("npx", ["tsx", "scripts/audit-verify.ts"], { env, encoding: "utf8" }).trim();
  console.log(`audit:verify ${((Date.now() - verifyStarted) / 1000).toFixed(1)} s → ${verify.split("\n").pop()}`);

  const server = spawn("node", ["scripts/server.mjs"], { env, stdio: ["ignore", "ignore", "inherit"] });
  try {
    for (let i = 0; i < 100; i++) {
      const ok = await fetch(`${BASE}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const manager = await signIn("wb.manager@qadam.test");
    const auditor = await signIn("auditor@qadam.test");
    const client = createClient({ url: env.DATABASE_URL! });
    const project = (await client.execute("SELECT id FROM Project WHERE code = 'P128050'")).rows[0].id;
    client.close();

    const rows = [];
    rows.push(await measure("health", "/healthz", ""));
    rows.push(await measure("home (manager)", "/", manager));
    rows.push(await measure("projects list", "/projects", manager));
    rows.push(await measure("project overview", `/projects/${project}`, manager));
    rows.push(await measure("milestones tab", `/projects/${project}/milestones`, manager));
    rows.push(await measure("indicators tab", `/projects/${project}/indicators`, manager));
    rows.push(await measure("status board", "/board", manager));
    rows.push(await measure("review queue", "/reviews", manager));
    rows.push(await measure("history, first page", "/history", auditor));
    rows.push(await measure("history, deep page", `/history?before=${Math.floor(grown.headSeq / 10)}`, auditor));
    rows.push(await measure("history, one project", `/history?project=P128050`, auditor));
    console.table(rows);

    const exportStarted = Date.now();
    const response = await fetch(`${BASE}/exports/audit.ndjson`, { headers: { Cookie: auditor } });
    let bytes = 0;
    const reader = response.body?.getReader();
    for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read())
      bytes += chunk.value.byteLength;
    const seconds = (Date.now() - exportStarted) / 1000;
    console.log(
      `export /exports/audit.ndjson: status ${response.status}, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s ` +
        `(${(bytes / 1e6 / seconds).toFixed(1)} MB/s)`,
    );
  } finally {
    server.kill("SIGTERM");
  }
}

await main();
