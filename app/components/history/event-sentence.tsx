import { Link } from "@remix-run/react";
import { Fragment, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/i18n/format";
import { labelKey } from "~/i18n/keys";
import type { EventLine } from "~/lib/audit-render/types";
import type { MessageValues } from "~/lib/errors";
import { rememberedValues } from "./remembered";
import { RecordLink, useShownText } from "./shown-value";

const OPEN = "\u0001";
const CLOSE = "\u0002";
const token = (name: string) => `${OPEN}${name}${CLOSE}`;
const MARKERS = new RegExp(`${OPEN}(actor|record)${CLOSE}`);
const sentences = rememberedValues<string>(2_000);

/**
 * The event's sentence in the reader's language. The translation places `{{actor}}` and `{{record}}` where its
 * grammar wants them; they come back as markers and are replaced by links to the person and the record.
 */
export function EventSentence({ event }: { event: EventLine }) {
  const { t, i18n } = useTranslation();
  const text = useShownText();
  // The sentence with its markers depends only on these (never on the names the markers become): remembered.
  const words = `${i18n.language}|${event.sentence}|${event.entityType}|${JSON.stringify(event.values)}`;
  const sentence = sentences(words, () => {
    const values: MessageValues = { actor: token("actor"), record: token("record") };
    for (const [name, value] of Object.entries(event.values)) values[name] = text(value);
    const kind = labelKey("audit.kinds", event.entityType);
    values.kind = kind ? t(kind) : event.entityType;
    return t(event.sentence, values);
  });
  // The project follows a milestone or an indicator it holds; after a person (a team change) it ends the sentence.
  const project = event.project && event.record?.kind !== "project" ? event.project : null;
  const personRecord = event.record?.kind === "user" || event.record?.kind === "email";
  const projectAfterRecord = project && !personRecord ? project : null;
  const projectAtEnd = project && (personRecord || !event.record) ? project : null;
  const parts: ReactNode[] = sentence.split(MARKERS).map((part, i) => {
    if (i % 2 === 0) return part;
    if (part === "actor") {
      return event.actor ? <RecordLink record={event.actor} /> : <span>{t("audit.system")}</span>;
    }
    return event.record ? (
      <>
        <RecordLink record={event.record} />
        {projectAfterRecord ? <ProjectCode project={projectAfterRecord} /> : null}
      </>
    ) : (
      <em>{t("audit.gone")}</em>
    );
  });
  // At the end the project has no record before it to name it: its name leads, its code follows.
  if (projectAtEnd)
    parts.push(
      <>
        {" · "}
        <RecordLink record={projectAtEnd} />
      </>,
    );
  return (
    <span className="event-sentence">
      {parts.map((part, i) => (
        <Fragment key={i}>{part}</Fragment>
      ))}
    </span>
  );
}

function ProjectCode({ project }: { project: NonNullable<EventLine["project"]> }) {
  return (
    <>
      {" ("}
      {project.href ? (
        <Link to={project.href} title={project.name} className="event-project">
          {project.code}
        </Link>
      ) : (
        <span title={project.name}>{project.code}</span>
      )}
      {")"}
    </>
  );
}

/** When, then the sentence: an event's line in History's list and on the event's own page. */
export function EventTimeAndSentence({ event }: { event: EventLine }) {
  const format = useFormat();
  return (
    <p className="event-line">
      <time dateTime={event.occurredAt} className="event-time">
        {format.dateTime(event.occurredAt)}
      </time>{" "}
      <EventSentence event={event} />
    </p>
  );
}
