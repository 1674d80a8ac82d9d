// The crash drill's lighter twin (the full one, `npm run drill:crash`, kills the production server): a writer
// process is killed with SIGKILL in the middle of its stream of audited writes. SQLite in WAL mode with
// synchronous=NORMAL loses no committed transaction when a process dies, so every acknowledged write is there,
// the half-done one left no trace, the file is sound and the chain verifies.
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { checkDatabase, createDrillOrganization, organizationHistory, startWriter } from "./data-safety-kit";

describe("a writer killed with SIGKILL mid-stream", () => {
  it("loses no acknowledged write and leaves a sound database and chain", async () => {
    const org = await createDrillOrganization();
    const url = process.env.DATABASE_URL ?? "";
    const writers = [1, 2].map((i) => startWriter(org.id, 0, `k${i}`, url));
    while (writers.some((writer) => writer.acks.length < 15)) await new Promise((resolve) => setTimeout(resolve, 10));
    writers[0].child.kill("SIGKILL");
    expect(await writers[0].done).toBeNull();
    writers[1].child.kill("SIGKILL");
    await writers[1].done;

    const acks = writers.flatMap((writer) => writer.acks);
    const { version, updates } = await organizationHistory(db, org.id);
    // Every acknowledged version is there, and data and history agree (a write is both or neither).
    expect(version).toBeGreaterThanOrEqual(Math.max(...acks));
    expect(version - org.version).toBe(updates);
    // At most the write in flight in each process committed without being acknowledged.
    expect(updates - acks.length).toBeLessThanOrEqual(2);
    const { integrity, chain } = await checkDatabase(db);
    expect(integrity).toBe("ok");
    expect(chain.ok).toBe(true);
  }, 30_000);
});
