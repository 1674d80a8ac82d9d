import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLabel } from "~/i18n/keys";
import { useLocalizedName } from "~/i18n/use-localized-name";
import type { LocalizedName } from "~/lib/localized-name";
import type { StatusColour, StatusReason } from "~/lib/status-rules";
import { ReasonList } from "./reason-text";

export type BoardCardProject = {
  id: string;
  code: string;
  name: string;
  institution: string;
  status: string;
  agency: LocalizedName;
  colour: StatusColour;
  reasons: StatusReason[];
  latestRating: { pdoRating: string; ipRating: string } | null;
};

/** One project on the board: what it is, and why it has its colour. */
export function ProjectCard({ project }: { project: BoardCardProject }) {
  const { t } = useTranslation();
  const codeLabel = useLabel();
  const ln = useLocalizedName();
  return (
    <article className={`board-card board-card-${project.colour.toLowerCase()}`} data-project-code={project.code}>
      <h3>
        <Link to={`/projects/${project.id}`}>{project.name}</Link>{" "}
        <span className="board-code muted">{project.code}</span>
      </h3>
      <p className="muted board-meta">
        {codeLabel("domain.institution", project.institution)} · {codeLabel("domain.projectStatus", project.status)} ·{" "}
        {ln(project.agency)}
      </p>
      {project.latestRating ? (
        <p className="board-meta">
          {/* Ratings in words first, the code after, as the reasons write them ("Satisfactory (S)"). */}
          {t("portfolio.board.latestRating", {
            pdo: `${codeLabel("domain.rating", project.latestRating.pdoRating)} (${project.latestRating.pdoRating})`,
            ip: `${codeLabel("domain.rating", project.latestRating.ipRating)} (${project.latestRating.ipRating})`,
          })}
        </p>
      ) : null}
      <ReasonList reasons={project.reasons} />
    </article>
  );
}
