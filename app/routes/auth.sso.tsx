import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { safeRedirectPath } from "~/lib/auth.server";
import { isSsoConfigured, SsoProtocolError, startSsoSignIn } from "~/lib/oidc.server";

/**
 * Sends the browser to the organisation's provider, remembering state, nonce and PKCE verifier in a cookie.
 * A GET from a link, not a form post: the site's Content-Security-Policy allows forms to post to this site only
 * (form-action 'self'), and browsers apply that to the redirect a post answers with. Starting a sign-in writes
 * nothing and signs nobody in, so a link that starts one from elsewhere does no harm.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  if (!isSsoConfigured()) return redirect("/login");
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"));
  try {
    const { authorizationUrl, setCookie } = await startSsoSignIn(request, redirectTo);
    return redirect(authorizationUrl, { headers: { "Set-Cookie": setCookie, "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof SsoProtocolError) return redirect("/login?sso=unavailable");
    throw error;
  }
}
