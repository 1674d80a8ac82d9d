// `npm run drill:crash`: kill -9 the production server in the middle of a stream of writes, restart it, and show
// that nothing acknowledged was lost and nothing is damaged.
//  1. a build of its own (build-drill, reused when present; DRILL_REBUILD=1 rebuilds) and a fresh seeded database;
//  2. the server (scripts/server.mjs, NODE_ENV=production) on 127.0.0.1:CRASH_PORT (3281);
//  3. four clients sign in again and again (each sign-in writes a session and an auth.login audit event tagged
//     with the request id the server answers in X-Request-Id); a 302 is an acknowledged write;
//  4. after CRASH_AFTER_MS (2500) the server gets SIGKILL with requests in flight; it is started again;
//  5. checks: PRAGMA integrity_check ok, the audit chain verifies, and every acknowledged request id is in the log.
// Exit 0 when every check passes.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createClient } from "@libsql/client";
import { describeReport, reportIsSound, reportOn } from "./db-tools";
import { DEMO_USERS, ensureBuild, freshDatabase, ROOT, signIn, startServer, type ServerOptions } from "./drill-server";

export async function runCrashDrill(options: ServerOptions, crashAfterMs: number, log: (line: string) => void) {
  if (ensureBuild(options.buildDir)) log(`built the app into ${options.buildDir}`);
  freshDatabase(options);
  let server = await startServer(options);
  log(`server up on ${server.base} (pid ${server.child.pid})`);

  const acknowledged: string[] = [];
  let failed = 0;
  let stop = false;
  const clients = DEMO_USERS.slice(0, 4).map(async (email) => {
    while (!stop) {
      try {
        const { response } = await signIn(server.base, email);
        const requestId = response.headers.get("x-request-id");
        if (response.status === 302 && requestId) acknowledged.push(requestId);
        else failed++;
      } catch {
        // The connection died with the server: this write was never acknowledged.
        failed++;
      }
    }
  });
  await new Promise((resolve) => setTimeout(resolve, crashAfterMs));
  const beforeKill = acknowledged.length;
  server.child.kill("SIGKILL");
  stop = true;
  await server.exited;
  await Promise.all(clients);
  log(
    `SIGKILL after ${crashAfterMs} ms: ${acknowledged.length} sign-ins acknowledged ` +
      `(${acknowledged.length - beforeKill} answered as the signal landed), ${failed} cut off or refused`,
  );

  server = await startServer(options);
  log(`restarted (pid ${server.child.pid})`);
  try {
    const client = createClient({ url: `file:${options.databaseFile}` });
    const missing: string[] = [];
    try {
      for (const requestId of acknowledged) {
        const rows = await client.execute({
          sql: `SELECT count(*) FROM "AuditEvent" WHERE "requestId" = ? AND "action" = 'auth.login'`,
          args: [requestId],
        });
        if (Number(rows.rows[0]?.[0]) !== 1) missing.push(requestId);
      }
    } finally {
      client.close();
    }
    const report = await reportOn(options.databaseFile);
    log(`after restart: ${describeReport(report)}`);
    log(`acknowledged writes present: ${acknowledged.length - missing.length} of ${acknowledged.length}`);
    const healthy = (await fetch(`${server.base}/healthz`)).ok;
    log(`server healthy after restart: ${healthy ? "yes" : "NO"}`);
    return reportIsSound(report) && missing.length === 0 && acknowledged.length > 0 && healthy;
  } finally {
    server.child.kill("SIGTERM");
    await server.exited;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = path.join(ROOT, "data", "drill");
  mkdirSync(dir, { recursive: true });
  const options: ServerOptions = {
    port: Number(process.env.CRASH_PORT ?? 3281),
    databaseFile: path.join(dir, "crash.db"),
    buildDir: process.env.QADAM_BUILD_DIR ?? "build-drill",
    logFile: path.join(dir, "crash-server.log"),
  };
  runCrashDrill(options, Number(process.env.CRASH_AFTER_MS ?? 2500), (line) => console.log(line))
    .then((ok) => {
      console.log(ok ? "CRASH DRILL PASSED" : "CRASH DRILL FAILED");
      process.exitCode = ok ? 0 : 1;
    })
    .catch((error: unknown) => {
      console.error(`crash drill failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 2;
    });
}
