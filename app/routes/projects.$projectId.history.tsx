import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EventList } from "~/components/history/event-list";
import { AuditExportLinks } from "~/components/history/export-links";
import { HistoryPager } from "~/components/history/history-pager";
import { requireUser } from "~/lib/auth.server";
import { decideGlobal } from "~/lib/permissions";
import { invariantResponse, requireParams } from "~/lib/http.server";
import { requireProjectPermission } from "~/lib/permissions.server";
import { parseSearchParams } from "~/lib/validation.server";
import { getProjectCode, listAuditEventsPage } from "~/models/history.server";
import { namedRecord } from "~/models/history-names.server";
import { RecordLink } from "~/components/history/shown-value";
import { ProjectHistoryQuerySchema } from "~/schemas/history";
import { ProjectIdParamsSchema } from "~/schemas/project";
import { ErrorPanel } from "~/root";
import { projectPageTitle } from "~/lib/meta";

export const meta = projectPageTitle("projects.tabs.history");

/** The project's history tab (managers, admins, auditors; officers 403; out of scope 404). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { projectId } = requireParams(ProjectIdParamsSchema, params);
  await requireProjectPermission(user, projectId, "history.view");
  const query = parseSearchParams(ProjectHistoryQuerySchema, new URL(request.url));
  const code = await getProjectCode(projectId);
  invariantResponse(code, "Not found", { status: 404 });
  const [{ events, nextBefore }, record] = await Promise.all([
    listAuditEventsPage({
      actor: user,
      filters: { projectId, entityType: query.entityType, entityId: query.entityId },
      before: query.before,
    }),
    namedRecord(query.entityType, query.entityId),
  ]);
  const entity: Record<string, string> = {};
  if (query.entityType) entity.entityType = query.entityType;
  if (query.entityId) entity.entityId = query.entityId;
  return {
    code,
    events,
    record,
    nextBefore,
    before: query.before ?? null,
    entity,
    canExport: decideGlobal(user, "history.export") === "allow",
  };
}

export default function ProjectHistory() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const exportFilters: Record<string, string> = { project: data.code };
  if (data.entity.entityType) exportFilters.entity = data.entity.entityType;
  if (data.entity.entityId) exportFilters.entityId = data.entity.entityId;
  return (
    <section aria-labelledby="project-history-title" data-testid="project-history">
      <h2 id="project-history-title">{t("history.project.title")}</h2>
      {data.entity.entityType || data.entity.entityId ? (
        <p className="notice">
          {t("history.project.entityFilter")}{" "}
          {data.record ? (
            <RecordLink record={data.record} />
          ) : (
            <code>{data.entity.entityId ?? data.entity.entityType}</code>
          )}{" "}
          <Link to=".">{t("history.project.clearEntity")}</Link>
        </p>
      ) : null}
      <p>
        <Link to={`/history?${new URLSearchParams({ project: data.code }).toString()}`}>
          {t("history.project.openExplorer")}
        </Link>
      </p>
      {data.canExport ? <AuditExportLinks filters={exportFilters} /> : null}
      <EventList events={data.events} />
      <HistoryPager
        filters={data.entity}
        before={data.before}
        nextBefore={data.nextBefore}
        count={data.events.length}
      />
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
