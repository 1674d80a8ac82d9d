import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ReasonList } from "~/components/board/reason-text";
import { StatusBadge } from "~/components/board/status-badge";
import type { StatusColour, StatusReason } from "~/lib/status-rules";

/** Red and amber projects with their reasons. */
export function AtRiskList({
  projects,
}: {
  projects: { id: string; code: string; name: string; colour: StatusColour; reasons: StatusReason[] }[];
}) {
  const { t } = useTranslation();
  if (projects.length === 0) return <p className="muted">{t("home.manager.noRisk")}</p>;
  return (
    <ul className="compact-list" data-testid="at-risk">
      {projects.map((p) => (
        <li key={p.id} data-project-code={p.code}>
          <StatusBadge colour={p.colour} /> <Link to={`/projects/${p.id}`}>{p.name}</Link>{" "}
          <span className="muted">{p.code}</span>
          <ReasonList reasons={p.reasons} />
        </li>
      ))}
    </ul>
  );
}
