import type { MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse } from "@remix-run/react";
import { createI18n, DEFAULT_LOCALE, isLocale } from "~/i18n/config";
import type { TranslationKey } from "~/i18n/keys";

type MetaArgs = Parameters<MetaFunction>[0];
type Matches = MetaArgs["matches"];

/** The page's language, from the root loader's data (meta functions have no React context). */
function localeOf(matches: Matches) {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined;
  return isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE;
}

/** "<part> · <part> · Qadam": the most specific part first, so a browser tab shows what differs. */
function joinTitle(parts: (string | undefined)[]): string {
  return [...parts, "Qadam"].filter(Boolean).join(" · ");
}

/** An error page's title says what went wrong ("Page not found · Qadam"), not the name of the page that failed. */
function errorTitle(matches: Matches, error: unknown): string {
  const t = createI18n(localeOf(matches)).t;
  if (isRouteErrorResponse(error) && error.status === 404) return joinTitle([t("common.errors.notFoundTitle")]);
  if (isRouteErrorResponse(error) && error.status === 403) return joinTitle([t("common.errors.forbiddenTitle")]);
  return joinTitle([t("common.errors.title")]);
}

/** `<title>` in the user's language: "<translated key> · Qadam", optionally prefixed (e.g. a project code). */
export function pageTitle(matches: Matches, key: TranslationKey, prefix?: string): string {
  const label = createI18n(localeOf(matches)).t(key);
  return joinTitle([prefix, label]);
}

/**
 * A meta function for a page titled by a translated key, under an optional section, after an optional record name:
 * "Users · Administration · Qadam", "Aliya Zhaksylykova · Users · Administration · Qadam".
 */
export function titled<Data = unknown>(
  key: TranslationKey,
  sectionKey?: TranslationKey,
  recordName?: (data: Data) => string | undefined,
) {
  return ({ data, matches, error }: { data: Data | undefined; matches: Matches; error?: unknown }) => {
    if (error) return [{ title: errorTitle(matches, error) }];
    const t = createI18n(localeOf(matches)).t;
    const name = data && recordName ? recordName(data) : undefined;
    return [{ title: joinTitle([name, t(key), sectionKey ? t(sectionKey) : undefined]) }];
  };
}

/** The project's code, from the project layout's data: every page inside a project names it in its title. */
function projectCodeOf(matches: Matches): string | undefined {
  const layout = matches.find((m) => m.id === "routes/projects.$projectId")?.data as
    { project?: { code?: unknown } } | undefined;
  return typeof layout?.project?.code === "string" ? layout.project.code : undefined;
}

/** A page inside a project: "Milestones · P199902 · Qadam", or a record's own name first ("<milestone> · P199902"). */
export function projectPageTitle<Data>(key: TranslationKey, recordName?: (data: Data) => string | undefined) {
  return ({ data, matches, error }: { data: Data | undefined; matches: Matches; error?: unknown }) => {
    if (error) return [{ title: errorTitle(matches, error) }];
    const t = createI18n(localeOf(matches)).t;
    const name = data && recordName ? recordName(data) : undefined;
    return [{ title: joinTitle([name ?? t(key), projectCodeOf(matches)]) }];
  };
}

/** A page titled by its record alone ("<project name> · P199902 · Qadam"). */
export function recordTitled<Data>(recordName: (data: Data) => string) {
  return ({ data, matches, error }: { data: Data | undefined; matches: Matches; error?: unknown }) => [
    { title: error || !data ? errorTitle(matches, error) : joinTitle([recordName(data)]) },
  ];
}

/** The root's title: the error's title when the whole page failed (an unknown address, say), otherwise "Qadam". */
export const rootMeta: MetaFunction = ({ matches, error }) => [{ title: error ? errorTitle(matches, error) : "Qadam" }];
