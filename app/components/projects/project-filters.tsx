import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  INSTITUTIONS,
  PROJECT_SORTS,
  PROJECT_STATUSES,
  RATING_FILTERS,
  type ProjectListQuery,
} from "~/schemas/project";

/** The choices, each name in the reader's language. */
type Options = {
  frameworks: { id: string; code: string; priorityAreas: { id: string; code: string; name: string }[] }[];
  agencies: { id: string; name: string }[];
};

/** The list's filters as a plain GET form: the whole view lives in the URL, so it can be bookmarked and shared. */
export function ProjectFilters({
  query,
  options,
  canSeeArchived,
}: {
  query: ProjectListQuery;
  options: Options;
  canSeeArchived: boolean;
}) {
  const { t } = useTranslation();
  // Remounting on a new query keeps the uncontrolled inputs in step with the URL (back/forward, links).
  const key = JSON.stringify(query);
  return (
    <Form
      method="get"
      className="panel project-filters"
      key={key}
      role="search"
      aria-label={t("projects.list.filtersLabel")}
    >
      <div className="field project-filters-search">
        <label htmlFor="filter-q">{t("projects.list.search")}</label>
        <input
          id="filter-q"
          name="q"
          type="search"
          defaultValue={query.q ?? ""}
          placeholder={t("projects.list.searchPlaceholder")}
        />
      </div>
      <Select id="framework" label={t("projects.fields.framework")} value={query.framework}>
        {options.frameworks.map((f) => (
          <option key={f.id} value={f.id}>
            {f.code}
          </option>
        ))}
      </Select>
      <Select id="priorityArea" label={t("projects.fields.priorityArea")} value={query.priorityArea}>
        {options.frameworks.map((f) => (
          <optgroup key={f.id} label={f.code}>
            {f.priorityAreas.map((a) => (
              <option key={a.id} value={a.id}>
                {a.code} — {a.name}
              </option>
            ))}
          </optgroup>
        ))}
      </Select>
      <Select id="institution" label={t("projects.fields.institution")} value={query.institution}>
        {INSTITUTIONS.map((i) => (
          <option key={i} value={i}>
            {t(`domain.institution.${i}`)}
          </option>
        ))}
      </Select>
      <Select id="agency" label={t("projects.fields.implementingAgency")} value={query.agency}>
        {options.agencies.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </Select>
      <Select id="status" label={t("projects.fields.status")} value={query.status}>
        {PROJECT_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`domain.projectStatus.${s}`)}
          </option>
        ))}
      </Select>
      <Select id="rating" label={t("projects.list.rating")} value={query.rating}>
        {RATING_FILTERS.map((r) => (
          <option key={r} value={r}>
            {r === "unsatisfactory" || r === "none"
              ? t(`projects.list.ratingFilter.${r}`)
              : `${r} — ${t(`domain.rating.${r}`)}`}
          </option>
        ))}
      </Select>
      <div className="field">
        <label htmlFor="filter-sort">{t("projects.list.sortBy")}</label>
        <select id="filter-sort" name="sort" defaultValue={query.sort}>
          {PROJECT_SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`projects.list.sort.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-dir">{t("projects.list.direction")}</label>
        <select id="filter-dir" name="dir" defaultValue={query.dir}>
          <option value="asc">{t("projects.list.asc")}</option>
          <option value="desc">{t("projects.list.desc")}</option>
        </select>
      </div>
      {canSeeArchived ? (
        <div className="field project-filters-check">
          <label>
            <input type="checkbox" name="archived" value="1" defaultChecked={query.archived === "1"} />{" "}
            {t("projects.list.includeArchived")}
          </label>
        </div>
      ) : null}
      <div className="project-filters-actions">
        <button type="submit">{t("common.actions.apply")}</button>
        <Link to="/projects" className="button secondary">
          {t("common.actions.reset")}
        </Link>
      </div>
    </Form>
  );
}

function Select({
  id,
  label,
  value,
  children,
}: {
  id: string;
  label: string;
  value: string | undefined;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={`filter-${id}`}>{label}</label>
      <select id={`filter-${id}`} name={id} defaultValue={value ?? ""}>
        <option value="">{t("projects.list.any")}</option>
        {children}
      </select>
    </div>
  );
}
