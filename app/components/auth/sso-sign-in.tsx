import { useTranslation } from "react-i18next";
import type { SsoOutcome } from "~/lib/sso-outcome";

export type SsoLoginState = {
  /** The button shows only when the server has a provider configured. */
  enabled: boolean;
  /** Why the last single sign-on came back here, if it did. */
  outcome: SsoOutcome | "throttled" | null;
  throttledMinutes: number;
};

/** "Sign in with your organisation account", above the password form, with the reason a sign-in was refused. */
export function SsoSignIn({ state, redirectTo }: { state: SsoLoginState; redirectTo: string }) {
  const { t } = useTranslation();
  return (
    <>
      {state.outcome ? (
        <p className="form-error" role="alert" data-testid="sso-error">
          {state.outcome === "throttled"
            ? t("auth.login.throttled", { minutes: state.throttledMinutes })
            : t(`sso.refused.${state.outcome}`)}
        </p>
      ) : null}
      {state.enabled ? (
        <div className="sso-sign-in">
          {/* A document link, not a client-side navigation: the answer is a redirect to the provider's own site. */}
          <a
            className="button"
            href={`/auth/sso?${new URLSearchParams({ redirectTo })}`}
            data-testid="sso-button"
            rel="nofollow"
          >
            {t("sso.login.button")}
          </a>
          <p className="sso-or" aria-hidden="true">
            <span>{t("sso.login.or")}</span>
          </p>
        </div>
      ) : null}
    </>
  );
}
