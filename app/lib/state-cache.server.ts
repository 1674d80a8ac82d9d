import { getRequestStorage } from "./request.server";
import { cell, readFirst } from "./sql.server";

/**
 * Values computed once per state of the database: the board's colours, the filters' choices, pages per viewer. The
 * cache is exact, not timed: every write in Qadam appends an event to the audit chain in the same transaction, so the
 * chain's head (seq and hash) names the state a value was computed from. The head is read before the value, so what
 * is cached under a key is never older than the key; a write in another process (or instance) moves the head, and the
 * next request recomputes. Concurrent requests on a new head share one computation; a failed one is not kept.
 *
 * Only inside a request of our server: scripts and tests may write without the audit chain (fixtures, imports
 * under test), so outside a request every value is computed afresh.
 */
type Entry = { key: string; value: Promise<unknown> };

/** Per name, its scopes' entries; a Map iterates in insertion order, so re-inserting on use makes it an LRU. */
const entriesByName = new Map<string, Map<string, Entry>>();

/** The audit chain's head as a cache key: it changes with every write. */
export async function stateKey(): Promise<string> {
  // Asked on every page that shows colours: plain SQL (lib/sql.server.ts), the cheapest read there is.
  const head = await readFirst(`SELECT seq, hash FROM "AuditEvent" ORDER BY seq DESC LIMIT 1`);
  return head ? `${cell.number(head, "seq")}:${cell.text(head, "hash")}` : "empty";
}

/**
 * `compute()` for the current state of the database, computed once per state under `name`. `extraKey` adds what else
 * the value depends on (a day, a query) that changes from one request to the next: one entry is kept per name.
 */
export function cachedPerState<T>(name: string, compute: () => Promise<T>, extraKey = ""): Promise<T> {
  return cachedPerStateAndScope(name, "", compute, extraKey, 1);
}

/**
 * `compute()` for the current state of the database and one `scope` (the viewer, a visibility scope, a query:
 * whatever the value depends on besides the state and `extraKey`). At most `maxScopes` scopes are kept under one
 * name, the least recently used dropped first, so memory stays bounded however many people sign in.
 */
export async function cachedPerStateAndScope<T>(
  name: string,
  scope: string,
  compute: () => Promise<T>,
  extraKey: string,
  maxScopes: number,
): Promise<T> {
  if (!getRequestStorage().getStore()) return compute();
  const key = `${await stateKey()}|${extraKey}`;
  let scopes = entriesByName.get(name);
  if (!scopes) entriesByName.set(name, (scopes = new Map()));
  const entry = scopes.get(scope);
  if (entry) scopes.delete(scope);
  if (entry?.key === key) {
    scopes.set(scope, entry);
    // The entries under `name` hold what `compute` returned for this name: their type is T.
    return entry.value as Promise<T>;
  }
  const value = compute();
  const fresh: Entry = { key, value };
  scopes.set(scope, fresh);
  for (const oldest of scopes.keys()) {
    if (scopes.size <= maxScopes) break;
    scopes.delete(oldest);
  }
  value.catch(() => {
    if (scopes.get(scope) === fresh) scopes.delete(scope);
  });
  return value;
}
