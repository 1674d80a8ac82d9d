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
import { checkChainHead, getChainStatus, type HeadCheck } from "~/models/history-chain.server";
import { namedRecord } from "~/models/history-names.server";
import { listAuditEventsPage, resolveHistoryFilters } from "~/models/history.server";
import {
  listHistoryFilterOptions,
  listHistoryPeople,
  listHistoryProjectChoices,
} from "~/models/history-filters.server";
import { ChainHeadCheckSchema, historyQueryParams, HistoryPageQuerySchema } from "~/schemas/history";
import { ErrorPanel } from "~/root";

export const meta = titled("common.nav.history");

/** `?checkSeq=&checkHash=`: a head kept outside Qadam, to compare with the log (auditors and admins only). */
async function headCheckFor(url: URL): Promise<HeadCheck | null> {
  const seq = url.searchParams.get("checkSeq");
  const hash = url.searchParams.get("checkHash");
  if (seq === null && hash === null) return null;
  const parsed = ChainHeadCheckSchema.safeParse({ checkSeq: seq, checkHash: hash });
  if (!parsed.success) return { result: "invalid" };
  return checkChainHead({ seq: parsed.data.checkSeq, hash: parsed.data.checkHash });
}

/**
 * The history explorer: auditors and admins read every event, managers the events of their projects (the scope
 * is part of the query), officers are refused. Filters live in the URL; pages are keyset pages on seq.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "history.viewAll");
  const url = new URL(request.url);
  const verify = url.searchParams.get("verify") === "1";
  const chainAllowed = decideGlobal(user, "chain.view") === "allow";
  const headCheck = chainAllowed ? await headCheckFor(url) : null;
  for (const name of ["verify", "checkSeq", "checkHash"]) url.searchParams.delete(name);
  const query = parseSearchParams(HistoryPageQuerySchema, url);
  const filters = await resolveHistoryFilters(query);
  const [{ events, nextBefore }, projects, options, people, record] = await Promise.all([
    listAuditEventsPage({ actor: user, filters, before: query.before }),
    listHistoryProjectChoices(user),
    listHistoryFilterOptions(),
    listHistoryPeople(user),
    namedRecord(query.entity ?? query.entityType, query.entityId),
  ]);
  const chain = chainAllowed ? await getChainStatus({ verify }) : null;
  return {
    events,
    nextBefore,
    before: query.before ?? null,
    filters: historyQueryParams(query),
    choices: {
      projects,
      actions: options.actions,
      entityTypes: options.entityTypes,
      people,
      record,
    },
    seesEverything: canSeeEverything(user),
    canExport: decideGlobal(user, "history.export") === "allow",
    chain,
    headCheck,
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
      {data.chain ? <ChainStatusPanel status={data.chain} hidden={data.filters} headCheck={data.headCheck} /> : null}
      {/* Keyed on the filters: "Reset" and the pager's links show the pickers as the URL now says. */}
      <HistoryFilters key={new URLSearchParams(data.filters).toString()} values={data.filters} choices={data.choices} />
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
