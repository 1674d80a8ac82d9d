import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Keyset pagination: "older" continues below the last seq shown; there is no page count to compute. */
export function HistoryPager({
  filters,
  before,
  nextBefore,
  count,
}: {
  filters: Record<string, string>;
  before: number | null;
  nextBefore: number | null;
  count: number;
}) {
  const { t } = useTranslation();
  const href = (cursor?: number) => {
    const params = new URLSearchParams(filters);
    if (cursor) params.set("before", String(cursor));
    const q = params.toString();
    return q ? `?${q}` : ".";
  };
  return (
    <nav className="history-pager" aria-label={t("history.pager.label")}>
      <span className="muted">{t("history.pager.showing", { count })}</span>
      {before ? <Link to={href()}>{t("history.pager.newest")}</Link> : null}
      {nextBefore ? (
        <Link to={href(nextBefore)} rel="next" data-testid="history-older">
          {t("history.pager.older")}
        </Link>
      ) : null}
    </nav>
  );
}
