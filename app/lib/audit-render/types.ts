import type { LabelGroup, TranslationKey } from "~/i18n/keys";

/**
 * What History shows of one audit event, in no language yet: the server describes each event once (names resolved,
 * values typed), and the page words it in the reader's language. Nothing here is a database id meant for reading;
 * ids travel only inside links and inside `raw`, which only those who read the whole log receive.
 */

export type RecordKind =
  "project" | "milestone" | "indicator" | "user" | "organization" | "framework" | "priorityArea" | "email";

/** A record named in a sentence: its name as it is now (or as the event stored it, once the record is gone). */
export type RecordRef = {
  kind: RecordKind;
  name: string;
  /** Translated names (organisations, frameworks, priority areas). */
  nameRu?: string | null;
  nameKk?: string | null;
  /** The project's or indicator's code, shown after the name, quieter. */
  code?: string | null;
  /** Where the record can be opened; null once it is deleted (or for a typed e-mail that names no account). */
  href: string | null;
};

/** A value as the rest of the UI shows it. */
export type Shown =
  | { kind: "none" }
  /** A record named by id that no longer exists and whose name the event did not store. */
  | { kind: "gone" }
  | { kind: "text"; text: string }
  | { kind: "day"; value: string }
  | { kind: "instant"; value: string }
  | { kind: "number"; value: number; unit?: string }
  | { kind: "percent"; value: number }
  | { kind: "money"; cents: string }
  | { kind: "label"; group: LabelGroup; code: string }
  /** A six-point or risk rating: "MU — Moderately Unsatisfactory". */
  | { kind: "rating"; group: LabelGroup; code: string }
  | { kind: "bool"; value: boolean }
  | { kind: "ref"; ref: RecordRef }
  | { kind: "links"; urls: string[] }
  /** Evidence files by name and size, as the submission's event sealed them. */
  | { kind: "files"; files: Array<{ id: string; name: string; size: number }> }
  | { kind: "period"; start: string; end: string }
  | { kind: "targets"; targets: Array<{ periodEnd: string; value: number }> };

export type Change = { label: TranslationKey; before: Shown; after: Shown };

/** The stored event, for auditors: the JSON as written, the ids and the chain fields. */
export type RawDetail = {
  action: string;
  entityType: string;
  entityId: string;
  projectId: string | null;
  actorId: string | null;
  actorEmail: string | null;
  requestId: string | null;
  before: string | null;
  after: string | null;
  prevHash: string;
  hash: string;
};

export type EventView = {
  seq: number;
  occurredAt: string;
  /** The action's current name (a renamed action's old events included); tests and styles key on it. */
  action: string;
  entityType: string;
  entityId: string;
  projectId: string | null;
  projectCode: string | null;
  /** The sentence's key: `{{actor}}` and `{{record}}` become links, other values come from `values`. */
  sentence: TranslationKey;
  actor: RecordRef | null;
  record: RecordRef | null;
  project: RecordRef | null;
  values: Record<string, Shown>;
  changes: Change[];
  /** A creation lists the values the record was created with (no "before" column). */
  creation: boolean;
  reason: string | null;
  /**
   * Whether the reader may open the stored record (RawDetail). It is fetched when opened, not sent with the page:
   * fifty events' JSON and hashes would weigh on every load of a page where it is opened now and then.
   */
  stored: boolean;
};

/**
 * One line of History's list: the sentence and what links it, without the changes and the reason. Those are read
 * from the event's own address when its details are opened (most never are), so the page carries one sentence per
 * event and its hydration data stays small.
 */
export type EventLine = Omit<EventView, "changes" | "creation" | "reason">;
