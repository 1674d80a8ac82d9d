import ExcelJS from "exceljs";
import type { Prisma } from "~/generated/prisma/client";
import { resources, type Locale } from "~/i18n/config";
import {
  INDICATOR_COLUMNS,
  INDICATOR_EDITABLE,
  MILESTONE_COLUMNS,
  MILESTONE_EDITABLE,
  columnLetter,
} from "~/lib/import/columns";
import { dayToDate, todayIsoDay } from "~/lib/dates";
import { safeCell } from "~/lib/csv-safety";
import { db } from "~/lib/db.server";
import { reportablePeriods } from "~/lib/periods";
import type { Actor } from "~/lib/permissions";
import { projectWhereForActor } from "~/lib/permissions.server";
import { periodRulesOf } from "~/schemas/indicator";
import { MILESTONE_STATUSES } from "~/schemas/milestone";
import { allowedOn, projectScopeSelect } from "./facts.server";

/**
 * The reporting template: a sheet of indicators with the periods that can be reported now and have no value yet
 * (submitted or verified; a returned one does not count, as in "who hasn't reported"), a sheet of open milestones,
 * a read-only sheet of the latest verified values, and a hidden sheet holding the lists the period cells offer.
 * Identifying columns are locked by sheet protection (no password: it guards against slips, not against people).
 */

/** How many of the newest unreported periods a row offers: older gaps are for the form, one at a time. */
const PERIODS_OFFERED = 8;

export type TemplateScope = { projectId: string } | { allMine: true };

/**
 * One project the user chose (any status the forms accept: not archived), or every ACTIVE project whose team they are
 * on — the projects "who hasn't reported" counts.
 */
function projectsWhere(actor: Actor, scope: TemplateScope): Prisma.ProjectWhereInput {
  const chosen: Prisma.ProjectWhereInput =
    "projectId" in scope ? { id: scope.projectId } : { status: "ACTIVE", members: { some: { userId: actor.id } } };
  return { AND: [projectWhereForActor(actor), { archivedAt: null }, chosen] };
}

const templateSelect = (userId: string) =>
  ({
    ...projectScopeSelect(userId),
    indicators: {
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      select: {
        id: true,
        code: true,
        name: true,
        unit: true,
        frequency: true,
        baselineDate: true,
        targetDate: true,
        values: {
          orderBy: { periodEnd: "desc" },
          select: { periodEnd: true, value: true, state: true, reviewedAt: true },
        },
      },
    },
    milestones: {
      where: { status: { notIn: ["COMPLETED", "CANCELLED"] } },
      orderBy: [{ currentDueDate: "asc" }, { sortOrder: "asc" }],
      select: { id: true, title: true, status: true, percentComplete: true, currentDueDate: true },
    },
  }) satisfies Prisma.ProjectSelect;

type TemplateProject = Prisma.ProjectGetPayload<{ select: ReturnType<typeof templateSelect> }>;
type Indicator = TemplateProject["indicators"][number];

/** The newest reportable periods of an indicator that no value (returned ones aside) covers yet. */
export function duePeriodKeys(indicator: Indicator, today: string): string[] {
  const rules = periodRulesOf(
    {
      frequency: indicator.frequency,
      baselineDate: indicator.baselineDate?.toISOString() ?? null,
      targetDate: indicator.targetDate?.toISOString() ?? null,
    },
    today,
  );
  const counted = new Set(
    indicator.values.filter((v) => v.state !== "RETURNED").map((v) => v.periodEnd.toISOString().slice(0, 10)),
  );
  return reportablePeriods(rules)
    .filter((p) => !counted.has(p.end))
    .slice(0, PERIODS_OFFERED)
    .map((p) => p.key);
}

export async function loadTemplateProjects(actor: Actor, scope: TemplateScope) {
  const projects = await db.project.findMany({
    where: projectsWhere(actor, scope),
    orderBy: { code: "asc" },
    select: templateSelect(actor.id),
  });
  return projects.filter(
    (p) => allowedOn(actor, "indicatorValue.report", p) || allowedOn(actor, "milestoneUpdate.submit", p),
  );
}

const LOCKED_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE5E7EB" } };

function headSheet(sheet: ExcelJS.Worksheet, headings: string[], editable: Set<number>) {
  sheet.columns = headings.map((header, i) => ({ header, width: editable.has(i) ? 22 : 28 }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
}

/** Greys and locks the identifying cells, opens the editable ones (after the values: setting them resets a cell). */
function lockCells(sheet: ExcelJS.Worksheet, columns: number, editable: Set<number>, rows: number) {
  for (let r = 2; r <= rows + 1; r++) {
    for (let i = 0; i < columns; i++) {
      const cell = sheet.getRow(r).getCell(i + 1);
      if (editable.has(i)) cell.protection = { locked: false };
      else cell.fill = LOCKED_FILL;
    }
  }
}

async function protect(sheet: ExcelJS.Worksheet) {
  await sheet.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });
}

type Words = (typeof resources)["en"]["translation"]["import"];

/** Writes the indicators sheet; returns each row's period list, which the hidden lists sheet holds. */
function indicatorSheet(book: ExcelJS.Workbook, words: Words, projects: TemplateProject[], today: string) {
  const sheet = book.addWorksheet(words.sheets.indicators);
  const rows = projects.flatMap((p) =>
    p.indicators.map((i) => ({ p, i, due: duePeriodKeys(i, today) })).filter((x) => x.due.length > 0),
  );
  const editable = new Set(INDICATOR_EDITABLE.map((key) => INDICATOR_COLUMNS.indexOf(key)));
  headSheet(
    sheet,
    INDICATOR_COLUMNS.map((key) => words.columns.indicator[key]),
    editable,
  );
  rows.forEach(({ p, i, due }, index) => {
    const r = index + 2;
    const row = sheet.getRow(r);
    row.values = [p.name, p.code, i.name, i.code, i.unit, due[0], null, null, i.id].map(safeCell);
    const period = row.getCell(INDICATOR_COLUMNS.indexOf("period") + 1);
    // Text, so that Excel keeps "2026-10" a period instead of turning it into a date.
    period.numFmt = "@";
    period.dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [`'${words.sheets.lists}'!$A$${index + 1}:$${columnLetter(due.length - 1)}$${index + 1}`],
    };
    row.getCell(INDICATOR_COLUMNS.indexOf("value") + 1).dataValidation = {
      type: "decimal",
      operator: "between",
      allowBlank: true,
      formulae: [-1e15, 1e15],
    };
  });
  lockCells(sheet, INDICATOR_COLUMNS.length, editable, rows.length);
  return { sheet, lists: rows.map((row) => row.due) };
}

async function milestoneSheet(book: ExcelJS.Workbook, words: Words, projects: TemplateProject[], locale: Locale) {
  const sheet = book.addWorksheet(words.sheets.milestones);
  const statuses = resources[locale].translation.domain.milestoneStatus;
  const rows = projects.flatMap((p) => p.milestones.map((m) => ({ p, m })));
  const editable = new Set(MILESTONE_EDITABLE.map((key) => MILESTONE_COLUMNS.indexOf(key)));
  headSheet(
    sheet,
    MILESTONE_COLUMNS.map((key) => words.columns.milestone[key]),
    editable,
  );
  const labels = MILESTONE_STATUSES.map((code) => statuses[code]);
  const cellOf = (row: ExcelJS.Row, key: (typeof MILESTONE_COLUMNS)[number]) =>
    row.getCell(MILESTONE_COLUMNS.indexOf(key) + 1);
  rows.forEach(({ p, m }, index) => {
    const row = sheet.getRow(index + 2);
    const current = statuses[m.status as keyof typeof statuses] ?? m.status;
    row.values = [
      p.name,
      p.code,
      m.title,
      current,
      m.percentComplete,
      m.currentDueDate,
      null,
      null,
      null,
      null,
      null,
      m.id,
    ].map(safeCell);
    cellOf(row, "currentDueDate").numFmt = "dd mmm yyyy";
    cellOf(row, "status").dataValidation = { type: "list", allowBlank: true, formulae: [`"${labels.join(",")}"`] };
    cellOf(row, "percent").dataValidation = {
      type: "whole",
      operator: "between",
      allowBlank: true,
      formulae: [0, 100],
    };
    cellOf(row, "revisedDueDate").numFmt = "yyyy-mm-dd";
    cellOf(row, "revisedDueDate").dataValidation = {
      type: "date",
      operator: "greaterThan",
      allowBlank: true,
      formulae: [dayToDate("2000-01-01")],
    };
  });
  lockCells(sheet, MILESTONE_COLUMNS.length, editable, rows.length);
  await protect(sheet);
}

async function verifiedSheet(book: ExcelJS.Workbook, words: Words, projects: TemplateProject[]) {
  const sheet = book.addWorksheet(words.sheets.verified);
  const c = words.columns.verified;
  sheet.columns = [c.project, c.indicator, c.unit, c.period, c.value, c.verifiedOn].map((header) => ({
    header,
    width: 26,
  }));
  sheet.getRow(1).font = { bold: true };
  for (const p of projects) {
    for (const i of p.indicators) {
      const latest = i.values.find((v) => v.state === "VERIFIED");
      if (!latest) continue;
      const row = sheet.addRow(
        [p.name, i.name, i.unit, latest.periodEnd, latest.value, latest.reviewedAt].map(safeCell),
      );
      row.getCell(4).numFmt = "dd mmm yyyy";
      row.getCell(6).numFmt = "dd mmm yyyy";
    }
  }
  await protect(sheet);
}

/** The template as an .xlsx file, headings in the user's language. */
export async function buildTemplate(actor: Actor, scope: TemplateScope, locale: Locale): Promise<Buffer> {
  const projects = await loadTemplateProjects(actor, scope);
  const words = resources[locale].translation.import;
  const book = new ExcelJS.Workbook();
  book.creator = "Qadam";
  const indicators = indicatorSheet(book, words, projects, todayIsoDay());
  await milestoneSheet(book, words, projects, locale);
  await verifiedSheet(book, words, projects);
  // Data-validation lists longer than Excel's 255-character inline limit live on a sheet of their own.
  const lists = book.addWorksheet(words.sheets.lists, { state: "veryHidden" });
  indicators.lists.forEach((due, index) => (lists.getRow(index + 1).values = due));
  await protect(indicators.sheet);
  await protect(lists);
  return Buffer.from(await book.xlsx.writeBuffer());
}
