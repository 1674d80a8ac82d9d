import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titled } from "~/lib/meta";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, useRemixForm } from "~/components/ui/form";
import { useIsSubmitting } from "~/components/ui/form-hooks";
import { getOptionalUser, login, safeRedirectPath } from "~/lib/auth.server";
import { parseForm } from "~/lib/validation.server";
import { LoginSchema, type LoginInput } from "~/schemas/auth";

export const meta = titled("auth.login.submit");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  if (user) throw redirect(safeRedirectPath(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = parseForm(LoginSchema, await request.formData());
  if (!parsed.ok) return parsed.response;
  const result = await login(parsed.data, request);
  if (!result.ok) {
    const formError =
      result.reason === "throttled"
        ? { key: "auth.login.throttled", values: { minutes: result.retryAfterMinutes ?? 1 } }
        : { key: "auth.login.invalid", values: {} };
    return data({ ok: false as const, formError }, { status: result.reason === "throttled" ? 429 : 401 });
  }
  return redirect(safeRedirectPath(parsed.data.redirectTo), { headers: { "Set-Cookie": result.setCookie } });
}

export default function LoginPage() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { form, onSubmit } = useRemixForm<LoginInput>(LoginSchema, {
    defaultValues: { email: "", password: "", redirectTo: searchParams.get("redirectTo") ?? "/" },
    serverErrors: actionData && "fieldErrors" in actionData ? actionData.fieldErrors : null,
  });
  const submitting = useIsSubmitting();
  const formError = actionData && "formError" in actionData ? actionData.formError : null;
  return (
    <div className="login panel">
      <h1>{t("auth.login.title")}</h1>
      <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
        {formError ? (
          <p className="form-error" role="alert" data-testid="login-error">
            {t(formError.key, formError.values)}
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
      <p className="notice">{t("auth.login.demoHint")}</p>
      <p className="notice">{t("common.illustrative")}</p>
    </div>
  );
}
