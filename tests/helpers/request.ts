import { getRequestStorage } from "~/lib/request.server";

/**
 * Runs `work` as our server runs a request's code: inside the per-request store. The per-state caches only keep
 * values there (outside, scripts and fixtures may write without the audit chain), so tests of a cache go through it.
 */
export function insideServerRequest<T>(work: () => Promise<T>): Promise<T> {
  return getRequestStorage().run({ requestId: "test-request", ip: null, userId: null }, work);
}
