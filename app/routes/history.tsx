import type { LoaderFunctionArgs } from "@remix-run/node";
import { titled } from "~/lib/meta";
import { useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ChainStatusPanel } from "~/components/history/chain-status";
import { EventList } from "~/components/history/event-list";
import { AuditExportLinks } from "~/components/history/export-links";
import { HistoryFilters } from "~/components/history/history-filters";
import { HistoryPager } from "~/components/history/history-pager";
import { requireUser } from "~/lib/auth.server";
import { canSeeEverything, decideGlobal } from "~/lib/permissions";
import { requireGlobalPermission } from "~/lib/permissions.server";
import { parseSearchParams } from "~/lib/validation.server";
import { getChainStatus } from "~/models/history-chain.server";
import {
  listAuditEvents,
  listHistoryFilterOptions,
  listHistoryProjects,
  projectCodesById,
  resolveHistoryFilters,
} from "~/models/history.server";
import { historyQueryParams, HistoryPageQuerySchema } from "~/schemas/history";
import { ErrorPanel } from "~/root";

export const meta = titled("common.nav.history");

/**
 * The history explorer: auditors and admins read every event, managers the events of their projects (the scope
 * is part of the query), officers are refused. Filters live in the URL; pages are keyset pages on seq.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "history.viewAll");
  const url = new URL(request.url);
  const verify = url.searchParams.get("verify") === "1";
  url.searchParams.delete("verify");
  const query = parseSearchParams(HistoryPageQuerySchema, url);
  const filters = await resolveHistoryFilters(query);
  const [{ events, nextBefore }, projects, options, codes] = await Promise.all([
    listAuditEvents({ actor: user, filters, before: query.before }),
    listHistoryProjects(user),
    listHistoryFilterOptions(),
    projectCodesById(),
  ]);
  const chain = decideGlobal(user, "chain.view") === "allow" ? await getChainStatus({ verify }) : null;
  return {
    events: events.map((e) => ({ ...e, projectCode: e.projectId ? (codes.get(e.projectId) ?? null) : null })),
    nextBefore,
    before: query.before ?? null,
    filters: historyQueryParams(query),
    projects: projects.map(({ code, name }) => ({ code, name })),
    options,
    seesEverything: canSeeEverything(user),
    canExport: decideGlobal(user, "history.export") === "allow",
    chain,
  };
}

export default function HistoryPage() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  return (
    <div className="history-page" data-testid="history-page">
      <h1>{t("history.title")}</h1>
      <p className="muted">
        {t("history.intro")} {data.seesEverything ? t("history.scopeAll") : t("history.scopeProjects")}
      </p>
      {data.chain ? <ChainStatusPanel status={data.chain} hidden={data.filters} /> : null}
      <HistoryFilters
        values={data.filters}
        projects={data.projects}
        actions={data.options.actions}
        entityTypes={data.options.entityTypes}
      />
      {data.canExport ? <AuditExportLinks filters={data.filters} /> : null}
      <EventList events={data.events} />
      <HistoryPager
        filters={data.filters}
        before={data.before}
        nextBefore={data.nextBefore}
        count={data.events.length}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
