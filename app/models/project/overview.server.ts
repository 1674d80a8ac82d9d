import type { Row } from "@libsql/client";
import { db } from "~/lib/db.server";
import { NotFoundError } from "~/lib/errors";
import { LOCALIZED_NAME_SELECT } from "~/lib/localized-name";
import { cell, readRows } from "~/lib/sql.server";
import { MILESTONE_STATUSES } from "~/schemas/milestone";

/** What the project's header shows on every tab; throws NotFoundError when there is no such project. */
export async function getProjectHeader(projectId: string) {
  const project = await db.project.findUnique({
    where: { id: projectId },
    select: {
      id: true,
      code: true,
      name: true,
      institution: true,
      status: true,
      instrument: true,
      archivedAt: true,
      implementingAgency: { select: LOCALIZED_NAME_SELECT },
      priorityArea: {
        select: {
          code: true,
          ...LOCALIZED_NAME_SELECT,
          framework: { select: { code: true, ...LOCALIZED_NAME_SELECT } },
        },
      },
    },
  });
  if (!project) throw new NotFoundError("project");
  return {
    id: project.id,
    code: project.code,
    name: project.name,
    institution: project.institution,
    status: project.status,
    instrument: project.instrument,
    archivedAt: project.archivedAt?.toISOString() ?? null,
    agency: project.implementingAgency,
    priorityArea: project.priorityArea,
  };
}

/** An ISO instant as the page receives it (the stored text normalised), or null. */
export function isoOf(row: Row, column: string): string | null {
  return cell.dateOrNull(row, column)?.toISOString() ?? null;
}

/** A project's key dates (read with their column names) as the overview and the printable report show them. */
export function projectDatesOf(project: Row) {
  return {
    approval: isoOf(project, "approvalDate"),
    effectiveness: isoOf(project, "effectivenessDate"),
    mtrPlanned: isoOf(project, "mtrPlannedDate"),
    mtrActual: isoOf(project, "mtrActualDate"),
    closingOriginal: isoOf(project, "closingOriginalDate"),
    closingRevised: isoOf(project, "closingRevisedDate"),
  };
}

const OVERVIEW_PROJECT = `SELECT description, narrative, sectorCode, approvalDate, effectivenessDate, mtrPlannedDate,
  mtrActualDate, closingOriginalDate, closingRevisedDate, commitmentMinor, disbursedMinor
  FROM "Project" WHERE id = ?`;
const OVERVIEW_RATINGS = `SELECT pdoRating, ipRating, riskRating, ratedOn, justification FROM "Rating"
  WHERE projectId = ? ORDER BY ratedOn DESC, createdAt DESC LIMIT 2`;
const OVERVIEW_MILESTONES = `SELECT status, currentDueDate FROM "Milestone" WHERE projectId = ?`;
// The latest verified value per indicator through the (indicatorId, periodEnd) index, one indicator at a time.
const OVERVIEW_INDICATORS = `SELECT i.baselineValue, i.baselineDate, i.targetValue, i.targetDate, i.ascending,
  v.value AS latestValue, v.periodEnd AS latestPeriodEnd
  FROM "Indicator" i
  LEFT JOIN "IndicatorValue" v ON v.id = (SELECT v2.id FROM "IndicatorValue" v2 INDEXED BY "IndicatorValue_indicatorId_periodEnd_idx"
    WHERE v2.indicatorId = i.id AND v2.state = 'VERIFIED' ORDER BY v2.periodEnd DESC LIMIT 1)
  WHERE i.projectId = ?`;
const OVERVIEW_MEMBERS = `SELECT m.id, m.capacity, u.name AS userName, o.name, o.nameRu, o.nameKk
  FROM "ProjectMember" m JOIN "User" u ON u.id = m.userId JOIN "Organization" o ON o.id = u.organizationId
  WHERE m.projectId = ? ORDER BY m.createdAt`;

/**
 * Everything the overview shows: dates, money, ratings, narrative, and counts of milestones and indicators.
 * Plain SQL (lib/sql.server.ts): five small reads that cost several milliseconds of CPU through Prisma's client.
 * Throws NotFoundError when there is no such project.
 */
export async function getProjectOverview(projectId: string) {
  const [[project], ratings, milestones, indicators, members] = await Promise.all(
    [OVERVIEW_PROJECT, OVERVIEW_RATINGS, OVERVIEW_MILESTONES, OVERVIEW_INDICATORS, OVERVIEW_MEMBERS].map((sql) =>
      readRows(sql, [projectId]),
    ),
  );
  if (!project) throw new NotFoundError("project");
  const commitment = cell.number(project, "commitmentMinor");
  const disbursed = cell.number(project, "disbursedMinor");
  return {
    description: cell.text(project, "description"),
    narrative: cell.text(project, "narrative"),
    sectorCode: cell.text(project, "sectorCode"),
    dates: projectDatesOf(project),
    financing: { commitmentCents: commitment, disbursedCents: disbursed, undisbursedCents: commitment - disbursed },
    ratings: ratings.map((r) => ({
      pdoRating: cell.text(r, "pdoRating"),
      ipRating: cell.text(r, "ipRating"),
      riskRating: cell.text(r, "riskRating"),
      ratedOn: cell.date(r, "ratedOn").toISOString(),
      justification: cell.text(r, "justification"),
    })),
    milestones: milestones.map((m) => ({
      status: cell.oneOf(m, "status", MILESTONE_STATUSES),
      currentDueDate: cell.date(m, "currentDueDate").toISOString(),
    })),
    indicators: indicators.map((i) => {
      const latestValue = cell.numberOrNull(i, "latestValue");
      const latestPeriodEnd = isoOf(i, "latestPeriodEnd");
      return {
        baselineValue: cell.numberOrNull(i, "baselineValue"),
        baselineDate: isoOf(i, "baselineDate"),
        targetValue: cell.numberOrNull(i, "targetValue"),
        targetDate: isoOf(i, "targetDate"),
        ascending: cell.boolean(i, "ascending"),
        latest: latestValue !== null && latestPeriodEnd ? { value: latestValue, periodEnd: latestPeriodEnd } : null,
      };
    }),
    members: members.map((m) => ({
      id: cell.text(m, "id"),
      capacity: cell.text(m, "capacity"),
      name: cell.text(m, "userName"),
      organization: {
        name: cell.text(m, "name"),
        nameRu: cell.textOrNull(m, "nameRu"),
        nameKk: cell.textOrNull(m, "nameKk"),
      },
    })),
  };
}
