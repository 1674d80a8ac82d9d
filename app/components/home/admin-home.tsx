import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { HomeData } from "~/models/home.server";

/** An administrator's start: the size of what they manage and where to manage it. */
export function AdminHome({ data }: { data: NonNullable<HomeData["admin"]> }) {
  const { t } = useTranslation();
  const stats = [
    { key: "activeUsers", value: data.activeUsers, to: "/admin/users?active=true" },
    { key: "inactiveUsers", value: data.inactiveUsers, to: "/admin/users?active=false" },
    { key: "mustChange", value: data.mustChange, to: "/admin/users" },
    { key: "organizations", value: data.organizations, to: "/admin/organizations" },
    { key: "frameworks", value: data.frameworks, to: "/admin/frameworks" },
    { key: "projects", value: data.projects, to: "/projects" },
  ] as const;
  return (
    <section aria-labelledby="home-admin" data-testid="admin-summary">
      <h2 id="home-admin">{t("home.admin.title")}</h2>
      <div className="stat-row">
        {stats.map((s) => (
          <Link key={s.key} to={s.to} className="stat" data-stat={s.key}>
            <strong>{s.value}</strong>
            {t(`home.admin.${s.key}`)}
          </Link>
        ))}
      </div>
      <p className="button-row">
        <Link to="/admin/users/new" className="button">
          {t("home.admin.newUser")}
        </Link>
        <Link to="/admin" className="button secondary">
          {t("home.admin.open")}
        </Link>
      </p>
    </section>
  );
}
