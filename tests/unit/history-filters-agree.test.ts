// History's filters are written twice: in plain SQL for the page (models/history-page-sql.server.ts, read on every
// visit) and as a Prisma `where` for the exports (auditWhereFor). This property test holds the two to the same
// events for random filter combinations and every kind of reader, with dates that fall exactly on events.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import type { Actor } from "~/lib/permissions";
import { readRows, cell } from "~/lib/sql.server";
import { auditWhereFor, type HistoryFilters } from "~/models/history.server";
import { filteredAuditSql, scopeSql, visibleProjectIdsSql } from "~/models/history-page-sql.server";
import { createOrganization, createProject } from "../helpers/factories";
import { appendSyntheticEvents } from "../helpers/history-fixtures";

const ACTORS = [
  { id: "u1", email: "u1@qadam.test" },
  { id: "u2", email: "u2@qadam.test" },
  { id: "u3", email: "u3@qadam.test" },
];
let readers: Actor[] = [];
let projectIds: string[] = [];
let stamps: Date[] = [];

beforeAll(async () => {
  const ministry = await createOrganization({ kind: "MINISTRY" });
  const other = await createOrganization({ kind: "MINISTRY" });
  const worldBank = await createOrganization({ kind: "WORLD_BANK" });
  const ifc = await createOrganization({ kind: "IFC" });
  const projects = [
    await createProject({ institution: "WB", implementingAgencyId: ministry.id }),
    await createProject({ institution: "IFC", implementingAgencyId: other.id }),
    await createProject({ institution: "JOINT", implementingAgencyId: ministry.id }),
    await createProject({ institution: "WB", implementingAgencyId: other.id }),
  ];
  projectIds = projects.map((p) => p.id);
  await appendSyntheticEvents({
    url: process.env.DATABASE_URL ?? "",
    count: 600,
    projectIds: [...projectIds, null],
    actors: ACTORS,
    startAt: new Date(Date.UTC(2026, 2, 1)),
    stepMs: 3_600_000,
  });
  const rows = await readRows(`SELECT occurredAt FROM "AuditEvent" ORDER BY seq`);
  stamps = rows.map((row) => cell.date(row, "occurredAt"));
  readers = [
    { id: "r1", role: "AUDITOR", organizationId: worldBank.id, organizationKind: "WORLD_BANK" },
    { id: "r2", role: "ADMIN", organizationId: worldBank.id, organizationKind: "WORLD_BANK" },
    { id: "r3", role: "MANAGER", organizationId: worldBank.id, organizationKind: "WORLD_BANK" },
    { id: "r4", role: "OFFICER", organizationId: ifc.id, organizationKind: "IFC" },
    { id: "r5", role: "MANAGER", organizationId: ministry.id, organizationKind: "MINISTRY" },
    { id: "r6", role: "OFFICER", organizationId: other.id, organizationKind: "MINISTRY" },
  ];
}, 60_000);

/** The seqs the page's SQL selects for this reader and these filters, newest first. */
async function pageSeqs(reader: Actor, filters: HistoryFilters): Promise<number[]> {
  const where = scopeSql(reader, await filteredAuditSql(filters), await visibleProjectIdsSql(reader));
  const clause = where.sql.length ? `WHERE ${where.sql.join(" AND ")}` : "";
  const rows = await readRows(`SELECT seq FROM "AuditEvent" ${clause} ORDER BY seq DESC`, where.args);
  return rows.map((row) => cell.number(row, "seq"));
}

/** The seqs the exports' Prisma `where` selects, newest first. */
async function exportSeqs(reader: Actor, filters: HistoryFilters): Promise<number[]> {
  const rows = await db.auditEvent.findMany({
    where: await auditWhereFor(reader, filters),
    select: { seq: true },
    orderBy: { seq: "desc" },
  });
  return rows.map((row) => row.seq);
}

/** Mostly absent: a filter combination that selects nothing proves little. */
const maybe = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary, weight: 1 });

describe("History's page and the exports select the same events", () => {
  it("for random filters, every kind of reader, and date bounds exactly on events", async () => {
    const stamp = fc.nat().map((n) => stamps[n % stamps.length] ?? new Date(0));
    // A bound one millisecond either side of an event, or exactly on it (where text comparison could slip).
    const bound = fc.tuple(stamp, fc.constantFrom(-1, 0, 1)).map(([date, shift]) => new Date(date.getTime() + shift));
    const filters: fc.Arbitrary<HistoryFilters> = fc.record({
      from: maybe(bound),
      to: maybe(bound),
      projectId: maybe(fc.constantFrom(...projectIds, "__none__")),
      entityType: maybe(fc.constantFrom("Milestone", "IndicatorValue", "Project", "Rating", "Nothing")),
      actorId: maybe(fc.constantFrom("u1", "u2", "u3", "nobody")),
      actorEmail: maybe(fc.constantFrom("u2@qadam.test", "nobody@qadam.test")),
      action: maybe(fc.constantFrom("milestone.update", "indicatorValue.report", "rating.record", "user.signIn")),
    });
    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 5 }), filters, async (which, chosen) => {
        const reader = readers[which] ?? readers[0];
        if (!reader) throw new Error("no readers");
        const fromPage = await pageSeqs(reader, chosen);
        expect(fromPage).toEqual(await exportSeqs(reader, chosen));
        if (fromPage.length) nonEmpty++;
      }),
      { numRuns: 150 },
    );
    // The comparison is only worth something if many of the cases select events.
    expect(nonEmpty).toBeGreaterThan(50);
  });
});
