import { Link } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useHydrated } from "~/components/ui/form-hooks";
import { useFormat } from "~/i18n/format";
import type { EventView, RawDetail } from "~/lib/audit-render/types";
import { EventSentence } from "./event-sentence";
import { useShownValue } from "./shown-value";

/**
 * One line per event (when, and a sentence saying who did what to which record); what changed, the reason and —
 * for those who read the whole log — the stored record open underneath.
 */
export function EventList({ events, entityLinks = true }: { events: EventView[]; entityLinks?: boolean }) {
  const { t } = useTranslation();
  if (events.length === 0) return <p className="panel muted">{t("history.empty")}</p>;
  return (
    <ol className="event-list panel" data-testid="event-list">
      {events.map((event) => (
        <EventItem key={event.seq} event={event} entityLinks={entityLinks} />
      ))}
    </ol>
  );
}

function EventItem({ event, entityLinks }: { event: EventView; entityLinks: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const show = useShownValue();
  return (
    <li
      className="event"
      data-seq={event.seq}
      data-action={event.action}
      data-project-code={event.projectCode ?? ""}
      data-testid="event"
    >
      <p className="event-line">
        <time dateTime={event.occurredAt} className="event-time">
          {format.dateTime(event.occurredAt)}
        </time>{" "}
        <EventSentence event={event} />
      </p>
      <details className="event-more">
        <summary>{t("history.event.details", { count: event.changes.length })}</summary>
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
        {event.stored ? <RawRecord seq={event.seq} /> : null}
      </details>
    </li>
  );
}

function pretty(json: string | null): string {
  if (json === null) return "null";
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

/**
 * The event exactly as stored, for auditors: ids, request, hashes and the before/after JSON. Fetched when opened:
 * fifty events' JSON would otherwise weigh on every page load for a detail opened now and then.
 */
function RawRecord({ seq }: { seq: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const raw = useStoredRecord(seq, open);
  return (
    <details className="event-raw" data-testid="event-raw" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t("history.raw.title")}</summary>
      {open ? (
        raw === "loading" ? (
          <p className="muted" role="status">
            {t("history.raw.loading")}
          </p>
        ) : raw === "failed" ? (
          <p className="form-error" role="alert">
            {t("history.raw.failed")}
          </p>
        ) : (
          <RawFields raw={raw} />
        )
      ) : null}
    </details>
  );
}

/** The stored record of one event, read once it is first opened (and kept while the page stays). */
function useStoredRecord(seq: number, open: boolean): RawDetail | "loading" | "failed" {
  const [state, setState] = useState<RawDetail | "loading" | "failed">("loading");
  const wanted = open && state === "loading";
  useEffect(() => {
    if (!wanted) return;
    let current = true;
    fetch(`/history/stored/${seq}`, { headers: { Accept: "application/json" } })
      .then((response) => (response.ok ? (response.json() as Promise<RawDetail>) : Promise.reject(response.status)))
      .then(
        (detail) => current && setState(detail),
        () => current && setState("failed"),
      );
    return () => {
      current = false;
    };
  }, [seq, wanted]);
  return state;
}

function RawFields({ raw }: { raw: RawDetail }) {
  const { t } = useTranslation();
  const rows: Array<[string, string | null]> = [
    [t("history.raw.action"), raw.action],
    [t("history.raw.entity"), `${raw.entityType} ${raw.entityId}`],
    [t("history.raw.project"), raw.projectId],
    [t("history.raw.actor"), [raw.actorId, raw.actorEmail].filter(Boolean).join(" ") || null],
    [t("history.raw.request"), raw.requestId],
    [t("history.raw.prevHash"), raw.prevHash],
    [t("history.raw.hash"), raw.hash],
  ];
  return (
    <>
      <dl>
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value ? <code>{value}</code> : "—"}</dd>
          </div>
        ))}
      </dl>
      <div className="event-raw-json">
        <div>
          <p>{t("history.raw.before")}</p>
          {/* It scrolls when long: focusable, so a keyboard can scroll it too. */}
          <pre tabIndex={0} aria-label={t("history.raw.before")}>
            <code>{pretty(raw.before)}</code>
          </pre>
        </div>
        <div>
          <p>{t("history.raw.after")}</p>
          {/* It scrolls when long: focusable, so a keyboard can scroll it too. */}
          <pre tabIndex={0} aria-label={t("history.raw.after")}>
            <code>{pretty(raw.after)}</code>
          </pre>
        </div>
      </div>
    </>
  );
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
