// Every zod schema under app/schemas meets arbitrary input (tests/helpers/arbitraries.ts): `safeParse` never throws,
// and every issue it reports carries a message that is an i18n key in the English translations (forms and actions
// show `t(message)`, so a zod default text would reach the user untranslated). The schemas are found by walking
// the modules' exports: a new exported schema is covered without editing this file, and a new exported function
// must be classified below (a schema factory to instantiate, or a helper that builds no schema).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isTranslationKey } from "~/i18n/keys";
import type { PeriodRules } from "~/lib/periods";
import { formValue, hostileObject, hostileString, hostileValue } from "../helpers/arbitraries";

const modules = import.meta.glob<Record<string, unknown>>("../../app/schemas/*.ts", { eager: true });

const current = { currentDueDate: "2026-06-30", targetValue: 10 };
const periodRules: PeriodRules = {
  frequency: "QUARTERLY",
  baselineDate: "2024-11-15",
  targetDate: "2030-06-30",
  today: "2026-12-01",
};

/** Exported functions that build a schema, with the arguments a route gives them. */
const FACTORIES: Record<string, (factory: (...args: never[]) => unknown) => unknown[]> = {
  milestoneEditSchema: (f) => [(f as (c: typeof current) => unknown)(current)],
  milestoneUpdateSchema: (f) => [(f as (c: typeof current) => unknown)(current)],
  indicatorEditSchema: (f) => [
    (f as (c: { targetValue: number | null }) => unknown)(current),
    (f as (c: { targetValue: number | null }) => unknown)({ targetValue: null }),
  ],
  indicatorValueSchema: (f) => [(f as (r: PeriodRules) => unknown)(periodRules)],
  periodField: (f) => [(f as (r: PeriodRules) => unknown)(periodRules)],
  isoDay: (f) => [(f as () => unknown)()],
  optionalIsoDay: (f) => [(f as () => unknown)()],
  requiredNumber: (f) => [(f as () => unknown)()],
  optionalNumber: (f) => [(f as () => unknown)()],
  optionalText: (f) => [(f as (max: number) => unknown)(100)],
};

/** Exported functions that build no schema (their hostile-input behaviour is checked further down where it matters). */
const HELPERS = new Set([
  "toAdminLocale",
  "isIndicatorFrequency",
  "nestTargets",
  "dayOf",
  "latestRatingDay",
  "itemKey",
  "isHttpUrl",
  "splitLinks",
  "parseStoredLinks",
  "parseConflictBase",
  "toProjectData",
  "historyQueryParams",
  "refineAcross",
  "periodRulesOf",
]);

/**
 * Query-string schemas whose messages are plain text by design: a bad URL filter is a 400 whose body names the
 * parameter and the problem (people edit and bookmark these URLs; no form shows the message). Their messages must
 * only be non-empty; the query parser keeps one value per key, so they meet strings only.
 */
const PLAIN_TEXT = new Set([
  "history.HistoryQuerySchema",
  "history.HistoryPageQuerySchema",
  "history.AuditExportQuerySchema",
  "history.ProjectHistoryQuerySchema",
  // A head pasted into History's check form: any failure is shown as one translated "not a valid seal" answer.
  "history.ChainHeadCheckSchema",
]);

type Found = { name: string; schema: z.ZodType };

function collectSchemas(): { schemas: Found[]; unclassified: string[] } {
  const schemas: Found[] = [];
  const unclassified: string[] = [];
  for (const [file, exports] of Object.entries(modules)) {
    const module = file.replace(/^.*\/(\w+)\.ts$/, "$1");
    for (const [name, value] of Object.entries(exports)) {
      if (value instanceof z.ZodType) schemas.push({ name: `${module}.${name}`, schema: value });
      else if (typeof value === "function" && name in FACTORIES) {
        FACTORIES[name](value as (...args: never[]) => unknown).forEach((built, i) => {
          if (built instanceof z.ZodType) schemas.push({ name: `${module}.${name}()#${i}`, schema: built });
          else unclassified.push(`${module}.${name} (listed as a factory, built no schema)`);
        });
      } else if (typeof value === "function" && !HELPERS.has(name)) unclassified.push(`${module}.${name}`);
    }
  }
  return { schemas, unclassified };
}

/** The keys an object schema knows, looking through preprocess/pipe, optional and default wrappers. */
function fieldNames(schema: unknown): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodPipe) return [...new Set([...fieldNames(schema.in), ...fieldNames(schema.out)])];
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) return fieldNames(schema.unwrap());
  return [];
}

const { schemas, unclassified } = collectSchemas();

describe("the schemas under app/schemas are all found", () => {
  it("every exported function is a known schema factory or a known helper", () => {
    expect(unclassified, "classify these exports in FACTORIES or HELPERS").toEqual([]);
  });

  it("lists only existing schemas as plain text", () => {
    const names = new Set(schemas.map((s) => s.name));
    expect([...PLAIN_TEXT].filter((name) => !names.has(name))).toEqual([]);
  });

  it("finds the shared form schemas", () => {
    const names = schemas.map((s) => s.name);
    for (const expected of ["auth.LoginSchema", "project.ProjectEditSchema", "review.BulkApproveSchema"])
      expect(names).toContain(expected);
    expect(names.length).toBeGreaterThan(30);
  });
});

describe("every schema meets hostile input with translated messages and never throws", () => {
  for (const { name, schema } of schemas) {
    const fields = fieldNames(schema);
    // A request reaches a schema as a form or a query string does: an object of strings (arrays of strings for
    // repeated keys), or a single string for a field schema. Its messages must be translated. Any other value (a
    // caller's mistake, never a request) must only not make it throw.
    const plainText = PLAIN_TEXT.has(name);
    const fromRequest: fc.Arbitrary<unknown> =
      fields.length > 0 ? hostileObject(fields, plainText ? hostileString : formValue) : formValue;
    const anything: fc.Arbitrary<unknown> =
      fields.length > 0 ? fc.oneof(hostileObject(fields, hostileValue), hostileValue) : hostileValue;

    it(name, () => {
      fc.assert(
        fc.property(fromRequest, anything, (value, other) => {
          schema.safeParse(other);
          const result = schema.safeParse(value);
          if (result.success) return;
          const untranslated = result.error.issues
            .filter((issue) => (plainText ? issue.message.trim() === "" : !isTranslationKey(issue.message)))
            .map((issue) => `${issue.path.join(".") || "(value)"}: "${issue.message}"`);
          expect(untranslated).toEqual([]);
        }),
        { numRuns: 150 },
      );
    });
  }
});

describe("the schema helpers that read stored or posted values never throw", () => {
  it("nestTargets, splitLinks, parseStoredLinks and parseConflictBase", async () => {
    const { nestTargets } = await import("~/schemas/indicator");
    const { splitLinks, parseStoredLinks } = await import("~/schemas/fields");
    const { parseConflictBase } = await import("~/schemas/project");
    fc.assert(
      fc.property(hostileValue, hostileObject(["targets.0.value", "targets.1.periodEnd", "targets"]), (value, form) => {
        nestTargets(value);
        nestTargets(form);
        expect(Array.isArray(splitLinks(value))).toBe(true);
        if (typeof value === "string") {
          expect(Array.isArray(parseStoredLinks(value))).toBe(true);
          parseConflictBase(value);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("cases the properties found (each message was a zod default text before)", () => {
  const messagesOf = (schema: z.ZodType, value: unknown) => {
    const result = schema.safeParse(value);
    return result.success ? [] : result.error.issues.map((issue) => issue.message);
  };
  const BAD = "common.errors.badRequest";

  it("a repeated redirectTo on the sign-in form", async () => {
    const { LoginSchema } = await import("~/schemas/auth");
    expect(messagesOf(LoginSchema, { email: "a@b.test", password: "x", redirectTo: ["/a", "/b"] })).toEqual([BAD]);
  });

  it("a repeated optional text field (a review comment, a milestone narrative)", async () => {
    const { ApproveSchema } = await import("~/schemas/review");
    const { optionalText } = await import("~/schemas/fields");
    expect(messagesOf(optionalText(100), ["a", "b"])).toEqual([BAD]);
    expect(messagesOf(ApproveSchema, { kind: "milestoneUpdate", id: "x", version: "1", comment: ["a", "b"] })).toEqual([
      BAD,
    ]);
  });

  it("indicator targets posted as plain strings", async () => {
    const { IndicatorCreateSchema } = await import("~/schemas/indicator");
    const result = IndicatorCreateSchema.safeParse({ targets: ["2026-01-01", "5"] });
    expect(result.success).toBe(false);
    const onTargets = result.error?.issues.filter((issue) => issue.path[0] === "targets").map((i) => i.message);
    expect(onTargets).toEqual([BAD, BAD]);
  });

  it("an unknown intent and a malformed route id", async () => {
    const { IndicatorIntentSchema } = await import("~/schemas/indicator");
    const { MilestoneIntentSchema } = await import("~/schemas/milestone");
    const { ProjectEditIntentSchema } = await import("~/schemas/project");
    const { ReviewIntentSchema } = await import("~/schemas/review");
    const { TeamIntentSchema } = await import("~/schemas/membership");
    const { routeId } = await import("~/schemas/fields");
    for (const schema of [
      IndicatorIntentSchema,
      MilestoneIntentSchema,
      ProjectEditIntentSchema,
      ReviewIntentSchema,
      TeamIntentSchema,
    ])
      expect(messagesOf(schema, "\u202Edelete")).toEqual([BAD]);
    expect(messagesOf(routeId, "../etc")).toEqual([BAD]);
    expect(messagesOf(routeId, ["a", "b"])).toEqual([BAD]);
  });
});
