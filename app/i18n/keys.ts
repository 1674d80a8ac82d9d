import type { ParseKeys } from "i18next";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import en from "./locales/en/index";

/**
 * Translation keys are typed (see i18next.d.ts): a literal key that does not exist fails the typecheck. Keys that
 * arrive as data — a zod message, an action's answer, a flash, a code from the database — are checked here at run
 * time instead of being trusted, so no key is ever built from an unchecked string.
 */
export type TranslationKey = ParseKeys;

type Tree = { readonly [key: string]: string | Tree };

function lookup(path: string): string | Tree | undefined {
  let node: string | Tree | undefined = en;
  for (const part of path.split(".")) {
    if (node === undefined || typeof node === "string" || !Object.hasOwn(node, part)) return undefined;
    node = node[part];
  }
  return node;
}

/** Is `key` the key of an English string (and so, by the typed locale files, of a Russian and a Kazakh one)? */
export function isTranslationKey(key: string): key is TranslationKey {
  return typeof lookup(key) === "string";
}

/** A message key received as data; an unknown one shows the generic "the request was not valid". */
export function messageKey(key: string): TranslationKey {
  return isTranslationKey(key) ? key : "common.errors.badRequest";
}

/** The groups of labels for code lists (statuses, ratings, roles ...): objects whose values are all strings. */
type LabelGroups<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends Record<string, string>
    ? `${Prefix}${K}`
    : T[K] extends object
      ? LabelGroups<T[K], `${Prefix}${K}.`>
      : never;
}[keyof T & string];
export type LabelGroup = LabelGroups<typeof en>;

/** The key of `code`'s label in `group` (e.g. "domain.milestoneStatus", "DELAYED"), or null for an unknown code. */
export function labelKey(group: LabelGroup, code: string): TranslationKey | null {
  const key = `${group}.${code}`;
  return isTranslationKey(key) ? key : null;
}

/**
 * Labels already looked up, per language, group and code. Every string is bundled and an i18next instance never
 * changes its language (i18n/config.ts), so a label is fixed: remembering it is exact. Lists call this for every cell
 * (institution, status, rating), the same few hundred labels on every request. Codes come from the database, so the
 * map is emptied past a bound.
 */
const labels = new Map<string, string>();
const LABELS_LIMIT = 5_000;

/** Labels for codes in the user's language; an unknown code is shown as it is rather than as a key path. */
export function useLabel() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useCallback(
    (group: LabelGroup, code: string): string => {
      const remembered = `${language}\u0000${group}\u0000${code}`;
      let label = labels.get(remembered);
      if (label === undefined) {
        const key = labelKey(group, code);
        label = key ? t(key) : code;
        if (labels.size >= LABELS_LIMIT) labels.clear();
        labels.set(remembered, label);
      }
      return label;
    },
    [t, language],
  );
}
