// The milestones and indicators tabs count pending submissions for the project's own rows: the SQL Prisma sends is
// run through EXPLAIN QUERY PLAN, and no statement may walk a whole table of updates or values (a filtered `_count`
// grouped every project's rows before joining them to this project's few).
import { createClient } from "@libsql/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "~/generated/prisma/client";

const url = process.env.DATABASE_URL ?? "";
const captured: Array<{ query: string; params: string }> = [];
const client = new PrismaClient({ adapter: new PrismaLibSQL({ url }), log: [{ emit: "event", level: "query" }] });
client.$on("query", (event) => captured.push({ query: event.query, params: event.params }));
// The app's modules pick up this client as their `db` (dynamic imports: static ones would create the default one).
(globalThis as { qadamDb?: unknown }).qadamDb = client;
const { listProjectIndicators } = await import("~/models/indicator.server");
const { listProjectMilestones } = await import("~/models/milestone.server");
const factories = await import("../helpers/factories");

const sqlite = createClient({ url });
const ids = { project: "", other: "", indicator: "", milestone: "" };

beforeAll(async () => {
  const officer = await factories.createUser({ role: "OFFICER" });
  const project = await factories.createProject();
  const other = await factories.createProject();
  const indicator = await factories.createIndicator(project.id);
  const milestone = await factories.createMilestone(project.id);
  Object.assign(ids, { project: project.id, other: other.id, indicator: indicator.id, milestone: milestone.id });
  await factories.createIndicatorValue(indicator.id, officer.id, { state: "SUBMITTED" });
  await factories.createMilestoneUpdate(milestone.id, officer.id);
  await factories.createMilestoneUpdate(milestone.id, officer.id);
  // Another project's pending work must not be counted here.
  const elsewhere = await factories.createIndicator(other.id);
  await factories.createIndicatorValue(elsewhere.id, officer.id, { state: "SUBMITTED" });
  await factories.createMilestoneUpdate((await factories.createMilestone(other.id)).id, officer.id);
}, 60_000);

afterAll(() => sqlite.close());

/** Every step reading `table` itself (not a join partner) in the plans of the statements that count its rows. */
async function stepsOn(table: string): Promise<string[]> {
  const steps: string[] = [];
  // The counting statements (the lists' own reads rely on the ANALYZE that prepare-db runs at start).
  for (const c of captured.filter((q) => q.query.includes(`\`${table}\``) && q.query.includes("COUNT("))) {
    const args = (JSON.parse(c.params) as unknown[]).map((v) => (typeof v === "number" ? v : String(v)));
    const plan = await sqlite.execute({ sql: `EXPLAIN QUERY PLAN ${c.query}`, args });
    for (const row of plan.rows) {
      const detail = String(row.detail);
      if (new RegExp(`^(SCAN|SEARCH) (main\\.)?${table}( |$)`).test(detail)) steps.push(detail);
    }
  }
  return steps;
}

describe("pending counts on a project's tabs", () => {
  it("indicators: counts this project's submitted values, searching the index, never scanning every value", async () => {
    captured.length = 0;
    const rows = await listProjectIndicators({ projectId: ids.project });
    expect(rows.map((r) => [r.id, r.pendingCount])).toEqual([[ids.indicator, 1]]);
    const steps = await stepsOn("IndicatorValue");
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) expect(step).toMatch(/\(indicatorId=\?/);
  });

  it("milestones: counts this project's submitted updates, never scanning every update", async () => {
    captured.length = 0;
    const rows = await listProjectMilestones({ projectId: ids.project });
    expect(rows.map((r) => [r.id, r.pendingCount])).toEqual([[ids.milestone, 2]]);
    const steps = await stepsOn("MilestoneUpdate");
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) expect(step).toMatch(/\(milestoneId=\?/);
  });
});
