import type { Readable } from "node:stream";
import type { Prisma } from "~/generated/prisma/client";
import { xlsxCell } from "~/lib/csv-safety";
import { db } from "~/lib/db.server";
import { dayOf, dayToDate } from "~/lib/dates";
import type { Locale } from "~/i18n/config";
import { resources } from "~/i18n/config";
import { reasonSentence } from "~/lib/status-text";
import type { StatusAssessment } from "~/lib/status-rules";
import { assessProjects } from "./board.server";
import { disbursementShare, isMilestoneOverdue, slipDays } from "~/lib/metrics";
import { centsToNumber } from "~/lib/money";
import type { Actor } from "~/lib/permissions";
import { projectWhereForActor } from "~/lib/permissions.server";
import {
  addTableSheet,
  xlsxEnumWords,
  xlsxWords,
  chainHeadStamp,
  exportScope,
  projectBatches,
  writeKeyValueSheet,
  xlsxStream,
  type ChainHeadStamp,
  type XlsxWriter,
} from "./export-common.server";
import { PORTFOLIO_SHEETS, portfolioColumns } from "./export-portfolio-columns.server";
import {
  indicatorFactsSelect,
  indicatorOrder,
  interimTargets,
  latestActual,
  latestVerifiedValue,
  milestoneFactsSelect,
  milestoneOrder,
  projectFactsSelect,
  ratingFactsSelect,
} from "./export-selects.server";

/**
 * /exports/portfolio.xlsx: the visible portfolio in one workbook — metadata, projects, milestones (baseline vs
 * current, slip), indicators (baseline, targets, latest verified actual, progress) and the ratings history.
 * Each sheet walks the visible projects in keyset batches (by code) and writes the rows of one batch at a time.
 */

export type PortfolioPlan = {
  where: Prisma.ProjectWhereInput;
  counts: { projects: number; milestones: number; indicators: number; ratings: number };
  head: ChainHeadStamp;
  generatedAt: Date;
  generatedBy: string;
  scope: "all" | "visible-projects";
};

export async function planPortfolioExport(actor: Actor & { email: string }): Promise<PortfolioPlan> {
  const where = projectWhereForActor(actor);
  const [projects, milestones, indicators, ratings] = await Promise.all([
    db.project.count({ where }),
    db.milestone.count({ where: { project: where } }),
    db.indicator.count({ where: { project: where } }),
    db.rating.count({ where: { project: where } }),
  ]);
  return {
    where,
    counts: { projects, milestones, indicators, ratings },
    head: await chainHeadStamp(),
    generatedAt: new Date(),
    generatedBy: actor.email,
    scope: exportScope(actor),
  };
}

const PROJECT_BATCH = 25;

const usd = (cents: bigint) => centsToNumber(cents) / 100;

const projectsSheetSelect = {
  ...projectFactsSelect,
  archivedAt: true,
  implementingAgency: { select: { name: true } },
  priorityArea: { select: { code: true, name: true } },
} satisfies Prisma.ProjectSelect;

const milestonesSheetSelect = {
  code: true,
  milestones: {
    orderBy: [...milestoneOrder, { id: "asc" }],
    select: { ...milestoneFactsSelect, owner: { select: { email: true } } },
  },
} satisfies Prisma.ProjectSelect;

const indicatorsSheetSelect = {
  code: true,
  indicators: {
    orderBy: indicatorOrder,
    select: { ...indicatorFactsSelect, targets: interimTargets, values: latestVerifiedValue },
  },
} satisfies Prisma.ProjectSelect;

const ratingsSheetSelect = {
  code: true,
  ratings: {
    orderBy: [{ ratedOn: "asc" }, { createdAt: "asc" }],
    select: { ...ratingFactsSelect, author: { select: { email: true } } },
  },
} satisfies Prisma.ProjectSelect;

export { PORTFOLIO_SHEETS, portfolioColumns };

/** A stored day as a real date cell (midnight UTC, which Excel shows as that day). */
const dateCell = (value: Date | null | undefined) => (value ? dayToDate(dayOf(value)) : null);

export function portfolioMetadata(plan: PortfolioPlan): Array<[string, string]> {
  const { counts } = plan;
  return [
    ["format", "qadam-portfolio-xlsx/1"],
    ["generated_at", plan.generatedAt.toISOString()],
    ["generated_by", plan.generatedBy],
    ["scope", plan.scope],
    ["filters", "none (every project visible to the user)"],
    ["row_count", String(counts.projects + counts.milestones + counts.indicators + counts.ratings)],
    ["row_count_projects", String(counts.projects)],
    ["row_count_milestones", String(counts.milestones)],
    ["row_count_indicators", String(counts.indicators)],
    ["row_count_ratings", String(counts.ratings)],
    ["chain_head_seq", String(plan.head.seq)],
    ["chain_head_hash", plan.head.hash ?? ""],
  ];
}

type Cell = string | number | boolean | Date | null;

/** One sheet of the workbook: what it reads of each project, and the rows one project gives. */
type ProjectSheet<S extends Prisma.ProjectSelect & { code: true }> = {
  name: keyof typeof PORTFOLIO_SHEETS;
  select: S;
  /** Loads what the rows of a batch need beyond `select` (the projects sheet: the board's assessment). */
  prepare?: (batch: Array<Prisma.ProjectGetPayload<{ select: S }>>) => Promise<void>;
  rows: (project: Prisma.ProjectGetPayload<{ select: S }>) => Cell[][];
};

/** The options every sheet is written with: the projects, the reader's language and the sheet's row count. */
type SheetContext = { where: Prisma.ProjectWhereInput; locale: Locale; rowCount: number };

/**
 * Writes one sheet, a batch of projects at a time, waiting for the consumer between batches. False when the client
 * went away: the workbook is abandoned.
 */
async function writeProjectSheet<S extends Prisma.ProjectSelect & { code: true }>(
  { workbook, drain, aborted }: XlsxWriter,
  { where, locale, rowCount }: SheetContext,
  sheet: ProjectSheet<S>,
): Promise<boolean> {
  const worksheet = addTableSheet(workbook, sheet.name, portfolioColumns(sheet.name, locale), rowCount);
  for await (const batch of projectBatches(where, sheet.select, PROJECT_BATCH)) {
    await sheet.prepare?.(batch);
    for (const project of batch) {
      for (const row of sheet.rows(project)) worksheet.addRow(row.map(xlsxCell)).commit();
    }
    if (aborted()) return false;
    await drain(worksheet);
  }
  worksheet.commit();
  return true;
}

/**
 * The projects sheet, with each project's board colour and reasons from the board's own `assessProjects` (one batch
 * at a time), so the workbook never disagrees with the board.
 */
function projectsSheet(where: Prisma.ProjectWhereInput, today: Date, locale: Locale) {
  let board = new Map<string, StatusAssessment>();
  const colours = resources[locale].translation.portfolio.colours;
  const enums = xlsxEnumWords(locale);
  const sheet: ProjectSheet<typeof projectsSheetSelect> = {
    name: "projects",
    select: projectsSheetSelect,
    prepare: async (batch) => {
      const assessed = await assessProjects({ AND: [where, { code: { in: batch.map((p) => p.code) } }] }, today);
      board = new Map(assessed.map((a) => [a.code, a]));
    },
    rows: (p) => {
      const status = board.get(p.code);
      return [
        [
          p.code,
          p.name,
          enums.domain("institution", p.institution),
          enums.instrument(p.instrument),
          enums.domain("projectStatus", p.status),
          p.implementingAgency.name,
          `${p.priorityArea.code} ${p.priorityArea.name}`,
          p.sectorCode,
          dateCell(p.approvalDate),
          dateCell(p.effectivenessDate),
          dateCell(p.mtrPlannedDate),
          dateCell(p.mtrActualDate),
          dateCell(p.closingOriginalDate),
          dateCell(p.closingRevisedDate),
          usd(p.commitmentMinor),
          usd(p.disbursedMinor),
          disbursementShare(centsToNumber(p.commitmentMinor), centsToNumber(p.disbursedMinor)),
          dateCell(p.archivedAt),
          status ? colours[status.colour] : null,
          status ? status.reasons.map((r) => reasonSentence(r, locale)).join("\n") : null,
        ],
      ];
    },
  };
  return sheet;
}

function milestonesSheet(today: Date, locale: Locale): ProjectSheet<typeof milestonesSheetSelect> {
  const words = xlsxWords(locale);
  const enums = xlsxEnumWords(locale);
  return {
    name: "milestones",
    select: milestonesSheetSelect,
    rows: (p) =>
      p.milestones.map((m) => [
        p.code,
        m.title,
        enums.domain("milestoneStatus", m.status),
        m.percentComplete,
        dateCell(m.baselineDueDate),
        dateCell(m.currentDueDate),
        slipDays(m),
        isMilestoneOverdue(m, today) ? words.yes : words.no,
        dateCell(m.completedOn),
        m.owner?.email ?? null,
      ]),
  };
}

function indicatorsSheet(locale: Locale): ProjectSheet<typeof indicatorsSheetSelect> {
  const words = xlsxWords(locale);
  const enums = xlsxEnumWords(locale);
  return {
    name: "indicators",
    select: indicatorsSheetSelect,
    rows: (p) =>
      p.indicators.map((i) => {
        const { latest, progress } = latestActual(i);
        return [
          p.code,
          i.code,
          i.name,
          enums.domain("indicatorType", i.type),
          i.unit,
          enums.domain("measure", i.measure),
          i.ascending ? words.yes : words.no,
          i.baselineValue,
          dateCell(i.baselineDate),
          i.targets.map((t) => `${dayOf(t.periodEnd)}: ${t.value}`).join("; ") || null,
          i.targetValue,
          dateCell(i.targetDate),
          i.originalTargetValue,
          latest?.value ?? null,
          dateCell(latest?.periodEnd),
          progress,
        ];
      }),
  };
}

function ratingsSheet(locale: Locale): ProjectSheet<typeof ratingsSheetSelect> {
  const enums = xlsxEnumWords(locale);
  return {
    name: "ratings",
    select: ratingsSheetSelect,
    rows: (p) =>
      p.ratings.map((r) => [
        p.code,
        dateCell(r.ratedOn),
        enums.rating("rating", r.pdoRating),
        enums.rating("rating", r.ipRating),
        enums.rating("risk", r.riskRating),
        r.justification,
        r.author.email,
      ]),
  };
}

export function portfolioXlsxStream(plan: PortfolioPlan, options: { locale: Locale }): Readable {
  const { where, counts, generatedAt } = plan;
  const { locale } = options;
  return xlsxStream(async (writer) => {
    writeKeyValueSheet(writer.workbook, portfolioMetadata(plan));
    // Each sheet is committed before the next is added (the zip writer appends one entry at a time).
    const context = (rowCount: number) => ({ where, locale, rowCount });
    if (!(await writeProjectSheet(writer, context(counts.projects), projectsSheet(where, generatedAt, locale)))) return;
    if (!(await writeProjectSheet(writer, context(counts.milestones), milestonesSheet(generatedAt, locale)))) return;
    if (!(await writeProjectSheet(writer, context(counts.indicators), indicatorsSheet(locale)))) return;
    await writeProjectSheet(writer, context(counts.ratings), ratingsSheet(locale));
  });
}
