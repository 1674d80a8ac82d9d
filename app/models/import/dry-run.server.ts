import { createHash } from "node:crypto";
import { resources, type Locale } from "~/i18n/config";
import type { SheetKind } from "~/lib/import/columns";
import { planImport, type Plan, type PlannedRow } from "~/lib/import/plan";
import { readUpload } from "~/lib/import/read-upload.server";
import type { Actor } from "~/lib/permissions";
import { loadPlanFacts } from "./facts.server";

/** The sheet a CSV stands for, named in the user's language (so its cell references read like the workbook's). */
export function sheetNameFor(locale: Locale) {
  return (kind: SheetKind) =>
    resources[locale].translation.import.sheets[kind === "indicator" ? "indicators" : "milestones"];
}

/**
 * Reads an upload and plans it: nothing is written. `checked` is the file's SHA-256, which "apply" must present
 * again so that what is submitted is exactly the file whose dry run the user saw.
 */
export async function checkUpload(actor: Actor, file: { name: string; bytes: Buffer }, locale: Locale) {
  const read = await readUpload(file, sheetNameFor(locale));
  const facts = await loadPlanFacts(actor, read.rows);
  return { plan: planImport(read.rows, facts), checked: createHash("sha256").update(file.bytes).digest("hex") };
}

/** A planned row as the page shows it: what is to be written stays on the server. */
export function rowView({ submission, ...row }: PlannedRow) {
  return { ...row, indicatorId: submission?.kind === "indicator" ? submission.indicatorId : null };
}

export function planView(plan: Plan) {
  return { emptyRows: plan.emptyRows, rows: plan.rows.map(rowView) };
}
export type PlanView = ReturnType<typeof planView>;
export type RowView = PlanView["rows"][number];
