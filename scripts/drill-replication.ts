// `npm run db:replication-drill`: continuous replication with Litestream, proved end to end on this machine.
//  1. a fresh database and `litestream replicate` to a local file replica (config written as docs/litestream.yml
//     describes, with short intervals);
//  2. writer processes make audited edits through the app's data layer; each write is acknowledged on commit;
//  3. once the replica holds the last acknowledged write (the time it took is printed: the replication lag), the
//     primary is lost: Litestream is killed with SIGKILL and the database file, its WAL and shm are deleted;
//  4. `litestream restore` rebuilds the database from the replica, which is then checked: integrity_check ok, the
//     audit chain verifies with the same head as the lost primary, and every acknowledged write is present.
// DRILL_DIR keeps the files (default: a temporary folder, removed afterwards). Exit 0 when every check passes.
import { spawn, execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { createMigratedDatabase, describeReport, reportIsSound, reportOn } from "./db-tools";
import { createDrillOrganization, startWriter } from "./drill-writer";

const run = promisify(execFile);
const LITESTREAM = path.resolve(import.meta.dirname, "..", "node_modules/@flydotio/litestream-linux-x64/litestream");

const WRITERS = 2;
const WRITES_EACH = 40;
const REPLICA_WAIT_MS = 15_000;

/** Restores the replica into `output` (replacing it) and answers the organisation's version there. */
async function restoreReplica(config: string, primary: string, output: string) {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${output}${suffix}`, { force: true });
  await run(LITESTREAM, ["restore", "-config", config, "-o", output, primary]);
}

async function versionIn(file: string, organizationId: string): Promise<number> {
  const { createClient } = await import("@libsql/client");
  const client = createClient({ url: `file:${file}` });
  try {
    const rows = (
      await client.execute({ sql: "SELECT version FROM Organization WHERE id = ?", args: [organizationId] })
    ).rows;
    return Number(rows[0]?.[0] ?? -1);
  } finally {
    client.close();
  }
}

export async function runReplicationDrill(dir: string, log: (line: string) => void): Promise<boolean> {
  if (!existsSync(LITESTREAM)) throw new Error(`${LITESTREAM} is missing: npm install (optional dependency)`);
  const primary = path.join(dir, "primary.db");
  const replica = path.join(dir, "replica");
  const config = path.join(dir, "litestream.yml");
  await createMigratedDatabase(primary);
  writeFileSync(
    config,
    [
      "dbs:",
      `  - path: ${primary}`,
      "    monitor-interval: 100ms",
      "    replicas:",
      "      - type: file",
      `        path: ${replica}`,
      "        sync-interval: 200ms",
      "",
    ].join("\n"),
  );
  const litestream = spawn(LITESTREAM, ["replicate", "-config", config], { stdio: ["ignore", "ignore", "pipe"] });
  let litestreamLog = "";
  litestream.stderr.on("data", (chunk: Buffer) => (litestreamLog += chunk.toString()));
  try {
    const url = `file:${primary}`;
    const org = await createDrillOrganization(url);
    const writers = Array.from({ length: WRITERS }, (_, i) => startWriter(org.id, WRITES_EACH, `r${i + 1}`, url));
    const reports = await Promise.all(writers.map((writer) => writer.done));
    const acknowledgedAt = Date.now();
    const acks = writers.flatMap((writer) => writer.acks);
    const lastAck = Math.max(...acks);
    log(
      `writers: ${acks.length} acknowledged writes, last version ${lastAck}, errors ${reports.flatMap((r) => r?.errors ?? ["no report"]).length}`,
    );
    const before = await reportOn(primary);
    log(`primary: ${describeReport(before)}`);

    // Wait until the replica holds the last acknowledged write.
    const probe = path.join(dir, "probe.db");
    let replicated = -1;
    while (Date.now() - acknowledgedAt < REPLICA_WAIT_MS) {
      await restoreReplica(config, primary, probe).catch(() => undefined);
      if (existsSync(probe)) replicated = await versionIn(probe, org.id);
      if (replicated >= lastAck) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    log(`replica holds version ${replicated} ${Date.now() - acknowledgedAt} ms after the last acknowledgement`);

    // Lose the primary: no clean shutdown, no file left.
    litestream.kill("SIGKILL");
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${primary}${suffix}`, { force: true });
    log("primary lost (litestream killed, database, WAL and shm deleted)");

    await restoreReplica(config, primary, primary);
    const after = await reportOn(primary);
    log(`restored: ${describeReport(after)}`);
    const version = await versionIn(primary, org.id);
    const sameHead =
      before.chain.ok &&
      after.chain.ok &&
      before.chain.headHash === after.chain.headHash &&
      before.chain.headSeq === after.chain.headSeq;
    const everyAck = version === lastAck && acks.length === WRITERS * WRITES_EACH;
    log(
      `every acknowledged write present: ${everyAck ? "yes" : "NO"} (version ${version}); same chain head as the primary: ${sameHead ? "yes" : "NO"}`,
    );
    return reportIsSound(after) && sameHead && everyAck;
  } catch (error) {
    if (litestreamLog) log(`litestream said:\n${litestreamLog}`);
    throw error;
  } finally {
    litestream.kill("SIGKILL");
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.env.DRILL_DIR ?? mkdtempSync(path.join(os.tmpdir(), "qadam-replication-"));
  runReplicationDrill(dir, (line) => console.log(line))
    .then((ok) => {
      console.log(ok ? "REPLICATION DRILL PASSED" : "REPLICATION DRILL FAILED");
      process.exitCode = ok ? 0 : 1;
    })
    .catch((error: unknown) => {
      console.error(`replication drill failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 2;
    })
    .finally(() => {
      if (!process.env.DRILL_DIR) rmSync(dir, { recursive: true, force: true });
    });
}
