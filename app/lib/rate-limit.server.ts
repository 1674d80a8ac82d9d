import { createI18n, DEFAULT_LOCALE, isLocale } from "~/i18n/config";

/**
 * Writes a signed-in user can repeat at will and that each append to the audit history (a language switch, an
 * export): limited per user and kind so the append-only history cannot be flooded. Generous for people — nobody
 * switches language 30 times or downloads 20 exports in ten minutes by hand — and tight for a script.
 */
export const RATE_LIMITS = {
  languageSwitch: { max: 30, windowMs: 10 * 60_000 },
  export: { max: 20, windowMs: 10 * 60_000 },
} as const;

export type RateLimitKind = keyof typeof RATE_LIMITS;

/**
 * The accepted attempts of the last window per kind and user, oldest first. In this process's memory: Qadam runs as
 * one process on one SQLite file, a counter in the database would itself be a write per attempt, and a restart
 * forgetting the counts lets through at most one more window's worth. With several instances, or several workers
 * of one server (WEB_CONCURRENCY), each counts its own requests, so the effective limit is the sum over them: a
 * browser keeps its connection, and so its worker, but a script opening new connections can reach N times the limit
 * with N workers — still a fixed bound on what it can append. (The login throttle is kept in the database and holds
 * across workers exactly.)
 */
const accepted: Record<RateLimitKind, Map<string, number[]>> = { languageSwitch: new Map(), export: new Map() };
const SWEEP_ABOVE = 10_000;

export type RateLimitAnswer = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Counts an attempt if the user is within the limit; refused attempts are not counted (they write nothing). */
export function takeRateLimit(kind: RateLimitKind, userId: string, now = Date.now()): RateLimitAnswer {
  const { max, windowMs } = RATE_LIMITS[kind];
  const users = accepted[kind];
  const recent = (users.get(userId) ?? []).filter((at) => at > now - windowMs);
  users.set(userId, recent);
  if (recent.length >= max) {
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((recent[0] + windowMs - now) / 1000)) };
  }
  recent.push(now);
  // Users whose attempts have all left the window are forgotten, so memory stays bounded by active users.
  if (users.size > SWEEP_ABOVE) {
    for (const [id, times] of users) if (times.every((at) => at <= now - windowMs)) users.delete(id);
  }
  return { ok: true };
}

/**
 * At the top of a loader or action: over the limit, throws a 429 with `Retry-After` and a short plain-text
 * explanation in the user's language, before anything is written.
 */
export function enforceRateLimit(user: { id: string; locale: string }, kind: RateLimitKind): void {
  const answer = takeRateLimit(kind, user.id);
  if (answer.ok) return;
  const minutes = Math.ceil(answer.retryAfterSeconds / 60);
  const t = createI18n(isLocale(user.locale) ? user.locale : DEFAULT_LOCALE).t;
  throw new Response(t(`common.rateLimited.${kind}`, { minutes }), {
    status: 429,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": String(answer.retryAfterSeconds) },
  });
}
