import type { LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { Outlet, useLoaderData, useRouteError } from "@remix-run/react";
import { ProjectHeader, ProjectTabs } from "~/components/projects/project-header";
import { requireUser } from "~/lib/auth.server";
import { decideOnProject } from "~/lib/permissions";
import { orNotFound, requireParams } from "~/lib/http.server";
import { requireProjectPermission } from "~/lib/permissions.server";
import { getProjectHeading } from "~/models/project/status.server";
import { recordTitled } from "~/lib/meta";
import { ErrorPanel } from "~/root";
import { ProjectIdParamsSchema } from "~/schemas/project";

/** The project's own pages: "<project name> · P199902 · Qadam" (its tabs name themselves first, see lib/meta). */
export const meta = recordTitled<SerializeFrom<typeof loader>>((data) => `${data.project.name} · ${data.project.code}`);

/**
 * The project's header and tabs. This loader guards itself, but it is UI, not the security boundary: every child
 * route's loader and action checks the project permission again (they run in parallel with this one).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { projectId } = requireParams(ProjectIdParamsSchema, params);
  const scope = await requireProjectPermission(user, projectId, "project.view");
  const { project, board } = await orNotFound(() => getProjectHeading(projectId));
  return { project, board, showHistory: decideOnProject(user, "history.view", scope) === "allow" };
}

export default function ProjectLayout() {
  const { project, board, showHistory } = useLoaderData<typeof loader>();
  return (
    <div className="project-page">
      <ProjectHeader project={project} board={board} />
      <ProjectTabs projectId={project.id} showHistory={showHistory} />
      <div className="project-tab-content">
        <Outlet />
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
