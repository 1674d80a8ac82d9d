import { createCookie } from "@remix-run/node";
import { isLocale, localeFromAcceptLanguage, type Locale } from "~/i18n/config";

/** The language of a signed-out visitor; a signed-in user's language lives on their profile. */
export const localeCookie = createCookie("qadam_lang", { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });

/**
 * The language of a page: the signed-in user's, else the one the visitor chose (cookie), else `fallback` (the
 * language of the account an e-mail link was sent to, on the link's page), else the browser's.
 */
export async function resolveLocale(
  request: Request,
  userLocale?: string | null,
  fallback?: () => Promise<string | null>,
): Promise<Locale> {
  if (isLocale(userLocale)) return userLocale;
  const fromCookie: unknown = await localeCookie.parse(request.headers.get("Cookie"));
  if (isLocale(fromCookie)) return fromCookie;
  const fromLink = fallback ? await fallback() : null;
  if (isLocale(fromLink)) return fromLink;
  return localeFromAcceptLanguage(request.headers.get("Accept-Language"));
}
