import { format as formatDate } from "date-fns";
import { enGB, kk, ru } from "date-fns/locale";
import { isIsoDay } from "./dates";

/**
 * Reading a day typed by a person. Date fields show the day the way the rest of Qadam writes it ("31 Dec 2026",
 * "31 дек. 2026", "31 жел 2026": day first, month as a word, so it cannot be misread) and accept what people type:
 * that same form in any of the three languages (a full or short month name, any grammatical case), the day-first
 * numeric form used in Kazakhstan and by World Bank staff (31.12.2026, 31/12/2026) or an ISO day (2026-12-31).
 * Numeric input is always day first: Qadam never reads 03/04 as 4 March.
 */

const LOCALES = [enGB, ru, kk];

/** Every way a month is written in the three languages, lowercase and without a trailing dot: month index → names. */
const MONTH_NAMES: string[][] = Array.from({ length: 12 }, (_, month) => {
  const names = new Set<string>();
  const sample = new Date(2026, month, 15);
  for (const locale of LOCALES) {
    for (const width of ["wide", "abbreviated"] as const) {
      for (const context of ["formatting", "standalone"] as const) {
        names.add(String(locale.localize.month(month as never, { width, context })));
      }
    }
    // The form "15 мая" (genitive) that dates print with.
    for (const pattern of ["d MMMM", "d MMM"]) names.add(formatDate(sample, pattern, { locale }).split(" ")[1] ?? "");
  }
  return [...names].map((n) => n.toLowerCase().replace(/\.$/, "")).filter((n) => n.length > 0);
});

function monthOf(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, "");
  if (w.length < 3) return null;
  const matches = new Set<number>();
  MONTH_NAMES.forEach((names, month) => {
    if (names.some((n) => n === w || (n.startsWith(w) && w.length >= 3) || (w.startsWith(n) && n.length >= 3)))
      matches.add(month);
  });
  return matches.size === 1 ? [...matches][0] : null;
}

const pad = (n: number) => String(n).padStart(2, "0");

function isoOf(year: number, month: number, day: number): string | null {
  const iso = `${year}-${pad(month)}-${pad(day)}`;
  return isIsoDay(iso) ? iso : null;
}

/** The `YYYY-MM-DD` day a person typed, or null when it is not a real day in one of the accepted forms. */
export function parseDayInput(text: string): string | null {
  // "31 декабря 2026 г." / "2026 ж." — the year's trailing abbreviation is not part of the day.
  const value = text
    .trim()
    .replace(/\s+(г|ж|жыл)\.?$/i, "")
    .replace(/,/g, " ")
    .replace(/\s+/g, " ");
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (match) return isoOf(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(value);
  if (match) return isoOf(Number(match[3]), Number(match[2]), Number(match[1]));
  match = /^(\d{1,2})\.? ([^\d\s]+) (\d{4})$/u.exec(value);
  if (match) {
    const month = monthOf(match[2]);
    return month === null ? null : isoOf(Number(match[3]), month + 1, Number(match[1]));
  }
  return null;
}
