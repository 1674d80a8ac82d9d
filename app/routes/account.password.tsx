import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, useRemixForm } from "~/components/ui/form";
import { useIsSubmitting } from "~/components/ui/form-hooks";
import { auditContextFor, requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { createSessionCookie } from "~/lib/session.server";
import { currentRequest } from "~/lib/request.server";
import { parseForm } from "~/lib/validation.server";
import { changePassword } from "~/models/user.server";
import { ChangePasswordSchema, type ChangePasswordInput } from "~/schemas/auth";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { mustChange: user.mustChangePassword };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = parseForm(ChangePasswordSchema, await request.formData());
  if (!parsed.ok) return parsed.response;
  const result = await changePassword({
    userId: user.id,
    currentPassword: parsed.data.currentPassword,
    newPassword: parsed.data.newPassword,
    context: auditContextFor(user),
  });
  if (!result.ok) {
    const retryAfterMinutes = result.retryAfterMinutes ?? null;
    return data(
      { ok: false as const, fieldErrors: { [result.field]: result.message }, retryAfterMinutes },
      { status: 400 },
    );
  }
  // Every session (this one included) ended with the change: continue in a fresh one.
  const cookie = await createSessionCookie(user.id, {
    ip: currentRequest().ip,
    userAgent: request.headers.get("user-agent"),
  });
  return redirectWithFlash(
    "/",
    { kind: "success", key: "auth.password.changed" },
    { headers: { "Set-Cookie": cookie } },
  );
}

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const { mustChange } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { form, onSubmit } = useRemixForm<ChangePasswordInput>(ChangePasswordSchema, {
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
    serverErrors: actionData && "fieldErrors" in actionData ? actionData.fieldErrors : null,
  });
  const submitting = useIsSubmitting();
  const retryAfterMinutes = actionData && "retryAfterMinutes" in actionData ? actionData.retryAfterMinutes : null;
  return (
    <div className="panel" style={{ maxWidth: 560 }}>
      <h1>{t("auth.password.title")}</h1>
      {mustChange ? <p className="flash flash-error">{t("auth.password.mustChange")}</p> : null}
      {retryAfterMinutes ? (
        <p className="flash flash-error" role="alert">
          {t("auth.login.throttled", { minutes: retryAfterMinutes })}
        </p>
      ) : null}
      <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
        <Field
          form={form}
          name="currentPassword"
          type="password"
          label={t("auth.password.current")}
          autoComplete="current-password"
        />
        <Field
          form={form}
          name="newPassword"
          type="password"
          label={t("auth.password.next")}
          autoComplete="new-password"
        />
        <Field
          form={form}
          name="confirmPassword"
          type="password"
          label={t("auth.password.confirm")}
          autoComplete="new-password"
        />
        <button type="submit" disabled={submitting}>
          {submitting ? t("common.actions.saving") : t("auth.password.submit")}
        </button>
      </Form>
    </div>
  );
}
