import { rememberedPerLanguage } from "~/i18n/remembered-labels";
import { colourNames } from "./status-badge";

const RULES = ["r1", "r2", "r3", "r4", "a1", "a2", "a3", "a4", "a5", "completed", "pipeline", "trajectory"] as const;

/** The board's fixed words (headings, filters, colours, rules), the same on every visit in a language. */
export const boardLabels = rememberedPerLanguage((t) => ({
  title: t("portfolio.board.title"),
  intro: t("portfolio.board.intro"),
  empty: t("portfolio.board.empty"),
  columnEmpty: t("portfolio.board.columnEmpty"),
  noIssues: t("portfolio.board.noIssues"),
  rulesTitle: t("portfolio.board.rulesTitle"),
  rules: RULES.map((key) => ({ key, text: t(`portfolio.rules.${key}`) })),
  colours: colourNames(t),
  summary: t("lists.board.summary"),
  byArea: t("lists.board.byArea"),
  area: t("lists.board.area"),
  total: t("lists.board.total"),
  pagination: t("lists.pagination"),
  previous: t("lists.previous"),
  next: t("lists.next"),
  filters: {
    label: t("portfolio.board.filtersLabel"),
    framework: t("portfolio.board.framework"),
    allFrameworks: t("portfolio.board.allFrameworks"),
    institution: t("portfolio.board.institution"),
    allInstitutions: t("portfolio.board.allInstitutions"),
    institutions: (["WB", "IFC", "JOINT"] as const).map((code) => ({ code, label: t(`domain.institution.${code}`) })),
    area: t("lists.board.area"),
    allAreas: t("lists.board.allAreas"),
    search: t("lists.board.search"),
    apply: t("common.actions.apply"),
    reset: t("common.actions.reset"),
  },
}));
