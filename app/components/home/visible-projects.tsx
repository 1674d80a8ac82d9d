import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ShowingNote } from "~/components/ui/showing-note";
import { useLabel } from "~/i18n/keys";

export type VisibleProject = {
  id: string;
  code: string;
  name: string;
  institution: string;
  status: string;
  /** The implementing agency's name in the reader's language. */
  agency: string;
};

/** Every project the user can see. Other tests read `[data-testid=visible-projects] [data-project-code]`: keep them. */
export function VisibleProjects({
  projects: list,
  collapsed,
}: {
  projects: { items: VisibleProject[]; total: number };
  collapsed: boolean;
}) {
  const projects = list.items;
  const { t } = useTranslation();
  const codeLabel = useLabel();
  const table =
    projects.length === 0 ? (
      <p className="panel">{t("home.noProjects")}</p>
    ) : (
      <div className="table-wrap">
        <table data-testid="visible-projects">
          <thead>
            <tr>
              <th>{t("home.columns.code")}</th>
              <th>{t("home.columns.name")}</th>
              <th>{t("home.columns.institution")}</th>
              <th>{t("home.columns.agency")}</th>
              <th>{t("home.columns.status")}</th>
            </tr>
          </thead>
          <tbody>
            {projects.map((p) => (
              <tr key={p.id} data-project-code={p.code}>
                <td>{p.code}</td>
                <td>
                  <Link to={`/projects/${p.id}`}>{p.name}</Link>
                </td>
                <td>{codeLabel("domain.institution", p.institution)}</td>
                <td>{p.agency}</td>
                <td>{codeLabel("domain.projectStatus", p.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <ShowingNote shown={projects.length} total={list.total} to="/projects" label={t("lists.seeAllProjects")} />
      </div>
    );
  const heading = (
    <>
      {t("home.visibleProjects")} <span className="muted">({t("home.projectCount", { count: list.total })})</span>
    </>
  );
  if (!collapsed) {
    return (
      <section>
        <h2>{heading}</h2>
        {table}
      </section>
    );
  }
  return (
    <details className="home-all-projects">
      <summary>
        <strong>{heading}</strong>
      </summary>
      {table}
    </details>
  );
}
