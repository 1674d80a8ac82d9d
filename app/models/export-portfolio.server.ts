import type { Readable } from "node:stream";
import type { Prisma } from "~/generated/prisma/client";
import { xlsxCell } from "~/lib/csv-safety";
import { db } from "~/lib/db.server";
import { isMilestoneOverdue, progressTowardsTarget, slipDays, disbursementShare } from "~/lib/metrics";
import { centsToNumber } from "~/lib/money";
import type { Actor } from "~/lib/permissions";
import { projectWhereForActor } from "~/lib/permissions.server";
import { chainHeadStamp, xlsxStream, type ChainHeadStamp } from "./export-common.server";

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
    scope: actor.role === "ADMIN" || actor.role === "AUDITOR" ? "all" : "visible-projects",
  };
}

const PROJECT_BATCH = 25;

/** The visible projects in code order, `PROJECT_BATCH` at a time, with whatever each sheet needs. */
async function* projectBatches<S extends Prisma.ProjectSelect & { code: true }>(
  where: Prisma.ProjectWhereInput,
  select: S,
): AsyncGenerator<Array<Prisma.ProjectGetPayload<{ select: S }>>> {
  let after: string | undefined;
  for (;;) {
    const batch = (await db.project.findMany({
      where: after ? { AND: [where, { code: { gt: after } }] } : where,
      orderBy: { code: "asc" },
      take: PROJECT_BATCH,
      select,
    })) as Array<Prisma.ProjectGetPayload<{ select: S }>>;
    if (batch.length) yield batch;
    if (batch.length < PROJECT_BATCH) return;
    after = (batch[batch.length - 1] as { code: string }).code;
  }
}

const day = (date: Date | null | undefined) => (date ? date.toISOString().slice(0, 10) : null);
const usd = (cents: bigint) => centsToNumber(cents) / 100;

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

export function portfolioXlsxStream(plan: PortfolioPlan): Readable {
  const today = plan.generatedAt;
  return xlsxStream(async ({ workbook, drain, aborted }) => {
    const meta = workbook.addWorksheet("metadata");
    meta.addRow(["key", "value"]).commit();
    for (const [key, value] of portfolioMetadata(plan)) meta.addRow([xlsxCell(key), xlsxCell(value)]).commit();
    meta.commit();

    const projects = workbook.addWorksheet("projects");
    projects.addRow([...PORTFOLIO_SHEETS.projects]).commit();
    for await (const batch of projectBatches(plan.where, {
      code: true,
      name: true,
      institution: true,
      instrument: true,
      status: true,
      sectorCode: true,
      approvalDate: true,
      effectivenessDate: true,
      mtrPlannedDate: true,
      mtrActualDate: true,
      closingOriginalDate: true,
      closingRevisedDate: true,
      commitmentMinor: true,
      disbursedMinor: true,
      archivedAt: true,
      implementingAgency: { select: { name: true } },
      priorityArea: { select: { code: true, name: true } },
    })) {
      for (const p of batch) {
        const row = [
          p.code,
          p.name,
          p.institution,
          p.instrument,
          p.status,
          p.implementingAgency.name,
          `${p.priorityArea.code} ${p.priorityArea.name}`,
          p.sectorCode,
          day(p.approvalDate),
          day(p.effectivenessDate),
          day(p.mtrPlannedDate),
          day(p.mtrActualDate),
          day(p.closingOriginalDate),
          day(p.closingRevisedDate),
          usd(p.commitmentMinor),
          usd(p.disbursedMinor),
          disbursementShare(centsToNumber(p.commitmentMinor), centsToNumber(p.disbursedMinor)),
          day(p.archivedAt),
        ];
        projects.addRow(row.map(xlsxCell)).commit();
      }
      if (aborted()) return;
      await drain(projects);
    }
    projects.commit();

    const milestones = workbook.addWorksheet("milestones");
    milestones.addRow([...PORTFOLIO_SHEETS.milestones]).commit();
    for await (const batch of projectBatches(plan.where, {
      code: true,
      milestones: {
        orderBy: [{ currentDueDate: "asc" }, { sortOrder: "asc" }, { id: "asc" }],
        select: {
          title: true,
          status: true,
          percentComplete: true,
          baselineDueDate: true,
          currentDueDate: true,
          completedOn: true,
          owner: { select: { email: true } },
        },
      },
    })) {
      for (const p of batch) {
        for (const m of p.milestones) {
          const row = [
            p.code,
            m.title,
            m.status,
            m.percentComplete,
            day(m.baselineDueDate),
            day(m.currentDueDate),
            slipDays(m),
            isMilestoneOverdue(m, today) ? "yes" : "no",
            day(m.completedOn),
            m.owner?.email ?? null,
          ];
          milestones.addRow(row.map(xlsxCell)).commit();
        }
      }
      if (aborted()) return;
      await drain(milestones);
    }
    milestones.commit();

    const indicators = workbook.addWorksheet("indicators");
    indicators.addRow([...PORTFOLIO_SHEETS.indicators]).commit();
    for await (const batch of projectBatches(plan.where, {
      code: true,
      indicators: {
        orderBy: [{ type: "asc" }, { sortOrder: "asc" }, { code: "asc" }],
        select: {
          code: true,
          name: true,
          type: true,
          unit: true,
          measure: true,
          ascending: true,
          baselineValue: true,
          baselineDate: true,
          targetValue: true,
          targetDate: true,
          originalTargetValue: true,
          targets: { orderBy: { periodEnd: "asc" }, select: { periodEnd: true, value: true } },
          values: {
            where: { state: "VERIFIED" },
            orderBy: [{ periodEnd: "desc" }, { reviewedAt: "desc" }],
            take: 1,
            select: { value: true, periodEnd: true },
          },
        },
      },
    })) {
      for (const p of batch) {
        for (const i of p.indicators) {
          const latest = i.values[0] ?? null;
          const progress = progressTowardsTarget({
            baseline: i.baselineValue,
            target: i.targetValue,
            actual: latest?.value ?? null,
            ascending: i.ascending,
          });
          const row = [
            p.code,
            i.code,
            i.name,
            i.type,
            i.unit,
            i.measure,
            i.ascending ? "yes" : "no",
            i.baselineValue,
            day(i.baselineDate),
            i.targets.map((t) => `${day(t.periodEnd)}: ${t.value}`).join("; ") || null,
            i.targetValue,
            day(i.targetDate),
            i.originalTargetValue,
            latest?.value ?? null,
            day(latest?.periodEnd),
            progress,
          ];
          indicators.addRow(row.map(xlsxCell)).commit();
        }
      }
      if (aborted()) return;
      await drain(indicators);
    }
    indicators.commit();

    const ratings = workbook.addWorksheet("ratings");
    ratings.addRow([...PORTFOLIO_SHEETS.ratings]).commit();
    for await (const batch of projectBatches(plan.where, {
      code: true,
      ratings: {
        orderBy: [{ ratedOn: "asc" }, { createdAt: "asc" }],
        select: {
          ratedOn: true,
          pdoRating: true,
          ipRating: true,
          riskRating: true,
          justification: true,
          author: { select: { email: true } },
        },
      },
    })) {
      for (const p of batch) {
        for (const r of p.ratings) {
          const row = [p.code, day(r.ratedOn), r.pdoRating, r.ipRating, r.riskRating, r.justification, r.author.email];
          ratings.addRow(row.map(xlsxCell)).commit();
        }
      }
      if (aborted()) return;
      await drain(ratings);
    }
    ratings.commit();
  });
}
