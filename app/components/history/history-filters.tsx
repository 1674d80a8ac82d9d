import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export type FilterValues = Partial<
  Record<"from" | "to" | "project" | "entity" | "entityId" | "actor" | "action", string>
>;

/** The history filters as a GET form: the URL holds them, so a filtered view can be bookmarked and shared. */
export function HistoryFilters({
  values,
  projects,
  actions,
  entityTypes,
}: {
  values: FilterValues;
  projects: Array<{ code: string; name: string }>;
  actions: string[];
  entityTypes: string[];
}) {
  const { t } = useTranslation();
  return (
    <Form
      method="get"
      className="panel history-filters"
      aria-label={t("history.filters.legend")}
      data-testid="history-filters"
    >
      <div className="filter-grid">
        <div className="field">
          <label htmlFor="hf-from">{t("history.filters.from")}</label>
          <input id="hf-from" type="date" name="from" defaultValue={values.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="hf-to">{t("history.filters.to")}</label>
          <input id="hf-to" type="date" name="to" defaultValue={values.to ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="hf-project">{t("history.filters.project")}</label>
          <select id="hf-project" name="project" defaultValue={values.project ?? ""}>
            <option value="">{t("history.filters.allProjects")}</option>
            {projects.map((p) => (
              <option key={p.code} value={p.code}>
                {p.code} — {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="hf-entity">{t("history.filters.entity")}</label>
          <input
            id="hf-entity"
            name="entity"
            list="hf-entity-types"
            defaultValue={values.entity ?? ""}
            autoComplete="off"
          />
          <datalist id="hf-entity-types">
            {entityTypes.map((e) => (
              <option key={e} value={e} />
            ))}
          </datalist>
        </div>
        <div className="field">
          <label htmlFor="hf-entity-id">{t("history.filters.entityId")}</label>
          <input id="hf-entity-id" name="entityId" defaultValue={values.entityId ?? ""} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="hf-actor">{t("history.filters.actor")}</label>
          <input id="hf-actor" type="email" name="actor" defaultValue={values.actor ?? ""} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="hf-action">{t("history.filters.action")}</label>
          <input id="hf-action" name="action" list="hf-actions" defaultValue={values.action ?? ""} autoComplete="off" />
          <datalist id="hf-actions">
            {actions.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
        </div>
      </div>
      <div className="wf-buttons">
        <button type="submit">{t("history.filters.apply")}</button>
        <Link to="." className="button secondary">
          {t("history.filters.reset")}
        </Link>
      </div>
    </Form>
  );
}
