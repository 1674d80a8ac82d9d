/**
 * Why a single sign-on ended back on the sign-in page: the callback names it in `?sso=`, and the page shows the
 * matching sentence (`sso.refused.*`). Only these words are read, so the address cannot carry any other text.
 */
export const SSO_OUTCOMES = ["noVerifiedEmail", "unknownAccount", "deactivated", "failed", "unavailable"] as const;
export type SsoOutcome = (typeof SSO_OUTCOMES)[number];

export function ssoOutcomeOf(value: string | null): SsoOutcome | null {
  return SSO_OUTCOMES.find((outcome) => outcome === value) ?? null;
}
