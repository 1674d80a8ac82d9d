import type { Locale } from "~/i18n/config";
import { resolveLocale } from "./locale.server";
import { linkPageLocale } from "./mail/link-route.server";
import { memoizeForRequest } from "./request.server";

/**
 * The language a page is written in: the root loader sends it to the browser, and a loader that writes words on the
 * server (the board's cards) writes them in the same one. Resolved once per request.
 */
export function pageLocale(request: Request, userLocale: string | null | undefined): Promise<Locale> {
  return memoizeForRequest("page-locale", () => resolveLocale(request, userLocale, () => linkPageLocale(request)));
}
