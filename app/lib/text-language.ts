/**
 * The language a free text is written in, among the three Qadam works in, told by its letters: Kazakh and Russian
 * share the Cyrillic alphabet, and Kazakh adds nine letters Russian never uses (Ә Ғ Қ Ң Ө Ұ Ү Һ І). Text with more
 * Cyrillic than Latin letters is Kazakh when it holds one of those, Russian otherwise; anything else (including text
 * without letters) is taken as English, the language Qadam's records default to.
 */
export type TextLanguage = "en" | "ru" | "kk";

const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LATIN = /\p{Script=Latin}/gu;
const KAZAKH_ONLY = /[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/u;

export function textLanguage(value: string): TextLanguage {
  const cyrillic = value.match(CYRILLIC)?.length ?? 0;
  const latin = value.match(LATIN)?.length ?? 0;
  if (cyrillic === 0 || cyrillic <= latin) return "en";
  return KAZAKH_ONLY.test(value) ? "kk" : "ru";
}
