import { Link, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLabel } from "~/i18n/keys";
import { useFormat } from "~/i18n/format";
import type { ProjectSort } from "~/schemas/project";
import { RatingBadgeOf } from "./rating-badge";

export type ProjectRow = {
  id: string;
  code: string;
  name: string;
  institution: string;
  status: string;
  archived: boolean;
  commitmentCents: number;
  disbursedShare: number | null;
  closingDate: string | null;
  /** The implementing agency's name in the reader's language. */
  agency: string;
  priorityArea: string;
  latestRating: { pdo: string; ip: string; risk: string; ratedOn: string } | null;
};

/** A link to the same list with some parameters changed (and back to page 1 unless the page is what changes). */
export function useListHref() {
  const [params] = useSearchParams();
  return (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    if (!("page" in changes)) next.delete("page");
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === "") next.delete(key);
      else next.set(key, value);
    }
    const search = next.toString();
    return search ? `?${search}` : "?";
  };
}

function SortHeader({
  column,
  label,
  sort,
  dir,
  numeric,
}: {
  column: ProjectSort;
  label: string;
  sort: ProjectSort;
  dir: "asc" | "desc";
  numeric?: boolean;
}) {
  const { t } = useTranslation();
  const href = useListHref();
  const active = sort === column;
  const nextDir = active && dir === "asc" ? "desc" : "asc";
  return (
    <th
      scope="col"
      className={numeric ? "num" : undefined}
      aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}
    >
      <Link to={href({ sort: column, dir: nextDir })} title={t("projects.list.sortByColumn", { column: label })}>
        {label}
        {active ? <span aria-hidden="true">{dir === "asc" ? " ▲" : " ▼"}</span> : null}
      </Link>
    </th>
  );
}

export function ProjectTable({
  projects,
  sort,
  dir,
}: {
  projects: ProjectRow[];
  sort: ProjectSort;
  dir: "asc" | "desc";
}) {
  const { t } = useTranslation();
  const codeLabel = useLabel();
  const format = useFormat();
  // Words every row repeats, translated once per table rather than once per row.
  const words = {
    pdoShort: t("projects.ratings.pdoShort"),
    ipShort: t("projects.ratings.ipShort"),
    unrated: t("projects.ratings.none"),
    archived: t("projects.archived"),
  };
  return (
    <div className="table-wrap">
      <table data-testid="project-list">
        <caption className="visually-hidden">{t("projects.list.caption")}</caption>
        <thead>
          <tr>
            <SortHeader column="code" label={t("projects.fields.code")} sort={sort} dir={dir} />
            <SortHeader column="name" label={t("projects.fields.name")} sort={sort} dir={dir} />
            <th scope="col">{t("projects.fields.institution")}</th>
            <th scope="col">{t("projects.fields.implementingAgency")}</th>
            <th scope="col">{t("projects.fields.status")}</th>
            <SortHeader column="commitment" label={t("projects.fields.commitment")} sort={sort} dir={dir} numeric />
            <SortHeader column="disbursed" label={t("projects.fields.disbursedShare")} sort={sort} dir={dir} numeric />
            <SortHeader column="closing" label={t("projects.fields.closingDate")} sort={sort} dir={dir} />
            <SortHeader column="rating" label={t("projects.list.latestRating")} sort={sort} dir={dir} />
          </tr>
        </thead>
        <tbody>
          {projects.map((p) => (
            <tr key={p.id} data-project-code={p.code}>
              <td>
                <code>{p.code}</code>
              </td>
              <td>
                <Link to={`/projects/${p.id}`}>{p.name}</Link>
                <div className="muted small">
                  {p.priorityArea}
                  {p.archived ? (
                    <>
                      {" "}
                      <span className="badge">{words.archived}</span>
                    </>
                  ) : null}
                </div>
              </td>
              <td>{codeLabel("domain.institution", p.institution)}</td>
              <td>{p.agency}</td>
              <td>{codeLabel("domain.projectStatus", p.status)}</td>
              <td className="num">{format.moneyFromCents(p.commitmentCents)}</td>
              <td className="num">{format.percent(p.disbursedShare)}</td>
              <td>{format.date(p.closingDate)}</td>
              <td>
                {p.latestRating ? (
                  <span className="rating-pair">
                    <RatingBadgeOf value={p.latestRating.pdo} label={words.pdoShort} name={codeLabel} />{" "}
                    <RatingBadgeOf value={p.latestRating.ip} label={words.ipShort} name={codeLabel} />
                  </span>
                ) : (
                  <span className="muted">{words.unrated}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Pagination({ page, pages, total }: { page: number; pages: number; total: number }) {
  const { t } = useTranslation();
  const href = useListHref();
  return (
    <nav className="pagination" aria-label={t("projects.list.pagination")}>
      <span className="muted">{t("common.pagination.showing", { count: total })}</span>
      {page > 1 ? (
        <Link to={href({ page: String(page - 1) })} rel="prev">
          ← {t("common.actions.previous")}
        </Link>
      ) : null}
      <span>{t("common.pagination.page", { page, pages })}</span>
      {page < pages ? (
        <Link to={href({ page: String(page + 1) })} rel="next">
          {t("common.actions.next")} →
        </Link>
      ) : null}
    </nav>
  );
}
