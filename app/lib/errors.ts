/**
 * Domain errors: what a model throws when it cannot do what it was asked. Models speak the domain, never HTTP;
 * routes turn these into answers in one place (`app/lib/http.server.ts`).
 */

export type FieldErrors = Record<string, string>;
export type MessageValues = Record<string, string | number>;

export class DomainError extends Error {}

/** The record does not exist, or the actor may not know it exists (404). */
export class NotFoundError extends DomainError {
  constructor(readonly what = "record") {
    super(`${what} not found`);
  }
}

/** The actor sees the record but may not do this to it (403). */
export class ForbiddenError extends DomainError {
  constructor(readonly what = "action") {
    super(`${what} forbidden`);
  }
}

/** Input that passed the schema but not the database's rules (a code taken, a reference gone): field errors, 400. */
export class InvalidInputError extends DomainError {
  constructor(readonly fieldErrors: FieldErrors) {
    super(`invalid input: ${Object.keys(fieldErrors).join(", ")}`);
  }
}

/** The request is understood but refused in the record's current state; `messageKey` is an i18n key for the form. */
export class RefusedError extends DomainError {
  constructor(
    readonly messageKey: string,
    readonly values?: MessageValues,
    readonly status: 403 | 409 | 422 = 409,
  ) {
    super(`refused: ${messageKey}`);
  }
}

/**
 * Optimistic concurrency: every editable row has a `version`. A save names the version it was based on;
 * `updateMany({ where: { id, version } })` changes nothing when someone saved first, and the model throws this
 * with the row as it is now, so the user sees what changed and keeps their input.
 */
export class VersionConflictError<T = unknown> extends DomainError {
  constructor(readonly current: T) {
    super("version conflict");
  }
}
