import { useTranslation } from "react-i18next";
import { reasonSentence } from "~/lib/status-reason-text";
import type { StatusReason } from "~/lib/status-rules";

/** Turns a status reason (code + values) into a sentence in the user's language. */
export function useReasonText() {
  const { t, i18n } = useTranslation();
  return (reason: StatusReason): string => reasonSentence(reason, t, i18n.language);
}

/** A reason as written for the page: its sentence, and its code and severity for the markers. */
export type WrittenReason = { code: string; severity: StatusReason["severity"]; text: string };

/** Reasons whose sentences the server wrote already (the board's cards): the same list as ReasonList draws. */
export function WrittenReasonList({ reasons, none }: { reasons: WrittenReason[]; none: string }) {
  if (reasons.length === 0) return <p className="muted reason-none">{none}</p>;
  return (
    <ul className="reason-list">
      {reasons.map((reason, index) => (
        <li key={`${reason.code}-${index}`} className={`reason reason-${reason.severity}`} data-reason={reason.code}>
          {reason.text}
        </li>
      ))}
    </ul>
  );
}

/** The reasons a project has its colour, most severe first. */
export function ReasonList({ reasons }: { reasons: StatusReason[] }) {
  const { t } = useTranslation();
  const text = useReasonText();
  const written = reasons.map((reason) => ({ code: reason.code, severity: reason.severity, text: text(reason) }));
  return <WrittenReasonList reasons={written} none={t("portfolio.board.noIssues")} />;
}
