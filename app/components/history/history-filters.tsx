import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isTranslationKey, labelKey } from "~/i18n/keys";
import type { RecordRef } from "~/lib/audit-render/types";
import { DayFilterField } from "~/components/ui/day-filter-field";
import { rememberedValues } from "./remembered";
import { RecordLink } from "./shown-value";

export type FilterValues = Partial<
  Record<"from" | "to" | "project" | "entity" | "entityId" | "actor" | "action", string>
>;

/** The first choices of a list that can grow, and how many there are in all. */
type Capped<T> = { items: T[]; total: number };

export type FilterChoices = {
  projects: Capped<{ code: string; name: string }>;
  /** Entity types and actions found in the log (the URL keeps their stored names). */
  entityTypes: string[];
  actions: string[];
  people: Capped<{ name: string; email: string }>;
  /** The one record an `entityId` filter names, when it has a name. */
  record: RecordRef | null;
};

/**
 * The history filters as pickers in a GET form: the URL keeps the parameters it always had (`project` = code,
 * `entity`, `entityId`, `actor` = e-mail, `action`, `from`, `to`), so bookmarks and the links of other pages work.
 */
export function HistoryFilters({ values, choices }: { values: FilterValues; choices: FilterChoices }) {
  const { t } = useTranslation();
  return (
    <Form
      method="get"
      className="panel history-filters"
      aria-label={t("history.filters.legend")}
      data-testid="history-filters"
    >
      {values.entityId ? (
        <p className="notice" data-testid="history-one-record">
          {t("history.filters.oneRecord")}{" "}
          {choices.record ? <RecordLink record={choices.record} /> : <code>{values.entityId}</code>}{" "}
          <Link to={clearRecordHref(values)}>{t("history.filters.allRecords")}</Link>
          <input type="hidden" name="entityId" value={values.entityId} />
        </p>
      ) : null}
      <div className="filter-grid">
        <ProjectPicker value={values.project} projects={choices.projects} />
        <KindPicker value={values.entity} entityTypes={choices.entityTypes} />
        <ChangePicker value={values.action} actions={choices.actions} />
        <PersonPicker value={values.actor} people={choices.people} />
        <DayFilterField id="hf-from" name="from" label={t("history.filters.from")} defaultValue={values.from} />
        <DayFilterField id="hf-to" name="to" label={t("history.filters.to")} defaultValue={values.to} />
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

function clearRecordHref(values: FilterValues): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value && name !== "entityId") params.set(name, value);
  const query = params.toString();
  return query ? `?${query}` : ".";
}

function ProjectPicker({ value, projects }: { value?: string; projects: FilterChoices["projects"] }) {
  const { t } = useTranslation();
  if (projects.total > projects.items.length) {
    return (
      <SuggestField
        id="hf-project"
        name="project"
        label={t("history.filters.project")}
        value={value}
        placeholder={t("pickers.anyProjectPlaceholder")}
        note={t("pickers.typeToFind", { shown: projects.items.length, total: projects.total })}
        options={projects.items.map((p) => ({ value: p.code, label: p.name }))}
      />
    );
  }
  return (
    <div className="field">
      <label htmlFor="hf-project">{t("history.filters.project")}</label>
      <select id="hf-project" name="project" defaultValue={value ?? ""}>
        <option value="">{t("history.filters.allProjects")}</option>
        {value && !projects.items.some((p) => p.code === value) ? <option value={value}>{value}</option> : null}
        {projects.items.map((p) => (
          <option key={p.code} value={p.code}>
            {p.name} ({p.code})
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A picker over more choices than a page should carry: a text field that takes what the URL keeps (a project code,
 * an e-mail address) and suggests the first choices by their names; empty means "all".
 */
function SuggestField(props: {
  id: string;
  name: string;
  label: string;
  value?: string;
  placeholder: string;
  note: string;
  options: Array<{ value: string; label: string }>;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        name={props.name}
        type="search"
        list={`${props.id}-choices`}
        defaultValue={props.value ?? ""}
        placeholder={props.placeholder}
        aria-describedby={`${props.id}-note`}
        autoComplete="off"
      />
      <datalist id={`${props.id}-choices`}>
        {props.options.map((option) => (
          <option key={option.value} value={option.value} label={option.label} />
        ))}
      </datalist>
      <p className="muted small" id={`${props.id}-note`} data-testid={`${props.id}-showing`}>
        {props.note}
      </p>
    </div>
  );
}

/** The pickers' kinds and changes in a language: the same few lists on every visit (see remembered.ts). */
const kindLists = rememberedValues<Array<{ type: string; label: string }>>(100);
const changeLists =
  rememberedValues<Array<{ group: string; label: string; items: Array<{ action: string; label: string }> }>>(100);

function KindPicker({ value, entityTypes }: { value?: string; entityTypes: string[] }) {
  const { t, i18n } = useTranslation();
  const types = [...new Set([...entityTypes, ...(value ? [value] : [])])];
  const kinds = kindLists(`kinds|${i18n.language}|${types.join(",")}`, () =>
    types
      .map((type) => {
        const key = labelKey("audit.kinds", type);
        return { type, label: key ? t(key) : type };
      })
      .sort((a, b) => a.label.localeCompare(b.label)),
  );
  return (
    <div className="field">
      <label htmlFor="hf-entity">{t("history.filters.entity")}</label>
      <select id="hf-entity" name="entity" defaultValue={value ?? ""}>
        <option value="">{t("history.filters.anyKind")}</option>
        {kinds.map((kind) => (
          <option key={kind.type} value={kind.type}>
            {kind.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Kinds of change, grouped under the kind of record they concern (`project.archive` → Projects › Archived). */
function ChangePicker({ value, actions }: { value?: string; actions: string[] }) {
  const { t, i18n } = useTranslation();
  const all = [...new Set([...actions, ...(value ? [value] : [])])];
  const groups = changeLists(`changes|${i18n.language}|${all.join(",")}`, () => {
    const byGroup = new Map<string, { label: string; items: Array<{ action: string; label: string }> }>();
    for (const action of all) {
      const group = action.split(".")[0];
      const key = `audit.changes.${action}`;
      const groupKey = labelKey("audit.changeGroups", group);
      const entry = byGroup.get(group) ?? { label: groupKey ? t(groupKey) : group, items: [] };
      entry.items.push({ action, label: isTranslationKey(key) ? t(key) : action });
      byGroup.set(group, entry);
    }
    return [...byGroup].map(([group, entry]) => ({ group, ...entry }));
  });
  return (
    <div className="field">
      <label htmlFor="hf-action">{t("history.filters.action")}</label>
      <select id="hf-action" name="action" defaultValue={value ?? ""}>
        <option value="">{t("history.filters.anyChange")}</option>
        {groups.map((group) => (
          <optgroup key={group.group} label={group.label}>
            {group.items.map((item) => (
              <option key={item.action} value={item.action}>
                {item.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

function PersonPicker({ value, people }: { value?: string; people: FilterChoices["people"] }) {
  const { t } = useTranslation();
  if (people.total > people.items.length) {
    return (
      <SuggestField
        id="hf-actor"
        name="actor"
        label={t("history.filters.actor")}
        value={value}
        placeholder={t("pickers.anyonePlaceholder")}
        note={t("pickers.typePerson", { shown: people.items.length, total: people.total })}
        options={people.items.map((p) => ({ value: p.email, label: p.name }))}
      />
    );
  }
  return (
    <div className="field">
      <label htmlFor="hf-actor">{t("history.filters.actor")}</label>
      <select id="hf-actor" name="actor" defaultValue={value ?? ""}>
        <option value="">{t("history.filters.anyone")}</option>
        {value && !people.items.some((p) => p.email === value) ? <option value={value}>{value}</option> : null}
        {people.items.map((person) => (
          <option key={person.email} value={person.email}>
            {person.name}
          </option>
        ))}
      </select>
    </div>
  );
}
