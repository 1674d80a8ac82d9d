import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { LOCALES } from "~/i18n/config";
import { auditContextFor, getOptionalUser, safeRedirectPath } from "~/lib/auth.server";
import { localeCookie } from "~/lib/locale.server";
import { parseForm } from "~/lib/validation.server";
import { setUserLocale } from "~/models/user.server";

const LanguageSchema = z.object({ locale: z.enum(LOCALES), redirectTo: z.string().optional() });

export async function loader() {
  return redirect("/");
}

/** Signed-in users keep their language on their profile; visitors in a cookie. */
export async function action({ request }: ActionFunctionArgs) {
  const parsed = parseForm(LanguageSchema, await request.formData());
  if (!parsed.ok) return parsed.response;
  const { locale, redirectTo } = parsed.data;
  const user = await getOptionalUser(request);
  if (user) await setUserLocale({ userId: user.id, locale, context: auditContextFor(user) });
  return redirect(safeRedirectPath(redirectTo), { headers: { "Set-Cookie": await localeCookie.serialize(locale) } });
}
