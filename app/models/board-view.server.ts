import type { TFunction } from "i18next";
import { createI18n, type Locale } from "~/i18n/config";
import { labelKey, type LabelGroup } from "~/i18n/keys";
import { localizedName } from "~/lib/localized-name";
import { reasonSentence } from "~/lib/status-reason-text";
import type { BoardPage } from "./board-page.server";

/**
 * The board page as one reader sees it: names in their language and each card's lines already written. The page's
 * hydration data carried every name in three languages, and each render asked i18next for the same labels and
 * sentences card by card. A view is derived from a cached page object and kept beside it (per language, at most
 * three), so it lives exactly as long as that page stays in the cache of its state of the database.
 */
const views = new WeakMap<BoardPage, Map<Locale, BoardView>>();

function labelOf(t: TFunction, group: LabelGroup, code: string): string {
  const key = labelKey(group, code);
  return key ? t(key) : code;
}

function writeView(page: BoardPage, locale: Locale) {
  const t = createI18n(locale).getFixedT(locale);
  const rating = (code: string) => `${labelOf(t, "domain.rating", code)} (${code})`;
  return {
    counts: page.counts,
    total: page.total,
    colour: page.colour,
    page: page.page,
    pages: page.pages,
    from: page.from,
    to: page.to,
    ofColourTotal: page.ofColourTotal,
    frameworks: page.frameworks.map((f) => ({ id: f.id, name: localizedName(f, locale) })),
    areas: page.areas.map((area) => ({
      id: area.id,
      name: localizedName(area.name, locale),
      frameworkCode: area.frameworkCode,
      counts: area.counts,
      total: area.total,
    })),
    projects: page.projects.map((p) => ({
      id: p.id,
      code: p.code,
      name: p.name,
      colour: p.colour,
      meta: [
        labelOf(t, "domain.institution", p.institution),
        labelOf(t, "domain.projectStatus", p.status),
        localizedName(p.agency, locale),
      ].join(" · "),
      // Ratings in words first, the code after, as the reasons write them ("Satisfactory (S)").
      rating: p.latestRating
        ? t("portfolio.board.latestRating", {
            pdo: rating(p.latestRating.pdoRating),
            ip: rating(p.latestRating.ipRating),
          })
        : null,
      reasons: p.reasons.map((r) => ({ code: r.code, severity: r.severity, text: reasonSentence(r, t, locale) })),
    })),
  };
}

export type BoardView = ReturnType<typeof writeView>;
export type BoardViewCard = BoardView["projects"][number];

/** `page` in `locale`: names in that language, cards' lines written (the same object while the page is cached). */
export function boardViewFor(page: BoardPage, locale: Locale): BoardView {
  let perLocale = views.get(page);
  if (!perLocale) {
    perLocale = new Map();
    views.set(page, perLocale);
  }
  let view = perLocale.get(locale);
  if (!view) {
    view = writeView(page, locale);
    perLocale.set(locale, view);
  }
  return view;
}
