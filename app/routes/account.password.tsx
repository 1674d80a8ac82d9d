import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { messageKey } from "~/i18n/keys";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, useRemixForm } from "~/components/ui/form";
import { useActionAnswer, useIsSubmitting } from "~/components/ui/form-hooks";
import { fieldErrorsIn } from "~/lib/action-result";
import { auditContextFor, requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { answerRefused, readFormData, runAction } from "~/lib/http.server";
import { createSessionCookie } from "~/lib/session.server";
import { currentRequest } from "~/lib/request.server";
import { parseForm } from "~/lib/validation.server";
import { requestPasswordReset } from "~/models/password-reset.server";
import { PasswordChangeLockedError, changePassword } from "~/models/user.server";
import { SelfResetLink } from "~/components/mail/self-reset-link";
import { ChangePasswordSchema, type ChangePasswordInput } from "~/schemas/auth";
import { titled } from "~/lib/meta";

export const meta = titled("auth.password.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { mustChange: user.mustChangePassword };
}

/** The page's one form has no intent field: its answers are addressed by this name. */
const CHANGE = { intent: "changePassword" };
const SEND_LINK = { intent: "sendResetLink" };

/** A locked account is refused for the whole form, with the minutes to wait (400, as any refused input here). */
async function changeOrAnswerLockout(work: () => Promise<void>) {
  try {
    await work();
    return null;
  } catch (error) {
    if (!(error instanceof PasswordChangeLockedError)) throw error;
    return answerRefused(CHANGE, "auth.login.throttled", {
      values: { minutes: error.retryAfterMinutes },
      status: 400,
    });
  }
}

/**
 * "E-mail me a link" for someone who does not know a current password (an account opened by single sign-on never
 * had one they know): the link "Forgot password" sends, to the signed-in user's own address, throttled the same way.
 */
async function sendOwnResetLink(email: string) {
  const { requestId, ip } = currentRequest();
  const answer = await requestPasswordReset({ email, context: { requestId, ip } });
  if (!answer.ok) {
    return answerRefused(SEND_LINK, "mail.forgot.throttled", {
      values: { minutes: answer.retryAfterMinutes },
      status: 429,
    });
  }
  return redirectWithFlash("/account/password", { kind: "success", key: "mail.selfReset.sent", values: { email } });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readFormData(request);
  if (formData.get("intent") === SEND_LINK.intent) return sendOwnResetLink(user.email);
  const parsed = parseForm(ChangePasswordSchema, formData, CHANGE);
  if (!parsed.ok) return parsed.response;
  const { currentPassword, newPassword } = parsed.data;
  return runAction(CHANGE, async () => {
    const lockout = await changeOrAnswerLockout(() =>
      changePassword({ userId: user.id, currentPassword, newPassword, context: auditContextFor(user) }),
    );
    if (lockout) return lockout;
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
  });
}

/** A lock-out also marks the field the guesses were typed in, as a wrong current password does. */
const LOCKED_FIELD = { currentPassword: "auth.password.throttled" };

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const { mustChange } = useLoaderData<typeof loader>();
  const answer = useActionAnswer(CHANGE.intent);
  const refused = answer?.status === "refused" ? answer : null;
  const { form, onSubmit } = useRemixForm<ChangePasswordInput>(ChangePasswordSchema, {
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
    serverErrors: fieldErrorsIn(answer) ?? (refused ? LOCKED_FIELD : null),
  });
  const submitting = useIsSubmitting();
  return (
    <div className="panel" style={{ maxWidth: 560 }}>
      <h1>{t("auth.password.title")}</h1>
      {mustChange ? <p className="flash flash-error">{t("auth.password.mustChange")}</p> : null}
      {refused ? (
        <p className="flash flash-error" role="alert">
          {t(messageKey(refused.messageKey), refused.values)}
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
      <SelfResetLink intent={SEND_LINK.intent} />
    </div>
  );
}
