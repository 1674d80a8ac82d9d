import { data } from "@remix-run/node";

/**
 * Optimistic concurrency: every editable row has a `version`. A save names the version it was based on;
 * `updateMany({ where: { id, version } })` changes nothing when someone saved first, and we throw this
 * with the row as it is now, so the user sees what changed and keeps their input.
 */
export class VersionConflictError<T = unknown> extends Error {
  constructor(readonly current: T) {
    super("version conflict");
  }
}

/** The 409 answer a form understands: the current record next to the user's unsaved input. */
export function conflictResponse<T>(current: T) {
  return data({ ok: false as const, conflict: { current } }, { status: 409 });
}
