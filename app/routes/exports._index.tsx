import type { LoaderFunctionArgs } from "@remix-run/node";
import { titled } from "~/lib/meta";
import { useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuditExportForm } from "~/components/exports/audit-export-form";
import { AboutFiles } from "~/components/exports/about-files";
import { requireUser } from "~/lib/auth.server";
import { decideGlobal } from "~/lib/permissions";
import { requireGlobalPermission } from "~/lib/permissions.server";
import { listHistoryFilterOptions, listHistoryProjects } from "~/models/history-filters.server";
import { ErrorPanel } from "~/root";

export const meta = titled("common.nav.exports");

/** The exports, each said in plain words; the audit ones (with their filter form) only for those allowed. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "portfolio.export");
  const canExportHistory = decideGlobal(user, "history.export") === "allow";
  const [projects, options] = canExportHistory
    ? await Promise.all([listHistoryProjects(user), listHistoryFilterOptions()])
    : [[], { actions: [], entityTypes: [] }];
  return { canExportHistory, projects: projects.map(({ code, name }) => ({ code, name })), options };
}

export default function ExportsPage() {
  const { t } = useTranslation();
  const { canExportHistory, projects, options } = useLoaderData<typeof loader>();
  return (
    <div className="exports-page" data-testid="exports-page">
      <h1>{t("exports.title")}</h1>
      <p className="muted">{t("exports.intro")}</p>

      {canExportHistory ? <AuditExportForm projects={projects} options={options} /> : null}

      <section className="panel" aria-labelledby="exports-portfolio">
        <h2 id="exports-portfolio">{t("exports.portfolio.title")}</h2>
        <p>{t("exports.portfolio.description")}</p>
        <a className="button" href="/exports/portfolio.xlsx" download data-testid="export-portfolio">
          {t("exports.portfolio.download")}
        </a>
      </section>

      <section className="panel" aria-labelledby="exports-iati">
        <h2 id="exports-iati">{t("exports.iati.title")}</h2>
        <p>{t("exports.iati.description")}</p>
        <a className="button" href="/exports/iati.xml" download data-testid="export-iati">
          {t("exports.iati.download")}
        </a>
      </section>

      <AboutFiles />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
