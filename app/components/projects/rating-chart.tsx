import { useTranslation } from "react-i18next";
import { useFormat } from "~/i18n/format";
import { RATING_SCALE } from "~/lib/metrics";
import type { RatingEntry } from "./rating-timeline";

const WIDTH = 640;
const HEIGHT = 180;
const LEFT = 36;
const RIGHT = 12;
const TOP = 10;
const BOTTOM = 24;

/**
 * The rating history as a picture: PDO and IP ratings over time as step lines on the six-point scale (HS at the
 * top), in plain SVG so it shows before any script runs. One named image whose name reads out the changes; the
 * timeline below it is the data.
 */
export function RatingChart({ ratings }: { ratings: RatingEntry[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const oldestFirst = [...ratings].sort((a, b) => a.ratedOn.localeCompare(b.ratedOn));
  if (oldestFirst.length < 2) return null;
  const times = oldestFirst.map((r) => new Date(r.ratedOn).getTime());
  const [from, to] = [Math.min(...times), Math.max(...times)];
  const x = (iso: string) =>
    LEFT + ((new Date(iso).getTime() - from) / Math.max(1, to - from)) * (WIDTH - LEFT - RIGHT);
  const level = (code: string) => Math.max(0, RATING_SCALE.indexOf(code as (typeof RATING_SCALE)[number]));
  const y = (code: string) => TOP + (level(code) / (RATING_SCALE.length - 1)) * (HEIGHT - TOP - BOTTOM);
  const steps = (pick: (r: RatingEntry) => string) =>
    oldestFirst
      .map((r, i) => {
        const here = `${x(r.ratedOn).toFixed(1)},${y(pick(r)).toFixed(1)}`;
        const previous = oldestFirst[i - 1];
        return previous ? `${x(r.ratedOn).toFixed(1)},${y(pick(previous)).toFixed(1)} ${here}` : here;
      })
      .join(" ");
  const summary = (pick: (r: RatingEntry) => string) =>
    oldestFirst.map((r) => `${pick(r)} (${format.date(r.ratedOn)})`).join(" → ");
  const label = t("charts.ratingsChartLabel", {
    summary: `${t("projects.ratings.pdo")}: ${summary((r) => r.pdoRating)}; ${t("projects.ratings.ip")}: ${summary((r) => r.ipRating)}`,
  });
  const years = yearsBetween(from, to);
  return (
    <figure className="panel rating-chart" data-testid="rating-chart">
      <figcaption>
        <strong>{t("charts.ratingsChart")}</strong> <span className="legend-pdo">— {t("projects.ratings.pdo")}</span>{" "}
        <span className="legend-ip">- - {t("projects.ratings.ip")}</span>
      </figcaption>
      <svg role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${HEIGHT}`}>
        <title>{label}</title>
        {RATING_SCALE.map((code) => (
          <g key={code}>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(code)} y2={y(code)} stroke="#e3e7ec" />
            <text x={4} y={y(code) + 4} fontSize={11} fill="#4a5563">
              {code}
            </text>
          </g>
        ))}
        {years.map((year) => {
          const at = Date.UTC(year, 0, 1);
          const px = LEFT + ((at - from) / Math.max(1, to - from)) * (WIDTH - LEFT - RIGHT);
          return (
            <text key={year} x={px} y={HEIGHT - 6} fontSize={11} fill="#4a5563" textAnchor="middle">
              {year}
            </text>
          );
        })}
        <polyline points={steps((r) => r.pdoRating)} fill="none" stroke="#00538a" strokeWidth={2.5} />
        <polyline
          points={steps((r) => r.ipRating)}
          fill="none"
          stroke="#8a5300"
          strokeWidth={2}
          strokeDasharray="6 4"
        />
      </svg>
    </figure>
  );
}

/** 1 January of each year strictly inside the span (at most 8). */
function yearsBetween(from: number, to: number): number[] {
  const out: number[] = [];
  for (let year = new Date(from).getUTCFullYear() + 1; Date.UTC(year, 0, 1) < to && out.length < 8; year++)
    out.push(year);
  return out;
}
