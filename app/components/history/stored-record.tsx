import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { RawDetail } from "~/lib/audit-render/types";
import { useOnDemand } from "./on-demand";

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
export function RawRecord({ seq }: { seq: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const raw = useOnDemand<RawDetail>(`/history/stored/${seq}`, open);
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

/** The stored record's fields (the event's own page shows them without fetching). */
export function RawFields({ raw }: { raw: RawDetail }) {
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
        {(["before", "after"] as const).map((side) => (
          <div key={side}>
            <p>{t(`history.raw.${side}`)}</p>
            {/* It scrolls when long: focusable, so a keyboard can scroll it too. */}
            <pre tabIndex={0} aria-label={t(`history.raw.${side}`)}>
              <code>{pretty(raw[side])}</code>
            </pre>
          </div>
        ))}
      </div>
    </>
  );
}
