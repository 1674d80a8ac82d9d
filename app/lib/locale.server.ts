import { createCookie } from "@remix-run/node";
import { isLocale, localeFromAcceptLanguage, type Locale } from "~/i18n/config";

/** The language of a signed-out visitor; a signed-in user's language lives on their profile. */
export const localeCookie = createCookie("qadam_lang", { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });

export async function resolveLocale(request: Request, userLocale?: string | null): Promise<Locale> {
  if (isLocale(userLocale)) return userLocale;
  const fromCookie: unknown = await localeCookie.parse(request.headers.get("Cookie"));
  if (isLocale(fromCookie)) return fromCookie;
  return localeFromAcceptLanguage(request.headers.get("Accept-Language"));
}
