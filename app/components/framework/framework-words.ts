import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { colourNames } from "~/components/board/status-badge";
import { makeFormatters } from "~/i18n/format";
import { rememberedPerLanguage } from "~/i18n/remembered-labels";

const INSTITUTIONS = ["WB", "IFC", "JOINT"] as const;
const PROJECT_STATUSES = ["PIPELINE", "ACTIVE", "CLOSED", "CANCELLED"] as const;

/** Sentences with figures in them, remembered per language: the figures repeat (a few areas, a few frameworks). */
const PHRASES_LIMIT = 2_000;

function buildWords(t: TFunction) {
  const phrases = new Map<string, string>();
  function phrase(key: string, write: () => string): string {
    let known = phrases.get(key);
    if (known === undefined) {
      known = write();
      if (phrases.size >= PHRASES_LIMIT) phrases.clear();
      phrases.set(key, known);
    }
    return known;
  }
  return {
    title: t("portfolio.cpf.title"),
    intro: t("portfolio.cpf.intro"),
    empty: t("portfolio.cpf.empty"),
    open: t("portfolio.cpf.open"),
    scopeNote: t("portfolio.cpf.scopeNote"),
    envelope: t("portfolio.cpf.envelope"),
    committed: t("portfolio.cpf.committed"),
    pipeline: t("portfolio.cpf.pipeline"),
    money: t("portfolio.cpf.money"),
    byStatus: t("portfolio.cpf.byStatus"),
    indicators: t("portfolio.cpf.indicators"),
    noIndicators: t("portfolio.cpf.noIndicators"),
    noProjects: t("portfolio.cpf.noProjects"),
    noAreas: t("portfolio.cpf.noAreas"),
    boardLink: t("portfolio.cpf.boardLink"),
    seeAllProjects: t("lists.seeAllProjects"),
    columns: {
      project: t("portfolio.columns.project"),
      institution: t("portfolio.columns.institution"),
      status: t("portfolio.columns.status"),
      board: t("portfolio.columns.board"),
      commitment: t("portfolio.columns.commitment"),
      disbursed: t("portfolio.columns.disbursed"),
    },
    colours: colourNames(t),
    institutions: labelsOf(INSTITUTIONS, (code) => t(`domain.institution.${code}`)),
    statuses: labelsOf(PROJECT_STATUSES, (code) => t(`domain.projectStatus.${code}`)),
    areaCount: (count: number) => phrase(`areas\u0000${count}`, () => t("portfolio.cpf.areaCount", { count })),
    projectCount: (count: number) => phrase(`projects\u0000${count}`, () => t("portfolio.cpf.projectCount", { count })),
    indicatorCount: (count: number) =>
      phrase(`indicators\u0000${count}`, () => t("portfolio.cpf.indicatorCount", { count })),
    envelopeFormula: (annual: string, years: number, total: string) =>
      phrase(`formula\u0000${annual}\u0000${years}\u0000${total}`, () =>
        t("portfolio.cpf.envelopeFormula", { annual, years, total }),
      ),
    barLabel: (share: string, pipeline: string) =>
      phrase(`bar\u0000${share}\u0000${pipeline}`, () => t("portfolio.cpf.barLabel", { share, pipeline })),
    overEnvelope: (amount: string) => phrase(`over\u0000${amount}`, () => t("charts.overEnvelope", { amount })),
  };
}

function labelsOf<const C extends string>(codes: readonly C[], label: (code: C) => string): Record<C, string> {
  return Object.fromEntries(codes.map((code) => [code, label(code)])) as Record<C, string>;
}

export type FrameworkWords = ReturnType<typeof buildWords>;

/** A label of a code list in `labels`, or the code itself when unknown (as `useLabel` shows it). */
export function labelOf(labels: Readonly<Record<string, string>>, code: string): string {
  return Object.hasOwn(labels, code) ? labels[code] : code;
}

const frameworkWords = rememberedPerLanguage(buildWords);

/**
 * The CPF pages' words and formatters in the page's language, asked once per page and handed to its parts (remembered
 * per language: exact, see rememberedPerLanguage). Each area, bar and table row asked i18next again for the same
 * labels (and each part called `useTranslation`, which builds a translator on every render): most of what rendering
 * the page cost beyond React itself.
 */
export function useFrameworkWords() {
  const { i18n } = useTranslation();
  return { words: frameworkWords(i18n), format: makeFormatters(i18n.language) };
}

export type Formatters = ReturnType<typeof makeFormatters>;
