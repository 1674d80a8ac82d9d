import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { WrittenReasonList, useReasonText } from "~/components/board/reason-text";
import { ColourBadge, colourWords } from "~/components/board/status-badge";
import { useRemembered } from "~/i18n/remembered-labels";
import type { AtRiskProject } from "~/models/home.server";

/** Red and amber projects with their first reasons (and how many more there are: the project's page lists all). */
export function AtRiskList({ projects }: { projects: AtRiskProject[] }) {
  const { t } = useTranslation();
  // Asked once for the list, not once per row (a manager's home lists up to 10 projects with two reasons each).
  const colours = useRemembered(colourWords);
  const reasonText = useReasonText();
  const noIssues = t("portfolio.board.noIssues");
  if (projects.length === 0) return <p className="muted">{t("home.manager.noRisk")}</p>;
  return (
    <ul className="compact-list" data-testid="at-risk">
      {projects.map((p) => (
        <li key={p.id} data-project-code={p.code}>
          <ColourBadge colour={p.colour} label={colours[p.colour]} /> <Link to={`/projects/${p.id}`}>{p.name}</Link>{" "}
          <span className="muted">{p.code}</span>
          <WrittenReasonList
            reasons={p.reasons.map((r) => ({ code: r.code, severity: r.severity, text: reasonText(r) }))}
            none={noIssues}
          />
          {p.moreReasons > 0 ? (
            <p className="muted small" data-testid="more-reasons">
              {t("lists.moreReasons", { count: p.moreReasons })}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
