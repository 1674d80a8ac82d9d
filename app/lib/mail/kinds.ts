import type { TranslationKey } from "~/i18n/keys";

/** Every kind of message the outbox holds (`notification.<event>`, `digest.<role>`), named in the reader's words. */
const KIND_LABELS = {
  invitation: "mail.admin.kinds.invitation",
  passwordReset: "mail.admin.kinds.passwordReset",
  "notification.returned": "mail.admin.kinds.notificationReturned",
  "notification.approved": "mail.admin.kinds.notificationApproved",
  "notification.awaitingReview": "mail.admin.kinds.notificationAwaitingReview",
  "digest.officer": "mail.admin.kinds.digestOfficer",
  "digest.manager": "mail.admin.kinds.digestManager",
  "digest.auditor": "mail.admin.kinds.digestAuditor",
} as const satisfies Record<string, TranslationKey>;

export const MAIL_KINDS = Object.keys(KIND_LABELS);

const isKnownKind = (kind: string): kind is keyof typeof KIND_LABELS => Object.hasOwn(KIND_LABELS, kind);

/** The label of an outbox message's kind; a kind written before its label existed reads "Other", never a code. */
export function mailKindLabelKey(kind: string): TranslationKey {
  return isKnownKind(kind) ? KIND_LABELS[kind] : "mail.admin.kinds.other";
}
