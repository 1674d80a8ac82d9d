import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { isIPv4, isIPv6 } from "node:net";

/**
 * Per-request facts (request id, client IP, signed-in user, CSP nonce) shared between our HTTP server
 * (scripts/server.mjs, which opens the store around each request and logs from it) and the app.
 * The store lives on globalThis under a registered symbol because the server and the app bundle are
 * separate module graphs.
 */
export type RequestStore = {
  requestId: string;
  ip: string | null;
  userId: string | null;
  /** This request's Content-Security-Policy nonce: inline scripts without it do not run. */
  cspNonce?: string;
  /** Per-request memo (e.g. the validated session: the root, layout and page loaders all ask for it). */
  memo?: Map<string, Promise<unknown>>;
};

const KEY = Symbol.for("qadam.request-store");
const globalStore: Record<symbol, AsyncLocalStorage<RequestStore> | undefined> = globalThis;

export function getRequestStorage(): AsyncLocalStorage<RequestStore> {
  return (globalStore[KEY] ??= new AsyncLocalStorage<RequestStore>());
}

const MAPPED_IPV4 = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/;

/**
 * One spelling per client address. A dual-stack server sees the same IPv4 client as `::ffff:127.0.0.1`, and a
 * local client as `::1` or `127.0.0.1` depending on how it connected: counted as different clients, one machine
 * would get twice the sign-in attempts. IPv6 is written in its canonical compressed lower-case form, IPv4-mapped
 * addresses as plain IPv4, and the IPv6 loopback as the IPv4 one. Anything that is not an address is kept as is.
 */
export function normalizeClientIp(ip: string | null | undefined): string | null {
  const bare = (ip ?? "")
    .trim()
    .replace(/^\[(.*)\]$/, "$1")
    // A zone index (fe80::1%eth0) names the server's interface, not the client.
    .replace(/%.*$/, "");
  if (!bare) return null;
  if (isIPv4(bare) || !isIPv6(bare)) return bare;
  const canonical = new URL(`http://[${bare}]`).hostname.slice(1, -1);
  if (canonical === "::1") return "127.0.0.1";
  const mapped = MAPPED_IPV4.exec(canonical);
  if (!mapped) return canonical;
  const [high, low] = [parseInt(mapped[1], 16), parseInt(mapped[2], 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

/** The current request's facts; outside our server (scripts, tests) a fresh id and no IP. */
export function currentRequest(): RequestStore {
  const store = getRequestStorage().getStore();
  if (!store) return { requestId: randomUUID(), ip: null, userId: null };
  // Normalised in place (idempotent), so the access log, audit events, sessions and throttling name a client alike.
  store.ip = normalizeClientIp(store.ip);
  return store;
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
