import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EventDetails } from "~/components/history/event-details";
import { EventTimeAndSentence } from "~/components/history/event-sentence";
import { RawFields } from "~/components/history/stored-record";
import { requireUser } from "~/lib/auth.server";
import { orNotFound, requireParams } from "~/lib/http.server";
import { titled } from "~/lib/meta";
import { requireGlobalPermission } from "~/lib/permissions.server";
import { getAuditEventForReader, getStoredAuditEvent } from "~/models/history.server";
import { StoredEventParamsSchema } from "~/schemas/history";
import { ErrorPanel } from "~/root";

export const meta = titled("history.eventPage.title", "common.nav.history");

/**
 * One event on its own page: what History's list shows when its details are opened, for a browser without
 * JavaScript (the list links here) and for a link kept elsewhere. Scoped as the list is (404 outside it).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "history.viewAll");
  const { seq } = requireParams(StoredEventParamsSchema, params);
  const event = await orNotFound(() => getAuditEventForReader(user, seq));
  // Those who read the whole log see the stored record here at once: nothing to open or fetch on this page.
  const raw = event.stored ? await getStoredAuditEvent(seq) : null;
  return { event, raw };
}

export default function HistoryEventPage() {
  const { t } = useTranslation();
  const { event, raw } = useLoaderData<typeof loader>();
  return (
    <div className="history-page" data-testid="history-event-page">
      <p>
        <Link to="/history">{t("history.eventPage.back")}</Link>
      </p>
      <h1>{t("history.event.number", { seq: event.seq })}</h1>
      <div className="panel event">
        <EventTimeAndSentence event={event} />
        <EventDetails event={event} entityLinks storedInline />
        {raw ? (
          <section className="event-raw" aria-labelledby="event-raw-title" data-testid="event-raw">
            <h2 id="event-raw-title">{t("history.raw.title")}</h2>
            <RawFields raw={raw} />
          </section>
        ) : null}
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
