// Several processes writing through the app's own data layer at once, as several server instances or a server
// and a script would: writers queue for the lock taken at BEGIN, so no write fails busy, none is lost, and the
// audit chain stays whole.
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { checkDatabase, createDrillOrganization, organizationHistory, startWriter } from "./data-safety-kit";

const PROCESSES = 4;
const WRITES_EACH = 50;

describe("concurrent writer processes", () => {
  it(`${PROCESSES} processes × ${WRITES_EACH} audited edits of one row: 0 busy errors, 0 retries, 0 lost updates`, async () => {
    const org = await createDrillOrganization();
    const url = process.env.DATABASE_URL ?? "";
    const writers = Array.from({ length: PROCESSES }, (_, i) => startWriter(org.id, WRITES_EACH, `p${i + 1}`, url));
    const reports = await Promise.all(writers.map((writer) => writer.done));

    for (const report of reports) {
      expect(report).toMatchObject({ acknowledged: WRITES_EACH, retries: 0, errors: [] });
    }
    // Each acknowledged write produced its own version: none overwrote another.
    const versions = writers.flatMap((writer) => writer.acks).sort((a, b) => a - b);
    const total = PROCESSES * WRITES_EACH;
    expect(versions).toEqual(Array.from({ length: total }, (_, i) => org.version + 1 + i));
    expect(await organizationHistory(db, org.id)).toEqual({ version: org.version + total, updates: total });
    const { integrity, chain } = await checkDatabase(db);
    expect(integrity).toBe("ok");
    expect(chain.ok).toBe(true);
  }, 60_000);
});
