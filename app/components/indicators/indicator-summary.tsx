import { useTranslation } from "react-i18next";
import { useLabel } from "~/i18n/keys";
import { HistoryLink } from "~/components/history/history-link";
import { useFormat } from "~/i18n/format";
import { dayOf } from "~/lib/dates";
import type { IndicatorSummary } from "~/models/indicator.server";
import { isIndicatorFrequency } from "~/schemas/indicator";
import { OnTrackBadge, ProgressCell } from "./indicator-progress";

type Indicator = {
  id: string;
  code: string;
  name: string;
  type: string;
  unit: string;
  measure: string;
  ascending: boolean;
  baselineValue: number | null;
  baselineDate: string | null;
  targetValue: number | null;
  targetDate: string | null;
  originalTargetValue: number | null;
  targetRevisedOn: string | null;
  targetRevisionNote: string | null;
  frequency: string;
  dataSource: string;
  responsibleAgency: string;
  summary: IndicatorSummary;
};

/** Header of the indicator page: definition, progress towards target, on-track flag and the projection verdict. */
export function IndicatorSummaryPanel({
  indicator,
  showHistory,
  today,
}: {
  indicator: Indicator;
  showHistory: boolean;
  /** The server's now (ISO): a projection never says "by" a date already past. */
  today: string;
}) {
  const { t } = useTranslation();
  const codeLabel = useLabel();
  const format = useFormat();
  const s = indicator.summary;
  const targetDate = format.date(indicator.targetDate);
  return (
    <section className="panel" aria-labelledby="indicator-title">
      <p className="muted">
        {indicator.code} · {codeLabel("domain.indicatorType", indicator.type)}
      </p>
      <h1 id="indicator-title">{indicator.name}</h1>
      <dl className="details-grid" data-testid="indicator-details">
        <div>
          <dt>{t("workflow.indicators.columns.unit")}</dt>
          <dd>{indicator.unit}</dd>
        </div>
        <div>
          <dt>{t("workflow.indicators.columns.baseline")}</dt>
          <dd>
            {format.number(indicator.baselineValue)}{" "}
            <small className="muted">({format.date(indicator.baselineDate)})</small>
          </dd>
        </div>
        <div>
          <dt>{t("workflow.indicators.columns.actual")}</dt>
          <dd data-testid="latest-actual">
            {format.number(s.latestActual?.value ?? null)}{" "}
            {s.latestActual ? <small className="muted">({format.date(s.latestActual.periodEnd)})</small> : null}
          </dd>
        </div>
        <div>
          <dt>{t("workflow.indicators.columns.target")}</dt>
          <dd>
            {format.number(indicator.targetValue)} <small className="muted">({targetDate})</small>
          </dd>
        </div>
        <div>
          <dt>{t("workflow.indicator.progress")}</dt>
          <dd data-testid="indicator-progress">
            <ProgressCell progress={s.progress} />
          </dd>
        </div>
        <div>
          <dt>{t("workflow.indicators.columns.onTrack")}</dt>
          <dd>
            <OnTrackBadge summary={s} />
          </dd>
        </div>
        <div>
          <dt>{t("workflow.indicator.details.direction")}</dt>
          <dd>
            {indicator.ascending
              ? t("workflow.indicators.fields.ascendingTrue")
              : t("workflow.indicators.fields.ascendingFalse")}
          </dd>
        </div>
        <div>
          <dt>{t("workflow.indicator.details.measure")}</dt>
          <dd>{codeLabel("domain.measure", indicator.measure)}</dd>
        </div>
        <div>
          <dt>{t("workflow.indicator.details.frequency")}</dt>
          <dd>
            {isIndicatorFrequency(indicator.frequency)
              ? t(`workflow.indicators.frequency.${indicator.frequency}`)
              : indicator.frequency}
          </dd>
        </div>
        <div>
          <dt>{t("workflow.indicator.details.dataSource")}</dt>
          <dd>{indicator.dataSource || "—"}</dd>
        </div>
        <div>
          <dt>{t("workflow.indicator.details.responsibleAgency")}</dt>
          <dd>{indicator.responsibleAgency || "—"}</dd>
        </div>
      </dl>
      {indicator.originalTargetValue !== null ? (
        <p className="notice" data-testid="target-revision">
          {t("workflow.indicator.revised", {
            date: format.date(indicator.targetRevisedOn),
            value: format.number(indicator.originalTargetValue),
            note: indicator.targetRevisionNote ?? "",
          })}
        </p>
      ) : null}
      <p
        className={`verdict ${s.willMeet === true ? "good" : s.willMeet === false ? "bad" : ""}`}
        data-testid="verdict"
        data-will-meet={String(s.willMeet)}
      >
        {indicator.targetDate && dayOf(indicator.targetDate) < dayOf(today)
          ? s.progress !== null && s.progress >= 1
            ? t("charts.verdictPastMet", { date: targetDate })
            : t("charts.verdictPastMissed", { date: targetDate, value: format.number(s.latestActual?.value ?? null) })
          : s.willMeet === null
            ? t("workflow.indicator.verdictUnknown")
            : s.willMeet
              ? t("workflow.indicator.verdictYes", { date: targetDate })
              : t("workflow.indicator.verdictNo", { date: targetDate, value: format.number(s.projected) })}
      </p>
      {showHistory ? (
        <p>
          <HistoryLink entityType="Indicator" entityId={indicator.id} />
        </p>
      ) : null}
    </section>
  );
}
