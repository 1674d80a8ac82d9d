// Keys that arrive as data (zod messages, action answers, flashes, codes from the database) are checked at run time.
import { describe, expect, it } from "vitest";
import { isTranslationKey, labelKey, messageKey } from "~/i18n/keys";

describe("translation keys received as data", () => {
  it("knows a leaf key from a group, a missing key and a prototype name", () => {
    expect(isTranslationKey("common.errors.badRequest")).toBe(true);
    expect(isTranslationKey("common.errors")).toBe(false);
    expect(isTranslationKey("common.errors.nope")).toBe(false);
    expect(isTranslationKey("constructor")).toBe(false);
    expect(isTranslationKey("common.__proto__")).toBe(false);
    expect(isTranslationKey("")).toBe(false);
  });

  it("shows the generic message for an unknown message key", () => {
    expect(messageKey("workflow.errors.dateInvalid")).toBe("workflow.errors.dateInvalid");
    expect(messageKey("Some English text from a library")).toBe("common.errors.badRequest");
  });

  it("finds a code's label in its group, and nothing for an unknown code", () => {
    expect(labelKey("domain.milestoneStatus", "DELAYED")).toBe("domain.milestoneStatus.DELAYED");
    expect(labelKey("common.roles", "AUDITOR")).toBe("common.roles.AUDITOR");
    expect(labelKey("domain.milestoneStatus", "NO_SUCH_STATUS")).toBeNull();
  });
});
