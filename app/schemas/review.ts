import { z } from "zod";

/**
 * Fields shared by the submission forms (milestone updates, indicator values) and the review decisions.
 * Messages are i18n keys (namespace `workflow`); the forms translate them on the client and when the
 * server returns them.
 */

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function isRealDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A required calendar day, `YYYY-MM-DD` (what <input type="date"> sends). */
export function isoDay(message = "workflow.errors.dateRequired") {
  return z
    .string(message)
    .trim()
    .refine((v) => v.length > 0, message)
    .refine((v) => v.length === 0 || isRealDay(v), "workflow.errors.dateInvalid");
}

/** An optional calendar day: "" becomes undefined. */
export function optionalIsoDay() {
  return z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v),
    z.string("workflow.errors.dateInvalid").refine(isRealDay, "workflow.errors.dateInvalid").optional(),
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

/** A required finite number typed into a text or number input ("1,5" is read as 1.5). */
export function requiredNumber(message = "workflow.errors.numberRequired") {
  return z.preprocess(toNumber, z.number(message));
}

/** An optional number: "" becomes undefined. */
export function optionalNumber(message = "workflow.errors.numberInvalid") {
  return z.preprocess(toNumber, z.number(message).optional());
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
  z.string().trim().max(max, "workflow.errors.tooLong").optional().default("");

export const versionField = z.coerce
  .number("workflow.errors.versionMissing")
  .int()
  .min(1, "workflow.errors.versionMissing");

/** Which kind of submission a review decision is about. */
export const SUBMISSION_KINDS = ["milestoneUpdate", "indicatorValue"] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];

/** Ids travel in hidden fields and selects: a bad one is a tampered request, not something a person typed. */
export const idField = z
  .string("common.errors.badRequest")
  .trim()
  .min(1, "common.errors.badRequest")
  .max(64, "common.errors.badRequest");

/** Approve or verify one submission; the comment is optional. */
export const ApproveSchema = z.object({
  kind: z.enum(SUBMISSION_KINDS, "common.errors.badRequest"),
  id: idField,
  version: versionField,
  comment: optionalText(2000),
});

/** Return one submission to its author: the comment says what to correct, so it is required. */
export const ReturnSchema = z.object({
  kind: z.enum(SUBMISSION_KINDS, "common.errors.badRequest"),
  id: idField,
  version: versionField,
  comment: z
    .string("workflow.errors.commentRequired")
    .trim()
    .min(1, "workflow.errors.commentRequired")
    .max(2000, "workflow.errors.tooLong"),
});
export type ReturnInput = { comment: string };

/** A selected queue item as the checkbox sends it: `<kind>:<id>:<version>`. */
export const ITEM_KEY = /^(milestoneUpdate|indicatorValue):([A-Za-z0-9_-]{1,64}):(\d{1,9})$/;

export function itemKey(kind: SubmissionKind, id: string, version: number): string {
  return `${kind}:${id}:${version}`;
}

export const BulkApproveSchema = z.object({
  items: z
    .preprocess(
      (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
      z
        .array(z.string().regex(ITEM_KEY, "workflow.errors.selectionInvalid"))
        .max(200, "workflow.errors.selectionTooLarge"),
    )
    .refine((items) => items.length > 0, "workflow.errors.selectItems")
    .transform((items) =>
      [...new Set(items)].map((key) => {
        const [, kind, id, version] = ITEM_KEY.exec(key)!;
        return { kind: kind as SubmissionKind, id, version: Number(version) };
      }),
    ),
});

export const ReviewIntentSchema = z.enum(["approve", "return", "bulkApprove"]);

/** Route params validated like any input: a malformed id is a 400, never a 500. */
export const routeId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export function parseRouteParams<S extends z.ZodType>(
  schema: S,
  params: Record<string, string | undefined>,
): z.infer<S> {
  const result = schema.safeParse(params);
  if (!result.success) throw new Response("Invalid address", { status: 400, statusText: "Bad Request" });
  return result.data as z.infer<S>;
}

/**
 * What every workflow action answers when it does not redirect: which form (intent, and item for the review
 * queue) the answer is for, field errors (400), a message for the whole form, or a conflict (409) with the
 * record as it is now so the form can show it next to the user's unsaved input.
 */
export type WorkflowActionData = {
  ok: false;
  intent: string;
  itemId: string | null;
  fieldErrors: Record<string, string> | null;
  formError: string | null;
  formErrorValues?: Record<string, string>;
  conflict: { version: number | null; values: Record<string, string | number | boolean | null> } | null;
};
