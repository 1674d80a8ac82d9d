import type { MetaFunction } from "@remix-run/node";
import { createI18n, DEFAULT_LOCALE, isLocale } from "~/i18n/config";
import type { TranslationKey } from "~/i18n/keys";

type Matches = Parameters<MetaFunction>[0]["matches"];

/** The page's language, from the root loader's data (meta functions have no React context). */
function localeOf(matches: Matches) {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined;
  return isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE;
}

/** `<title>` in the user's language: "<translated key> · Qadam", optionally prefixed (e.g. a project code). */
export function pageTitle(matches: Matches, key: TranslationKey, prefix?: string): string {
  const label = createI18n(localeOf(matches)).t(key);
  return [prefix, label, "Qadam"].filter(Boolean).join(" · ");
}

/** A meta function for a page whose title is one translated key. */
export function titled(key: TranslationKey): MetaFunction {
  return ({ matches }) => [{ title: pageTitle(matches, key) }];
}
