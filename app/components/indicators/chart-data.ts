import { dayOf } from "~/lib/dates";
import { projectValueAt, type Point } from "~/lib/metrics";

/** The series the indicator chart draws, and its table alternative. Pure: dates are ISO strings, x is epoch ms. */
export type ChartSeries = "baseline" | "target" | "actual" | "projection";
export type ChartPoint = { x: number; date: string; series: ChartSeries; value: number };
export type ChartRow = { x: number } & Partial<Record<ChartSeries, number>>;

export type ChartInput = {
  baselineValue: number | null;
  baselineDate: string | null;
  targetValue: number | null;
  targetDate: string | null;
  targets: { periodEnd: string; value: number }[];
  verified: { periodEnd: string; value: number }[];
};

const ms = (iso: string) => new Date(iso).getTime();

/**
 * Baseline (one point), targets (interim and end target), verified actuals (starting from the baseline), and the
 * projection: the least-squares trend through baseline and actuals, drawn from the latest actual to the end
 * target date.
 */
export function buildChartPoints(input: ChartInput): ChartPoint[] {
  const points: ChartPoint[] = [];
  const add = (date: string, series: ChartSeries, value: number) => points.push({ x: ms(date), date, series, value });
  const baseline =
    input.baselineValue !== null && input.baselineDate !== null
      ? { date: input.baselineDate, value: input.baselineValue }
      : null;
  if (baseline) add(baseline.date, "baseline", baseline.value);
  const targets = [...input.targets];
  const { targetDate, targetValue } = input;
  if (targetValue !== null && targetDate && !targets.some((tg) => dayOf(tg.periodEnd) === dayOf(targetDate))) {
    targets.push({ periodEnd: targetDate, value: targetValue });
  }
  for (const tg of targets) add(tg.periodEnd, "target", tg.value);
  const actuals = [...input.verified].sort((a, b) => ms(a.periodEnd) - ms(b.periodEnd));
  for (const a of actuals) add(a.periodEnd, "actual", a.value);

  const trendPoints: Point[] = [
    ...(baseline ? [baseline] : []),
    ...actuals.map((a) => ({ date: a.periodEnd, value: a.value })),
  ];
  const last = actuals.at(-1);
  if (last && input.targetDate && ms(input.targetDate) > ms(last.periodEnd)) {
    const from = projectValueAt(trendPoints, last.periodEnd);
    const to = projectValueAt(trendPoints, input.targetDate);
    if (from !== null && to !== null) {
      add(last.periodEnd, "projection", from);
      add(input.targetDate, "projection", to);
    }
  }
  return points.sort((a, b) => a.x - b.x);
}

/**
 * One row per date with a column per series, as recharts wants it. The actual line and the target line both start
 * at the baseline: the target line is then the planned trajectory, baseline → interim targets → end target.
 */
export function toChartRows(points: ChartPoint[]): ChartRow[] {
  const rows = new Map<number, ChartRow>();
  for (const p of points) {
    const row = rows.get(p.x) ?? { x: p.x };
    row[p.series] = p.value;
    if (p.series === "baseline" && row.actual === undefined) row.actual = p.value;
    if (p.series === "baseline" && row.target === undefined) row.target = p.value;
    rows.set(p.x, row);
  }
  return [...rows.values()].sort((a, b) => a.x - b.x);
}
