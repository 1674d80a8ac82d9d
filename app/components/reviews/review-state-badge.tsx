import { useTranslation } from "react-i18next";

const REVIEW_TONE: Record<string, string> = {
  SUBMITTED: "amber",
  APPROVED: "green",
  VERIFIED: "green",
  RETURNED: "red",
};

/** State of a submission: awaiting review (amber), approved/verified (green), returned (red). */
export function ReviewStateBadge({ state, kind }: { state: string; kind: "reviewState" | "valueState" }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${REVIEW_TONE[state] ?? ""}`} data-state={state}>
      {t(`domain.${kind}.${state}`)}
    </span>
  );
}
