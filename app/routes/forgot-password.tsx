import type { ActionFunctionArgs } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, useRemixForm } from "~/components/ui/form";
import { useActionAnswer, useIsSubmitting } from "~/components/ui/form-hooks";
import { messageKey } from "~/i18n/keys";
import { fieldErrorsIn } from "~/lib/action-result";
import { redirectWithFlash } from "~/lib/flash.server";
import { answerRefused, readFormData } from "~/lib/http.server";
import { titled } from "~/lib/meta";
import { currentRequest } from "~/lib/request.server";
import { parseForm } from "~/lib/validation.server";
import { requestPasswordReset } from "~/models/password-reset.server";
import { ForgotPasswordSchema, type ForgotPasswordInput } from "~/schemas/mail";

export const meta = titled("mail.forgot.title");

const FORGOT = { intent: "forgotPassword" };

/**
 * Asks for a password-reset link. The answer is the same for any well-formed address (an account or not, active or
 * not); only the throttle refuses, and it counts unknown addresses exactly like known ones.
 */
export async function action({ request }: ActionFunctionArgs) {
  const parsed = parseForm(ForgotPasswordSchema, await readFormData(request), FORGOT);
  if (!parsed.ok) return parsed.response;
  const { requestId, ip } = currentRequest();
  const answer = await requestPasswordReset({ email: parsed.data.email, context: { requestId, ip } });
  if (!answer.ok) {
    return answerRefused(FORGOT, "mail.forgot.throttled", {
      values: { minutes: answer.retryAfterMinutes },
      status: 429,
    });
  }
  // Post/redirect/get: the confirmation is shown on the sign-in page, where the person continues.
  return redirectWithFlash("/login", {
    kind: "success",
    key: "mail.forgot.sent",
    values: { email: parsed.data.email.trim().toLowerCase() },
  });
}

export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const answer = useActionAnswer(FORGOT.intent);
  const { form, onSubmit } = useRemixForm<ForgotPasswordInput>(ForgotPasswordSchema, {
    defaultValues: { email: "" },
    serverErrors: fieldErrorsIn(answer),
  });
  const submitting = useIsSubmitting();
  return (
    <div className="login panel" data-testid="forgot-password">
      <h1>{t("mail.forgot.title")}</h1>
      <>
        <p>{t("mail.forgot.intro")}</p>
        <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
          {answer?.status === "refused" ? (
            <p className="form-error" role="alert" data-testid="forgot-refused">
              {t(messageKey(answer.messageKey), answer.values)}
            </p>
          ) : null}
          <Field
            form={form}
            name="email"
            type="email"
            label={t("mail.forgot.email")}
            autoComplete="username"
            autoFocus
          />
          <button type="submit" disabled={submitting}>
            {submitting ? t("common.actions.saving") : t("mail.forgot.submit")}
          </button>
        </Form>
      </>
      <p>
        <Link to="/login">{t("mail.forgot.backToSignIn")}</Link>
      </p>
    </div>
  );
}
