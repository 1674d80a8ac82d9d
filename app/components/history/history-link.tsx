import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { decideGlobal } from "~/lib/permissions";
import { useRootData } from "~/root";

/**
 * "History" link for one record (a milestone, an indicator…), for the pages that show it. Renders nothing for
 * users who may not read history (officers); the history page checks again and scopes what it shows.
 */
export function HistoryLink({
  entityType,
  entityId,
  projectId,
  className,
}: {
  entityType: string;
  entityId: string;
  projectId?: string;
  className?: string;
}) {
  const { t } = useTranslation();
  const user = useRootData()?.user;
  if (!user) return null;
  const actor = { id: user.id, role: user.role, organizationId: "", organizationKind: user.organizationKind };
  if (decideGlobal(actor, "history.viewAll") !== "allow") return null;
  const params = new URLSearchParams({ entityType, entityId });
  const to = projectId ? `/projects/${projectId}/history?${params.toString()}` : `/history?${params.toString()}`;
  return (
    <Link to={to} className={className} data-testid="history-link">
      {t("history.link")}
    </Link>
  );
}
