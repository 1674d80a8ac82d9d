import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ReasonList } from "~/components/board/reason-text";
import { StatusBadge } from "~/components/board/status-badge";
import type { AtRiskProject } from "~/models/home.server";

/** Red and amber projects with their first reasons (and how many more there are: the project's page lists all). */
export function AtRiskList({ projects }: { projects: AtRiskProject[] }) {
  const { t } = useTranslation();
  if (projects.length === 0) return <p className="muted">{t("home.manager.noRisk")}</p>;
  return (
    <ul className="compact-list" data-testid="at-risk">
      {projects.map((p) => (
        <li key={p.id} data-project-code={p.code}>
          <StatusBadge colour={p.colour} /> <Link to={`/projects/${p.id}`}>{p.name}</Link>{" "}
          <span className="muted">{p.code}</span>
          <ReasonList reasons={p.reasons} />
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
