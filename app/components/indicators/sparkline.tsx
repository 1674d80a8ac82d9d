import { useTranslation } from "react-i18next";
import { useFormat } from "~/i18n/format";

export type TrendPoint = { date: string; value: number };

const WIDTH = 96;
const HEIGHT = 28;
const PAD = 3;

/**
 * A small trend of an indicator's verified values (from its baseline) against its end target, drawn as plain SVG so
 * it shows before any script runs. One image with a name that reads the values out; the table's own cells carry the
 * numbers.
 */
export function Sparkline({
  name,
  points,
  target,
}: {
  name: string;
  /** Baseline first (when known), then verified values, oldest first. */
  points: TrendPoint[];
  target: TrendPoint | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (points.length < 2) return <small className="muted sparkline-empty">{t("charts.noTrend")}</small>;
  const all = target ? [...points, target] : points;
  const xs = all.map((p) => new Date(p.date).getTime());
  const ys = all.map((p) => p.value);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const x = (date: string) => PAD + ((new Date(date).getTime() - minX) / Math.max(1, maxX - minX)) * (WIDTH - 2 * PAD);
  const y = (value: number) => HEIGHT - PAD - ((value - minY) / Math.max(1e-9, maxY - minY)) * (HEIGHT - 2 * PAD);
  const line = points.map((p) => `${x(p.date).toFixed(1)},${y(p.value).toFixed(1)}`).join(" ");
  const last = points[points.length - 1];
  const label = t("charts.trendLabel", {
    name,
    values: points.map((p) => `${format.number(p.value)} (${format.monthYear(p.date)})`).join(", "),
  });
  return (
    <svg
      className="sparkline"
      role="img"
      aria-label={label}
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      data-testid="sparkline"
    >
      <title>{label}</title>
      {target ? (
        <line
          x1={x(points[0].date)}
          y1={y(points[0].value)}
          x2={x(target.date)}
          y2={y(target.value)}
          stroke="#8a5300"
          strokeDasharray="3 2"
          strokeWidth={1}
        />
      ) : null}
      <polyline points={line} fill="none" stroke="#00538a" strokeWidth={1.75} />
      <circle cx={x(last.date)} cy={y(last.value)} r={2.5} fill="#00538a" />
    </svg>
  );
}
