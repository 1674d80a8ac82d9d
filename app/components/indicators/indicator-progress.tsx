import { useTranslation } from "react-i18next";
import { useFormat } from "~/i18n/format";
import type { IndicatorSummary } from "~/models/indicator.server";

/** Progress towards target as a percentage with a bar (clamped for the bar only; the number is the real share). */
export function ProgressCell({ progress }: { progress: number | null }) {
  const format = useFormat();
  if (progress === null) return <span className="muted">—</span>;
  return (
    <span className="progress-cell" data-progress={progress.toFixed(4)}>
      <progress max={1} value={Math.max(0, Math.min(1, progress))} aria-hidden="true" className="percent-bar" />{" "}
      <span data-testid="progress-value">{format.percent(progress)}</span>
    </span>
  );
}

export function OnTrackBadge({ summary }: { summary: Pick<IndicatorSummary, "onTrack" | "expected" | "expectedOn"> }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (summary.onTrack === null) return <span className="badge">{t("workflow.indicators.noData")}</span>;
  return (
    <span>
      <span className={`badge ${summary.onTrack ? "green" : "amber"}`} data-on-track={summary.onTrack}>
        {summary.onTrack ? t("workflow.indicators.onTrack") : t("workflow.indicators.behind")}
      </span>{" "}
      <small className="muted">
        {t("workflow.indicators.expected", {
          share: format.percent(summary.expected),
          date: format.date(summary.expectedOn),
        })}
      </small>
    </span>
  );
}
