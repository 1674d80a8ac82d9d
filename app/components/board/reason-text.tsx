import { useTranslation } from "react-i18next";
import { useLabel } from "~/i18n/keys";
import { useFormat } from "~/i18n/format";
import type { StatusReason } from "~/lib/status-rules";

/**
 * Sentences already written, per language and reason. Every string is bundled and an i18next instance never changes
 * its language (i18n/config.ts), so a reason's sentence in a language is fixed: remembering it is exact. A board page
 * writes about a hundred and fifty reasons (four translations each), the same ones on every request until the
 * portfolio changes; the map is emptied when it grows past a bound, so it cannot grow without limit.
 */
const written = new Map<string, string>();
const WRITTEN_LIMIT = 20_000;

/** Turns a status reason (code + values) into a sentence in the user's language. */
export function useReasonText() {
  const { t, i18n } = useTranslation();
  const codeLabel = useLabel();
  const format = useFormat();
  const write = (reason: StatusReason): string => {
    const values: Record<string, string | number> = { ...reason.values };
    if (typeof values.kind === "string") values.kind = codeLabel("portfolio.ratingKinds", values.kind);
    for (const key of ["rating", "from", "to"]) {
      if (typeof values[key] === "string") values[`${key}Name`] = codeLabel("domain.rating", values[key]);
    }
    if (typeof values.date === "string") values.date = format.date(values.date);
    return t(`portfolio.reasons.${reason.code}`, values);
  };
  return (reason: StatusReason): string => {
    const key = `${i18n.language}\u0000${reason.code}\u0000${JSON.stringify(reason.values)}`;
    let text = written.get(key);
    if (text === undefined) {
      text = write(reason);
      if (written.size >= WRITTEN_LIMIT) written.clear();
      written.set(key, text);
    }
    return text;
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
