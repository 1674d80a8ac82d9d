import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SetPasswordForm, UnusableLink } from "~/components/mail/link-pages";
import type { ActionResult } from "~/lib/action-result";
import { loadLinkPage, setPasswordFromLinkPage } from "~/lib/mail/link-route.server";
import { titled } from "~/lib/meta";

/** An invitation link (/invite?token=…): the invited person chooses their first password. */
export const meta = titled("mail.pages.inviteTitle");

export function loader({ request }: LoaderFunctionArgs) {
  return loadLinkPage(request, "INVITATION");
}

export function action({ request }: ActionFunctionArgs) {
  return setPasswordFromLinkPage(request, "INVITATION");
}

export default function InvitePage() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<ActionResult>();
  if (!page.usable || answer?.status === "refused") return <UnusableLink purpose="invitation" />;
  return (
    <SetPasswordForm
      title={t("mail.pages.inviteTitle")}
      intro={t("mail.pages.inviteIntro", { name: page.name, email: page.email })}
      submit={t("mail.pages.inviteSubmit")}
    />
  );
}
