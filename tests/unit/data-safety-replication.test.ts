// `npm run db:replication-drill` as the command it is: Litestream replicates to a file replica while writer
// processes write, the primary is destroyed, and the database restored from the replica has every acknowledged
// write and the same audit chain head. Litestream ships as an optional dependency for Linux x64 only.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

describe.skipIf(process.platform !== "linux" || process.arch !== "x64")("replication drill", () => {
  it("restores every acknowledged write from the Litestream replica after the primary is lost", async () => {
    const { stdout } = await run(process.execPath, ["--import", "tsx", "scripts/drill-replication.ts"], {
      cwd: root,
    });
    expect(stdout).toMatch(/^writers: 80 acknowledged writes, last version 81, errors 0$/m);
    expect(stdout).toMatch(/^primary lost \(litestream killed, database, WAL and shm deleted\)$/m);
    expect(stdout).toMatch(/^restored: integrity ok; .*AuditEvent 81; chain OK 81 events, head 81 [0-9a-f]{64}$/m);
    expect(stdout).toMatch(
      /^every acknowledged write present: yes \(version 81\); same chain head as the primary: yes$/m,
    );
    expect(stdout).toMatch(/REPLICATION DRILL PASSED\n$/);
  }, 30_000);
});
