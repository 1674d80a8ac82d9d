import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/board/status-badge";
import { STATUS_COLOURS, type StatusColour } from "~/lib/status-rules";

/** The status board in four numbers, linking to the full board. */
export function MiniBoard({ counts }: { counts: Record<StatusColour, number> }) {
  const { t } = useTranslation();
  return (
    <div>
      <div className="stat-row" data-testid="mini-board">
        {STATUS_COLOURS.map((colour) => (
          <div key={colour} className="stat" data-colour={colour}>
            <strong>{counts[colour]}</strong>
            <StatusBadge colour={colour} />
          </div>
        ))}
      </div>
      <Link to="/board">{t("home.openBoard")}</Link>
    </div>
  );
}
