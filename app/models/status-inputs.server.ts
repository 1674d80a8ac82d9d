import type { Row } from "@libsql/client";
import type { LocalizedName } from "~/lib/localized-name";
import type { Institution } from "~/lib/permissions";
import { cell, jsonList, readRows } from "~/lib/sql.server";
import { INDICATOR_TYPES } from "~/schemas/indicator";
import { INSTITUTIONS, PROJECT_STATUSES } from "~/schemas/project";

/**
 * What the status rules (lib/status-rules.ts) need of a set of projects, read in plain SQL (lib/sql.server.ts): the
 * project with its area, framework and agency; its latest two ratings; its open milestones; each indicator with its
 * latest verified value. Four statements whatever the number of projects, each returning only those rows — Prisma's
 * nested `take` read every verified value of every indicator and built an object for each (a whole portfolio of
 * 2,000 projects took six seconds of CPU and half a gigabyte).
 *
 * Orders are fixed so that ties resolve the same way every time: ratings newest first (then last recorded), milestones
 * by current due date, indicators by code.
 */

export type StatusInputs = {
  id: string;
  code: string;
  name: string;
  institution: Institution;
  instrument: string;
  status: (typeof PROJECT_STATUSES)[number];
  closingOriginalDate: Date | null;
  closingRevisedDate: Date | null;
  commitmentMinor: bigint;
  disbursedMinor: bigint;
  priorityAreaId: string;
  implementingAgencyId: string;
  priorityArea: LocalizedName & { code: string; framework: { id: string; code: string } };
  implementingAgency: LocalizedName;
  ratings: { ratedOn: Date; pdoRating: string; ipRating: string; riskRating: string }[];
  milestones: { title: string; baselineDueDate: Date; currentDueDate: Date; status: string }[];
  indicators: {
    code: string;
    name: string;
    type: (typeof INDICATOR_TYPES)[number];
    measure: string;
    ascending: boolean;
    baselineValue: number | null;
    baselineDate: Date | null;
    targetValue: number | null;
    targetDate: Date | null;
    values: { periodEnd: Date; value: number }[];
  }[];
};

const IDS = `(SELECT value FROM json_each(?))`;

function nameOf(row: Row, prefix: string): LocalizedName {
  return {
    name: cell.text(row, `${prefix}Name`),
    nameRu: cell.textOrNull(row, `${prefix}NameRu`),
    nameKk: cell.textOrNull(row, `${prefix}NameKk`),
  };
}

function projectOf(row: Row): StatusInputs {
  return {
    id: cell.text(row, "id"),
    code: cell.text(row, "code"),
    name: cell.text(row, "name"),
    institution: cell.oneOf(row, "institution", INSTITUTIONS),
    instrument: cell.text(row, "instrument"),
    status: cell.oneOf(row, "status", PROJECT_STATUSES),
    closingOriginalDate: cell.dateOrNull(row, "closingOriginalDate"),
    closingRevisedDate: cell.dateOrNull(row, "closingRevisedDate"),
    commitmentMinor: cell.bigint(row, "commitmentMinor"),
    disbursedMinor: cell.bigint(row, "disbursedMinor"),
    priorityAreaId: cell.text(row, "priorityAreaId"),
    implementingAgencyId: cell.text(row, "implementingAgencyId"),
    priorityArea: {
      ...nameOf(row, "area"),
      code: cell.text(row, "areaCode"),
      framework: { id: cell.text(row, "frameworkId"), code: cell.text(row, "frameworkCode") },
    },
    implementingAgency: nameOf(row, "agency"),
    ratings: [],
    milestones: [],
    indicators: [],
  };
}

/** The status inputs of the projects with these ids, in the order of `ids`. */
export async function loadStatusInputs(ids: string[]): Promise<StatusInputs[]> {
  if (ids.length === 0) return [];
  const list = jsonList(ids);
  const [projects, ratings, milestones, indicators] = await Promise.all([
    readRows(
      `SELECT p.id, p.code, p.name, p.institution, p.instrument, p.status, p.closingOriginalDate, p.closingRevisedDate,
              p.commitmentMinor, p.disbursedMinor, p.priorityAreaId, p.implementingAgencyId,
              pa.code AS areaCode, pa.name AS areaName, pa.nameRu AS areaNameRu, pa.nameKk AS areaNameKk,
              f.id AS frameworkId, f.code AS frameworkCode,
              a.name AS agencyName, a.nameRu AS agencyNameRu, a.nameKk AS agencyNameKk
       FROM "Project" p
       JOIN "PriorityArea" pa ON pa.id = p.priorityAreaId
       JOIN "Framework" f ON f.id = pa.frameworkId
       JOIN "Organization" a ON a.id = p.implementingAgencyId
       WHERE p.id IN ${IDS}`,
      [list],
    ),
    readRows(
      `SELECT projectId, ratedOn, pdoRating, ipRating, riskRating FROM (
         SELECT r.*, row_number() OVER (PARTITION BY r.projectId ORDER BY r.ratedOn DESC, r.createdAt DESC) AS rank
         FROM "Rating" r WHERE r.projectId IN ${IDS})
       WHERE rank <= 2 ORDER BY projectId, rank`,
      [list],
    ),
    readRows(
      `SELECT m.projectId, m.title, m.baselineDueDate, m.currentDueDate, m.status FROM "Milestone" m
       WHERE m.projectId IN ${IDS} AND m.status NOT IN ('COMPLETED', 'CANCELLED')
       ORDER BY m.projectId, m.currentDueDate, m.rowid`,
      [list],
    ),
    readRows(
      `SELECT i.projectId, i.code, i.name, i.type, i.measure, i.ascending, i.baselineValue, i.baselineDate,
              i.targetValue, i.targetDate, v.periodEnd, v.value
       FROM "Indicator" i
       LEFT JOIN "IndicatorValue" v ON v.id = (
         SELECT v2.id FROM "IndicatorValue" v2 WHERE v2.indicatorId = i.id AND v2.state = 'VERIFIED'
         ORDER BY v2.periodEnd DESC LIMIT 1)
       WHERE i.projectId IN ${IDS}
       ORDER BY i.projectId, i.code`,
      [list],
    ),
  ]);
  const byId = new Map(projects.map((row) => [cell.text(row, "id"), projectOf(row)]));
  for (const row of ratings) {
    byId.get(cell.text(row, "projectId"))?.ratings.push({
      ratedOn: cell.date(row, "ratedOn"),
      pdoRating: cell.text(row, "pdoRating"),
      ipRating: cell.text(row, "ipRating"),
      riskRating: cell.text(row, "riskRating"),
    });
  }
  for (const row of milestones) {
    byId.get(cell.text(row, "projectId"))?.milestones.push({
      title: cell.text(row, "title"),
      baselineDueDate: cell.date(row, "baselineDueDate"),
      currentDueDate: cell.date(row, "currentDueDate"),
      status: cell.text(row, "status"),
    });
  }
  for (const row of indicators) {
    const periodEnd = cell.dateOrNull(row, "periodEnd");
    byId.get(cell.text(row, "projectId"))?.indicators.push({
      code: cell.text(row, "code"),
      name: cell.text(row, "name"),
      type: cell.oneOf(row, "type", INDICATOR_TYPES),
      measure: cell.text(row, "measure"),
      ascending: cell.boolean(row, "ascending"),
      baselineValue: cell.numberOrNull(row, "baselineValue"),
      baselineDate: cell.dateOrNull(row, "baselineDate"),
      targetValue: cell.numberOrNull(row, "targetValue"),
      targetDate: cell.dateOrNull(row, "targetDate"),
      values: periodEnd === null ? [] : [{ periodEnd, value: cell.number(row, "value") }],
    });
  }
  return ids.flatMap((id) => byId.get(id) ?? []);
}
