import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ColourBadge, colourWords } from "~/components/board/status-badge";
import { useRemembered } from "~/i18n/remembered-labels";
import { STATUS_COLOURS, type StatusColour } from "~/lib/status-rules";

/** The status board in four numbers, linking to the full board. */
export function MiniBoard({ counts }: { counts: Record<StatusColour, number> }) {
  const { t } = useTranslation();
  const colours = useRemembered(colourWords);
  return (
    <div>
      <div className="stat-row" data-testid="mini-board">
        {STATUS_COLOURS.map((colour) => (
          <div key={colour} className="stat" data-colour={colour}>
            <strong>{counts[colour]}</strong>
            <ColourBadge colour={colour} label={colours[colour]} />
          </div>
        ))}
      </div>
      <Link to="/board">{t("home.openBoard")}</Link>
    </div>
  );
}
