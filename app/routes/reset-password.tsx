import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SetPasswordForm, UnusableLink } from "~/components/mail/link-pages";
import type { ActionResult } from "~/lib/action-result";
import { loadLinkPage, setPasswordFromLinkPage } from "~/lib/mail/link-route.server";
import { titled } from "~/lib/meta";

/** A password-reset link (/reset-password?token=…): the person chooses a new password. */
export const meta = titled("mail.pages.resetTitle");

export function loader({ request }: LoaderFunctionArgs) {
  return loadLinkPage(request, "PASSWORD_RESET");
}

export function action({ request }: ActionFunctionArgs) {
  return setPasswordFromLinkPage(request, "PASSWORD_RESET");
}

export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<ActionResult>();
  if (!page.usable || answer?.status === "refused") return <UnusableLink purpose="reset" />;
  return (
    <SetPasswordForm
      title={t("mail.pages.resetTitle")}
      intro={t("mail.pages.resetIntro", { name: page.name, email: page.email })}
      submit={t("mail.pages.resetSubmit")}
    />
  );
}
