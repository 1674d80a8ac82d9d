import { Form, Link, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, useRemixForm } from "~/components/ui/form";
import { useActionAnswer, useIsSubmitting } from "~/components/ui/form-hooks";
import { fieldErrorsIn } from "~/lib/action-result";
import { MIN_PASSWORD_LENGTH } from "~/schemas/auth";
import { SetPasswordSchema, type SetPasswordInput } from "~/schemas/mail";

export const SET_PASSWORD = { intent: "setPassword" };

/**
 * An e-mail link that cannot be used (expired, used, revoked, forged): one page for every reason, so it reveals
 * nothing about accounts, and it says what to do next.
 */
export function UnusableLink({ purpose }: { purpose: "invitation" | "reset" }) {
  const { t } = useTranslation();
  return (
    <div className="login panel" data-testid="link-unusable">
      <h1>{t("mail.pages.linkTitle")}</h1>
      <p>{t("mail.pages.linkBody")}</p>
      <p>{purpose === "invitation" ? t("mail.pages.inviteNext") : t("mail.pages.resetNext")}</p>
      <p className="button-row">
        {purpose === "reset" ? (
          <Link to="/forgot-password" className="button">
            {t("mail.pages.requestNewLink")}
          </Link>
        ) : null}
        <Link to="/login" className={purpose === "reset" ? "button secondary" : "button"}>
          {t("mail.pages.toSignIn")}
        </Link>
      </p>
    </div>
  );
}

/** Choosing a password through a link: the page of an invitation and of a password reset. */
export function SetPasswordForm({ title, intro, submit }: { title: string; intro: string; submit: string }) {
  const { t } = useTranslation();
  const answer = useActionAnswer(SET_PASSWORD.intent);
  const { form, onSubmit } = useRemixForm<SetPasswordInput>(SetPasswordSchema, {
    defaultValues: { password: "", confirmPassword: "" },
    serverErrors: fieldErrorsIn(answer),
  });
  const submitting = useIsSubmitting();
  const [searchParams] = useSearchParams();
  return (
    <div className="login panel" data-testid="set-password">
      <h1>{title}</h1>
      <p>{intro}</p>
      <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
        <input type="hidden" name="token" value={searchParams.get("token") ?? ""} />
        <Field
          form={form}
          name="password"
          type="password"
          label={t("mail.pages.password")}
          hint={t("mail.pages.passwordHint", { min: MIN_PASSWORD_LENGTH })}
          autoComplete="new-password"
          autoFocus
        />
        <Field
          form={form}
          name="confirmPassword"
          type="password"
          label={t("mail.pages.confirm")}
          autoComplete="new-password"
        />
        <button type="submit" disabled={submitting}>
          {submitting ? t("common.actions.saving") : submit}
        </button>
      </Form>
    </div>
  );
}
