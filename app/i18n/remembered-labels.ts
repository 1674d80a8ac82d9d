import type { i18n as I18n, TFunction } from "i18next";
import { useTranslation } from "react-i18next";

/**
 * A part of a page's words (a header's, a board's), built once per language. Every string is bundled and an i18next
 * instance never changes its language (i18n/config.ts), so what `build` returns for a language is fixed: remembering
 * it is exact, and at most one entry is kept per language. Shells and lists asked i18next for the same dozens of
 * labels on every request.
 */
export function rememberedPerLanguage<T>(build: (t: TFunction, language: string) => T) {
  const remembered = new Map<string, T>();
  return function recall(i18n: I18n): T {
    const known = remembered.get(i18n.language);
    if (known !== undefined) return known;
    const value = build(i18n.getFixedT(i18n.language), i18n.language);
    remembered.set(i18n.language, value);
    return value;
  };
}

/** The remembered words of `recall` in the page's language. */
export function useRemembered<T>(recall: (i18n: I18n) => T): T {
  const { i18n } = useTranslation();
  return recall(i18n);
}
