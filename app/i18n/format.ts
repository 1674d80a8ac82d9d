import { useTranslation } from "react-i18next";
import { INTL_LOCALE, isLocale, DEFAULT_LOCALE } from "./config";

/** Locale-aware formatting of dates, numbers and money (US cents) through Intl. */
export function makeFormatters(language: string) {
  const tag = INTL_LOCALE[isLocale(language) ? language : DEFAULT_LOCALE];
  const date = new Intl.DateTimeFormat(tag, { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
  const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const number = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(tag, { style: "percent", maximumFractionDigits: 0 });
  // minimumFractionDigits: Node's ICU and the browser's disagree on the default ("US$27.0m" vs "US$27m"), which breaks hydration.
  const money = new Intl.NumberFormat(tag, { style: "currency", currency: "USD", notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 1 });
  const toDate = (value: string | Date) => (typeof value === "string" ? new Date(value) : value);
  return {
    date: (value: string | Date | null | undefined) => (value ? date.format(toDate(value)) : "—"),
    dateTime: (value: string | Date | null | undefined) => (value ? `${dateTime.format(toDate(value))} UTC` : "—"),
    number: (value: number | null | undefined) => (value === null || value === undefined ? "—" : number.format(value)),
    /** `ratio` is 0..1 */
    percent: (ratio: number | null | undefined) => (ratio === null || ratio === undefined ? "—" : percent.format(ratio)),
    /** Money arrives from loaders as US cents in a number (exact up to $90 trillion). */
    moneyFromCents: (cents: number | null | undefined) =>
      cents === null || cents === undefined ? "—" : money.format(cents / 100),
  };
}

export function useFormat() {
  const { i18n } = useTranslation();
  return makeFormatters(i18n.language);
}
