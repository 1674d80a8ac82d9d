import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { safeRedirectPath } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { resolveLocale } from "~/lib/locale.server";
import { clearPendingCookie, finishSsoSignIn, SsoProtocolError } from "~/lib/oidc.server";
import { signInWithSso } from "~/lib/sso-login.server";
import type { SsoOutcome } from "~/lib/sso-outcome";

function backToLogin(outcome: SsoOutcome | { throttledMinutes: number }, clearCookie: string) {
  const query = typeof outcome === "string" ? `sso=${outcome}` : `sso=throttled&minutes=${outcome.throttledMinutes}`;
  return redirect(`/login?${query}`, { headers: { "Set-Cookie": clearCookie } });
}

/**
 * Where the provider sends the browser back. Every answer clears the pending sign-in, so the same callback address
 * (a replayed code, a tampered state) never works twice; what went wrong is shown on the sign-in page.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const clearCookie = await clearPendingCookie();
  let finished: Awaited<ReturnType<typeof finishSsoSignIn>>;
  try {
    finished = await finishSsoSignIn(request);
  } catch (error) {
    if (error instanceof SsoProtocolError) return backToLogin("failed", clearCookie);
    throw error;
  }
  const result = await signInWithSso(finished.claims, request, { locale: await resolveLocale(request) });
  if (!result.ok) {
    return result.reason === "throttled"
      ? backToLogin({ throttledMinutes: result.retryAfterMinutes }, clearCookie)
      : backToLogin(result.reason, clearCookie);
  }
  const headers = new Headers();
  headers.append("Set-Cookie", clearCookie);
  headers.append("Set-Cookie", result.setCookie);
  const target = safeRedirectPath(finished.redirectTo);
  if (result.created) return redirectWithFlash(target, { kind: "success", key: "sso.created" }, { headers });
  return redirect(target, { headers });
}
