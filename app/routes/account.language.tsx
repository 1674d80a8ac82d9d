import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { LOCALES } from "~/i18n/config";
import { auditContextFor, getOptionalUser, safeRedirectPath } from "~/lib/auth.server";
import { readFormData } from "~/lib/http.server";
import { localeCookie } from "~/lib/locale.server";
import { enforceRateLimit } from "~/lib/rate-limit.server";
import { parseForm } from "~/lib/validation.server";
import { setUserLocale } from "~/models/user.server";

const LanguageSchema = z.object({ locale: z.enum(LOCALES), redirectTo: z.string().optional() });

export async function loader() {
  return redirect("/");
}

/** Signed-in users keep their language on their profile; visitors in a cookie. */
export async function action({ request }: ActionFunctionArgs) {
  const parsed = parseForm(LanguageSchema, await readFormData(request));
  // A resource route must answer with a Response (Remix would wrap a plain object itself and warn on every call),
  // and it has no page to show field errors on: the header's form never sends an unknown language.
  if (!parsed.ok) return new Response("Unknown language.", { status: 400, headers: { "Content-Type": "text/plain" } });
  const { locale, redirectTo } = parsed.data;
  const user = await getOptionalUser(request);
  // Each switch of a signed-in user is an audit event; a visitor's only sets a cookie.
  if (user) enforceRateLimit(user, "languageSwitch");
  if (user) await setUserLocale({ userId: user.id, locale, context: auditContextFor(user) });
  return redirect(safeRedirectPath(redirectTo), { headers: { "Set-Cookie": await localeCookie.serialize(locale) } });
}
