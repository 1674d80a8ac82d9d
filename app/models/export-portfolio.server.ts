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
  xlsxWords,
  type XlsxColumnKind,
  chainHeadStamp,
  exportScope,
  projectBatches,
  writeKeyValueSheet,
  xlsxStream,
  type ChainHeadStamp,
  type XlsxWriter,
} from "./export-common.server";
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

export const PORTFOLIO_SHEETS = {
  projects: [
    "code",
    "name",
    "institution",
    "instrument",
    "status",
    "implementing_agency",
    "priority_area",
    "sector_code",
    "approval_date",
    "effectiveness_date",
    "mtr_planned_date",
    "mtr_actual_date",
    "closing_original_date",
    "closing_revised_date",
    "commitment_usd",
    "disbursed_usd",
    "disbursed_share",
    "archived_at",
    "board_colour",
    "board_reasons",
  ],
  milestones: [
    "project_code",
    "title",
    "status",
    "percent_complete",
    "baseline_due_date",
    "current_due_date",
    "slip_days",
    "overdue",
    "completed_on",
    "owner_email",
  ],
  indicators: [
    "project_code",
    "code",
    "name",
    "type",
    "unit",
    "measure",
    "ascending",
    "baseline_value",
    "baseline_date",
    "interim_targets",
    "end_target_value",
    "end_target_date",
    "original_target_value",
    "latest_verified_actual",
    "latest_actual_period_end",
    "progress_share",
  ],
  ratings: ["project_code", "rated_on", "pdo_rating", "ip_rating", "risk_rating", "justification", "author_email"],
} as const;

type PortfolioColumn = (typeof PORTFOLIO_SHEETS)[keyof typeof PORTFOLIO_SHEETS][number];

/** What each column holds in the workbook: its cell format and width. */
const PORTFOLIO_COLUMN_KINDS: Record<PortfolioColumn, XlsxColumnKind> = {
  code: "code",
  name: "longText",
  institution: "code",
  instrument: "code",
  status: "code",
  implementing_agency: "text",
  priority_area: "text",
  sector_code: "code",
  approval_date: "date",
  effectiveness_date: "date",
  mtr_planned_date: "date",
  mtr_actual_date: "date",
  closing_original_date: "date",
  closing_revised_date: "date",
  commitment_usd: "usd",
  disbursed_usd: "usd",
  disbursed_share: "share",
  archived_at: "date",
  board_colour: "code",
  board_reasons: "longText",
  project_code: "code",
  title: "longText",
  percent_complete: "integer",
  baseline_due_date: "date",
  current_due_date: "date",
  slip_days: "integer",
  overdue: "code",
  completed_on: "date",
  owner_email: "text",
  type: "code",
  unit: "code",
  measure: "code",
  ascending: "code",
  baseline_value: "number",
  baseline_date: "date",
  interim_targets: "text",
  end_target_value: "number",
  end_target_date: "date",
  original_target_value: "number",
  latest_verified_actual: "number",
  latest_actual_period_end: "date",
  progress_share: "share",
  rated_on: "date",
  pdo_rating: "code",
  ip_rating: "code",
  risk_rating: "code",
  justification: "longText",
  author_email: "text",
};

/** A sheet's columns: machine name, kind, and heading in the reader's language. */
export function portfolioColumns(sheet: keyof typeof PORTFOLIO_SHEETS, locale: Locale) {
  const headings: Record<string, string> = xlsxWords(locale)[sheet];
  return PORTFOLIO_SHEETS[sheet].map((key) => ({
    key,
    kind: PORTFOLIO_COLUMN_KINDS[key],
    heading: headings[key] ?? key,
  }));
}

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
          p.institution,
          p.instrument,
          p.status,
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
  return {
    name: "milestones",
    select: milestonesSheetSelect,
    rows: (p) =>
      p.milestones.map((m) => [
        p.code,
        m.title,
        m.status,
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
          i.type,
          i.unit,
          i.measure,
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

const ratingsSheet: ProjectSheet<typeof ratingsSheetSelect> = {
  name: "ratings",
  select: ratingsSheetSelect,
  rows: (p) =>
    p.ratings.map((r) => [
      p.code,
      dateCell(r.ratedOn),
      r.pdoRating,
      r.ipRating,
      r.riskRating,
      r.justification,
      r.author.email,
    ]),
};

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
    await writeProjectSheet(writer, context(counts.ratings), ratingsSheet);
  });
}
