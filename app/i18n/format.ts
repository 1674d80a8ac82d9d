import { format as formatDate } from "date-fns";
import { enGB, kk, ru, type Locale as DateLocale } from "date-fns/locale";
import { useTranslation } from "react-i18next";
import { isLocale, DEFAULT_LOCALE, type Locale } from "./config";

/**
 * Locale-aware formatting of dates, numbers and money (US cents), identical on the server and in the browser.
 * Dates go through date-fns' locale data (browsers ship little Kazakh ICU data: Chromium prints "2026 M11 26");
 * numbers use Intl with a locale every ICU build has (Kazakh shares Russian separators: 1 234,5).
 */
const DATE_LOCALES: Record<Locale, DateLocale> = { en: enGB, ru, kk };
const NUMBER_TAGS: Record<Locale, string> = { en: "en-GB", ru: "ru-RU", kk: "ru-RU" };
const MONEY_UNITS: Record<
  Locale,
  { thousand: string; million: string; billion: string; pattern: (n: string, unit: string) => string }
> = {
  en: { thousand: "K", million: "M", billion: "B", pattern: (n, unit) => `$${n}${unit}` },
  ru: { thousand: " тыс.", million: " млн", billion: " млрд", pattern: (n, unit) => `${n}${unit} $` },
  kk: { thousand: " мың", million: " млн", billion: " млрд", pattern: (n, unit) => `${n}${unit} $` },
};

/** The UTC wall-clock time as a local Date, so date-fns prints UTC whatever the machine's time zone. */
function utcWallClock(value: string | Date): Date {
  const d = typeof value === "string" ? new Date(value) : value;
  return new Date(
    d.getUTCFullYear(),
    d.getUTCMonth(),
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
  );
}

const formatters = new Map<Locale, ReturnType<typeof buildFormatters>>();

/** Formatters per locale, built once (Intl objects are costly to construct, and every cell asks for one). */
export function makeFormatters(language: string) {
  const locale: Locale = isLocale(language) ? language : DEFAULT_LOCALE;
  let built = formatters.get(locale);
  if (!built) {
    built = buildFormatters(locale);
    formatters.set(locale, built);
  }
  return built;
}

function buildFormatters(locale: Locale) {
  const dateLocale = DATE_LOCALES[locale];
  const number = new Intl.NumberFormat(NUMBER_TAGS[locale], { maximumFractionDigits: 2 });
  const compact = new Intl.NumberFormat(NUMBER_TAGS[locale], { minimumFractionDigits: 0, maximumFractionDigits: 1 });
  const whole = new Intl.NumberFormat(NUMBER_TAGS[locale], { maximumFractionDigits: 0 });
  const units = MONEY_UNITS[locale];

  function money(dollars: number): string {
    const sign = dollars < 0 ? "−" : "";
    const abs = Math.abs(dollars);
    if (abs >= 1e9) return sign + units.pattern(compact.format(abs / 1e9), units.billion);
    if (abs >= 1e6) return sign + units.pattern(compact.format(abs / 1e6), units.million);
    if (abs >= 1e4) return sign + units.pattern(compact.format(abs / 1e3), units.thousand);
    return sign + units.pattern(whole.format(abs), "");
  }

  return {
    date: (value: string | Date | null | undefined) =>
      value ? formatDate(utcWallClock(value), "d MMM yyyy", { locale: dateLocale }) : "—",
    dateTime: (value: string | Date | null | undefined) =>
      value ? `${formatDate(utcWallClock(value), "d MMM yyyy, HH:mm", { locale: dateLocale })} UTC` : "—",
    /** "Nov 2026" — axis ticks. */
    monthYear: (value: string | Date) => formatDate(utcWallClock(value), "LLL yyyy", { locale: dateLocale }),
    /** In the viewer's own time zone: call only after hydration (the server cannot know it). */
    localDateTime: (value: string | Date) => formatDate(new Date(value), "d MMM yyyy, HH:mm", { locale: dateLocale }),
    number: (value: number | null | undefined) => (value === null || value === undefined ? "—" : number.format(value)),
    /** `ratio` is 0..1 */
    percent: (ratio: number | null | undefined) =>
      ratio === null || ratio === undefined ? "—" : `${whole.format(ratio * 100)}${locale === "en" ? "" : "\u00a0"}%`,
    /** Money arrives from loaders as US cents in a number (exact up to $90 trillion). */
    moneyFromCents: (cents: number | null | undefined) =>
      cents === null || cents === undefined ? "—" : money(cents / 100),
  };
}

export function useFormat() {
  const { i18n } = useTranslation();
  return makeFormatters(i18n.language);
}
