import { z } from "zod";
import { idField, optionalText, versionField } from "./fields";

/**
 * Fields shared by the submission forms (milestone updates, indicator values) and the review decisions.
 * Messages are i18n keys (namespace `workflow`); the forms translate them on the client and when the
 * server returns them.
 */

/** Which kind of submission a review decision is about. */
export const SUBMISSION_KINDS = ["milestoneUpdate", "indicatorValue"] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];

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
/** A selected queue item as the checkbox sends it: `<kind>:<id>:<version>`. */
export const ITEM_KEY = /^(milestoneUpdate|indicatorValue):([A-Za-z0-9_-]{1,64}):(\d{1,9})$/;

export function itemKey(kind: SubmissionKind, id: string, version: number): string {
  return `${kind}:${id}:${version}`;
}

/** A checked item key as the submission it names (the regex above has already accepted the key). */
function parseItemKey(key: string): { kind: SubmissionKind; id: string; version: number }[] {
  const match = ITEM_KEY.exec(key);
  const kind = SUBMISSION_KINDS.find((k) => k === match?.[1]);
  return match && kind ? [{ kind, id: match[2], version: Number(match[3]) }] : [];
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
    .transform((items) => [...new Set(items)].flatMap(parseItemKey)),
});

export const ReviewIntentSchema = z.enum(["approve", "return", "bulkApprove"], "common.errors.badRequest");
