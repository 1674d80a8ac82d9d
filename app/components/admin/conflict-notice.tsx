import { useTranslation } from "react-i18next";

/**
 * Shown when someone else saved first (409): what the record looks like now. The form keeps the admin's input and
 * takes the current version, so saving again overwrites knowingly.
 */
export function ConflictNotice({
  current,
  labels,
}: {
  current: Record<string, unknown> | null;
  labels: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <div className="form-error" role="alert" data-testid="conflict">
      <p>{t("admin.conflict.message")}</p>
      {current ? (
        <dl>
          {Object.entries(labels).map(([field, label]) => (
            <div key={field}>
              <dt>{label}</dt>
              <dd>{String(current[field] ?? "—")}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <p>{t("admin.conflict.keep")}</p>
    </div>
  );
}
