import { createI18n, DEFAULT_LOCALE, isLocale, type Locale } from "~/i18n/config";
import { makeFormatters } from "~/i18n/format";
import { invitationPath, passwordResetPath } from "~/lib/link-tokens.server";
import type { OutgoingMail } from "./outbox.server";
import { renderMail } from "./render.server";

/** The messages about a person's own account: an invitation and a password reset, in the person's language. */

type Recipient = { id: string; email: string; name: string; locale: string };

const localeOf = (recipient: Recipient): Locale => (isLocale(recipient.locale) ? recipient.locale : DEFAULT_LOCALE);

export function invitationMail(recipient: Recipient, link: { tokenId: string; token: string; expiresAt: Date }) {
  const locale = localeOf(recipient);
  const t = createI18n(locale).t;
  const rendered = renderMail({
    locale,
    subject: t("mail.invitation.subject"),
    greeting: t("mail.greeting", { name: recipient.name }),
    blocks: [
      { paragraph: t("mail.invitation.body", { email: recipient.email }) },
      { action: { label: t("mail.invitation.action"), path: invitationPath(link.token) } },
      { paragraph: t("mail.invitation.expires", { date: makeFormatters(locale).dateTime(link.expiresAt) }) },
      { paragraph: t("mail.invitation.ignore") },
    ],
  });
  return {
    to: recipient.email,
    userId: recipient.id,
    locale,
    kind: "invitation",
    idempotencyKey: `invitation:${link.tokenId}`,
    ...rendered,
  } satisfies OutgoingMail;
}

export function passwordResetMail(recipient: Recipient, link: { tokenId: string; token: string }) {
  const locale = localeOf(recipient);
  const t = createI18n(locale).t;
  const rendered = renderMail({
    locale,
    subject: t("mail.reset.subject"),
    greeting: t("mail.greeting", { name: recipient.name }),
    blocks: [
      { paragraph: t("mail.reset.body", { email: recipient.email }) },
      { action: { label: t("mail.reset.action"), path: passwordResetPath(link.token) } },
      { paragraph: t("mail.reset.expires") },
      { paragraph: t("mail.reset.ignore") },
    ],
  });
  return {
    to: recipient.email,
    userId: recipient.id,
    locale,
    kind: "passwordReset",
    idempotencyKey: `passwordReset:${link.tokenId}`,
    ...rendered,
  } satisfies OutgoingMail;
}
