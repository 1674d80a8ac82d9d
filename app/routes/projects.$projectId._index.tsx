import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  CurrentRatingsPanel,
  FinancingPanel,
  KeyDatesPanel,
  TeamPanel,
  WorkSummaryPanel,
} from "~/components/projects/overview-panels";
import { requireUser } from "~/lib/auth.server";
import { decideOnProject } from "~/lib/permissions";
import { orNotFound, requireParams } from "~/lib/http.server";
import { requireProjectPermission } from "~/lib/permissions.server";
import { getProjectOverview } from "~/models/project/overview.server";
import { ErrorPanel } from "~/root";
import { ProjectIdParamsSchema } from "~/schemas/project";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { projectId } = requireParams(ProjectIdParamsSchema, params);
  const scope = await requireProjectPermission(user, projectId, "project.view");
  const overview = await orNotFound(() => getProjectOverview(projectId));
  return {
    projectId,
    overview,
    can: {
      edit: decideOnProject(user, "project.edit", scope) === "allow",
      archive: decideOnProject(user, "project.archive", scope) === "allow",
      rate: decideOnProject(user, "rating.record", scope) === "allow",
    },
  };
}

export default function ProjectOverview() {
  const { t } = useTranslation();
  const { projectId, overview, can } = useLoaderData<typeof loader>();
  return (
    <div className="project-overview">
      {can.edit || can.archive || can.rate ? (
        <div className="action-bar">
          {can.edit ? (
            <Link to={`/projects/${projectId}/edit`} className="button" data-testid="edit-project">
              {t("common.actions.edit")}
            </Link>
          ) : null}
          {can.archive ? (
            <Link to={`/projects/${projectId}/edit#archive`} className="button secondary" data-testid="archive-project">
              {t("projects.archive.button")}
            </Link>
          ) : null}
          {can.rate ? (
            <Link to={`/projects/${projectId}/ratings#new-rating`} className="button secondary">
              {t("projects.ratings.record")}
            </Link>
          ) : null}
        </div>
      ) : null}
      <div className="grid">
        <KeyDatesPanel dates={overview.dates} />
        <FinancingPanel financing={overview.financing} />
      </div>
      <div className="grid">
        <CurrentRatingsPanel ratings={overview.ratings} projectId={projectId} />
        <WorkSummaryPanel projectId={projectId} milestones={overview.milestones} indicators={overview.indicators} />
      </div>
      <section className="panel" aria-labelledby="description-title">
        <h2 id="description-title">{t("projects.fields.description")}</h2>
        <p className="prose">{overview.description || t("projects.overview.noDescription")}</p>
        <p className="muted small">
          {t("projects.fields.sectorCode")}: <code>{overview.sectorCode}</code>
        </p>
        <h2>{t("projects.fields.narrative")}</h2>
        <p className="prose">{overview.narrative || t("projects.overview.noNarrative")}</p>
      </section>
      <TeamPanel projectId={projectId} members={overview.members} />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
