import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/i18n/format";
import type { HomeData } from "~/models/home.server";

type MinistryData = Extract<NonNullable<HomeData["org"]>, { kind: "MINISTRY" }>;

/** The ministry view: implementation milestones coming up (or late) and the reports it owes. */
export function MinistryView({ data }: { data: MinistryData }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="home-grid" data-testid="org-view-ministry">
      <section className="panel" aria-labelledby="home-ministry-milestones">
        <h2 id="home-ministry-milestones">{t("home.ministry.milestones")}</h2>
        {data.milestones.length === 0 ? (
          <p className="muted">{t("home.ministry.noMilestones")}</p>
        ) : (
          <ul className="compact-list">
            {data.milestones.map((m) => (
              <li key={m.id} data-overdue={m.overdue ? "true" : undefined}>
                <Link to={`/projects/${m.projectId}/milestones/${m.id}`}>{m.title}</Link>{" "}
                <span className="muted">({m.projectCode})</span>
                <div>
                  {m.overdue ? <span className="badge red">{t("home.overdue")}</span> : null}{" "}
                  {t("home.dueOn", { date: format.date(m.dueDate) })} · {t(`domain.milestoneStatus.${m.status}`)}
                  {m.ownerName ? ` · ${m.ownerName}` : ""}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="panel" aria-labelledby="home-ministry-reports">
        <h2 id="home-ministry-reports">{t("home.ministry.reports")}</h2>
        {data.reportsDue.total === 0 ? (
          <p className="muted">{t("home.ministry.noReports")}</p>
        ) : (
          <ul className="compact-list">
            {data.reportsDue.items.map((r) => (
              <li key={r.projectId}>
                <Link to={`/projects/${r.projectId}`}>{r.projectName}</Link>{" "}
                <span className="muted">{r.projectCode}</span>: {t("home.ministry.reportCount", { count: r.count })}
                {r.overdue > 0 ? (
                  <>
                    {" "}
                    <span className="badge red">{t("home.ministry.overdueCount", { count: r.overdue })}</span>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {data.reportsDue.total > data.reportsDue.items.length ? (
          <p className="muted">
            {t("lists.showing", { shown: data.reportsDue.items.length, total: data.reportsDue.total })}
          </p>
        ) : null}
        <Link to="/reporting">{t("home.ministry.openReporting")}</Link>
      </section>
    </div>
  );
}
