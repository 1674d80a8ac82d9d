import { Form, Link } from "@remix-run/react";
import { useRemembered } from "~/i18n/remembered-labels";
import { boardLabels } from "./board-labels";

/** GET form: the filters live in the URL, so a board view can be bookmarked and shared. */
export function BoardFilters({
  frameworks,
  areas,
  selected,
  action = "/board",
}: {
  /** Names already in the reader's language (the loader picks them). */
  frameworks: { id: string; name: string }[];
  /** Priority areas to narrow to, with the search box (the board offers both; other pages need not). */
  areas?: { id: string; name: string }[];
  selected: { frameworkId?: string; institution?: string; areaId?: string; q?: string };
  action?: string;
}) {
  const labels = useRemembered(boardLabels).filters;
  return (
    <Form method="get" action={action} className="filter-bar" aria-label={labels.label}>
      <div className="field">
        <label htmlFor="board-framework">{labels.framework}</label>
        <select id="board-framework" name="frameworkId" defaultValue={selected.frameworkId ?? ""}>
          <option value="">{labels.allFrameworks}</option>
          {frameworks.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="board-institution">{labels.institution}</label>
        <select id="board-institution" name="institution" defaultValue={selected.institution ?? ""}>
          <option value="">{labels.allInstitutions}</option>
          {labels.institutions.map(({ code, label }) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {areas ? (
        <>
          <div className="field">
            <label htmlFor="board-area">{labels.area}</label>
            <select id="board-area" name="areaId" defaultValue={selected.areaId ?? ""}>
              <option value="">{labels.allAreas}</option>
              {areas.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="board-q">{labels.search}</label>
            <input id="board-q" name="q" type="search" maxLength={100} defaultValue={selected.q ?? ""} />
          </div>
        </>
      ) : null}
      <div className="filter-actions">
        <button type="submit">{labels.apply}</button>
        <Link to={action} className="button secondary">
          {labels.reset}
        </Link>
      </div>
    </Form>
  );
}
