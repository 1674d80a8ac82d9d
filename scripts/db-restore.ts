// `npm run db:restore -- <backup file> [--to <file: URL>] [--force]`: puts a backup in place of the database
// (DATABASE_URL, or the --to URL) and checks the result.
// - The backup is checked first (PRAGMA integrity_check); a damaged one is never restored.
// - An existing target is only replaced with --force, and never while it is in use: SQLite can only leave WAL
//   mode when no other connection is open, so a target any process still has open (a running server, a script)
//   is refused. Stop the server first.
// - The replaced database is kept beside it as <name>.replaced-<UTC stamp>.db, never deleted.
// - The copy is written next to the target and renamed over it, so a crash mid-restore leaves the old file.
// Then the restored database is checked: integrity, row counts and the audit chain.
// Exit 0 restored and sound; 1 refused or the check failed; 2 on an error.
import { copyFileSync, existsSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createClient } from "@libsql/client";
import {
  databaseUrlFromEnv,
  describeReport,
  filePathOf,
  fileStamp,
  integrityOf,
  reportIsSound,
  reportOn,
} from "./db-tools";

export class RestoreRefused extends Error {}

/** Throws RestoreRefused when some connection has the database open. */
async function ensureNotInUse(file: string) {
  const client = createClient({ url: `file:${file}` });
  try {
    await client.execute("PRAGMA busy_timeout = 0");
    const mode = (await client.execute("PRAGMA journal_mode = DELETE")).rows[0]?.[0];
    if (mode !== "delete") throw new RestoreRefused(`${file} is in use (journal mode stays ${String(mode)})`);
  } catch (error) {
    if (error instanceof RestoreRefused) throw error;
    throw new RestoreRefused(`${file} is in use by another process: stop the server first`);
  } finally {
    client.close();
  }
}

/** Restores `backup` to the database at `url`; returns the path of the replaced database, if there was one. */
export async function restoreDatabase(backup: string, url: string, force: boolean): Promise<string | null> {
  const source = path.resolve(backup);
  const target = filePathOf(url);
  if (!existsSync(source)) throw new RestoreRefused(`${source} does not exist`);
  const integrity = await integrityOf(source);
  if (integrity !== "ok") throw new RestoreRefused(`${source} is damaged (integrity_check: ${integrity})`);
  let replaced: string | null = null;
  if (existsSync(target)) {
    if (!force) throw new RestoreRefused(`${target} exists: add --force to replace it (it is kept as a copy)`);
    await ensureNotInUse(target);
    replaced = target.replace(/(\.db)?$/, `.replaced-${fileStamp()}.db`);
  }
  const staging = `${target}.restoring`;
  copyFileSync(source, staging);
  if (replaced) renameSync(target, replaced);
  for (const suffix of ["-wal", "-shm", "-journal"]) rmSync(`${target}${suffix}`, { force: true });
  renameSync(staging, target);
  return replaced;
}

function parseArgs(args: string[]) {
  const force = args.includes("--force");
  const toIndex = args.indexOf("--to");
  const to = toIndex >= 0 ? args[toIndex + 1] : undefined;
  const rest = args.filter((arg, i) => arg !== "--force" && (toIndex < 0 || (i !== toIndex && i !== toIndex + 1)));
  return { backup: rest[0], to, force };
}

async function main(): Promise<number> {
  const { backup, to, force } = parseArgs(process.argv.slice(2));
  if (!backup) {
    console.error("usage: npm run db:restore -- <backup file> [--to file:<path>] [--force]");
    return 2;
  }
  const url = to ?? databaseUrlFromEnv();
  try {
    const replaced = await restoreDatabase(backup, url, force);
    if (replaced) console.log(`the previous database is kept as ${replaced}`);
  } catch (error) {
    if (!(error instanceof RestoreRefused)) throw error;
    console.error(`db:restore refused: ${error.message}`);
    return 1;
  }
  const report = await reportOn(filePathOf(url));
  console.log(`${reportIsSound(report) ? "OK restored" : "FAILED check of"} ${filePathOf(url)}`);
  console.log(describeReport(report));
  return reportIsSound(report) ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`db:restore failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
      process.exitCode = 2;
    },
  );
}
