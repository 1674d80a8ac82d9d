import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/lib/auth.server";
import { ROLES } from "~/lib/permissions";
import { requireGlobalPermission } from "~/lib/permissions.server";
import { getAdminOverview } from "~/models/admin/overview.server";
import { ErrorPanel } from "~/root";
import { titled } from "~/lib/meta";

export const meta = titled("admin.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "admin.users");
  return getAdminOverview();
}

export default function AdminOverview() {
  const { t } = useTranslation();
  const overview = useLoaderData<typeof loader>();
  return (
    <div className="home-grid" data-testid="admin-overview">
      <section className="panel">
        <h2>{t("admin.tabs.users")}</h2>
        <ul className="compact-list">
          {ROLES.map((role) => (
            <li key={role}>
              <Link to={`/admin/users?role=${role}`}>{t(`common.roles.${role}`)}</Link>:{" "}
              <strong>{overview.byRole[role]}</strong>
            </li>
          ))}
          <li>
            <Link to="/admin/users?active=false">{t("admin.overview.inactive")}</Link>:{" "}
            <strong>{overview.inactive}</strong>
          </li>
        </ul>
        <p className="button-row">
          <Link to="/admin/users/new" className="button">
            {t("admin.users.new")}
          </Link>
        </p>
      </section>
      <section className="panel">
        <h2>{t("admin.tabs.organizations")}</h2>
        <p>
          <strong>{overview.organizations}</strong> {t("admin.overview.organizations")}
        </p>
        <Link to="/admin/organizations">{t("admin.overview.manageOrganizations")}</Link>
      </section>
      <section className="panel">
        <h2>{t("admin.tabs.frameworks")}</h2>
        <p>
          <strong>{overview.frameworks}</strong> {t("admin.overview.frameworks")} · <strong>{overview.areas}</strong>{" "}
          {t("admin.overview.areas")}
        </p>
        <Link to="/admin/frameworks">{t("admin.overview.manageFrameworks")}</Link>
      </section>
      <section className="panel">
        <h2>{t("admin.overview.teamsTitle")}</h2>
        <p className="muted">{t("admin.overview.teams")}</p>
        <Link to="/projects">{t("admin.overview.openProjects")}</Link>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
