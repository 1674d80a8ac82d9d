// `npm run db:backup`: a consistent copy of the live database while the app keeps serving, then a check of it.
//   backups/<name>-<UTC stamp>.db   (BACKUP_DIR to write elsewhere; the folder is git-ignored)
// SQLite's VACUUM INTO reads the database in one read transaction, so the copy is the database as of one
// instant (data and audit events agree) and writers are not blocked while it runs (WAL). The copy is then
// checked: PRAGMA integrity_check, row counts, and the audit chain from first event to head.
// Prints the backup's path and its report; exit 0 when sound, 1 when the check fails, 2 on an error.
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createClient } from "@libsql/client";
import { databaseUrlFromEnv, describeReport, filePathOf, fileStamp, reportIsSound, reportOn } from "./db-tools";

/** Writes a consistent copy of the database at `url` into `dir` and returns its path. */
export async function backupDatabase(url: string, dir: string): Promise<string> {
  const source = filePathOf(url);
  mkdirSync(dir, { recursive: true });
  const target = path.join(path.resolve(dir), `${path.basename(source, path.extname(source))}-${fileStamp()}.db`);
  const client = createClient({ url: `file:${source}` });
  try {
    // Waits for a writer's checkpoint rather than failing; the copy itself never waits for writers.
    await client.execute("PRAGMA busy_timeout = 5000");
    await client.execute({ sql: "VACUUM INTO ?", args: [target] });
  } catch (error) {
    rmSync(target, { force: true });
    throw error;
  } finally {
    client.close();
  }
  return target;
}

async function main(): Promise<number> {
  const url = databaseUrlFromEnv();
  const file = await backupDatabase(url, process.env.BACKUP_DIR ?? "backups");
  const report = await reportOn(file);
  console.log(`${reportIsSound(report) ? "OK" : "FAILED"} ${file}`);
  console.log(describeReport(report));
  return reportIsSound(report) ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`db:backup failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
      process.exitCode = 2;
    },
  );
}
