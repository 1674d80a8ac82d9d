import { SEED_TODAY } from "./constants";

/** A date without a time of day: 00:00 UTC. */
export function day(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** A moment during the working day (09:30 UTC unless a time is given). */
export function moment(iso: string): Date {
  return new Date(iso.length === 10 ? `${iso}T09:30:00Z` : iso);
}

export function addDays(iso: string, days: number, time = "09:30:00"): Date {
  const d = day(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return new Date(`${d.toISOString().slice(0, 10)}T${time}Z`);
}

/** US dollars in millions (two decimals at most) → US cents. */
export function usdMillions(millions: number): bigint {
  return BigInt(Math.round(millions * 100)) * 1_000_000n;
}

const TODAY_END = new Date(`${SEED_TODAY}T23:59:59Z`);
export function past(date: Date, what: string): Date {
  if (date > TODAY_END) throw new Error(`seed data error: ${what} (${date.toISOString()}) is after ${SEED_TODAY}`);
  return date;
}

/** Evidence links as the app stores them: a JSON array of URLs. */
export const evidence = (...paths: string[]) =>
  JSON.stringify(paths.map((p) => `https://files.qadam.test/evidence/${p}`));
