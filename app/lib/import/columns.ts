/**
 * The columns of the reporting spreadsheet, the ONE list: the template writes them, the upload reads them, the
 * README describes them. Headings are shown in the reader's language (`import.columns.*`); on upload a heading in
 * any of the three languages, or the key itself, names the column, so a file filled in Russian can be uploaded by
 * a colleague who reads English. Identifying columns are locked in the template; editable ones are where the
 * officer types.
 */

export const INDICATOR_COLUMNS = [
  "project",
  "projectCode",
  "indicator",
  "indicatorCode",
  "unit",
  "period",
  "value",
  "comment",
  "indicatorId",
] as const;
export type IndicatorColumn = (typeof INDICATOR_COLUMNS)[number];
export const INDICATOR_EDITABLE: readonly IndicatorColumn[] = ["period", "value", "comment"];

export const MILESTONE_COLUMNS = [
  "project",
  "projectCode",
  "milestone",
  "currentStatus",
  "currentPercent",
  "currentDueDate",
  "status",
  "percent",
  "revisedDueDate",
  "dueDateReason",
  "narrative",
  "milestoneId",
] as const;
export type MilestoneColumn = (typeof MILESTONE_COLUMNS)[number];
export const MILESTONE_EDITABLE: readonly MilestoneColumn[] = [
  "status",
  "percent",
  "revisedDueDate",
  "dueDateReason",
  "narrative",
];

export type SheetKind = "indicator" | "milestone";
export type ColumnKey = IndicatorColumn | MilestoneColumn;

export type CellValue = string | number | null;
/** One cell as read from the upload, with its address ("Indicators!D7") for the dry run to point at. */
export type Cell = { ref: string; value: CellValue; formula: boolean };
export type SheetRow = { kind: SheetKind; sheet: string; row: number; cells: Partial<Record<ColumnKey, Cell>> };

export const COLUMNS: { indicator: readonly IndicatorColumn[]; milestone: readonly MilestoneColumn[] } = {
  indicator: INDICATOR_COLUMNS,
  milestone: MILESTONE_COLUMNS,
};

/** The column that makes a sheet a sheet of this kind (and names the row's record). */
export const ID_COLUMN: Record<SheetKind, "indicatorId" | "milestoneId"> = {
  indicator: "indicatorId",
  milestone: "milestoneId",
};

/** Columns a file must have. The identifying code columns may stand in for the id (a hand-made CSV). */
export const REQUIRED: Record<SheetKind, readonly ColumnKey[]> = {
  indicator: ["period", "value"],
  milestone: ["status", "percent"],
};

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(65 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** How a heading is compared: case, spacing and punctuation aside. */
export function headingKey(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_.,:;()*"'«»-]+/g, "");
}
