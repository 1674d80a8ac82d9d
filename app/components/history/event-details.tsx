import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useHydrated } from "~/components/ui/form-hooks";
import { useFormat } from "~/i18n/format";
import type { EventView } from "~/lib/audit-render/types";
import { useOnDemand } from "./on-demand";
import { useShownValue } from "./shown-value";
import { RawRecord } from "./stored-record";

/** What an event changed (before → after, in words), its reason, its number and the way to its record's history. */
export function EventDetails({
  event,
  entityLinks,
  storedInline = false,
}: {
  event: EventView;
  entityLinks: boolean;
  /** The stored record is shown by the page itself (the event's own page): no fetched copy underneath. */
  storedInline?: boolean;
}) {
  const { t } = useTranslation();
  const show = useShownValue();
  return (
    <div className="event-details" data-testid="event-details">
      {event.changes.length > 0 ? (
        <dl className="event-changes">
          {event.changes.map((change) => (
            <div key={change.label}>
              <dt>{t(change.label)}</dt>
              <dd>
                {event.creation || change.before.kind === "none" ? (
                  <ins>{show(change.after)}</ins>
                ) : (
                  <>
                    <del>{show(change.before)}</del> → <ins>{show(change.after)}</ins>
                  </>
                )}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {event.reason ? (
        <p className="event-reason">
          {t("history.reason")}: {event.reason}
        </p>
      ) : null}
      <p className="muted event-when">
        {t("history.event.number", { seq: event.seq })} · <LocalTime iso={event.occurredAt} />
        {entityLinks ? (
          <>
            {" · "}
            <Link
              className="event-entity-link"
              to={`/history?${new URLSearchParams({ entity: event.entityType, entityId: event.entityId }).toString()}`}
            >
              {t("history.event.entityHistory")}
            </Link>
          </>
        ) : null}
      </p>
      {event.stored && !storedInline ? <RawRecord seq={event.seq} /> : null}
    </div>
  );
}

/** An event's details, read from `/history/details/<seq>` when first opened in the list. */
export function FetchedDetails({ seq, entityLinks }: { seq: number; entityLinks: boolean }) {
  const { t } = useTranslation();
  const event = useOnDemand<EventView>(`/history/details/${seq}`, true);
  if (event === "loading")
    return (
      <p className="muted" role="status">
        {t("history.event.loading")}
      </p>
    );
  if (event === "failed")
    return (
      <p className="form-error" role="alert">
        {t("history.event.failed")}
      </p>
    );
  return <EventDetails event={event} entityLinks={entityLinks} />;
}

/** The viewer's local time (the server cannot know the viewer's time zone). */
function LocalTime({ iso }: { iso: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const hydrated = useHydrated();
  return (
    <span>
      {t("history.local")}: {hydrated ? format.localDateTime(iso) : "…"}
    </span>
  );
}
