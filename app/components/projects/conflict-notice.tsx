import type { TFunction } from "i18next";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useLocalizedName } from "~/i18n/use-localized-name";
import type { LocalizedName } from "~/lib/localized-name";
import { useFormat } from "~/i18n/format";
import type { ProjectFormValues } from "~/schemas/project";
import { PROJECT_FIELD_LABELS, type ProjectFormOptions } from "./project-form";

export type ProjectConflict = {
  /** The record as it is now saved, with its version. */
  values: ProjectFormValues & { version: number };
  changedBy: { name: string; at: string }[];
  archivedAt: string | null;
  /** What this user tried to save. */
  yours: ProjectFormValues;
  /** The user's input re-applied on top of the latest version: what the form now holds. */
  merged: ProjectFormValues;
  /** The fields the other side changed, and how each was resolved in the form. */
  fields: { field: string; outcome: "theirs" | "both" | "same" }[];
};

function describe(
  field: string,
  value: string | undefined,
  options: ProjectFormOptions,
  t: TFunction,
  format: ReturnType<typeof useFormat>,
  ln: (row: LocalizedName) => string,
): string {
  if (value === undefined || value === "") return "—";
  switch (field) {
    case "institution":
      return t(`domain.institution.${value}`);
    case "status":
      return t(`domain.projectStatus.${value}`);
    case "instrument":
      return t(`projects.instruments.${value}`, { defaultValue: value });
    case "implementingAgencyId": {
      const agency = options.agencies.find((a) => a.id === value);
      return agency ? ln(agency) : value;
    }
    case "priorityAreaId": {
      const area = options.frameworks.flatMap((f) => f.priorityAreas).find((a) => a.id === value);
      return area ? `${area.code} — ${ln(area)}` : value;
    }
    case "commitmentUsd":
    case "disbursedUsd":
      return `${format.number(Number(value.replace(/[\s,$]/g, "")))} USD`;
    default:
      if (field.endsWith("Date")) return format.date(`${value}T00:00:00Z`);
      return value.length > 160 ? `${value.slice(0, 160)}…` : value;
  }
}

/**
 * Someone saved this project after the form was opened. Shows who, which fields they changed, their value next to
 * this user's, and what the form now holds; saving again applies the form on top of the latest version.
 */
export function ConflictNotice({
  conflict,
  options,
  onUseTheirs,
}: {
  conflict: ProjectConflict;
  options: ProjectFormOptions;
  onUseTheirs: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const ln = useLocalizedName();
  const ref = useRef<HTMLElement>(null);
  // The Save button is at the bottom of a long form: bring the explanation into view (and focus) on each refusal.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: "start" });
    ref.current?.focus();
  }, [conflict]);
  const theirs = conflict.values as Record<string, string | number>;
  const yours = conflict.yours as Record<string, string>;
  return (
    <section
      ref={ref}
      tabIndex={-1}
      className="conflict-notice"
      role="alert"
      aria-labelledby="conflict-title"
      data-testid="conflict-notice"
    >
      <h2 id="conflict-title">{t("projects.conflict.title")}</h2>
      <p>
        {conflict.changedBy.length > 0
          ? t("projects.conflict.changedBy", {
              names: [...new Set(conflict.changedBy.map((c) => c.name))].join(", "),
              at: format.dateTime(conflict.changedBy[0].at),
            })
          : t("projects.conflict.changedBySomeone")}
      </p>
      {conflict.fields.length > 0 ? (
        <div className="table-wrap">
          <table data-testid="conflict-changes">
            <thead>
              <tr>
                <th scope="col">{t("projects.conflict.field")}</th>
                <th scope="col">{t("projects.conflict.theirs")}</th>
                <th scope="col">{t("projects.conflict.yours")}</th>
                <th scope="col">{t("projects.conflict.inForm")}</th>
              </tr>
            </thead>
            <tbody>
              {conflict.fields.map(({ field, outcome }) => (
                <tr key={field} data-field={field} data-outcome={outcome}>
                  <th scope="row">{t(PROJECT_FIELD_LABELS[field as keyof typeof PROJECT_FIELD_LABELS] ?? field)}</th>
                  <td>
                    {field === "archivedAt"
                      ? format.date(conflict.archivedAt)
                      : describe(field, String(theirs[field] ?? ""), options, t, format, ln)}
                  </td>
                  <td>{field === "archivedAt" ? "—" : describe(field, yours[field], options, t, format, ln)}</td>
                  <td>
                    <span className={`badge ${outcome === "both" ? "amber" : ""}`}>
                      {t(`projects.conflict.outcome.${outcome}`)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p>{t("projects.conflict.kept")}</p>
      <p>
        <strong>{t("projects.conflict.saveAgain")}</strong>
      </p>
      <p>
        <button type="button" className="button secondary" onClick={onUseTheirs} data-testid="use-theirs">
          {t("projects.conflict.useTheirs")}
        </button>
      </p>
    </section>
  );
}
