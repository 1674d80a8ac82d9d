import { useTranslation } from "react-i18next";
import { useFormat } from "~/i18n/format";
import type { HistoryEvent } from "~/models/history.server";

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Who, when (UTC and local), what, old → new, and why. */
export function EventList({ events }: { events: HistoryEvent[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (events.length === 0) return <p className="panel muted">{t("history.empty")}</p>;
  return (
    <ol className="event-list" data-testid="event-list">
      {events.map((event) => (
        <li key={event.seq} className="panel" data-seq={event.seq}>
          <div>
            <strong>{event.action}</strong> · {event.entityType} <code>{event.entityId}</code>
          </div>
          <div className="muted">
            #{event.seq} · {event.actorEmail ?? t("history.system")} ·{" "}
            <time dateTime={event.occurredAt}>{format.dateTime(event.occurredAt)}</time> ·{" "}
            <LocalTime iso={event.occurredAt} />
          </div>
          {event.reason ? (
            <div>
              {t("history.reason")}: {event.reason}
            </div>
          ) : null}
          {event.changes.length > 0 ? (
            <table className="changes">
              <tbody>
                {event.changes.map((change) => (
                  <tr key={change.field}>
                    <th scope="row">{change.field}</th>
                    <td>
                      <del>{show(change.before)}</del> → <ins>{show(change.after)}</ins>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** The viewer's local time; rendered after hydration so server and client agree on the first paint. */
function LocalTime({ iso }: { iso: string }) {
  const { t } = useTranslation();
  return (
    <span suppressHydrationWarning>
      {t("history.local")}: {typeof window === "undefined" ? "…" : new Date(iso).toLocaleString()}
    </span>
  );
}
