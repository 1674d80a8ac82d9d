// /exports/portfolio.xlsx: every visible project, milestone, indicator and rating, with slip and progress computed
// by the shared metrics, a metadata sheet, and its own audit event.
import { beforeAll, describe, expect, it } from "vitest";
import type { Workbook } from "exceljs";
import { db } from "~/lib/db.server";
import { progressTowardsTarget, slipDays } from "~/lib/metrics";
import { resources, type Locale } from "~/i18n/config";
import { dayOf, dayToDate } from "~/lib/dates";
import { portfolioColumns, type PORTFOLIO_SHEETS } from "~/models/export-portfolio.server";
import { assessProjects } from "~/models/board.server";
import { reasonSentence } from "~/lib/status-text";
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

const en = resources.en.translation;
const ru = resources.ru.translation;

/**
 * A sheet's rows keyed by the machine column names (the CSV's names, kept in the code), after checking that the
 * workbook heads each column in the reader's language, in that order.
 */
function sheetRows(workbook: Workbook, name: keyof typeof PORTFOLIO_SHEETS | "metadata", locale: Locale = "en"): Row[] {
  const sheet = workbook.getWorksheet(name)!;
  const columns =
    name === "metadata"
      ? [
          { key: "key", heading: "key" },
          { key: "value", heading: "value" },
        ]
      : portfolioColumns(name, locale);
  const rows: Row[] = [];
  let header: string[] = [];
  sheet.eachRow((row, n) => {
    const values = (row.values as unknown[]).slice(1);
    if (n === 1) header = values.map(String);
    else rows.push(Object.fromEntries(columns.map((c, i) => [c.key, values[i] ?? null])));
  });
  expect(header).toEqual(columns.map((c) => c.heading));
  return rows;
}

/** A stored day as the date cell the workbook holds (midnight UTC). */
const dateCell = (value: Date) => dayToDate(dayOf(value));

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
      // Real date cells, not text.
      expect(row!.baseline_due_date).toEqual(dateCell(m.baselineDueDate));
      expect(row!.current_due_date).toEqual(dateCell(m.currentDueDate));
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
    for (const sheet of ["milestones", "indicators", "ratings"] as const) {
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

  it("is a spreadsheet people can work with: frozen headings, a filter, fitted widths, real dates and numbers", () => {
    for (const name of ["projects", "milestones", "indicators", "ratings"] as const) {
      const sheet = auditor.getWorksheet(name);
      if (!sheet) throw new Error(`no ${name} sheet`);
      const columns = portfolioColumns(name, "en");
      expect(sheet.views[0], name).toMatchObject({ state: "frozen", ySplit: 1 });
      const last = String.fromCharCode(64 + columns.length);
      expect(sheet.autoFilter, name).toBe(`A1:${last}${sheet.rowCount}`);
      expect(sheet.getRow(1).font, name).toMatchObject({ bold: true });
      columns.forEach((column, i) => {
        const width = sheet.getColumn(i + 1).width ?? 0;
        expect(width, `${name}.${column.key}`).toBeGreaterThanOrEqual(Math.min(60, column.heading.length + 4));
      });
    }
    const project = sheetRows(auditor, "projects")[0];
    expect(project.approval_date).toBeInstanceOf(Date);
    expect(typeof project.commitment_usd).toBe("number");
    const rating = sheetRows(auditor, "ratings")[0];
    expect(rating.rated_on).toBeInstanceOf(Date);
  });

  it("shows each project's board colour and reasons exactly as the board decides them", async () => {
    const assessed = new Map((await assessProjects({})).map((a) => [a.code, a]));
    const rows = sheetRows(auditor, "projects");
    for (const row of rows) {
      const board = assessed.get(String(row.code));
      if (!board) throw new Error(`${String(row.code)} is not assessed`);
      expect(row.board_colour).toBe(
        { RED: "Red", AMBER: "Amber", GREEN: "Green", COMPLETED: "Completed" }[board.colour],
      );
      expect(row.board_reasons).toBe(board.reasons.map((r) => reasonSentence(r, "en")).join("\n") || null);
    }
    expect(rows.some((r) => r.board_reasons !== null)).toBe(true);
  });

  it("heads its columns in the reader's language; the machine names stay in the CSV and the code", async () => {
    const reader = await createUser({ role: "AUDITOR", orgKind: "WORLD_BANK", locale: "ru" });
    const workbook = await exportPortfolio(reader);
    const rows = sheetRows(workbook, "milestones", "ru");
    expect(portfolioColumns("milestones", "ru")[1].heading).toBe("Контрольная точка");
    expect(rows.map((r) => r.overdue).every((v) => v === "да" || v === "нет")).toBe(true);
    const projects = sheetRows(workbook, "projects", "ru");
    expect(projects.every((p) => ["Красный", "Жёлтый", "Зелёный", "Завершён"].includes(String(p.board_colour)))).toBe(
      true,
    );
    // Stored codes become the reader's words; ratings keep the code people quote, then its words.
    expect(projects.every((p) => Object.values(ru.domain.projectStatus).includes(String(p.status)))).toBe(true);
    expect(projects.map((p) => p.institution)).toContain("Всемирный банк");
    expect(rows.every((r) => Object.values(ru.domain.milestoneStatus).includes(String(r.status)))).toBe(true);
    const ratings = sheetRows(workbook, "ratings", "ru");
    expect(ratings.map((r) => r.pdo_rating)).toContain("S — Удовлетворительно");
    expect(ratings.map((r) => r.ip_rating)).toContain("MS — Умеренно удовлетворительно");
    expect(ratings.map((r) => r.risk_rating)).toContain("M — Умеренный");
  });

  it("writes statuses, institutions, instruments, indicator types and ratings in words, never as stored codes", async () => {
    const stored = await db.project.findMany({ orderBy: { code: "asc" } });
    const projects = sheetRows(auditor, "projects");
    const institution = { WB: "World Bank", IFC: "IFC", JOINT: "Joint WB/IFC" };
    const status = { PIPELINE: "Pipeline", ACTIVE: "Active", CLOSED: "Closed", CANCELLED: "Cancelled" };
    expect(projects.map((p) => [p.institution, p.status])).toEqual(
      stored.map((p) => [institution[p.institution], status[p.status]]),
    );
    expect(projects.map((p) => p.instrument)).toEqual(
      stored.map((p) => en.projects.instruments[p.instrument as keyof typeof en.projects.instruments] ?? p.instrument),
    );
    expect(projects.every((p) => String(p.instrument).length > 3)).toBe(true);
    const milestoneWords = Object.values(en.domain.milestoneStatus);
    expect(sheetRows(auditor, "milestones").every((m) => milestoneWords.includes(String(m.status)))).toBe(true);
    const indicators = sheetRows(auditor, "indicators");
    expect(indicators.every((i) => ["PDO indicator", "Intermediate results indicator"].includes(String(i.type)))).toBe(
      true,
    );
    expect(indicators.every((i) => ["Unit", "Percentage", "Qualitative"].includes(String(i.measure)))).toBe(true);
    const performance = {
      HS: "Highly Satisfactory",
      S: "Satisfactory",
      MS: "Moderately Satisfactory",
      MU: "Moderately Unsatisfactory",
      U: "Unsatisfactory",
      HU: "Highly Unsatisfactory",
    };
    const risk = { H: "High", S: "Substantial", M: "Moderate", L: "Low" };
    const ratings = await db.rating.findMany({ include: { project: true } });
    const rows = sheetRows(auditor, "ratings");
    const asWritten = (r: (typeof ratings)[number]) => [
      r.project.code,
      `${r.pdoRating} — ${performance[r.pdoRating]}`,
      `${r.ipRating} — ${performance[r.ipRating]}`,
      `${r.riskRating} — ${risk[r.riskRating]}`,
    ];
    const sort = (list: unknown[][]) => list.map((r) => r.join("|")).sort();
    expect(sort(rows.map((r) => [r.project_code, r.pdo_rating, r.ip_rating, r.risk_rating]))).toEqual(
      sort(ratings.map(asWritten)),
    );
    expect(rows.map((r) => r.pdo_rating)).toContain("S — Satisfactory");
  });
});
