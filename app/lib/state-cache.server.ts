import { cell, readFirst } from "./sql.server";

/**
 * Values computed once per state of the database: the board's colours, the filters' choices. The cache is exact, not
 * timed: every write in Qadam appends an event to the audit chain in the same transaction, so the chain's head (seq
 * and hash) names the state a value was computed from. The head is read before the value, so what is cached under a
 * key is never older than the key; a write in another process (or instance) moves the head, and the next request
 * recomputes. Concurrent requests on a new head share one computation; a failed one is not kept.
 */
type Entry = { key: string; value: Promise<unknown> };
const entries = new Map<string, Entry>();

/** The audit chain's head as a cache key: it changes with every write. */
export async function stateKey(): Promise<string> {
  // Asked on every page that shows colours: plain SQL (lib/sql.server.ts), the cheapest read there is.
  const head = await readFirst(`SELECT seq, hash FROM "AuditEvent" ORDER BY seq DESC LIMIT 1`);
  return head ? `${cell.number(head, "seq")}:${cell.text(head, "hash")}` : "empty";
}

/**
 * `compute()` for the current state of the database, computed once per state under `name`. `extraKey` adds what else
 * the value depends on (a day, a scope); the names used must be few (one entry is kept per name).
 */
export async function cachedPerState<T>(name: string, compute: () => Promise<T>, extraKey = ""): Promise<T> {
  const key = `${await stateKey()}|${extraKey}`;
  const entry = entries.get(name);
  // The entry under `name` holds what `compute` returned for this name: its type is T.
  if (entry?.key === key) return entry.value as Promise<T>;
  const value = compute();
  const fresh: Entry = { key, value };
  entries.set(name, fresh);
  value.catch(() => {
    if (entries.get(name) === fresh) entries.delete(name);
  });
  return value;
}

/** Values kept per scope (a viewer, a visibility scope): one entry per `name` and scope, the least recent dropped. */
const scopedEntries = new Map<string, Entry>();

/**
 * `compute()` for the current state of the database and one `scope` (e.g. the viewer: whatever the value depends on
 * besides the state and `extraKey`). At most `maxScopes` scopes are kept under one name, the least recently used
 * dropped first, so memory stays bounded however many people sign in.
 */
export async function cachedPerStateAndScope<T>(
  name: string,
  scope: string,
  compute: () => Promise<T>,
  extraKey: string,
  maxScopes: number,
): Promise<T> {
  const key = `${await stateKey()}|${extraKey}`;
  const slot = `${name}|${scope}`;
  const entry = scopedEntries.get(slot);
  if (entry) scopedEntries.delete(slot);
  if (entry?.key === key) {
    // Re-inserted: the Map's order is the order of last use.
    scopedEntries.set(slot, entry);
    // The entry under `slot` holds what `compute` returned for this name: its type is T.
    return entry.value as Promise<T>;
  }
  const value = compute();
  const fresh: Entry = { key, value };
  scopedEntries.set(slot, fresh);
  let inName = 0;
  for (const other of scopedEntries.keys()) if (other.startsWith(`${name}|`)) inName += 1;
  for (const other of scopedEntries.keys()) {
    if (inName <= maxScopes) break;
    if (other.startsWith(`${name}|`)) {
      scopedEntries.delete(other);
      inName -= 1;
    }
  }
  value.catch(() => {
    if (scopedEntries.get(slot) === fresh) scopedEntries.delete(slot);
  });
  return value;
}
