import type { Locale } from "~/i18n/config";
import { xlsxWords, type XlsxColumnKind } from "./export-common.server";

/**
 * The portfolio workbook's sheets and columns: the machine names (stable, as documented in the README), what each
 * column holds (its cell format and width) and its heading in the reader's language.
 */

export const PORTFOLIO_SHEETS = {
  projects: [
    "code",
    "name",
    "institution",
    "instrument",
    "status",
    "implementing_agency",
    "priority_area",
    "sector_code",
    "approval_date",
    "effectiveness_date",
    "mtr_planned_date",
    "mtr_actual_date",
    "closing_original_date",
    "closing_revised_date",
    "commitment_usd",
    "disbursed_usd",
    "disbursed_share",
    "archived_at",
    "board_colour",
    "board_reasons",
  ],
  milestones: [
    "project_code",
    "title",
    "status",
    "percent_complete",
    "baseline_due_date",
    "current_due_date",
    "slip_days",
    "overdue",
    "completed_on",
    "owner_email",
  ],
  indicators: [
    "project_code",
    "code",
    "name",
    "type",
    "unit",
    "measure",
    "ascending",
    "baseline_value",
    "baseline_date",
    "interim_targets",
    "end_target_value",
    "end_target_date",
    "original_target_value",
    "latest_verified_actual",
    "latest_actual_period_end",
    "progress_share",
  ],
  ratings: ["project_code", "rated_on", "pdo_rating", "ip_rating", "risk_rating", "justification", "author_email"],
} as const;

type PortfolioColumn = (typeof PORTFOLIO_SHEETS)[keyof typeof PORTFOLIO_SHEETS][number];

/** What each column holds in the workbook: its cell format and width. */
const PORTFOLIO_COLUMN_KINDS: Record<PortfolioColumn, XlsxColumnKind> = {
  code: "code",
  name: "longText",
  // Enum columns hold words in the reader's language (xlsxEnumWords), wider than the codes the CSV keeps.
  institution: "text",
  instrument: "text",
  status: "text",
  implementing_agency: "text",
  priority_area: "text",
  sector_code: "code",
  approval_date: "date",
  effectiveness_date: "date",
  mtr_planned_date: "date",
  mtr_actual_date: "date",
  closing_original_date: "date",
  closing_revised_date: "date",
  commitment_usd: "usd",
  disbursed_usd: "usd",
  disbursed_share: "share",
  archived_at: "date",
  board_colour: "code",
  board_reasons: "longText",
  project_code: "code",
  title: "longText",
  percent_complete: "integer",
  baseline_due_date: "date",
  current_due_date: "date",
  slip_days: "integer",
  overdue: "code",
  completed_on: "date",
  owner_email: "text",
  type: "text",
  unit: "code",
  measure: "text",
  ascending: "code",
  baseline_value: "number",
  baseline_date: "date",
  interim_targets: "text",
  end_target_value: "number",
  end_target_date: "date",
  original_target_value: "number",
  latest_verified_actual: "number",
  latest_actual_period_end: "date",
  progress_share: "share",
  rated_on: "date",
  pdo_rating: "text",
  ip_rating: "text",
  risk_rating: "text",
  justification: "longText",
  author_email: "text",
};

/** A sheet's columns: machine name, kind, and heading in the reader's language. */
export function portfolioColumns(sheet: keyof typeof PORTFOLIO_SHEETS, locale: Locale) {
  const headings: Record<string, string> = xlsxWords(locale)[sheet];
  return PORTFOLIO_SHEETS[sheet].map((key) => ({
    key,
    kind: PORTFOLIO_COLUMN_KINDS[key],
    heading: headings[key] ?? key,
  }));
}
