import type { TFunction } from "i18next";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useLabel } from "~/i18n/keys";
import { ConflictNotice } from "~/components/ui/conflict-notice";
import { useLocalizedName } from "~/i18n/use-localized-name";
import type { LocalizedName } from "~/lib/localized-name";
import { useFormat } from "~/i18n/format";
import { dayToDate } from "~/lib/dates";
import type { ProjectConflict } from "~/schemas/project";
import { PROJECT_FIELD_LABELS, type ProjectFormOptions } from "./project-form";

function describe(
  field: string,
  value: string | undefined,
  options: ProjectFormOptions,
  t: TFunction,
  format: ReturnType<typeof useFormat>,
  ln: (row: LocalizedName) => string,
  codeLabel: ReturnType<typeof useLabel>,
): string {
  if (value === undefined || value === "") return "—";
  switch (field) {
    case "institution":
      return codeLabel("domain.institution", value);
    case "status":
      return codeLabel("domain.projectStatus", value);
    case "instrument":
      return codeLabel("projects.instruments", value);
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
      if (field.endsWith("Date")) return format.date(dayToDate(value));
      return value.length > 160 ? `${value.slice(0, 160)}…` : value;
  }
}

/** Field by field: their value, this user's, and what the form now holds. */
function ConflictChanges({ conflict, options }: { conflict: ProjectConflict; options: ProjectFormOptions }) {
  const { t } = useTranslation();
  const codeLabel = useLabel();
  const format = useFormat();
  const ln = useLocalizedName();
  const theirs: Record<string, string | number> = conflict.values;
  const yours: Record<string, string> = conflict.yours;
  return (
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
                  : describe(field, String(theirs[field] ?? ""), options, t, format, ln, codeLabel)}
              </td>
              <td>{field === "archivedAt" ? "—" : describe(field, yours[field], options, t, format, ln, codeLabel)}</td>
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
  );
}

/**
 * Someone saved this project after the form was opened: the shared conflict notice, with who saved, their value
 * next to this user's for each field they changed, what the form now holds, and a way to take their version
 * instead. Saving again applies the form on top of the latest version.
 */
export function ProjectConflictNotice({
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
  const ref = useRef<HTMLDivElement>(null);
  // The Save button is at the bottom of a long form: bring the explanation into view (and focus) on each refusal.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: "start" });
    ref.current?.focus();
  }, [conflict]);
  const latest = conflict.changedBy.at(0);
  return (
    <div ref={ref} tabIndex={-1}>
      {/* The per-field table below shows the saved values, so the shared notice lists none of its own. */}
      <ConflictNotice current={{}} labels={{}}>
        <p>
          {latest
            ? t("projects.conflict.changedBy", {
                names: [...new Set(conflict.changedBy.map((c) => c.name))].join(", "),
                at: format.dateTime(latest.at),
              })
            : t("projects.conflict.changedBySomeone")}
        </p>
        {conflict.fields.length > 0 ? <ConflictChanges conflict={conflict} options={options} /> : null}
        <p>{t("projects.conflict.kept")}</p>
        <p>
          <strong>{t("projects.conflict.saveAgain")}</strong>
        </p>
        <p>
          <button type="button" className="button secondary" onClick={onUseTheirs} data-testid="use-theirs">
            {t("projects.conflict.useTheirs")}
          </button>
        </p>
      </ConflictNotice>
    </div>
  );
}
