import { data } from "@remix-run/node";

/** The 409 answer the project edit form understands (to be replaced by `answerConflict` in app/lib/http.server.ts). */
export function conflictResponse<T>(current: T) {
  return data({ ok: false as const, conflict: { current } }, { status: 409 });
}
