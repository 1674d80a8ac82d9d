import type { LoaderFunctionArgs } from "@remix-run/node";
import { titled } from "~/lib/meta";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pagination, ProjectTable } from "~/components/projects/project-table";
import { ProjectFilters } from "~/components/projects/project-filters";
import { requireUser } from "~/lib/auth.server";
import { canListArchived, decideGlobal } from "~/lib/permissions";
import { localizedName } from "~/lib/localized-name";
import { resolveLocale } from "~/lib/locale.server";
import { enforce, requireGlobalPermission } from "~/lib/permissions.server";
import { parseSearchParams } from "~/lib/validation.server";
import { listProjectFilterOptions, listProjects } from "~/models/project/list.server";
import { ErrorPanel } from "~/root";
import { ProjectListQuerySchema } from "~/schemas/project";

export const meta = titled("common.nav.projects");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "portfolio.view");
  const query = parseSearchParams(ProjectListQuerySchema, new URL(request.url));
  if (query.archived === "1" && !canListArchived(user)) enforce("forbidden");
  const [list, choices, language] = await Promise.all([
    listProjects({ actor: user, query }),
    listProjectFilterOptions(user),
    resolveLocale(request, user.locale),
  ]);
  // The filters' choices with their names in the reader's language only (the cached choices hold all three).
  const options = {
    frameworks: choices.frameworks.map((f) => ({
      id: f.id,
      code: f.code,
      priorityAreas: f.priorityAreas.map((a) => ({ id: a.id, code: a.code, name: localizedName(a, language) })),
    })),
    agencies: choices.agencies.map((a) => ({ id: a.id, name: localizedName(a, language) })),
  };
  // Each row's agency likewise: the cached page holds every language, the reader gets theirs.
  const projects = list.projects.map((p) => ({ ...p, agency: localizedName(p.agency, language) }));
  return {
    query,
    list: { ...list, projects },
    options,
    canCreate: decideGlobal(user, "project.create") === "allow",
    canSeeArchived: canListArchived(user),
  };
}

export default function ProjectsPage() {
  const { t } = useTranslation();
  const { query, list, options, canCreate, canSeeArchived } = useLoaderData<typeof loader>();
  const filtered = Boolean(
    query.q ||
    query.framework ||
    query.priorityArea ||
    query.institution ||
    query.agency ||
    query.status ||
    query.rating,
  );
  return (
    <div className="projects-page">
      <div className="page-title">
        <h1>{t("projects.list.title")}</h1>
        {canCreate ? (
          <Link to="/projects/new" className="button" data-testid="new-project">
            {t("projects.list.newProject")}
          </Link>
        ) : null}
      </div>
      <ProjectFilters query={query} options={options} canSeeArchived={canSeeArchived} />
      {list.total === 0 ? (
        <div className="panel empty-state" data-testid="projects-empty">
          <p>{filtered ? t("projects.list.emptyFiltered") : t("projects.list.empty")}</p>
          {filtered ? <Link to="/projects">{t("projects.list.clearFilters")}</Link> : null}
        </div>
      ) : (
        <>
          <ProjectTable projects={list.projects} sort={query.sort} dir={query.dir} />
          <Pagination page={list.page} pages={list.pages} total={list.total} />
        </>
      )}
      <p className="notice">{t("common.illustrative")}</p>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
