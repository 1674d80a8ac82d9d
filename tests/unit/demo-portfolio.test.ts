// Properties of the demo portfolio itself: the app's forms accept its records, and the progress computed on its
// results frameworks (ascending and descending) follows the formula. The other unit tests build their own records;
// these load the whole demo seed because the demo data is what they check.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { progressTowardsTarget } from "~/lib/metrics";
import { STATUS_THRESHOLDS, indicatorGapPoints } from "~/lib/status-rules";
import { listProjectIndicators } from "~/models/indicator.server";
import { toProjectFormValues } from "~/models/project/form.server";
import { monthsForFrequency } from "~/models/reporting.server";
import { INDICATOR_FREQUENCIES, IndicatorCreateSchema } from "~/schemas/indicator";
import { ProjectEditSchema } from "~/schemas/project";
import { demo, fieldErrors, indicatorEditForm, onIndicator, projectByCode, type Demo } from "../helpers/review-kit";
import { seedDatabase } from "../../prisma/seed";

let transportManager: Demo;

beforeAll(async () => {
  await seedDatabase(db);
  transportManager = await demo("transport.manager");
}, 120_000);

describe("the demo portfolio", () => {
  it("every seeded project can be saved back unchanged (the form's rules accept the demo data)", async () => {
    for (const row of await db.project.findMany()) {
      const result = ProjectEditSchema.safeParse(toProjectFormValues(row));
      expect(result.success, `${row.code}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
    }
  });
});

describe("progress on the seeded results frameworks", () => {
  it("descending indicator (travel time change, P099270): moving below a negative target is more than 100%", async () => {
    const project = await projectByCode("P099270");
    const rows = await listProjectIndicators({ projectId: project.id, today: new Date("2026-11-26T00:00:00Z") });
    const travel = rows.find((r) => r.code.includes("TRAVEL"))!;
    expect(travel.ascending).toBe(false);
    const values = await db.indicatorValue.findMany({
      where: { indicatorId: travel.id, state: "VERIFIED" },
      orderBy: { periodEnd: "desc" },
    });
    expect(travel.summary.latestActual?.value).toBe(values[0].value);
    // (actual - baseline) / (target - baseline), by hand: (-66 - 0) / (-60 - 0) = 1.1
    expect(travel.baselineValue).toBe(0);
    expect(travel.targetValue).toBe(-60);
    expect(values[0].value).toBe(-66);
    expect(travel.summary.progress).toBeCloseTo(1.1, 10);
    expect(travel.summary.onTrack).toBe(true);
    // The formal revision recorded by the seed keeps the original target.
    expect(travel.originalTargetValue).not.toBeNull();
  });

  it("ascending indicator with a verified value below target (permanent jobs, P128050)", async () => {
    const project = await projectByCode("P128050");
    const jobs = (await listProjectIndicators({ projectId: project.id })).find((r) => r.code === "PERMANENT_JOBS")!;
    const latest = jobs.summary.latestActual!.value;
    expect(jobs.summary.progress).toBeCloseTo(
      (latest - jobs.baselineValue!) / (jobs.targetValue! - jobs.baselineValue!),
      10,
    );
    expect(jobs.summary.progress!).toBeLessThan(1);
  });

  it("every seeded indicator's progress matches the formula on its latest VERIFIED value (pending values ignored)", async () => {
    const indicators = await db.indicator.findMany({ include: { values: true } });
    expect(indicators.length).toBeGreaterThan(10);
    let checked = 0;
    const byProject = new Map<string, Awaited<ReturnType<typeof listProjectIndicators>>>();
    for (const ind of indicators) {
      if (!byProject.has(ind.projectId))
        byProject.set(ind.projectId, await listProjectIndicators({ projectId: ind.projectId }));
      const row = byProject.get(ind.projectId)!.find((r) => r.id === ind.id)!;
      const verified = ind.values
        .filter((v) => v.state === "VERIFIED")
        .sort((a, b) => a.periodEnd.getTime() - b.periodEnd.getTime());
      const expected = progressTowardsTarget({
        baseline: ind.baselineValue,
        target: ind.targetValue,
        actual: verified.at(-1)?.value ?? null,
        ascending: ind.ascending,
      });
      expect(row.summary.progress, ind.code).toBe(expected);
      // "On track" is the status board's rule: no more than the amber threshold behind the trajectory.
      const latest = verified.at(-1);
      const gap = latest ? indicatorGapPoints({ ...ind, type: ind.type, latestVerified: latest }) : null;
      expect(row.summary.onTrack, ind.code).toBe(gap === null ? null : gap <= STATUS_THRESHOLDS.indicatorAmberPoints);
      if (gap !== null) checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });
});

describe("reporting frequencies in the demo portfolio (one list: schema, form, labels, seed, reporting)", () => {
  it("the shared schema accepts every frequency used in the seed; SEMI_ANNUAL is a six-month period", async () => {
    const used = (await db.indicator.groupBy({ by: ["frequency"] })).map((g) => g.frequency);
    expect(used).toContain("SEMI_ANNUAL");
    for (const frequency of used) expect(INDICATOR_FREQUENCIES).toContain(frequency);
    const base = {
      code: "X1",
      name: "x",
      type: "PDO",
      unit: "km",
      measure: "UNIT",
      ascending: "true",
      dataSource: "",
      responsibleAgency: "",
    };
    for (const frequency of INDICATOR_FREQUENCIES)
      expect(IndicatorCreateSchema.safeParse({ ...base, frequency }).success).toBe(true);
    expect(IndicatorCreateSchema.safeParse({ ...base, frequency: "SEMIANNUAL" }).success).toBe(false);
    expect(INDICATOR_FREQUENCIES.map(monthsForFrequency)).toEqual([1, 3, 6, 12]);
  });

  it("a manager saves a seeded SEMI_ANNUAL indicator (ROAD_KM_RECONSTRUCTED, P128050) unchanged", async () => {
    const ind = await db.indicator.findFirstOrThrow({
      where: { code: "ROAD_KM_RECONSTRUCTED", project: { code: "P128050" } },
      include: { targets: { orderBy: { periodEnd: "asc" } } },
    });
    expect(ind.frequency).toBe("SEMI_ANNUAL");
    const form = indicatorEditForm(ind);
    const saved = await onIndicator(transportManager, ind.projectId, ind.id, form);
    expect(fieldErrors(saved)).toBeNull();
    expect(saved.status).toBe(302);
    expect(await db.indicator.findUniqueOrThrow({ where: { id: ind.id } })).toMatchObject({
      frequency: "SEMI_ANNUAL",
      version: ind.version + 1,
    });
  });
});
