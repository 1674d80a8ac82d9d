import { useTranslation } from "react-i18next";
import { useLabel } from "~/i18n/keys";
import {
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useHydrated } from "~/components/ui/form-hooks";
import { useFormat } from "~/i18n/format";
import { toChartRows, type ChartPoint } from "./chart-data";

const HEIGHT = 320;

/**
 * The indicator chart (recharts). It measures the DOM, so it renders only after mount: the server sends a
 * placeholder of the same height, and the chart-data table below is the accessible alternative.
 */
export function IndicatorChart({
  points,
  name,
  unit,
  today,
}: {
  points: ChartPoint[];
  name: string;
  unit: string;
  today: string;
}) {
  const { t } = useTranslation();
  const codeLabel = useLabel();
  const format = useFormat();
  const mounted = useHydrated();
  const rows = toChartRows(points);
  const label = t("workflow.indicator.chartLabel", { name });
  if (!mounted) {
    return (
      <div className="indicator-chart placeholder" style={{ height: HEIGHT }} role="img" aria-label={label}>
        <p className="muted">{t("workflow.indicator.chartLoading")}</p>
      </div>
    );
  }
  const todayMs = new Date(today).getTime();
  const xs = rows.map((r) => r.x).concat(todayMs);
  // A little room on both sides so the first and last markers are not cut by the axes.
  const pad = Math.max(15 * 86_400_000, (Math.max(...xs) - Math.min(...xs)) * 0.03);
  const ticks = yearTicks(Math.min(...xs) - pad, Math.max(...xs) + pad);
  return (
    <div className="indicator-chart" role="img" aria-label={label} data-testid="indicator-chart">
      <ResponsiveContainer width="100%" height={HEIGHT}>
        {/* The chart is one image with a name; its data is the table below. Recharts' keyboard layer would put an
            unnamed tab stop (role="application") inside that image, so it is off. */}
        <ComposedChart data={rows} margin={{ top: 12, right: 24, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#e3e7ec" />
          <XAxis
            dataKey="x"
            type="number"
            scale="time"
            domain={[Math.min(...xs) - pad, Math.max(...xs) + pad]}
            ticks={ticks}
            tickFormatter={(value: number) =>
              ticks ? String(new Date(value).getUTCFullYear()) : format.date(new Date(value))
            }
          />
          <YAxis
            tickFormatter={(value: number) => format.number(value)}
            label={{ value: unit, angle: -90, position: "insideLeft" }}
          />
          <Tooltip
            labelFormatter={(value) => format.date(new Date(Number(value)))}
            formatter={(value, key) => [
              format.number(Number(value)),
              codeLabel("workflow.indicator.series", String(key)),
            ]}
          />
          <Legend
            formatter={(key) =>
              key === "target" ? t("charts.trajectory") : codeLabel("workflow.indicator.series", String(key))
            }
          />
          <ReferenceLine x={todayMs} stroke="#b42318" strokeDasharray="4 3" />
          <Line
            dataKey="target"
            stroke="#8a5300"
            strokeWidth={1.5}
            strokeDasharray="5 3"
            dot={{ r: 4 }}
            connectNulls
            isAnimationActive={false}
          />
          <Line
            dataKey="actual"
            stroke="#00538a"
            strokeWidth={2}
            dot={{ r: 4 }}
            connectNulls
            isAnimationActive={false}
          />
          <Line
            dataKey="projection"
            stroke="#00538a"
            strokeDasharray="6 4"
            dot={false}
            connectNulls
            isAnimationActive={false}
          />
          <Line
            dataKey="baseline"
            stroke="#1b2430"
            dot={{ r: 6, fill: "#fff", strokeWidth: 2 }}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

/** 1 January of every year (or every few years, at most ~8 ticks) between two instants. */
function yearTicks(from: number, to: number): number[] | undefined {
  const first = new Date(from).getUTCFullYear() + 1;
  const last = new Date(to).getUTCFullYear();
  const step = Math.max(1, Math.ceil((last - first + 1) / 8));
  const out: number[] = [];
  for (let year = first; year <= last; year += step) out.push(Date.UTC(year, 0, 1));
  return out.length >= 2 ? out : undefined;
}

/** The chart's data as a table (date, series, value). */
export function ChartDataTable({ points }: { points: ChartPoint[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <details className="chart-data">
      <summary>{t("workflow.indicator.chartData")}</summary>
      <div className="table-wrap">
        <table data-testid="chart-data">
          <thead>
            <tr>
              <th scope="col">{t("workflow.indicator.chartColumns.date")}</th>
              <th scope="col">{t("workflow.indicator.chartColumns.series")}</th>
              <th scope="col" className="num">
                {t("workflow.indicator.chartColumns.value")}
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={`${p.series}-${p.x}`} data-series={p.series}>
                <td>{format.date(p.date)}</td>
                <td>{t(`workflow.indicator.series.${p.series}`)}</td>
                <td className="num">{format.number(p.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
