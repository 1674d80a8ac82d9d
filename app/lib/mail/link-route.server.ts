import type { UserTokenPurpose } from "~/generated/prisma/client";
import { isLocale } from "~/i18n/config";
import { answerRefused, readFormData } from "~/lib/http.server";
import { localeCookie } from "~/lib/locale.server";
import { currentRequest } from "~/lib/request.server";
import { createSessionCookie } from "~/lib/session.server";
import { parseForm } from "~/lib/validation.server";
import {
  findUsableLink,
  linkAccountLocale,
  setPasswordWithLink,
  UnusableLinkError,
} from "~/models/account-links.server";
import { SetPasswordSchema } from "~/schemas/mail";
import { redirectWithFlash } from "../flash.server";

const ADDRESS = { intent: "setPassword" };

/** The pages e-mail links open, and the kind of link each takes. */
const LINK_PAGES: Record<string, UserTokenPurpose> = { "/invite": "INVITATION", "/reset-password": "PASSWORD_RESET" };

/**
 * On a link page, the language of the account the link was sent to: the page speaks it to a visitor who has not
 * chosen a language (root.tsx), so an invitation sent in Kazakh opens in Kazakh on any computer. Null elsewhere.
 */
export async function linkPageLocale(request: Request): Promise<string | null> {
  const url = new URL(request.url);
  const purpose = LINK_PAGES[url.pathname];
  return purpose ? linkAccountLocale(url.searchParams.get("token"), purpose) : null;
}

/** The loader of a link page: the person the link is for, or `usable: false` (the same for every reason). */
export async function loadLinkPage(request: Request, purpose: UserTokenPurpose) {
  const token = new URL(request.url).searchParams.get("token");
  const found = await findUsableLink(token, purpose);
  if (!found) return { usable: false as const };
  return { usable: true as const, name: found.user.name, email: found.user.email };
}

/**
 * The action of a link page: sets the password, ends every session of the user, signs this browser in and goes
 * home. An unusable link (also one used meanwhile) is a 409 answer the page shows as the "link unusable" panel.
 */
export async function setPasswordFromLinkPage(request: Request, purpose: UserTokenPurpose) {
  const formData = await readFormData(request);
  // The page copies the link's token into the form; a post without it falls back to the address it was sent to.
  const token = formData.get("token") ?? new URL(request.url).searchParams.get("token");
  const parsed = parseForm(SetPasswordSchema, formData, ADDRESS);
  if (!parsed.ok) return parsed.response;
  const { requestId, ip } = currentRequest();
  // The language picked with the page's switcher (a visitor's cookie); an invitation keeps it for the new account.
  const chosen: unknown = await localeCookie.parse(request.headers.get("Cookie"));
  try {
    const { userId } = await setPasswordWithLink({
      token,
      purpose,
      password: parsed.data.password,
      locale: isLocale(chosen) ? chosen : null,
      context: { requestId, ip },
    });
    const setCookie = await createSessionCookie(userId, { ip, userAgent: request.headers.get("user-agent") });
    return redirectWithFlash(
      "/",
      { kind: "success", key: "mail.pages.passwordSet" },
      { headers: { "Set-Cookie": setCookie } },
    );
  } catch (error) {
    if (error instanceof UnusableLinkError) return answerRefused(ADDRESS, "mail.pages.linkBody", { status: 409 });
    throw error;
  }
}
