// The milestones and indicators tabs count pending submissions for the project's own rows: their statements (plain
// SQL) are run through EXPLAIN QUERY PLAN, and none may walk a whole table of updates or values (a count over the
// state index reads every project's pending rows before joining them to this project's few).
import { createClient } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_INDICATORS_SQL, PROJECT_VERIFIED_VALUES_SQL, listProjectIndicators } from "~/models/indicator.server";
import { PROJECT_MILESTONES_SQL, listProjectMilestones } from "~/models/milestone.server";
import * as factories from "../helpers/factories";

const url = process.env.DATABASE_URL ?? "";

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

/**
 * The steps of the plans of `statements` (for this project) that read `table` through one of its indexes, and every
 * full scan of any table (there must be none: each table is searched by the project's or the row's key).
 */
async function stepsOn(table: string, statements: string[]): Promise<{ steps: string[]; scans: string[] }> {
  const steps: string[] = [];
  const scans: string[] = [];
  for (const sql of statements) {
    const plan = await sqlite.execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args: [ids.project] });
    for (const row of plan.rows) {
      const detail = String(row.detail);
      if (detail.includes(`INDEX ${table}_`)) steps.push(detail);
      if (/^SCAN /.test(detail) && !/^SCAN CONSTANT ROW/.test(detail)) scans.push(detail);
    }
  }
  return { steps, scans };
}

describe("pending counts on a project's tabs", () => {
  it("indicators: counts this project's submitted values, searching the index, never scanning every value", async () => {
    const rows = await listProjectIndicators({ projectId: ids.project });
    expect(rows.map((r) => [r.id, r.pendingCount])).toEqual([[ids.indicator, 1]]);
    const { steps, scans } = await stepsOn("IndicatorValue", [PROJECT_INDICATORS_SQL, PROJECT_VERIFIED_VALUES_SQL]);
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) expect(step).toMatch(/\(indicatorId=\?/);
    expect(scans).toEqual([]);
  });

  it("milestones: counts this project's submitted updates, never scanning every update", async () => {
    const rows = await listProjectMilestones({ projectId: ids.project });
    expect(rows.map((r) => [r.id, r.pendingCount])).toEqual([[ids.milestone, 2]]);
    const { steps, scans } = await stepsOn("MilestoneUpdate", [PROJECT_MILESTONES_SQL]);
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) expect(step).toMatch(/\(milestoneId=\?/);
    expect(scans).toEqual([]);
  });
});
