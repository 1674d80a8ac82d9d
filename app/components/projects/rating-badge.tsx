import { useTranslation } from "react-i18next";
import { useLabel } from "~/i18n/keys";
import { isDowngrade, isUnsatisfactory } from "~/lib/metrics";

const PERFORMANCE_TONE: Record<string, string> = {
  HS: "green",
  S: "green",
  MS: "amber",
  MU: "red",
  U: "red",
  HU: "red",
};
const RISK_TONE: Record<string, string> = { H: "red", S: "amber", M: "", L: "green" };

/** A six-point rating (HS..HU) as a coloured badge; the full name is in the title and for screen readers. */
export function RatingBadge({ value, label }: { value: string | null | undefined; label?: string }) {
  return <RatingBadgeOf value={value} label={label} name={useLabel()} />;
}

/**
 * The same badge with the label lookup given by the caller: a table of many badges reads the translator once
 * instead of once per badge.
 */
export function RatingBadgeOf({
  value,
  label,
  name: codeLabel,
}: {
  value: string | null | undefined;
  label?: string;
  name: ReturnType<typeof useLabel>;
}) {
  if (!value) return <span className="muted">—</span>;
  const name = codeLabel("domain.rating", value);
  return (
    <span className={`badge ${PERFORMANCE_TONE[value] ?? ""}`} title={name} data-rating={value}>
      {label ? `${label} ` : ""}
      {value}
      <span className="visually-hidden"> ({name})</span>
    </span>
  );
}

export function RiskBadge({ value }: { value: string | null | undefined }) {
  const codeLabel = useLabel();
  if (!value) return <span className="muted">—</span>;
  return (
    <span className={`badge ${RISK_TONE[value] ?? ""}`} data-risk={value}>
      {codeLabel("domain.risk", value)}
    </span>
  );
}

type RatingPair = { pdoRating: string; ipRating: string };

/** Worth a flag: a downgrade on either scale against the previous rating, or MU or worse on either. */
export function ratingAlert(current: RatingPair, previous: RatingPair | null | undefined) {
  const downgrade =
    !!previous &&
    (isDowngrade(previous.pdoRating, current.pdoRating) || isDowngrade(previous.ipRating, current.ipRating));
  const unsatisfactory = isUnsatisfactory(current.pdoRating) || isUnsatisfactory(current.ipRating);
  return { downgrade, unsatisfactory, flagged: downgrade || unsatisfactory };
}

/** The visible warning next to a rating that is a downgrade or MU or worse (both when both). */
export function RatingAlert({ current, previous }: { current: RatingPair; previous?: RatingPair | null }) {
  const { t } = useTranslation();
  const alert = ratingAlert(current, previous);
  if (!alert.flagged) return null;
  return (
    <span className="rating-alerts" role="note" data-testid="rating-alert">
      {alert.downgrade ? (
        <span className="badge red rating-alert" data-alert="downgrade">
          ⚠ {t("projects.ratings.downgrade")}
        </span>
      ) : null}{" "}
      {alert.unsatisfactory ? (
        <span className="badge red rating-alert" data-alert="unsatisfactory">
          ⚠ {t("projects.ratings.unsatisfactory")}
        </span>
      ) : null}
    </span>
  );
}
