import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useActionAnswer, useSubmittingIntent } from "~/components/ui/form-hooks";
import { FormMessage } from "~/components/ui/form-message";

/**
 * "Send a password reset link" (Administration › Users › a user): an administrator never types a password for
 * someone; the user receives the link "Forgot password" would send and chooses their own.
 */
export function ResetLinkPanel({ user }: { user: { email: string; active: boolean } }) {
  const { t } = useTranslation();
  const answer = useActionAnswer("sendResetLink");
  const sending = useSubmittingIntent("sendResetLink");
  return (
    <div className="stack" data-testid="reset-link-panel">
      <FormMessage answer={answer} />
      {user.active ? (
        <Form method="post" className="stack">
          <p className="muted">{t("mail.userReset.intro", { email: user.email })}</p>
          <div>
            <button type="submit" name="intent" value="sendResetLink" disabled={sending}>
              {sending ? t("common.actions.saving") : t("mail.userReset.send")}
            </button>
          </div>
        </Form>
      ) : (
        <p className="muted">{t("mail.userReset.inactive")}</p>
      )}
    </div>
  );
}
