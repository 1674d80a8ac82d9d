import type { Row } from "@libsql/client";
import type { LocalizedName } from "~/lib/localized-name";
import { disbursementShare, isMilestoneOverdue, progressTowardsTarget, RATING_SCALE, slipDays } from "~/lib/metrics";
import { cell, readRows } from "~/lib/sql.server";
import { INDICATOR_TYPES } from "~/schemas/indicator";
import { MILESTONE_STATUSES } from "~/schemas/milestone";
import { INSTITUTIONS, PROJECT_STATUSES } from "~/schemas/project";
import { RISK_RATINGS } from "~/schemas/rating";
import { isoOf, projectDatesOf } from "./project/overview.server";

/**
 * Everything the printable, ISR-shaped project report shows: header, key dates (planned vs actual), financing,
 * current and previous ratings, the results framework with the latest verified actuals, milestones with their slip,
 * and the narrative. Dates are ISO strings, money is US cents as numbers.
 *
 * Plain SQL (lib/sql.server.ts): four statements where Prisma's client sent eight (project, agency, area, framework,
 * ratings, their authors, indicators with their values, milestones), each paying the client's query compilation.
 * The orders are those of export-selects.server.ts, so the report states the same facts as the workbook.
 */
const REPORT_PROJECT = `SELECT p.id, p.code, p.name, p.description, p.institution, p.instrument, p.status, p.sectorCode,
  p.approvalDate, p.effectivenessDate, p.mtrPlannedDate, p.mtrActualDate, p.closingOriginalDate, p.closingRevisedDate,
  p.commitmentMinor, p.disbursedMinor, p.narrative, p.updatedAt,
  o.name AS agencyName, o.nameRu AS agencyNameRu, o.nameKk AS agencyNameKk,
  a.code AS areaCode, a.name AS areaName, a.nameRu AS areaNameRu, a.nameKk AS areaNameKk,
  f.code AS frameworkCode, f.name AS frameworkName, f.nameRu AS frameworkNameRu, f.nameKk AS frameworkNameKk
  FROM "Project" p
  JOIN "Organization" o ON o.id = p.implementingAgencyId
  JOIN "PriorityArea" a ON a.id = p.priorityAreaId
  JOIN "Framework" f ON f.id = a.frameworkId
  WHERE p.id = ?`;
const REPORT_RATINGS = `SELECT r.ratedOn, r.pdoRating, r.ipRating, r.riskRating, r.justification, u.name AS author
  FROM "Rating" r JOIN "User" u ON u.id = r.authorId
  WHERE r.projectId = ? ORDER BY r.ratedOn DESC, r.createdAt DESC LIMIT 2`;
// The latest verified actual per indicator (by period end; of two for one period, the one reviewed last), read
// through the (indicatorId, periodEnd) index one indicator at a time.
const REPORT_INDICATORS = `SELECT i.id, i.code, i.name, i.type, i.unit, i.ascending, i.baselineValue, i.baselineDate,
  i.targetValue, i.targetDate, i.originalTargetValue, v.value AS actual, v.periodEnd AS actualDate
  FROM "Indicator" i
  LEFT JOIN "IndicatorValue" v ON v.id = (SELECT v2.id FROM "IndicatorValue" v2 INDEXED BY "IndicatorValue_indicatorId_periodEnd_idx"
    WHERE v2.indicatorId = i.id AND v2.state = 'VERIFIED' ORDER BY v2.periodEnd DESC, v2.reviewedAt DESC LIMIT 1)
  WHERE i.projectId = ? ORDER BY i.type, i.sortOrder, i.code`;
const REPORT_MILESTONES = `SELECT id, title, status, percentComplete, baselineDueDate, currentDueDate, completedOn
  FROM "Milestone" WHERE projectId = ? ORDER BY currentDueDate, sortOrder`;

/** A localized name stored in the columns `<prefix>`, `<prefix>Ru` and `<prefix>Kk`. */
function nameOf(row: Row, prefix: string): LocalizedName {
  return {
    name: cell.text(row, prefix),
    nameRu: cell.textOrNull(row, `${prefix}Ru`),
    nameKk: cell.textOrNull(row, `${prefix}Kk`),
  };
}

function toReportRating(row: Row | undefined) {
  if (!row) return null;
  return {
    ratedOn: cell.date(row, "ratedOn").toISOString(),
    pdo: cell.oneOf(row, "pdoRating", RATING_SCALE),
    ip: cell.oneOf(row, "ipRating", RATING_SCALE),
    risk: cell.oneOf(row, "riskRating", RISK_RATINGS),
    justification: cell.text(row, "justification"),
    author: cell.text(row, "author"),
  };
}

function toReportIndicator(row: Row) {
  const baseline = cell.numberOrNull(row, "baselineValue");
  const target = cell.numberOrNull(row, "targetValue");
  const actual = cell.numberOrNull(row, "actual");
  return {
    id: cell.text(row, "id"),
    code: cell.text(row, "code"),
    name: cell.text(row, "name"),
    type: cell.oneOf(row, "type", INDICATOR_TYPES),
    unit: cell.text(row, "unit"),
    baseline,
    baselineDate: isoOf(row, "baselineDate"),
    actual,
    actualDate: isoOf(row, "actualDate"),
    target,
    targetDate: isoOf(row, "targetDate"),
    originalTarget: cell.numberOrNull(row, "originalTargetValue"),
    progress: progressTowardsTarget({ baseline, target, actual, ascending: cell.boolean(row, "ascending") }),
  };
}

function toReportMilestone(row: Row, today: Date) {
  const milestone = {
    status: cell.oneOf(row, "status", MILESTONE_STATUSES),
    baselineDueDate: cell.date(row, "baselineDueDate").toISOString(),
    currentDueDate: cell.date(row, "currentDueDate").toISOString(),
  };
  return {
    id: cell.text(row, "id"),
    title: cell.text(row, "title"),
    status: milestone.status,
    percentComplete: cell.number(row, "percentComplete"),
    baselineDueDate: milestone.baselineDueDate,
    currentDueDate: milestone.currentDueDate,
    completedOn: isoOf(row, "completedOn"),
    slipDays: slipDays(milestone),
    overdue: isMilestoneOverdue(milestone, today),
  };
}

function reportFinancing(project: Row) {
  const commitment = cell.number(project, "commitmentMinor");
  const disbursed = cell.number(project, "disbursedMinor");
  return {
    commitmentCents: commitment,
    disbursedCents: disbursed,
    undisbursedCents: Math.max(0, commitment - disbursed),
    share: disbursementShare(commitment, disbursed),
  };
}

/** The report of one project, or null when it does not exist (the route has checked that the user may see it). */
export async function getProjectReport(projectId: string, today: Date = new Date()) {
  const [[project], ratings, indicators, milestones] = await Promise.all(
    [REPORT_PROJECT, REPORT_RATINGS, REPORT_INDICATORS, REPORT_MILESTONES].map((sql) => readRows(sql, [projectId])),
  );
  if (!project) return null;
  return {
    id: cell.text(project, "id"),
    code: cell.text(project, "code"),
    name: cell.text(project, "name"),
    description: cell.text(project, "description"),
    institution: cell.oneOf(project, "institution", INSTITUTIONS),
    instrument: cell.text(project, "instrument"),
    status: cell.oneOf(project, "status", PROJECT_STATUSES),
    sectorCode: cell.text(project, "sectorCode"),
    agency: nameOf(project, "agencyName"),
    priorityArea: {
      code: cell.text(project, "areaCode"),
      ...nameOf(project, "areaName"),
      framework: { code: cell.text(project, "frameworkCode"), ...nameOf(project, "frameworkName") },
    },
    narrative: cell.text(project, "narrative"),
    asOf: cell.date(project, "updatedAt").toISOString(),
    dates: projectDatesOf(project),
    financing: reportFinancing(project),
    ratings: { current: toReportRating(ratings[0]), previous: toReportRating(ratings[1]) },
    indicators: indicators.map(toReportIndicator),
    milestones: milestones.map((m) => toReportMilestone(m, today)),
  };
}

export type ProjectReport = NonNullable<Awaited<ReturnType<typeof getProjectReport>>>;
