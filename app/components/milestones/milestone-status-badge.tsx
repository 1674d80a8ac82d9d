import { useTranslation } from "react-i18next";
import { useLabel } from "~/i18n/keys";

export const STATUS_COLOUR: Record<string, string> = {
  NOT_STARTED: "#6b7683",
  IN_PROGRESS: "#00538a",
  COMPLETED: "#1e7a3c",
  DELAYED: "#b35c00",
  CANCELLED: "#9aa3ad",
};

const TONE: Record<string, string> = { COMPLETED: "green", DELAYED: "amber", IN_PROGRESS: "blue" };

export function MilestoneStatusBadge({ status }: { status: string }) {
  const codeLabel = useLabel();
  return (
    <span className={`badge ${TONE[status] ?? ""}`} data-status={status}>
      {codeLabel("domain.milestoneStatus", status)}
    </span>
  );
}

/** "12 d late" / "3 d early" / "On baseline". */
export function useSlipText() {
  const { t } = useTranslation();
  return (days: number) =>
    days > 0
      ? t("workflow.milestones.slipDays", { count: days })
      : days < 0
        ? t("workflow.milestones.earlyDays", { count: -days })
        : t("workflow.milestones.onBaseline");
}

export function SlipBadge({ days }: { days: number }) {
  const text = useSlipText()(days);
  return (
    <span className={days > 0 ? "badge amber" : days < 0 ? "badge green" : "muted"} data-slip={days}>
      {text}
    </span>
  );
}
