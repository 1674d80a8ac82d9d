import { createI18n, type Locale } from "~/i18n/config";
import { makeFormatters } from "~/i18n/format";
import { labelKey } from "~/i18n/keys";
import type { StatusReason } from "./status-rules";

/**
 * A status reason as the sentence the board card shows, outside React (the portfolio workbook): the same
 * `portfolio.reasons` strings with the same values — rating kinds and ratings named, dates formatted.
 */
export function reasonSentence(reason: StatusReason, locale: Locale): string {
  const { t } = createI18n(locale);
  const label = (group: "portfolio.ratingKinds" | "domain.rating", code: string) => {
    const key = labelKey(group, code);
    return key ? t(key) : code;
  };
  const values: Record<string, string | number> = { ...reason.values };
  if (typeof values.kind === "string") values.kind = label("portfolio.ratingKinds", values.kind);
  for (const key of ["rating", "from", "to"]) {
    const code = values[key];
    if (typeof code === "string") values[`${key}Name`] = label("domain.rating", code);
  }
  if (typeof values.date === "string") values.date = makeFormatters(locale).date(values.date);
  return t(`portfolio.reasons.${reason.code}`, values);
}
