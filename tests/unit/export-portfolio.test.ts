// /exports/portfolio.xlsx: every visible project, milestone, indicator and rating, with slip and progress computed
// by the shared metrics, a metadata sheet, and its own audit event.
import { beforeAll, describe, expect, it } from "vitest";
import type { Workbook } from "exceljs";
import { db } from "~/lib/db.server";
import { progressTowardsTarget, slipDays } from "~/lib/metrics";
import { PORTFOLIO_SHEETS } from "~/models/export-portfolio.server";
import { loader as portfolioLoader } from "~/routes/exports.portfolio[.]xlsx";
import type { User } from "~/generated/prisma/client";
import {
  createIndicator,
  createIndicatorValue,
  createMilestone,
  createOrganization,
  createProject,
  createRating,
  createUser,
  day,
} from "../helpers/factories";
import { callLoader, readXlsx, sessionCookieFor } from "../helpers/history-fixtures";

type Row = Record<string, unknown>;

function sheetRows(workbook: Workbook, name: string): Row[] {
  const sheet = workbook.getWorksheet(name)!;
  const rows: Row[] = [];
  let header: string[] = [];
  sheet.eachRow((row, n) => {
    const values = (row.values as unknown[]).slice(1);
    if (n === 1) header = values.map(String);
    else rows.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? null])));
  });
  const expected =
    name === "metadata" ? ["key", "value"] : (PORTFOLIO_SHEETS as Record<string, readonly string[]>)[name];
  expect(header).toEqual([...expected]);
  return rows;
}

async function exportPortfolio(who: User) {
  const response = await callLoader(portfolioLoader, "/exports/portfolio.xlsx", {
    cookie: await sessionCookieFor(who.email),
  });
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Disposition")).toMatch(/filename="qadam-portfolio-\d{4}-\d{2}-\d{2}\.xlsx"/);
  return readXlsx(response);
}

let auditor: Workbook;
let waterOfficer: User;

/**
 * A water ministry project and an IFC project of another ministry, each with a slipped and an on-time milestone, an
 * indicator with an interim target and a verified value (and one without values), and a rating.
 */
async function buildPortfolio() {
  const water = await createOrganization({ kind: "MINISTRY" });
  const other = await createOrganization({ kind: "MINISTRY" });
  waterOfficer = await createUser({ role: "OFFICER", organizationId: water.id });
  const manager = await createUser({ role: "MANAGER", orgKind: "WORLD_BANK" });
  for (const overrides of [
    { implementingAgencyId: water.id },
    { institution: "IFC" as const, implementingAgencyId: other.id },
  ]) {
    const project = await createProject(overrides);
    await createMilestone(project.id, { baselineDueDate: day("2026-06-30"), currentDueDate: day("2026-12-31") });
    await createMilestone(project.id, { baselineDueDate: day("2027-03-31"), currentDueDate: day("2027-03-31") });
    const indicator = await createIndicator(project.id, { baselineValue: 0, targetValue: 1000 }, [["2025-12-31", 400]]);
    await createIndicatorValue(indicator.id, waterOfficer.id, {
      value: 350,
      state: "VERIFIED",
      verifierId: manager.id,
      reviewedAt: day("2026-02-01"),
    });
    await createIndicator(project.id, { ascending: false, baselineValue: 100, targetValue: 40 });
    await createRating(project.id, manager.id);
  }
}

beforeAll(async () => {
  await buildPortfolio();
  auditor = await exportPortfolio(await createUser({ role: "AUDITOR", orgKind: "WORLD_BANK" }));
  // Dozens of audited writes: generous for a machine busy with other work.
}, 60_000);

describe("portfolio workbook", () => {
  it("has one row per visible project, milestone, indicator and rating, matching the database", async () => {
    const projects = await db.project.findMany({ orderBy: { code: "asc" } });
    expect(sheetRows(auditor, "projects").map((r) => r.code)).toEqual(projects.map((p) => p.code));
    const milestones = await db.milestone.findMany({ include: { project: true } });
    const milestoneRows = sheetRows(auditor, "milestones");
    expect(milestoneRows).toHaveLength(milestones.length);
    for (const m of milestones) {
      const row = milestoneRows.find((r) => r.project_code === m.project.code && r.title === m.title);
      expect(row, m.title).toBeDefined();
      expect(row!.baseline_due_date).toBe(m.baselineDueDate.toISOString().slice(0, 10));
      expect(row!.current_due_date).toBe(m.currentDueDate.toISOString().slice(0, 10));
      expect(row!.slip_days).toBe(slipDays(m));
    }
    expect(milestoneRows.some((r) => Number(r.slip_days) > 0)).toBe(true);
    expect(sheetRows(auditor, "ratings")).toHaveLength(await db.rating.count());
  });

  it("gives each indicator its baseline, targets, latest verified actual and progress", async () => {
    const indicators = await db.indicator.findMany({
      include: {
        project: true,
        targets: true,
        values: { where: { state: "VERIFIED" }, orderBy: [{ periodEnd: "desc" }, { reviewedAt: "desc" }] },
      },
    });
    const rows = sheetRows(auditor, "indicators");
    expect(rows).toHaveLength(indicators.length);
    let withProgress = 0;
    for (const i of indicators) {
      const row = rows.find((r) => r.project_code === i.project.code && r.code === i.code)!;
      const latest = i.values[0]?.value ?? null;
      expect(row.baseline_value).toBe(i.baselineValue);
      expect(row.end_target_value).toBe(i.targetValue);
      expect(row.latest_verified_actual).toBe(latest);
      const progress = progressTowardsTarget({
        baseline: i.baselineValue,
        target: i.targetValue,
        actual: latest,
        ascending: i.ascending,
      });
      expect(row.progress_share).toBe(progress);
      if (progress !== null) withProgress++;
      for (const t of i.targets)
        expect(String(row.interim_targets)).toContain(`${t.periodEnd.toISOString().slice(0, 10)}: ${t.value}`);
    }
    expect(withProgress).toBeGreaterThan(0);
  });

  it("states filters, generation time, row counts and the chain head in a metadata sheet", async () => {
    const meta = Object.fromEntries(sheetRows(auditor, "metadata").map((r) => [r.key, r.value]));
    const counts = {
      projects: await db.project.count(),
      milestones: await db.milestone.count(),
      indicators: await db.indicator.count(),
      ratings: await db.rating.count(),
    };
    expect(Number(meta.row_count_projects)).toBe(counts.projects);
    expect(Number(meta.row_count_milestones)).toBe(counts.milestones);
    expect(Number(meta.row_count)).toBe(counts.projects + counts.milestones + counts.indicators + counts.ratings);
    const head = await db.auditEvent.findUniqueOrThrow({ where: { seq: Number(meta.chain_head_seq) } });
    expect(meta.chain_head_hash).toBe(head.hash);
    expect(Date.parse(String(meta.generated_at))).not.toBeNaN();
  });

  it("holds only what a ministry officer may see and records the export", async () => {
    const officer = waterOfficer;
    const before = await db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
    const workbook = await exportPortfolio(waterOfficer);
    const own = await db.project.findMany({
      where: { implementingAgencyId: officer.organizationId },
      orderBy: { code: "asc" },
    });
    expect(own.length).toBeGreaterThan(0);
    expect(sheetRows(workbook, "projects").map((r) => r.code)).toEqual(own.map((p) => p.code));
    const codes = new Set(own.map((p) => p.code));
    for (const sheet of ["milestones", "indicators", "ratings"]) {
      expect(sheetRows(workbook, sheet).every((r) => codes.has(String(r.project_code)))).toBe(true);
    }
    const event = await db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
    expect(event).toMatchObject({
      seq: before.seq + 1,
      action: "export.portfolio_xlsx",
      actorEmail: waterOfficer.email,
    });
    expect(JSON.parse(event.after!)).toMatchObject({ rowCount: { projects: own.length } });
  });
});
