import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useActionAnswer, useSubmittingIntent } from "~/components/ui/form-hooks";
import { FormMessage } from "~/components/ui/form-message";

/**
 * Under "Change your password": for someone who does not know a current password — typically an account opened by
 * single sign-on — a link by e-mail to choose one, instead of a form they cannot fill in.
 */
export function SelfResetLink({ intent }: { intent: string }) {
  const { t } = useTranslation();
  const answer = useActionAnswer(intent);
  const sending = useSubmittingIntent(intent);
  return (
    <Form method="post" className="stack self-reset-link" data-testid="self-reset-link">
      <FormMessage answer={answer} />
      <p className="muted">{t("mail.selfReset.question")}</p>
      <div>
        <button type="submit" name="intent" value={intent} className="button secondary" disabled={sending}>
          {sending ? t("common.actions.saving") : t("mail.selfReset.send")}
        </button>
      </div>
    </Form>
  );
}
