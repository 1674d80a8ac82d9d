import { useTranslation } from "react-i18next";
import { SuggestField } from "~/components/history/suggest-field";
import { DayFilterField } from "~/components/ui/day-filter-field";

type Props = {
  projects: Array<{ code: string; name: string }>;
  options: { actions: string[]; entityTypes: string[] };
};

/** The audit-log export form: the history filters, then one button per format. */
export function AuditExportForm({ projects, options }: Props) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="exports-audit" data-testid="exports-audit">
      <h2 id="exports-audit">{t("exports.audit.title")}</h2>
      <p>{t("exports.audit.description")}</p>
      <p className="muted">{t("exports.audit.formats")}</p>
      {/* A plain form: the browser downloads the file the chosen button points at. */}
      <form method="get" action="/exports/audit.csv" className="stack-wide">
        <div className="filter-grid">
          <DayFilterField id="ex-from" name="from" label={t("history.filters.from")} />
          <DayFilterField id="ex-to" name="to" label={t("history.filters.to")} />
          <div className="field">
            <label htmlFor="ex-project">{t("history.filters.project")}</label>
            <select id="ex-project" name="project" defaultValue="">
              <option value="">{t("history.filters.allProjects")}</option>
              {projects.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.code} — {p.name}
                </option>
              ))}
            </select>
          </div>
          <SuggestField
            id="ex-entity"
            name="entity"
            label={t("history.filters.entity")}
            listId="ex-entity-types"
            suggestions={options.entityTypes}
          />
          <div className="field">
            <label htmlFor="ex-actor">{t("history.filters.actor")}</label>
            <input id="ex-actor" type="email" name="actor" autoComplete="off" />
          </div>
          <SuggestField
            id="ex-action"
            name="action"
            label={t("history.filters.action")}
            listId="ex-actions"
            suggestions={options.actions}
          />
        </div>
        <div className="wf-buttons">
          <button type="submit" formAction="/exports/audit.csv" data-testid="export-csv">
            {t("exports.audit.downloadCsv")}
          </button>
          <button type="submit" formAction="/exports/audit.xlsx" data-testid="export-xlsx">
            {t("exports.audit.downloadXlsx")}
          </button>
          <button type="submit" formAction="/exports/audit.ndjson" data-testid="export-ndjson">
            {t("exports.audit.downloadNdjson")}
          </button>
        </div>
      </form>
    </section>
  );
}
