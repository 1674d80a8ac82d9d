import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useActionAnswer, useSubmittingIntent } from "~/components/ui/form-hooks";
import { FormMessage } from "~/components/ui/form-message";
import { useFormat } from "~/i18n/format";
import type { InvitationState } from "~/models/admin/invitations.server";

/** Where the user's invitation stands, with "send a new one" and "revoke" (Administration › Users › a user). */
export function InvitationPanel({ invitation, active }: { invitation: InvitationState; active: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const resent = useActionAnswer("resendInvitation");
  const revoked = useActionAnswer("revokeInvitation");
  const resending = useSubmittingIntent("resendInvitation");
  const revoking = useSubmittingIntent("revokeInvitation");
  const status = (() => {
    switch (invitation.state) {
      case "none":
        return t("mail.userInvitation.none");
      case "pending":
        return t("mail.userInvitation.pending", {
          sent: format.dateTime(invitation.sentAt),
          expires: format.dateTime(invitation.expiresAt),
        });
      case "accepted":
        return t("mail.userInvitation.accepted", { date: format.dateTime(invitation.at) });
      case "expired":
        return t("mail.userInvitation.expired", { date: format.dateTime(invitation.at) });
      case "revoked":
        return t("mail.userInvitation.revoked", { date: format.dateTime(invitation.at) });
    }
  })();
  return (
    <div className="stack" data-testid="invitation-panel" data-state={invitation.state}>
      <FormMessage answer={resent ?? revoked} />
      <p>{status}</p>
      {invitation.state === "accepted" ? null : !active ? (
        <p className="muted">{t("mail.userInvitation.inactive")}</p>
      ) : (
        <div className="button-row">
          <Form method="post">
            <input type="hidden" name="intent" value="resendInvitation" />
            <button type="submit" disabled={resending}>
              {resending ? t("common.actions.saving") : t("mail.userInvitation.resend")}
            </button>
          </Form>
          {invitation.state === "pending" ? (
            <Form method="post">
              <input type="hidden" name="intent" value="revokeInvitation" />
              <button type="submit" className="danger" disabled={revoking}>
                {revoking ? t("common.actions.saving") : t("mail.userInvitation.revoke")}
              </button>
            </Form>
          ) : null}
        </div>
      )}
    </div>
  );
}
