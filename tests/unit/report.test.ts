// The printable report reads in plain SQL: for every demo project it states the same facts, in the same order, as
// Prisma's read of the shared export selects (what the portfolio workbook states), so the two can never disagree.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { isMilestoneOverdue, slipDays } from "~/lib/metrics";
import {
  indicatorFactsSelect,
  indicatorOrder,
  latestActual,
  latestVerifiedValue,
  milestoneFactsSelect,
  milestoneOrder,
  ratingFactsSelect,
} from "~/models/export-selects.server";
import { getProjectReport } from "~/models/report.server";
import { SEED_TODAY, seedDatabase } from "../../prisma/seed";

const TODAY = new Date(`${SEED_TODAY}T12:00:00Z`);
const iso = (date: Date | null) => date?.toISOString() ?? null;

beforeAll(async () => {
  await seedDatabase(db);
}, 60_000);

async function expectedFacts(projectId: string) {
  const project = await db.project.findUniqueOrThrow({
    where: { id: projectId },
    select: {
      code: true,
      commitmentMinor: true,
      disbursedMinor: true,
      implementingAgency: { select: { name: true, nameRu: true, nameKk: true } },
      priorityArea: { select: { code: true, framework: { select: { code: true } } } },
      ratings: {
        orderBy: [{ ratedOn: "desc" }, { createdAt: "desc" }],
        take: 2,
        select: { ...ratingFactsSelect, author: { select: { name: true } } },
      },
      indicators: {
        orderBy: indicatorOrder,
        select: { ...indicatorFactsSelect, values: latestVerifiedValue },
      },
      milestones: { orderBy: milestoneOrder, select: { id: true, ...milestoneFactsSelect } },
    },
  });
  return {
    code: project.code,
    agency: project.implementingAgency,
    area: `${project.priorityArea.framework.code} ${project.priorityArea.code}`,
    commitmentCents: Number(project.commitmentMinor),
    disbursedCents: Number(project.disbursedMinor),
    ratings: project.ratings.map((r) => [
      r.ratedOn.toISOString(),
      r.pdoRating,
      r.ipRating,
      r.riskRating,
      r.author.name,
    ]),
    indicators: project.indicators.map((indicator) => {
      const { latest, progress } = latestActual(indicator);
      return [indicator.code, indicator.type, latest?.value ?? null, iso(latest?.periodEnd ?? null), progress];
    }),
    milestones: project.milestones.map((m) => [
      m.id,
      m.status,
      iso(m.completedOn),
      slipDays(m),
      isMilestoneOverdue(m, TODAY),
    ]),
  };
}

describe("printable project report", () => {
  it("states, for every demo project, what Prisma's read of the export selects states", async () => {
    const projects = await db.project.findMany({ select: { id: true } });
    expect(projects.length).toBeGreaterThan(0);
    let withActuals = 0;
    for (const { id } of projects) {
      const report = await getProjectReport(id, TODAY);
      if (!report) throw new Error(`no report for ${id}`);
      const ratings = [report.ratings.current, report.ratings.previous].flatMap((r) =>
        r ? [[r.ratedOn, r.pdo, r.ip, r.risk, r.author]] : [],
      );
      withActuals += report.indicators.filter((i) => i.actual !== null).length;
      expect({
        code: report.code,
        agency: report.agency,
        area: `${report.priorityArea.framework.code} ${report.priorityArea.code}`,
        commitmentCents: report.financing.commitmentCents,
        disbursedCents: report.financing.disbursedCents,
        ratings,
        indicators: report.indicators.map((i) => [i.code, i.type, i.actual, i.actualDate, i.progress]),
        milestones: report.milestones.map((m) => [m.id, m.status, m.completedOn, m.slipDays, m.overdue]),
      }).toEqual(await expectedFacts(id));
    }
    // Verified actuals exist in the demo data, so the latest-value comparison is not vacuous.
    expect(withActuals).toBeGreaterThan(0);
  });

  it("is null for a project that does not exist", async () => {
    expect(await getProjectReport("no-such-project", TODAY)).toBeNull();
  });
});
