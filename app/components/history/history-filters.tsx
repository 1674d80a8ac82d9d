import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SuggestField } from "./suggest-field";

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
        <SuggestField
          id="hf-entity"
          name="entity"
          label={t("history.filters.entity")}
          listId="hf-entity-types"
          suggestions={entityTypes}
          defaultValue={values.entity ?? ""}
        />
        <div className="field">
          <label htmlFor="hf-entity-id">{t("history.filters.entityId")}</label>
          <input id="hf-entity-id" name="entityId" defaultValue={values.entityId ?? ""} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="hf-actor">{t("history.filters.actor")}</label>
          <input id="hf-actor" type="email" name="actor" defaultValue={values.actor ?? ""} autoComplete="off" />
        </div>
        <SuggestField
          id="hf-action"
          name="action"
          label={t("history.filters.action")}
          listId="hf-actions"
          suggestions={actions}
          defaultValue={values.action ?? ""}
        />
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
