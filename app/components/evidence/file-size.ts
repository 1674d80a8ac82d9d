import { useTranslation } from "react-i18next";
import { useFormat } from "~/i18n/format";

/** "840 KB", "2.4 MB" in the reader's language (1 KB = 1,024 bytes, as file managers count). */
export function useFileSize() {
  const { t } = useTranslation();
  const format = useFormat();
  return (bytes: number): string => {
    if (bytes < 1024) return t("evidence.size.bytes", { value: format.number(bytes) });
    if (bytes < 1024 * 1024)
      return t("evidence.size.kb", { value: format.number(Math.max(1, Math.round(bytes / 1024))) });
    return t("evidence.size.mb", { value: format.number(Math.round((bytes / (1024 * 1024)) * 10) / 10) });
  };
}
