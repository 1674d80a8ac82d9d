import { Link } from "@remix-run/react";
import { Fragment, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useFileSize } from "~/components/evidence/file-size";
import { useFormat } from "~/i18n/format";
import { useLabel } from "~/i18n/keys";
import type { RecordRef, Shown } from "~/lib/audit-render/types";
import { localizedName } from "~/lib/localized-name";
import { rememberedValues } from "./remembered";

const quotedNames = rememberedValues<string>(2_000);

/** A record's name in the reader's language, linked where it can be opened; codes follow, quieter. */
export function RecordLink({ record }: { record: RecordRef }) {
  const { t, i18n } = useTranslation();
  const name = localizedName(record, i18n.language);
  // People are named as they are; records by their name in quotes, as the rest of the UI writes titles.
  const label =
    record.kind === "user" || record.kind === "email"
      ? name
      : quotedNames(`${i18n.language}|${name}`, () => t("history.event.quoted", { name }));
  return (
    <>
      {record.href ? (
        <Link to={record.href} className="event-record">
          {label}
        </Link>
      ) : (
        <span className="event-record">{label}</span>
      )}
      {record.code ? <span className="muted"> ({record.code})</span> : null}
    </>
  );
}

/** "files.example.kz/…/report.pdf": a link as people read it, the whole address in its target. */
function shortUrl(url: string): string {
  try {
    const { host, pathname } = new URL(url);
    const file = pathname.split("/").filter(Boolean).pop();
    return file ? `${host}/…/${file}` : host;
  } catch {
    return url;
  }
}

/** A stored value as the rest of the UI shows it (dates, money, percentages, statuses and ratings with words). */
export function useShownValue() {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useLabel();
  const fileSize = useFileSize();
  return function show(value: Shown): ReactNode {
    switch (value.kind) {
      case "none":
        return "—";
      case "gone":
        return <em>{t("audit.gone")}</em>;
      case "text":
        return <span className="event-text">{value.text}</span>;
      case "day":
        return format.date(value.value);
      case "instant":
        return format.dateTime(value.value);
      case "number":
        return value.unit ? `${format.number(value.value)} ${value.unit}` : format.number(value.value);
      case "percent":
        return format.percent(value.value / 100);
      case "money":
        return format.moneyFromCents(Number(value.cents));
      case "label":
        return label(value.group, value.code);
      case "rating":
        return `${value.code} — ${label(value.group, value.code)}`;
      case "bool":
        return value.value ? t("audit.yes") : t("audit.no");
      case "ref":
        return <RecordLink record={value.ref} />;
      case "period":
        return t("audit.period", { start: format.date(value.start), end: format.date(value.end) });
      case "links":
        return (
          <span className="event-links">
            {value.urls.map((url, i) => (
              <Fragment key={url}>
                {i > 0 ? ", " : null}
                <a href={url} rel="noreferrer noopener" target="_blank">
                  {shortUrl(url)}
                </a>
              </Fragment>
            ))}
          </span>
        );
      case "files":
        return (
          <span className="event-files">
            {value.files.map((file, i) => (
              <Fragment key={file.id}>
                {i > 0 ? ", " : null}
                {file.name} <span className="muted">({fileSize(file.size)})</span>
              </Fragment>
            ))}
          </span>
        );
      case "targets":
        return value.targets
          .map((target) => `${format.date(target.periodEnd)}: ${format.number(target.value)}`)
          .join("; ");
    }
  };
}

/** Plain text of a value, for interpolation into a sentence. */
export function useShownText() {
  const { t } = useTranslation();
  const format = useFormat();
  return function text(value: Shown): string {
    switch (value.kind) {
      case "number":
        return format.number(value.value);
      case "period":
        return t("audit.period", { start: format.date(value.start), end: format.date(value.end) });
      case "day":
        return format.date(value.value);
      case "text":
        return value.text;
      default:
        return "";
    }
  };
}
