import type { Readable } from "node:stream";
import type { Prisma } from "~/generated/prisma/client";
import { xlsxCell } from "~/lib/csv-safety";
import { db } from "~/lib/db.server";
import { dayOf, dayOrNull } from "~/lib/dates";
import { disbursementShare, isMilestoneOverdue, slipDays } from "~/lib/metrics";
import { centsToNumber } from "~/lib/money";
import type { Actor } from "~/lib/permissions";
import { projectWhereForActor } from "~/lib/permissions.server";
import {
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

type Cell = string | number | boolean | null;

/** One sheet of the workbook: what it reads of each project, and the rows one project gives. */
type ProjectSheet<S extends Prisma.ProjectSelect & { code: true }> = {
  name: keyof typeof PORTFOLIO_SHEETS;
  select: S;
  rows: (project: Prisma.ProjectGetPayload<{ select: S }>) => Cell[][];
};

/**
 * Writes one sheet, a batch of projects at a time, waiting for the consumer between batches. False when the client
 * went away: the workbook is abandoned.
 */
async function writeProjectSheet<S extends Prisma.ProjectSelect & { code: true }>(
  { workbook, drain, aborted }: XlsxWriter,
  where: Prisma.ProjectWhereInput,
  sheet: ProjectSheet<S>,
): Promise<boolean> {
  const worksheet = workbook.addWorksheet(sheet.name);
  worksheet.addRow(PORTFOLIO_SHEETS[sheet.name].map(xlsxCell)).commit();
  for await (const batch of projectBatches(where, sheet.select, PROJECT_BATCH)) {
    for (const project of batch) {
      for (const row of sheet.rows(project)) worksheet.addRow(row.map(xlsxCell)).commit();
    }
    if (aborted()) return false;
    await drain(worksheet);
  }
  worksheet.commit();
  return true;
}

const projectsSheet: ProjectSheet<typeof projectsSheetSelect> = {
  name: "projects",
  select: projectsSheetSelect,
  rows: (p) => [
    [
      p.code,
      p.name,
      p.institution,
      p.instrument,
      p.status,
      p.implementingAgency.name,
      `${p.priorityArea.code} ${p.priorityArea.name}`,
      p.sectorCode,
      dayOrNull(p.approvalDate),
      dayOrNull(p.effectivenessDate),
      dayOrNull(p.mtrPlannedDate),
      dayOrNull(p.mtrActualDate),
      dayOrNull(p.closingOriginalDate),
      dayOrNull(p.closingRevisedDate),
      usd(p.commitmentMinor),
      usd(p.disbursedMinor),
      disbursementShare(centsToNumber(p.commitmentMinor), centsToNumber(p.disbursedMinor)),
      dayOrNull(p.archivedAt),
    ],
  ],
};

function milestonesSheet(today: Date): ProjectSheet<typeof milestonesSheetSelect> {
  return {
    name: "milestones",
    select: milestonesSheetSelect,
    rows: (p) =>
      p.milestones.map((m) => [
        p.code,
        m.title,
        m.status,
        m.percentComplete,
        dayOf(m.baselineDueDate),
        dayOf(m.currentDueDate),
        slipDays(m),
        isMilestoneOverdue(m, today) ? "yes" : "no",
        dayOrNull(m.completedOn),
        m.owner?.email ?? null,
      ]),
  };
}

const indicatorsSheet: ProjectSheet<typeof indicatorsSheetSelect> = {
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
        i.ascending ? "yes" : "no",
        i.baselineValue,
        dayOrNull(i.baselineDate),
        i.targets.map((t) => `${dayOf(t.periodEnd)}: ${t.value}`).join("; ") || null,
        i.targetValue,
        dayOrNull(i.targetDate),
        i.originalTargetValue,
        latest?.value ?? null,
        dayOrNull(latest?.periodEnd),
        progress,
      ];
    }),
};

const ratingsSheet: ProjectSheet<typeof ratingsSheetSelect> = {
  name: "ratings",
  select: ratingsSheetSelect,
  rows: (p) =>
    p.ratings.map((r) => [
      p.code,
      dayOf(r.ratedOn),
      r.pdoRating,
      r.ipRating,
      r.riskRating,
      r.justification,
      r.author.email,
    ]),
};

export function portfolioXlsxStream(plan: PortfolioPlan): Readable {
  return xlsxStream(async (writer) => {
    writeKeyValueSheet(writer.workbook, portfolioMetadata(plan));
    // Each sheet is committed before the next is added (the zip writer appends one entry at a time).
    if (!(await writeProjectSheet(writer, plan.where, projectsSheet))) return;
    if (!(await writeProjectSheet(writer, plan.where, milestonesSheet(plan.generatedAt)))) return;
    if (!(await writeProjectSheet(writer, plan.where, indicatorsSheet))) return;
    await writeProjectSheet(writer, plan.where, ratingsSheet);
  });
}
