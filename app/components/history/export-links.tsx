import { useTranslation } from "react-i18next";

/** Download links for the audit exports with the current filters (plain links: the browser handles the download). */
export function AuditExportLinks({ filters }: { filters: Record<string, string> }) {
  const { t } = useTranslation();
  const query = new URLSearchParams(filters).toString();
  const url = (file: string, extra?: string) => {
    const q = [query, extra].filter(Boolean).join("&");
    return `/exports/${file}${q ? `?${q}` : ""}`;
  };
  return (
    <p className="export-links" data-testid="history-export-links">
      <span>{t("history.exports.title")}:</span>
      <a href={url("audit.csv")} download>
        CSV
      </a>
      <a href={url("audit.csv", "bom=1")} download>
        {t("history.exports.csvBom")}
      </a>
      <a href={url("audit.xlsx")} download>
        XLSX
      </a>
      <a href={url("audit.ndjson")} download>
        NDJSON
      </a>
      <a href={url("evidence-pack.zip")} download title={t("evidence.pack.hint")} data-testid="evidence-pack-link">
        {t("evidence.pack.link")}
      </a>
    </p>
  );
}
