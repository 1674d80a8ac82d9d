import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLocalizedName } from "~/i18n/use-localized-name";
import type { LocalizedName } from "~/lib/localized-name";

/** GET form: the filters live in the URL, so a board view can be bookmarked and shared. */
export function BoardFilters({
  frameworks,
  areas,
  selected,
  action = "/board",
}: {
  frameworks: ({ id: string; code: string } & LocalizedName)[];
  /** Priority areas to narrow to, with the search box (the board offers both; other pages need not). */
  areas?: { id: string; name: LocalizedName }[];
  selected: { frameworkId?: string; institution?: string; areaId?: string; q?: string };
  action?: string;
}) {
  const { t } = useTranslation();
  const ln = useLocalizedName();
  return (
    <Form method="get" action={action} className="filter-bar" aria-label={t("portfolio.board.filtersLabel")}>
      <div className="field">
        <label htmlFor="board-framework">{t("portfolio.board.framework")}</label>
        <select id="board-framework" name="frameworkId" defaultValue={selected.frameworkId ?? ""}>
          <option value="">{t("portfolio.board.allFrameworks")}</option>
          {frameworks.map((f) => (
            <option key={f.id} value={f.id}>
              {ln(f)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="board-institution">{t("portfolio.board.institution")}</label>
        <select id="board-institution" name="institution" defaultValue={selected.institution ?? ""}>
          <option value="">{t("portfolio.board.allInstitutions")}</option>
          {(["WB", "IFC", "JOINT"] as const).map((i) => (
            <option key={i} value={i}>
              {t(`domain.institution.${i}`)}
            </option>
          ))}
        </select>
      </div>
      {areas ? (
        <>
          <div className="field">
            <label htmlFor="board-area">{t("lists.board.area")}</label>
            <select id="board-area" name="areaId" defaultValue={selected.areaId ?? ""}>
              <option value="">{t("lists.board.allAreas")}</option>
              {areas.map((a) => (
                <option key={a.id} value={a.id}>
                  {ln(a.name)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="board-q">{t("lists.board.search")}</label>
            <input id="board-q" name="q" type="search" maxLength={100} defaultValue={selected.q ?? ""} />
          </div>
        </>
      ) : null}
      <div className="filter-actions">
        <button type="submit">{t("common.actions.apply")}</button>
        <Link to={action} className="button secondary">
          {t("common.actions.reset")}
        </Link>
      </div>
    </Form>
  );
}
