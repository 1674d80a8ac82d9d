import { useTranslation } from "react-i18next";
import { useLabel } from "~/i18n/keys";
import { useFormat } from "~/i18n/format";
import type { StatusReason } from "~/lib/status-rules";

/** Turns a status reason (code + values) into a sentence in the user's language. */
export function useReasonText() {
  const { t } = useTranslation();
  const codeLabel = useLabel();
  const format = useFormat();
  return (reason: StatusReason): string => {
    const values: Record<string, string | number> = { ...reason.values };
    if (typeof values.kind === "string") values.kind = codeLabel("portfolio.ratingKinds", values.kind);
    for (const key of ["rating", "from", "to"]) {
      if (typeof values[key] === "string") values[`${key}Name`] = codeLabel("domain.rating", values[key]);
    }
    if (typeof values.date === "string") values.date = format.date(values.date);
    return t(`portfolio.reasons.${reason.code}`, values);
  };
}

/** The reasons a project has its colour, most severe first. */
export function ReasonList({ reasons }: { reasons: StatusReason[] }) {
  const { t } = useTranslation();
  const text = useReasonText();
  if (reasons.length === 0) return <p className="muted reason-none">{t("portfolio.board.noIssues")}</p>;
  return (
    <ul className="reason-list">
      {reasons.map((reason, index) => (
        <li key={`${reason.code}-${index}`} className={`reason reason-${reason.severity}`} data-reason={reason.code}>
          {text(reason)}
        </li>
      ))}
    </ul>
  );
}
