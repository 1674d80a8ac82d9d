import { useLabel } from "~/i18n/keys";

const REVIEW_TONE: Record<string, string> = {
  SUBMITTED: "amber",
  APPROVED: "green",
  VERIFIED: "green",
  RETURNED: "red",
};

/** State of a submission: awaiting review (amber), approved/verified (green), returned (red). */
export function ReviewStateBadge({ state, kind }: { state: string; kind: "reviewState" | "valueState" }) {
  const codeLabel = useLabel();
  return (
    <span className={`badge ${REVIEW_TONE[state] ?? ""}`} data-state={state}>
      {codeLabel(`domain.${kind}`, state)}
    </span>
  );
}
