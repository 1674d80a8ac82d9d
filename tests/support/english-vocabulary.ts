// The English interface vocabulary, for telling an untranslated string on a Russian or Kazakh page or e-mail: every
// ASCII word (3+ letters) of the English locale's strings. A word that also appears IN CAPITALS in the Russian or
// Kazakh strings is an acronym kept on purpose (IFC, CSV…), and proper nouns, formats and loanwords are kept too.
import en from "../../app/i18n/locales/en/index";
import kk from "../../app/i18n/locales/kk/index";
import ru from "../../app/i18n/locales/ru/index";

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}
const words = (text: string) => text.replace(/\{\{[^}]*\}\}/g, " ").match(/[A-Za-z]{3,}/g) ?? [];

// Proper nouns, formats, protocols, loanwords Russian and Kazakh use as is ("e-mail", "cookie"), and the language
// picker's own "English".
const KEPT = new Set([
  "qadam",
  "iati",
  "csv",
  "xlsx",
  "ndjson",
  "usd",
  "utc",
  "http",
  "https",
  "mail",
  "cookie",
  "excel",
  // Microsoft's products, named as such in the evidence files' help ("документы Word, Excel или PowerPoint").
  "word",
  "powerpoint",
  "english",
]);
for (const word of [...strings(ru), ...strings(kk)].flatMap(words)) {
  if (word === word.toUpperCase()) KEPT.add(word.toLowerCase());
}

/** Lower-case English interface words. */
export const ENGLISH: ReadonlySet<string> = new Set(
  strings(en)
    .flatMap(words)
    .map((w) => w.toLowerCase())
    .filter((w) => !KEPT.has(w)),
);

/** The English interface words in a text (data removed beforehand by the caller). */
export function englishWords(text: string): string[] {
  return [...new Set((text.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => ENGLISH.has(w.toLowerCase())))];
}
