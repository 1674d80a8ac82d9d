import type { TFunction } from "i18next";
import { makeFormatters } from "~/i18n/format";
import { labelKey, type LabelGroup } from "~/i18n/keys";
import type { StatusReason } from "./status-rules";

/**
 * Sentences already written, per language and reason. Every string is bundled and an i18next instance never changes
 * its language (i18n/config.ts), so a reason's sentence in a language is fixed: remembering it is exact. A board page
 * writes about a hundred and fifty reasons (four translations each), the same ones on every request until the
 * portfolio changes; the map is emptied when it grows past a bound, so it cannot grow without limit.
 */
const written = new Map<string, string>();
const WRITTEN_LIMIT = 20_000;

/** A code's label, or the code itself when it has none (as useLabel shows it). */
function labelOf(t: TFunction, group: LabelGroup, code: string): string {
  const key = labelKey(group, code);
  return key ? t(key) : code;
}

function write(reason: StatusReason, t: TFunction, language: string): string {
  const values: Record<string, string | number> = { ...reason.values };
  if (typeof values.kind === "string") values.kind = labelOf(t, "portfolio.ratingKinds", values.kind);
  for (const key of ["rating", "from", "to"]) {
    if (typeof values[key] === "string") values[`${key}Name`] = labelOf(t, "domain.rating", values[key]);
  }
  if (typeof values.date === "string") values.date = makeFormatters(language).date(values.date);
  return t(`portfolio.reasons.${reason.code}`, values);
}

/** A status reason (code + values) as a sentence in `language` (`t` is that language's). */
export function reasonSentence(reason: StatusReason, t: TFunction, language: string): string {
  const key = `${language}\u0000${reason.code}\u0000${JSON.stringify(reason.values)}`;
  let text = written.get(key);
  if (text === undefined) {
    text = write(reason, t, language);
    if (written.size >= WRITTEN_LIMIT) written.clear();
    written.set(key, text);
  }
  return text;
}
