import { useTranslation } from "react-i18next";
import type { StatusColour } from "~/lib/status-rules";

const CLASS: Record<StatusColour, string> = { RED: "red", AMBER: "amber", GREEN: "green", COMPLETED: "" };

export function StatusBadge({ colour }: { colour: StatusColour }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${CLASS[colour]}`} data-colour={colour}>
      {t(`portfolio.colours.${colour}`)}
    </span>
  );
}
