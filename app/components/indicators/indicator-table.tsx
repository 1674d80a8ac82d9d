import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLabel } from "~/i18n/keys";
import { useFormat } from "~/i18n/format";
import type { IndicatorSummary } from "~/models/indicator.server";
import { OnTrackBadge, ProgressCell } from "./indicator-progress";
import { Sparkline, type TrendPoint } from "./sparkline";

export type IndicatorListRow = {
  id: string;
  code: string;
  name: string;
  type: string;
  unit: string;
  ascending: boolean;
  baselineValue: number | null;
  baselineDate: string | null;
  targetValue: number | null;
  targetDate: string | null;
  originalTargetValue: number | null;
  summary: IndicatorSummary;
  pendingCount: number;
  trend: TrendPoint[];
};

/** One group (PDO or intermediate) of the results framework. */
export function IndicatorTable({ type, indicators }: { type: string; indicators: IndicatorListRow[] }) {
  const { t } = useTranslation();
  const codeLabel = useLabel();
  const format = useFormat();
  const headingId = `indicators-${type}`;
  return (
    <section aria-labelledby={headingId} data-testid={`indicator-group-${type}`}>
      <h3 id={headingId}>{codeLabel("workflow.indicators.groups", type)}</h3>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("workflow.indicators.columns.code")}</th>
              <th scope="col">{t("workflow.indicators.columns.name")}</th>
              <th scope="col">{t("workflow.indicators.columns.unit")}</th>
              <th scope="col" className="num">
                {t("workflow.indicators.columns.baseline")}
              </th>
              <th scope="col" className="num">
                {t("workflow.indicators.columns.actual")}
              </th>
              <th scope="col" className="num">
                {t("workflow.indicators.columns.target")}
              </th>
              <th scope="col">{t("workflow.indicators.columns.progress")}</th>
              <th scope="col">{t("workflow.indicators.columns.onTrack")}</th>
            </tr>
          </thead>
          <tbody>
            {indicators.map((ind) => (
              <tr key={ind.id} data-indicator-code={ind.code}>
                <td>{ind.code}</td>
                <th scope="row">
                  <Link to={ind.id}>{ind.name}</Link>
                  {ind.pendingCount > 0 ? (
                    <>
                      {" "}
                      <span className="badge amber">
                        {t("workflow.indicators.pending", { count: ind.pendingCount })}
                      </span>
                    </>
                  ) : null}
                </th>
                <td>{ind.unit}</td>
                <td className="num">
                  {format.number(ind.baselineValue)}
                  <br />
                  <small className="muted">{format.date(ind.baselineDate)}</small>
                </td>
                <td className="num">
                  {format.number(ind.summary.latestActual?.value ?? null)}
                  <br />
                  <small className="muted">
                    {ind.summary.latestActual ? format.date(ind.summary.latestActual.periodEnd) : null}
                  </small>
                  <br />
                  <Sparkline
                    name={ind.name}
                    points={ind.trend}
                    target={
                      ind.targetValue !== null && ind.targetDate
                        ? { date: ind.targetDate, value: ind.targetValue }
                        : null
                    }
                  />
                </td>
                <td className="num">
                  {format.number(ind.targetValue)}
                  {ind.originalTargetValue !== null ? (
                    <>
                      <br />
                      <small className="muted">
                        {t("workflow.indicators.originalTarget", { value: format.number(ind.originalTargetValue) })}
                      </small>
                    </>
                  ) : null}
                  <br />
                  <small className="muted">{format.date(ind.targetDate)}</small>
                </td>
                <td>
                  <ProgressCell progress={ind.summary.progress} />
                </td>
                <td>
                  <OnTrackBadge summary={ind.summary} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
