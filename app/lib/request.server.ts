import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

/**
 * Per-request facts (request id, client IP, signed-in user) shared between our HTTP server
 * (scripts/server.mjs, which opens the store around each request and logs from it) and the app.
 * The store lives on globalThis under a registered symbol because the server and the app bundle are
 * separate module graphs.
 */
export type RequestStore = {
  requestId: string;
  ip: string | null;
  userId: string | null;
  /** Per-request memo (e.g. the validated session: the root, layout and page loaders all ask for it). */
  memo?: Map<string, Promise<unknown>>;
};

const KEY = Symbol.for("qadam.request-store");
const globalStore: Record<symbol, AsyncLocalStorage<RequestStore> | undefined> = globalThis;

export function getRequestStorage(): AsyncLocalStorage<RequestStore> {
  return (globalStore[KEY] ??= new AsyncLocalStorage<RequestStore>());
}

/** The current request's facts; outside our server (scripts, tests) a fresh id and no IP. */
export function currentRequest(): RequestStore {
  return getRequestStorage().getStore() ?? { requestId: randomUUID(), ip: null, userId: null };
}

/** Lets the access log name the user behind a request. */
export function noteRequestUser(userId: string) {
  const store = getRequestStorage().getStore();
  if (store) store.userId = userId;
}

/** Runs `compute` once per request for `key` (every call when outside our server). */
export function memoizeForRequest<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const store = getRequestStorage().getStore();
  if (!store) return compute();
  store.memo ??= new Map();
  let value = store.memo.get(key) as Promise<T> | undefined;
  if (!value) {
    value = compute();
    store.memo.set(key, value);
  }
  return value;
}
