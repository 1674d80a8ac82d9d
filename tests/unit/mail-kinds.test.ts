// Administration › Mail names each message's kind in the reader's language: every kind the app writes to the
// outbox has a label, and the label is a translated sentence in en, ru and kk, not the stored code.
import { describe, expect, it } from "vitest";
import { createI18n } from "~/i18n/config";
import { MAIL_KINDS, mailKindLabelKey } from "~/lib/mail/kinds";

const WRITTEN_KINDS = [
  "invitation",
  "passwordReset",
  ...["returned", "approved", "awaitingReview"].map((event) => `notification.${event}`),
  ...["officer", "manager", "auditor"].map((role) => `digest.${role}`),
];

describe("outbox message kinds", () => {
  it("has a label for every kind the app writes", () => {
    expect([...MAIL_KINDS].sort()).toEqual([...WRITTEN_KINDS].sort());
  });

  for (const locale of ["en", "ru", "kk"] as const) {
    it(`reads each kind in ${locale}, with distinct labels and "Other" for an unknown kind`, () => {
      const { t } = createI18n(locale);
      const labels = WRITTEN_KINDS.map((kind) => t(mailKindLabelKey(kind)));
      for (const label of labels) expect(label).not.toMatch(/mail\.admin|notification\.|digest\./);
      expect(new Set(labels).size).toBe(labels.length);
      expect(t(mailKindLabelKey("something.new"))).toBe(t("mail.admin.kinds.other"));
    });
  }
});
