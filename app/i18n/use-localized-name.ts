import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { localizedName, type LocalizedNameRow } from "~/lib/localized-name";

/** localizedName bound to the page's language: `const ln = useLocalizedName(); ln(project.agency)`. */
export function useLocalizedName(): (row: LocalizedNameRow) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback((row: LocalizedNameRow) => localizedName(row, language), [language]);
}
