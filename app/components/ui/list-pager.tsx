import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export type Paging = { page: number; pages: number; from: number; to: number; total: number };

/** The address of another page of a list: the list's own filters (kept as they are) and `page`. */
export function pageHref(path: string, filters: Record<string, string | undefined>, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** "Showing 26–50 of 612." above a paged list; nothing when the list fits on one page. */
export function ShowingRange({ paging }: { paging: Paging }) {
  const { t } = useTranslation();
  if (paging.pages <= 1) return null;
  return (
    <p className="muted" data-testid="showing-note">
      {t("lists.showingRange", { from: paging.from, to: paging.to, total: paging.total })}
    </p>
  );
}

/** Previous / "Page 2 of 9" / next under a paged list, keeping the list's filters; nothing for a single page. */
export function ListPager({ paging, href }: { paging: Paging; href: (page: number) => string }) {
  const { t } = useTranslation();
  if (paging.pages <= 1) return null;
  return (
    <nav className="pager" aria-label={t("lists.pagination")} data-testid="list-pager">
      {paging.page > 1 ? (
        <Link to={href(paging.page - 1)} rel="prev">
          {t("lists.previous")}
        </Link>
      ) : null}
      <span>{t("lists.pageOf", { page: paging.page, pages: paging.pages })}</span>
      {paging.page < paging.pages ? (
        <Link to={href(paging.page + 1)} rel="next">
          {t("lists.next")}
        </Link>
      ) : null}
    </nav>
  );
}
