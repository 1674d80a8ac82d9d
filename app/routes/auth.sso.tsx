import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { safeRedirectPath } from "~/lib/auth.server";
import { readFormData } from "~/lib/http.server";
import { isSsoConfigured, SsoProtocolError, startSsoSignIn } from "~/lib/oidc.server";

/** Starting a sign-in is a POST from the sign-in page's button; a GET (a bookmark) goes back to that page. */
export async function loader() {
  return redirect("/login");
}

/** Sends the browser to the organisation's provider, remembering state, nonce and PKCE verifier in a cookie. */
export async function action({ request }: ActionFunctionArgs) {
  if (!isSsoConfigured()) return redirect("/login");
  const form = await readFormData(request);
  const redirectTo = safeRedirectPath(form.get("redirectTo"));
  try {
    const { authorizationUrl, setCookie } = await startSsoSignIn(request, redirectTo);
    return redirect(authorizationUrl, { headers: { "Set-Cookie": setCookie } });
  } catch (error) {
    if (error instanceof SsoProtocolError) return redirect("/login?sso=unavailable");
    throw error;
  }
}
