import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/lib/auth.server";
import { requireGlobalPermission } from "~/lib/permissions.server";
import { ErrorPanel } from "~/root";

/** The administration layout. Its loader is UI only: every child loader and action guards itself. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "admin.users");
  return null;
}

const TABS = [
  { to: "/admin", key: "overview", end: true },
  { to: "/admin/users", key: "users", end: false },
  { to: "/admin/organizations", key: "organizations", end: false },
  { to: "/admin/frameworks", key: "frameworks", end: false },
] as const;

export default function AdminLayout() {
  const { t } = useTranslation();
  return (
    <div>
      <h1>{t("admin.title")}</h1>
      <nav className="admin-tabs" aria-label={t("admin.title")}>
        <ul>
          {TABS.map((tab) => (
            <li key={tab.to}>
              <NavLink to={tab.to} end={tab.end}>
                {t(`admin.tabs.${tab.key}`)}
              </NavLink>
            </li>
          ))}
          <li>
            <NavLink to="/admin/mail">{t("mail.admin.tab")}</NavLink>
          </li>
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
