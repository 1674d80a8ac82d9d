/**
 * Who a single sign-on is allowed to become. Pure, so that every rule is unit-tested on its own; the sign-in
 * (sso-login.server.ts) looks up the account and the domain rule and does what the decision says.
 *
 * The provider's word is trusted only for an e-mail it has verified: an unverified address could be anyone's, and
 * a display name is never unique, so neither ever selects an account.
 */

/** The identity claims a provider vouched for (ID token, completed by the userinfo endpoint). */
export type SsoClaims = { sub: string; email?: unknown; emailVerified?: unknown; name?: unknown };

/** The Qadam account that holds the e-mail, if any. */
export type SsoAccount = { id: string; active: boolean };

/** An administrator's permission to open accounts for an e-mail domain, in one organisation. */
export type SsoAutoDomain = { organizationId: string };

export type SsoRefusal = "noVerifiedEmail" | "unknownAccount" | "deactivated";

export type SsoDecision =
  | { kind: "signIn"; email: string; userId: string }
  | { kind: "createAccount"; email: string; organizationId: string; name: string }
  | { kind: "refuse"; reason: SsoRefusal; email: string | null };

/** E-mail addresses are compared lower-cased and trimmed, as Qadam stores them. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

const EMAIL_SHAPE = /^[^\s@]+@([^\s@]+\.[^\s@]+)$/;

/** The domain of an address ("Jane@WorldBank.org" → "worldbank.org"), or null when it is not an address. */
export function emailDomain(email: string): string | null {
  return EMAIL_SHAPE.exec(normalizeEmail(email))?.[1] ?? null;
}

/**
 * The verified e-mail in the claims, normalised, or null. `email_verified` must be the boolean true: a missing
 * claim, false, or the string "true" some providers send do not count, so nothing is assumed.
 */
export function verifiedEmail(claims: SsoClaims): string | null {
  if (claims.emailVerified !== true || typeof claims.email !== "string") return null;
  const email = normalizeEmail(claims.email);
  return emailDomain(email) ? email : null;
}

/** A name for a new account: the provider's display name, else the part of the address before "@". */
export function displayNameFor(claims: SsoClaims, email: string): string {
  const name = typeof claims.name === "string" ? claims.name.trim().slice(0, 120) : "";
  return name || email.split("@")[0];
}

/**
 * The decision for one sign-in.
 * @param account the account whose e-mail equals the verified e-mail (looked up with `verifiedEmail`), or null
 * @param autoDomain the organisation that accepts new accounts for that e-mail's domain, or null
 */
export function decideSsoSignIn(
  claims: SsoClaims,
  account: SsoAccount | null,
  autoDomain: SsoAutoDomain | null,
): SsoDecision {
  const email = verifiedEmail(claims);
  if (!email) return { kind: "refuse", reason: "noVerifiedEmail", email: null };
  if (account) {
    // A deactivated account stays closed: automatic accounts never reopen or duplicate it.
    return account.active
      ? { kind: "signIn", email, userId: account.id }
      : { kind: "refuse", reason: "deactivated", email };
  }
  if (!autoDomain) return { kind: "refuse", reason: "unknownAccount", email };
  return {
    kind: "createAccount",
    email,
    organizationId: autoDomain.organizationId,
    name: displayNameFor(claims, email),
  };
}
