import { NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLabel } from "~/i18n/keys";
import { useLocalizedName } from "~/i18n/use-localized-name";
import type { LocalizedName } from "~/lib/localized-name";
import type { StatusAssessment } from "~/lib/status-rules";
import { ReasonList } from "~/components/board/reason-text";
import { StatusBadge } from "~/components/board/status-badge";

export type ProjectHeaderData = {
  id: string;
  code: string;
  name: string;
  institution: string;
  status: string;
  instrument: string;
  archivedAt: string | null;
  agency: LocalizedName;
  priorityArea: { code: string; framework: { code: string } & LocalizedName } & LocalizedName;
};

const STATUS_TONE: Record<string, string> = { ACTIVE: "green", PIPELINE: "amber", CLOSED: "", CANCELLED: "" };

/** The board's colour and its reasons, as the board shows them (the same assessment, see models/project/status). */
function BoardStanding({ board }: { board: StatusAssessment }) {
  const { t } = useTranslation();
  return (
    <section className="project-board-status" data-testid="project-board-status" data-colour={board.colour}>
      <h2 className="project-board-status-title">
        {t("projectStatus.label")} <StatusBadge colour={board.colour} />
      </h2>
      <ReasonList reasons={board.reasons} />
    </section>
  );
}

export function ProjectHeader({ project, board }: { project: ProjectHeaderData; board: StatusAssessment | null }) {
  const { t } = useTranslation();
  const codeLabel = useLabel();
  const ln = useLocalizedName();
  return (
    <header className="project-header" data-testid="project-header">
      <p className="project-code">
        <code>{project.code}</code> · {codeLabel("domain.institution", project.institution)} ·{" "}
        <span className={`badge ${STATUS_TONE[project.status] ?? ""}`} data-testid="project-status">
          {codeLabel("domain.projectStatus", project.status)}
        </span>
        {project.archivedAt ? (
          <>
            {" "}
            <span className="badge red" data-testid="archived-badge">
              {t("projects.archived")}
            </span>
          </>
        ) : null}
      </p>
      <h1>{project.name}</h1>
      {board ? <BoardStanding board={board} /> : null}
      <dl className="project-facts">
        <div>
          <dt>{t("projects.fields.implementingAgency")}</dt>
          <dd>{ln(project.agency)}</dd>
        </div>
        <div>
          <dt>{t("projects.fields.priorityArea")}</dt>
          <dd>
            {project.priorityArea.code} — {ln(project.priorityArea)}
          </dd>
        </div>
        <div>
          <dt>{t("projects.fields.framework")}</dt>
          <dd>
            {project.priorityArea.framework.code} — {ln(project.priorityArea.framework)}
          </dd>
        </div>
        <div>
          <dt>{t("projects.fields.instrument")}</dt>
          <dd>{t(`projects.instruments.${project.instrument}`, { defaultValue: project.instrument })}</dd>
        </div>
      </dl>
    </header>
  );
}

/** The project's sections. History is listed only for those allowed to read it (its loader checks again). */
export function ProjectTabs({ projectId, showHistory }: { projectId: string; showHistory: boolean }) {
  const { t } = useTranslation();
  const base = `/projects/${projectId}`;
  const tabs = [
    { to: base, label: t("projects.tabs.overview"), end: true },
    { to: `${base}/milestones`, label: t("projects.tabs.milestones") },
    { to: `${base}/indicators`, label: t("projects.tabs.indicators") },
    { to: `${base}/ratings`, label: t("projects.tabs.ratings") },
    { to: `${base}/team`, label: t("projects.tabs.team") },
    ...(showHistory ? [{ to: `${base}/history`, label: t("projects.tabs.history") }] : []),
    { to: `${base}/report`, label: t("projects.tabs.report") },
  ];
  return (
    <nav className="project-tabs" aria-label={t("projects.tabs.label")}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink to={tab.to} end={tab.end} prefetch="intent">
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
