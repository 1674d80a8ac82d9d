import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ConflictValue } from "~/lib/action-result";

/**
 * A 409: someone saved first. Shows the record as it is now (the fields named in `labels`, in that order) while
 * the form keeps the user's unsaved input. `children` adds what a form offers beyond that (e.g. "use their
 * version").
 */
export function ConflictNotice({
  current,
  labels,
  format,
  children,
}: {
  current: Record<string, ConflictValue | undefined> | null;
  labels: Record<string, string>;
  format?: (field: string, value: ConflictValue) => string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  if (!current) return null;
  const rows = Object.entries(labels).filter(([field]) => field in current);
  return (
    <div className="form-error conflict-notice" role="alert" data-testid="conflict-notice">
      <strong>{t("common.conflict.title")}</strong>
      <p>{t("common.conflict.body")}</p>
      <dl className="conflict-values">
        {rows.map(([field, label]) => {
          const value = current[field] ?? null;
          return (
            <div key={field}>
              <dt>{label}</dt>
              <dd>{format ? format(field, value) : value === null || value === "" ? "—" : String(value)}</dd>
            </div>
          );
        })}
      </dl>
      {children}
      <p>{t("common.conflict.retry")}</p>
    </div>
  );
}
