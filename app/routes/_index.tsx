import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/lib/auth.server";
import { listVisibleProjectSummaries } from "~/models/project.server";

export const meta: MetaFunction = () => [{ title: "Qadam" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const projects = await listVisibleProjectSummaries(user);
  return { user: { name: user.name, role: user.role, organizationName: user.organizationName }, projects };
}

const INTRO_KEY = {
  ADMIN: "home.adminIntro",
  MANAGER: "home.managerIntro",
  OFFICER: "home.officerIntro",
  AUDITOR: "home.auditorIntro",
} as const;

export default function Home() {
  const { t } = useTranslation();
  const { user, projects } = useLoaderData<typeof loader>();
  const mine = projects.filter((p) => p.isMember);
  return (
    <div data-testid={`home-${user.role.toLowerCase()}`}>
      <h1>{t("home.greeting", { name: user.name })}</h1>
      <p className="muted">
        {t("home.signedInAs", { role: t(`common.roles.${user.role}`), organization: user.organizationName })} —{" "}
        {t(INTRO_KEY[user.role])}
      </p>
      {mine.length > 0 ? (
        <>
          <h2>{t("home.yourProjects")}</h2>
          <ul>
            {mine.map((p) => (
              <li key={p.id}>
                <Link to={`/projects/${p.id}`}>
                  {p.code} — {p.name}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>
        {t("home.visibleProjects")} <span className="muted">({t("home.projectCount", { count: projects.length })})</span>
      </h2>
      {projects.length === 0 ? (
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
                  <td>{t(`domain.institution.${p.institution}`)}</td>
                  <td>{p.agency}</td>
                  <td>{t(`domain.projectStatus.${p.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="notice">{t("common.illustrative")}</p>
    </div>
  );
}
