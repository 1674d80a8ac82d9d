import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** "Showing N of M." under a list cut short, with a link to where the whole list is. Nothing when nothing was cut. */
export function ShowingNote({ shown, total, to, label }: { shown: number; total: number; to: string; label: string }) {
  const { t } = useTranslation();
  if (total <= shown) return null;
  return (
    <p className="muted" data-testid="showing-note">
      {t("lists.showing", { shown, total })} <Link to={to}>{label}</Link>
    </p>
  );
}
