import { z } from "zod";
import { isIsoDay } from "~/lib/dates";

/**
 * Fields shared by many forms (days, numbers, ids, versions, free text, evidence links). Messages are i18n keys;
 * the forms translate them on the client and when the server returns them.
 */
/** A required calendar day, `YYYY-MM-DD` (what <input type="date"> sends). */
export function isoDay(message = "workflow.errors.dateRequired", invalid = "workflow.errors.dateInvalid") {
  return z
    .string(message)
    .trim()
    .refine((v) => v.length > 0, message)
    .refine((v) => v.length === 0 || isIsoDay(v), invalid);
}

/** An optional calendar day: "" becomes undefined. */
export function optionalIsoDay(invalid = "workflow.errors.dateInvalid") {
  return z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v),
    z.string(invalid).refine(isIsoDay, invalid).optional(),
  );
}

function toNumber(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string") {
    const trimmed = value.trim().replace(",", ".");
    return trimmed === "" ? undefined : Number(trimmed);
  }
  return value;
}

/**
 * The largest magnitude a typed number may have: a quadrillion. Beyond it a figure is no real value or target, and
 * near the double's limit Prisma's query compiler rounds it to Infinity, which the database driver refuses (a 500).
 */
export const NUMBER_MAGNITUDE_MAX = 1e15;
const TOO_LARGE = "workflow.errors.numberTooLarge";

/** A required finite number typed into a text or number input ("1,5" is read as 1.5). */
export function requiredNumber(message = "workflow.errors.numberRequired") {
  return z.preprocess(
    toNumber,
    z.number(message).min(-NUMBER_MAGNITUDE_MAX, TOO_LARGE).max(NUMBER_MAGNITUDE_MAX, TOO_LARGE),
  );
}

/** An optional number: "" becomes undefined. */
export function optionalNumber(message = "workflow.errors.numberInvalid") {
  return z.preprocess(
    toNumber,
    z.number(message).min(-NUMBER_MAGNITUDE_MAX, TOO_LARGE).max(NUMBER_MAGNITUDE_MAX, TOO_LARGE).optional(),
  );
}

/** Percent complete: a whole number 0–100. */
export const percentField = z.preprocess(
  toNumber,
  z
    .number("workflow.errors.percentRange")
    .int("workflow.errors.percentRange")
    .min(0, "workflow.errors.percentRange")
    .max(100, "workflow.errors.percentRange"),
);

export const MAX_EVIDENCE_LINKS = 20;

/** True for an absolute http(s) URL; javascript:, data:, file: and relative links are refused. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** Splits the evidence textarea (one link per line) into trimmed, non-empty lines. */
export function splitLinks(value: unknown): string[] {
  if (Array.isArray(value))
    return value
      .filter((v): v is string => typeof v === "string")
      .map((v) => v.trim())
      .filter(Boolean);
  if (typeof value !== "string") return [];
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * Evidence links: a textarea with one URL per line (0..n). The error is reported on the field itself, so the
 * form shows it under the textarea; the parsed value is the array of URLs.
 */
export const evidenceLinksField = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .superRefine((value, ctx) => {
    const links = splitLinks(value);
    if (links.length > MAX_EVIDENCE_LINKS) ctx.addIssue({ code: "custom", message: "workflow.errors.tooManyLinks" });
    else if (links.some((link) => link.length > 2000 || !isHttpUrl(link))) {
      ctx.addIssue({ code: "custom", message: "workflow.errors.evidenceUrl" });
    }
  })
  .transform(splitLinks);

/** Evidence links are stored as a JSON array of strings; anything else reads as no links. */
export function parseStoredLinks(json: string | null | undefined): string[] {
  if (!json) return [];
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string" && isHttpUrl(v)) : [];
  } catch {
    return [];
  }
}

export const optionalText = (max: number) =>
  z.string("common.errors.badRequest").trim().max(max, "workflow.errors.tooLong").optional().default("");

export const versionField = z.coerce
  .number("workflow.errors.versionMissing")
  .int()
  .min(1, "workflow.errors.versionMissing");

/** Ids travel in hidden fields and selects: a bad one is a tampered request, not something a person typed. */
export const idField = z
  .string("common.errors.badRequest")
  .trim()
  .min(1, "common.errors.badRequest")
  .max(64, "common.errors.badRequest");

/** A route param that names a record: a malformed one is a 400 (see `requireParams`), never a 500. */
export const routeId = z.string("common.errors.badRequest").regex(/^[A-Za-z0-9_-]{1,64}$/, "common.errors.badRequest");

/**
 * A form's cross-field rules (an end after its start, a later date that needs a reason ...), run even when some
 * fields failed. Zod skips an object's refinements once any of its fields has failed, so a person would meet these
 * errors only on a second submit; the form must show every error on the first. The rule sees only the fields that
 * parsed: a field that already has an issue reaches it as missing, so a rule never reads a value of the wrong type
 * (the `Partial` makes the type checker insist on that) and never adds a second message to a field showing one.
 */
export function refineAcross<S extends z.ZodObject>(
  schema: S,
  rule: (value: Partial<z.output<S>>, ctx: z.RefinementCtx<z.output<S>>) => void,
): S {
  return schema.superRefine(
    (value, ctx) => {
      const failed = new Set(ctx.issues.map((issue) => issue.path?.[0]));
      const parsed: Partial<z.output<S>> = {};
      for (const key of Object.keys(value) as (keyof z.output<S>)[]) {
        if (!failed.has(key as PropertyKey)) parsed[key] = value[key];
      }
      rule(parsed, ctx);
    },
    // Only an object reaches the rule (a body that is not one at all has already failed as a whole).
    { when: (payload) => typeof payload.value === "object" && payload.value !== null },
  );
}
