import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { messageKey } from "~/i18n/keys";
import { titled } from "~/lib/meta";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, useRemixForm } from "~/components/ui/form";
import { useActionAnswer, useIsSubmitting } from "~/components/ui/form-hooks";
import { fieldErrorsIn } from "~/lib/action-result";
import { getOptionalUser, login, safeRedirectPath } from "~/lib/auth.server";
import { answerRefused, readFormData } from "~/lib/http.server";
import { parseForm } from "~/lib/validation.server";
import { LoginSchema, type LoginInput } from "~/schemas/auth";
import { SsoSignIn, type SsoLoginState } from "~/components/auth/sso-sign-in";
import { isSsoConfigured } from "~/lib/oidc.server";
import { ssoOutcomeOf } from "~/lib/sso-outcome";

export const meta = titled("auth.login.submit");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  if (user) throw redirect(safeRedirectPath(new URL(request.url).searchParams.get("redirectTo")));
  return { sso: ssoLoginState(new URL(request.url).searchParams) };
}

/** Single sign-on: whether to offer it, and why the last attempt came back here (`?sso=` from its callback). */
function ssoLoginState(params: URLSearchParams): SsoLoginState {
  const sso = params.get("sso");
  const minutes = Number(params.get("minutes"));
  return {
    enabled: isSsoConfigured(),
    outcome: sso === "throttled" ? "throttled" : ssoOutcomeOf(sso),
    throttledMinutes: Number.isInteger(minutes) && minutes > 0 && minutes <= 24 * 60 ? minutes : 1,
  };
}

/** The page's one form has no intent field: its answers are addressed by this name. */
const LOGIN = { intent: "login" };

export async function action({ request }: ActionFunctionArgs) {
  const parsed = parseForm(LoginSchema, await readFormData(request), LOGIN);
  if (!parsed.ok) return parsed.response;
  const result = await login(parsed.data, request);
  if (!result.ok) {
    // One generic message for a wrong password and an unknown e-mail alike; a lock-out says how long to wait.
    return result.reason === "throttled"
      ? answerRefused(LOGIN, "auth.login.throttled", {
          values: { minutes: result.retryAfterMinutes ?? 1 },
          status: 429,
        })
      : answerRefused(LOGIN, "auth.login.invalid", { status: 401 });
  }
  return redirect(safeRedirectPath(parsed.data.redirectTo), { headers: { "Set-Cookie": result.setCookie } });
}

export default function LoginPage() {
  const { t } = useTranslation();
  const answer = useActionAnswer(LOGIN.intent);
  const [searchParams] = useSearchParams();
  const { form, onSubmit } = useRemixForm<LoginInput>(LoginSchema, {
    defaultValues: { email: "", password: "", redirectTo: searchParams.get("redirectTo") ?? "/" },
    serverErrors: fieldErrorsIn(answer),
  });
  const submitting = useIsSubmitting();
  const refused = answer?.status === "refused" ? answer : null;
  const { sso } = useLoaderData<typeof loader>();
  return (
    <div className="login panel">
      <h1>{t("auth.login.title")}</h1>
      <SsoSignIn state={sso} redirectTo={searchParams.get("redirectTo") ?? "/"} />
      <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
        {refused ? (
          <p className="form-error" role="alert" data-testid="login-error">
            {t(messageKey(refused.messageKey), refused.values)}
          </p>
        ) : null}
        <input type="hidden" {...form.register("redirectTo")} />
        <Field form={form} name="email" label={t("auth.login.email")} type="email" autoComplete="username" autoFocus />
        <Field
          form={form}
          name="password"
          label={t("auth.login.password")}
          type="password"
          autoComplete="current-password"
        />
        <button type="submit" disabled={submitting}>
          {submitting ? t("auth.login.submitting") : t("auth.login.submit")}
        </button>
      </Form>
      <p>
        <Link to="/forgot-password">{t("mail.forgot.link")}</Link>
      </p>
      <p className="notice">{t("auth.login.demoHint")}</p>
      <p className="notice">{t("common.illustrative")}</p>
    </div>
  );
}
