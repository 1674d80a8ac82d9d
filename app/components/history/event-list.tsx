import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { EventLine } from "~/lib/audit-render/types";
import { FetchedDetails } from "./event-details";
import { EventTimeAndSentence } from "./event-sentence";

/**
 * One line per event (when, and a sentence saying who did what to which record). What changed, the reason and —
 * for those who read the whole log — the stored record are read when the event's details are opened.
 */
export function EventList({ events, entityLinks = true }: { events: EventLine[]; entityLinks?: boolean }) {
  const { t } = useTranslation();
  if (events.length === 0) return <p className="panel muted">{t("history.empty")}</p>;
  // The same two labels on every line: translated once for the list.
  const labels = { details: t("history.event.details"), openPage: t("history.event.openPage") };
  return (
    <ol className="event-list panel" data-testid="event-list">
      {events.map((event) => (
        <EventItem key={event.seq} event={event} entityLinks={entityLinks} labels={labels} />
      ))}
    </ol>
  );
}

function EventItem({
  event,
  entityLinks,
  labels,
}: {
  event: EventLine;
  entityLinks: boolean;
  labels: { details: string; openPage: string };
}) {
  // Opened once: the details are fetched then and stay while the page does.
  const [opened, setOpened] = useState(false);
  return (
    <li
      className="event"
      data-seq={event.seq}
      data-action={event.action}
      data-project-code={event.projectCode ?? ""}
      data-testid="event"
    >
      <EventTimeAndSentence event={event} />
      <details className="event-more" onToggle={(toggle) => toggle.currentTarget.open && setOpened(true)}>
        <summary>{labels.details}</summary>
        {opened ? (
          <FetchedDetails seq={event.seq} entityLinks={entityLinks} />
        ) : (
          // Without JavaScript nothing is fetched: the event's own page shows the same details.
          <a className="event-details-page" href={`/history/events/${event.seq}`}>
            {labels.openPage}
          </a>
        )}
      </details>
    </li>
  );
}
