import type { FieldErrors, MessageValues } from "./errors";

/**
 * The one answer every form action gives when it does not redirect. Several forms often share one action, so each
 * answer names the form it is for: its `intent` and, when a page lists many records, the `itemId`.
 * - `fieldErrors` (400): messages (i18n keys) per field, shown next to the fields;
 * - `conflict` (409): someone saved first; `current` is the record as it is now, shown next to the user's input;
 * - `refused` (403/409/422): a message (i18n key) for the whole form;
 * - `ok` (200): done without leaving the page, with a confirmation (i18n key).
 * Success usually redirects with a flash instead (post/redirect/get).
 */
export type ConflictValue = string | number | boolean | null;
export type ConflictRecord = Record<string, ConflictValue>;

type Addressed = { intent: string; itemId: string | null };

export type ActionResult<Current = ConflictRecord> = Addressed &
  (
    | { status: "ok"; messageKey: string; values?: MessageValues }
    | { status: "fieldErrors"; fieldErrors: FieldErrors }
    | { status: "conflict"; current: Current; version: number | null }
    | { status: "refused"; messageKey: string; values?: MessageValues }
  );

/** The answer when it is addressed to this form (same intent, and same record when given), else null. */
export function answerFor<R extends Addressed>(
  answer: R | null | undefined,
  intent: string,
  itemId?: string | null,
): R | null {
  if (!answer || typeof answer !== "object" || !("intent" in answer) || answer.intent !== intent) return null;
  if (itemId !== undefined && itemId !== null && answer.itemId !== itemId) return null;
  return answer;
}

export function fieldErrorsIn(answer: ActionResult<unknown> | null | undefined): FieldErrors | null {
  return answer?.status === "fieldErrors" ? answer.fieldErrors : null;
}

export function conflictIn<C>(answer: ActionResult<C> | null | undefined): C | null {
  return answer?.status === "conflict" ? answer.current : null;
}

/** Keeps the fields a conflict notice can show (strings, numbers, booleans, null) and reads the row's version. */
export function toConflictRecord(current: unknown): { current: ConflictRecord; version: number | null } {
  const out: ConflictRecord = {};
  let version: number | null = null;
  if (current && typeof current === "object") {
    for (const [key, value] of Object.entries(current)) {
      if (key === "version" && typeof value === "number") version = value;
      if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean")
        out[key] = value;
    }
  }
  return { current: out, version };
}
