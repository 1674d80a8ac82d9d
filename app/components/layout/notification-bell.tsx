import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/**
 * The bell's name per language and count, remembered (bundled strings: exact): every signed-in page shows it, and
 * the plural's interpolation ran on each. Counts are few; the map starts over past a bound.
 */
const bellLabels = new Map<string, string>();
const BELL_LABELS_LIMIT = 1_000;

/** The header's link to the notifications page; its name says how many are unread (the icon alone says nothing). */
export function NotificationBell({ count }: { count: number }) {
  const { t, i18n } = useTranslation();
  const remembered = `${i18n.language}\u0000${count}`;
  let label = bellLabels.get(remembered);
  if (label === undefined) {
    label = t("notify.bell.unread", { count });
    if (bellLabels.size >= BELL_LABELS_LIMIT) bellLabels.clear();
    bellLabels.set(remembered, label);
  }
  return (
    <Link
      to="/notifications"
      className="notification-bell"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
    >
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
      </svg>
      {count > 0 ? (
        <span className="notification-count" data-testid="notification-count">
          {count > 99 ? "99+" : count}
        </span>
      ) : null}
    </Link>
  );
}
