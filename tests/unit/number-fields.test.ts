// Typed numbers are bounded: a value near the double's limit (1.7976931348623155e+308, found by the hostile-input
// property test) passed zod, was rounded to Infinity by Prisma's query compiler and refused by the database driver —
// a 500 instead of a field error. The shared number fields now refuse any magnitude above a quadrillion.
import { describe, expect, it } from "vitest";
import { NUMBER_MAGNITUDE_MAX, optionalNumber, requiredNumber } from "~/schemas/fields";

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? [] : (result.error?.issues.map((issue) => issue.message) ?? []);

describe("shared number fields", () => {
  for (const [name, field] of [
    ["requiredNumber", requiredNumber()],
    ["optionalNumber", optionalNumber()],
  ] as const) {
    it(`${name} refuses magnitudes above a quadrillion with a translated message, and keeps the rest`, () => {
      for (const typed of ["1.7976931348623155e+308", "-1.7976931348623155e+308", "1e16", "-1e16"]) {
        expect(messages(field.safeParse(typed)), typed).toEqual(["workflow.errors.numberTooLarge"]);
      }
      for (const typed of ["0", "-12,5", "94000", String(NUMBER_MAGNITUDE_MAX), String(-NUMBER_MAGNITUDE_MAX)]) {
        expect(field.safeParse(typed).success, typed).toBe(true);
      }
    });
  }
});
