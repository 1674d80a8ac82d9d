import { Link } from "@remix-run/react";
import { useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/i18n/format";
import type { HistoryEvent } from "~/models/history.server";

export type ListedEvent = HistoryEvent & { projectCode?: string | null };

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Who, when (UTC and local), what, old → new, and why. */
export function EventList({ events, entityLinks = true }: { events: ListedEvent[]; entityLinks?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (events.length === 0) return <p className="panel muted">{t("history.empty")}</p>;
  return (
    <ol className="event-list" data-testid="event-list">
      {events.map((event) => {
        // A creation has no "before": show the values it was created with, without a column of dashes.
        const creation = event.changes.every((c) => c.before === null);
        return (
          <li key={event.seq} className="panel" data-seq={event.seq} data-project-code={event.projectCode ?? ""}>
            <div className="event-head">
              <strong className="event-action">{event.action}</strong>
              <span>
                {event.entityType} <code>{event.entityId}</code>
              </span>
              {event.projectCode ? <span className="badge">{event.projectCode}</span> : null}
              {entityLinks ? (
                <Link
                  className="event-entity-link"
                  to={`/history?${new URLSearchParams({ entity: event.entityType, entityId: event.entityId }).toString()}`}
                >
                  {t("history.event.entityHistory")}
                </Link>
              ) : null}
            </div>
            <div className="muted">
              #{event.seq} · {event.actorEmail ?? t("history.system")} ·{" "}
              <time dateTime={event.occurredAt}>{format.dateTime(event.occurredAt)}</time> ·{" "}
              <LocalTime iso={event.occurredAt} />
            </div>
            {event.reason ? (
              <div className="event-reason">
                {t("history.reason")}: {event.reason}
              </div>
            ) : null}
            {event.changes.length > 0 ? (
              <table className="changes">
                <caption className="visually-hidden">{t("history.event.changes")}</caption>
                <thead className="visually-hidden">
                  <tr>
                    <th scope="col">{t("history.event.field")}</th>
                    <th scope="col">
                      {t("history.event.before")} → {t("history.event.after")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {event.changes.map((change) => (
                    <tr key={change.field}>
                      <th scope="row">{change.field}</th>
                      <td>
                        {creation ? (
                          <ins>{show(change.after)}</ins>
                        ) : (
                          <>
                            <del>{show(change.before)}</del> → <ins>{show(change.after)}</ins>
                          </>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

const noSubscription = () => () => {};

/** True in the browser after hydration, false on the server and during hydration (so both render the same). */
function useHydrated() {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/** The viewer's local time (the server cannot know the viewer's time zone). */
function LocalTime({ iso }: { iso: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const hydrated = useHydrated();
  const local = hydrated ? format.localDateTime(iso) : "…";
  return (
    <span>
      {t("history.local")}: {local}
    </span>
  );
}
