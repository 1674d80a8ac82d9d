import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Outlet, useLoaderData, useRouteError } from "@remix-run/react";
import { ProjectHeader, ProjectTabs } from "~/components/projects/project-header";
import { requireUser } from "~/lib/auth.server";
import { decideOnProject } from "~/lib/permissions";
import { orNotFound, requireParams } from "~/lib/http.server";
import { requireProjectPermission } from "~/lib/permissions.server";
import { getProjectHeader } from "~/models/project/overview.server";
import { ErrorPanel } from "~/root";
import { ProjectIdParamsSchema } from "~/schemas/project";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.project.code} · ${data.project.name} · Qadam` : "Qadam" },
];

/**
 * The project's header and tabs. This loader guards itself, but it is UI, not the security boundary: every child
 * route's loader and action checks the project permission again (they run in parallel with this one).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { projectId } = requireParams(ProjectIdParamsSchema, params);
  const scope = await requireProjectPermission(user, projectId, "project.view");
  const project = await orNotFound(() => getProjectHeader(projectId));
  return { project, showHistory: decideOnProject(user, "history.view", scope) === "allow" };
}

export default function ProjectLayout() {
  const { project, showHistory } = useLoaderData<typeof loader>();
  return (
    <div className="project-page">
      <ProjectHeader project={project} />
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
