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
