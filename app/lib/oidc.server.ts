import { createCookie } from "@remix-run/node";
import * as oidc from "openid-client";
import { z } from "zod";
import { getEnv } from "./env.server";
import { logger } from "./logger.server";
import { cookieSecure } from "./session.server";
import type { SsoClaims } from "./sso-rules";

/**
 * The OpenID Connect side of single sign-on (docs/decisions/0014-single-sign-on.md): the authorization code flow
 * with PKCE (S256), a random state and nonce, and openid-client's checks of the ID token (signature, issuer,
 * audience, expiry, nonce). What the browser must bring back — state, nonce, PKCE verifier — waits in a short-lived,
 * signed, httpOnly cookie scoped to /auth/sso, so starting a sign-in writes nothing to the database; the callback
 * clears it, so a callback URL works once.
 */

const CALLBACK_PATH = "/auth/sso/callback";
const SCOPE = "openid email profile";
const PENDING_MINUTES = 10;

type OidcSettings = { issuer: string; clientId: string; clientSecret: string | null; redirectUri: string | null };

function settings(): OidcSettings | null {
  const env = getEnv();
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID) return null;
  return {
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET ?? null,
    redirectUri: env.OIDC_REDIRECT_URI ?? null,
  };
}

/** Whether the sign-in page offers "Sign in with your organisation account". */
export function isSsoConfigured(): boolean {
  return settings() !== null;
}

/** Plain http is for a provider on this machine only (the tests' provider); anything else must use https. */
function isLoopback(url: URL): boolean {
  return ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
}

let discovered: Promise<oidc.Configuration> | undefined;

/** The provider's metadata and keys, read once per process; a failed read is retried by the next sign-in. */
function configuration(config: OidcSettings): Promise<oidc.Configuration> {
  if (!discovered) {
    const issuer = new URL(config.issuer);
    const insecure = issuer.protocol === "http:" && isLoopback(issuer);
    discovered = oidc
      .discovery(
        issuer,
        config.clientId,
        undefined,
        config.clientSecret ? oidc.ClientSecretBasic(config.clientSecret) : oidc.None(),
        insecure ? { execute: [oidc.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
      )
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
  }
  return discovered;
}

const PendingSchema = z.object({
  state: z.string().min(16),
  nonce: z.string().min(16),
  verifier: z.string().min(43),
  redirectTo: z.string(),
});
type Pending = z.infer<typeof PendingSchema>;

function pendingCookie() {
  return createCookie("qadam_sso", {
    path: "/auth/sso",
    httpOnly: true,
    // Lax: the provider sends the browser back with a top-level GET, which carries Lax cookies.
    sameSite: "lax",
    secure: cookieSecure(),
    maxAge: PENDING_MINUTES * 60,
    secrets: [getEnv().SESSION_SECRET],
  });
}

function redirectUriFor(config: OidcSettings, request: Request): string {
  return config.redirectUri ?? new URL(CALLBACK_PATH, request.url).href;
}

/** Thrown when the provider's answer cannot be trusted or used; the user is asked to try again. */
export class SsoProtocolError extends Error {
  constructor(readonly code: string) {
    super(`single sign-on failed: ${code}`);
    this.name = "SsoProtocolError";
  }
}

/** The provider's authorization URL for a new sign-in, and the cookie that remembers what to check on return. */
export async function startSsoSignIn(
  request: Request,
  redirectTo: string,
): Promise<{ authorizationUrl: string; setCookie: string }> {
  const config = settings();
  if (!config) throw new SsoProtocolError("not_configured");
  const discoveredConfig = await configuration(config).catch((error: unknown) => {
    logger.warn({ err: error instanceof Error ? error.message : String(error) }, "OIDC discovery failed");
    throw new SsoProtocolError("provider_unreachable");
  });
  const pending: Pending = {
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    verifier: oidc.randomPKCECodeVerifier(),
    redirectTo,
  };
  const url = oidc.buildAuthorizationUrl(discoveredConfig, {
    redirect_uri: redirectUriFor(config, request),
    scope: SCOPE,
    response_type: "code",
    code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier),
    code_challenge_method: "S256",
    state: pending.state,
    nonce: pending.nonce,
  });
  return { authorizationUrl: url.href, setCookie: await pendingCookie().serialize(pending) };
}

/** Clears the pending sign-in: sent with every answer of the callback, so a callback URL is good for one try. */
export async function clearPendingCookie(): Promise<string> {
  return pendingCookie().serialize("", { maxAge: 0 });
}

/**
 * Completes a sign-in from the provider's redirect: checks state, exchanges the code with the PKCE verifier,
 * validates the ID token (nonce included) and reads the e-mail from the userinfo endpoint when the ID token
 * lacks it. Throws SsoProtocolError for anything that does not check out.
 */
export async function finishSsoSignIn(request: Request): Promise<{ claims: SsoClaims; redirectTo: string }> {
  const config = settings();
  if (!config) throw new SsoProtocolError("not_configured");
  const parsed = PendingSchema.safeParse(await pendingCookie().parse(request.headers.get("Cookie")));
  if (!parsed.success) throw new SsoProtocolError("no_pending_sign_in");
  const pending = parsed.data;
  const callback = new URL(redirectUriFor(config, request));
  callback.search = new URL(request.url).search;
  try {
    const discoveredConfig = await configuration(config);
    const tokens = await oidc.authorizationCodeGrant(discoveredConfig, callback, {
      pkceCodeVerifier: pending.verifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    if (!idToken) throw new SsoProtocolError("no_id_token");
    let email: unknown = idToken.email;
    let emailVerified: unknown = idToken.email_verified;
    let name: unknown = idToken.name;
    if (typeof email !== "string" || emailVerified === undefined) {
      // Providers often keep the ID token small; the userinfo answer must be about the same subject.
      const info = await oidc.fetchUserInfo(discoveredConfig, tokens.access_token, idToken.sub);
      ({ email, email_verified: emailVerified, name } = info);
    }
    return { claims: { sub: idToken.sub, email, emailVerified, name }, redirectTo: pending.redirectTo };
  } catch (error) {
    if (error instanceof SsoProtocolError) throw error;
    const code = error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : "error";
    logger.warn({ code, err: error instanceof Error ? error.message : String(error) }, "OIDC callback refused");
    throw new SsoProtocolError(code);
  }
}
