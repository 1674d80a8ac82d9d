import type { z } from "zod";
import type { Frequency } from "~/lib/periods";
import { indicatorValueSchema, periodRulesOf, type IndicatorValueData } from "~/schemas/indicator";
import { MILESTONE_STATUSES, milestoneUpdateSchema, type MilestoneUpdateData } from "~/schemas/milestone";
import type { Cell, CellValue, ColumnKey, SheetRow } from "./columns";

/**
 * The dry run: what each filled row of an upload would do, decided without writing anything. Pure, so that every
 * rule is a unit test; the same plan is what "apply" writes, so the officer submits exactly what they were shown.
 * Values go through the forms' own schemas (indicatorValueSchema, milestoneUpdateSchema), so a row is refused for
 * the same reasons and with the same messages as the form.
 */

export type IndicatorFacts = {
  id: string;
  projectId: string;
  projectCode: string;
  projectName: string;
  code: string;
  name: string;
  unit: string;
  frequency: string;
  baselineDate: string | null;
  targetDate: string | null;
  baselineValue: number | null;
  targetValue: number | null;
  /** May this user report values on its project (the permission module's answer)? */
  canReport: boolean;
  /** Every value, any state: `periodEnd` as a day. */
  values: { periodEnd: string; value: number; state: string }[];
};

export type MilestoneFacts = {
  id: string;
  projectId: string;
  projectCode: string;
  projectName: string;
  title: string;
  status: string;
  percentComplete: number;
  currentDueDate: string;
  canSubmit: boolean;
  /** This user's update waiting for review, if any (one at a time, as the form allows). */
  pending: {
    proposedStatus: string;
    proposedPercent: number;
    proposedDueDate: string | null;
    narrative: string;
  } | null;
};

export type PlanFacts = {
  today: string;
  indicators: IndicatorFacts[];
  milestones: MilestoneFacts[];
  /** A status as typed in any language (its label, lower-cased) to its code. */
  statusByLabel: Map<string, string>;
};

export type Outcome = "create" | "change" | "unchanged" | "warning" | "error";
export type RowMessage = { key: string; values?: Record<string, string | number>; ref?: string };
export type Submission =
  | { kind: "indicator"; indicatorId: string; projectId: string; input: IndicatorValueData }
  | { kind: "milestone"; milestoneId: string; projectId: string; input: MilestoneUpdateData };

export type PlannedRow = {
  kind: "indicator" | "milestone";
  ref: string;
  sheet: string;
  row: number;
  /** Names before codes: the project and the item as the reader knows them (when the row names a known item). */
  projectName: string | null;
  itemName: string | null;
  itemId: string | null;
  projectId: string | null;
  period: string | null;
  before: string | null;
  after: string | null;
  /** Milestone rows: the status as it is and as proposed (codes, labelled by the page). */
  statusBefore: string | null;
  statusAfter: string | null;
  outcome: Outcome;
  /** Will "apply" write this row? (A warning may or may not; an error never.) */
  write: boolean;
  messages: RowMessage[];
  submission: Submission | null;
};

export type Plan = { rows: PlannedRow[]; emptyRows: number };

const text = (cell: Cell | undefined): string =>
  cell?.value === null || cell?.value === undefined ? "" : String(cell.value);
const filled = (cell: Cell | undefined) => text(cell) !== "";

function base(row: SheetRow): PlannedRow {
  const first = Object.values(row.cells)[0];
  return {
    kind: row.kind,
    ref: first ? first.ref.replace(/[A-Z]+(\d+)$/, "A$1") : `${row.sheet}!A${row.row}`,
    sheet: row.sheet,
    row: row.row,
    projectName: null,
    itemName: null,
    itemId: null,
    projectId: null,
    period: null,
    before: null,
    after: null,
    statusBefore: null,
    statusAfter: null,
    outcome: "create",
    write: false,
    messages: [],
    submission: null,
  };
}

function fail(planned: PlannedRow, message: RowMessage): PlannedRow {
  return { ...planned, outcome: "error", write: false, messages: [...planned.messages, message] };
}

/** Zod issues as row messages, each pointing at the cell of the field it is about. */
function issueMessages(
  issues: z.core.$ZodIssue[],
  cells: Partial<Record<ColumnKey, Cell>>,
  column: Record<string, ColumnKey>,
  rowRef: string,
): RowMessage[] {
  return issues.map((issue) => {
    const field = String(issue.path[0] ?? "");
    return { key: issue.message, ref: cells[column[field]]?.ref ?? rowRef };
  });
}

/** A period as typed: Excel may have turned "2025" into a number or "2026-10" into a date. */
function periodText(value: CellValue, frequency: Frequency): string {
  if (typeof value === "number") return String(value);
  if (value && frequency === "MONTHLY" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value.slice(0, 7);
  return value ?? "";
}

function formulaIn(row: SheetRow, editable: readonly ColumnKey[]): Cell | undefined {
  return editable.map((key) => row.cells[key]).find((cell) => cell?.formula);
}

/** Far outside the earlier figures: beyond their span again on either side (so a steady series flags big jumps). */
function trendWarning(facts: IndicatorFacts, value: number): RowMessage | null {
  const earlier = [
    facts.baselineValue,
    facts.targetValue,
    ...facts.values.filter((v) => v.state !== "RETURNED").map((v) => v.value),
  ].filter((v): v is number => v !== null);
  if (earlier.length < 2) return null;
  const min = Math.min(...earlier);
  const max = Math.max(...earlier);
  const span = max - min;
  if (span === 0 || (value <= max + span && value >= min - span)) return null;
  return { key: "import.row.farFromTrend", values: { value, min, max } };
}

const VALUE_FIELDS: Record<string, ColumnKey> = { period: "period", value: "value", comment: "comment" };

function planIndicatorRow(row: SheetRow, facts: PlanFacts, seen: Map<string, number>): PlannedRow {
  let planned = base(row);
  const formula = formulaIn(row, ["period", "value", "comment"]);
  const id = text(row.cells.indicatorId);
  const found = id
    ? facts.indicators.find((i) => i.id === id)
    : facts.indicators.find(
        (i) => i.projectCode === text(row.cells.projectCode) && i.code === text(row.cells.indicatorCode),
      );
  if (!found)
    return fail(planned, {
      key: "import.row.unknownIndicator",
      ref: (row.cells.indicatorId ?? row.cells.indicatorCode)?.ref,
    });
  planned = {
    ...planned,
    projectName: found.projectName,
    itemName: found.name,
    itemId: found.id,
    projectId: found.projectId,
  };
  if (!found.canReport) return fail(planned, { key: "import.row.outsideProjects", ref: row.cells.indicatorId?.ref });
  if (formula) return fail(planned, { key: "import.row.formula", ref: formula.ref });
  const rules = periodRulesOf(found, facts.today);
  const periodKey = periodText(row.cells.period?.value ?? null, rules.frequency);
  planned = { ...planned, period: periodKey || null };
  const parsed = indicatorValueSchema(rules).safeParse({
    period: periodKey,
    value: row.cells.value?.value ?? "",
    comment: text(row.cells.comment),
    evidenceLinks: [],
  });
  if (!parsed.success) {
    return {
      ...planned,
      outcome: "error",
      messages: issueMessages(parsed.error.issues, row.cells, VALUE_FIELDS, planned.ref),
    };
  }
  const input = parsed.data;
  const duplicateKey = `${found.id}|${input.period.key}`;
  const firstRow = seen.get(duplicateKey);
  if (firstRow !== undefined)
    return fail(planned, { key: "import.row.duplicate", values: { row: firstRow }, ref: planned.ref });
  seen.set(duplicateKey, row.row);
  return decideValue({ ...planned, after: String(input.value) }, found, input);
}

/** What a valid value does against what is already recorded for its period. */
function decideValue(planned: PlannedRow, found: IndicatorFacts, input: IndicatorValueData): PlannedRow {
  const forPeriod = found.values.filter((v) => v.periodEnd === input.period.end);
  const counted = forPeriod.find((v) => v.state !== "RETURNED");
  const submission: Submission = { kind: "indicator", indicatorId: found.id, projectId: found.projectId, input };
  if (counted) {
    const same = counted.value === input.value;
    const before = String(counted.value);
    if (counted.state === "VERIFIED") {
      return same
        ? { ...planned, before, outcome: "unchanged", messages: [{ key: "import.row.alreadyVerified" }] }
        : {
            ...planned,
            before,
            outcome: "warning",
            messages: [{ key: "import.row.verifiedDifferent", values: { old: before } }],
          };
    }
    return same
      ? { ...planned, before, outcome: "unchanged", messages: [{ key: "import.row.alreadySubmitted" }] }
      : fail({ ...planned, before }, { key: "import.row.pendingDifferent", values: { old: before } });
  }
  const returned = forPeriod.find((v) => v.state === "RETURNED");
  const trend = trendWarning(found, input.value);
  const messages: RowMessage[] = returned ? [{ key: "import.row.replaces", values: { old: returned.value } }] : [];
  return {
    ...planned,
    before: returned ? String(returned.value) : null,
    outcome: trend ? "warning" : returned ? "change" : "create",
    write: true,
    messages: trend ? [...messages, trend] : messages,
    submission,
  };
}

const UPDATE_FIELDS: Record<string, ColumnKey> = {
  proposedStatus: "status",
  proposedPercent: "percent",
  proposedDueDate: "revisedDueDate",
  dueDateReason: "dueDateReason",
  narrative: "narrative",
};

function statusCode(typed: string, facts: PlanFacts): string {
  const code = typed.trim().toUpperCase().replace(/\s+/g, "_");
  if ((MILESTONE_STATUSES as readonly string[]).includes(code)) return code;
  return facts.statusByLabel.get(typed.trim().toLowerCase()) ?? typed;
}

const EDITABLE_UPDATE: ColumnKey[] = ["status", "percent", "revisedDueDate", "dueDateReason", "narrative"];

function planMilestoneRow(row: SheetRow, facts: PlanFacts, seen: Map<string, number>): PlannedRow {
  let planned = base(row);
  const found = facts.milestones.find((m) => m.id === text(row.cells.milestoneId));
  if (!found) return fail(planned, { key: "import.row.unknownMilestone", ref: row.cells.milestoneId?.ref });
  planned = {
    ...planned,
    projectName: found.projectName,
    itemName: found.title,
    itemId: found.id,
    projectId: found.projectId,
  };
  if (!found.canSubmit) return fail(planned, { key: "import.row.outsideProjects", ref: row.cells.milestoneId?.ref });
  const formula = formulaIn(row, EDITABLE_UPDATE);
  if (formula) return fail(planned, { key: "import.row.formula", ref: formula.ref });
  if (found.status === "COMPLETED" || found.status === "CANCELLED") {
    return fail(planned, { key: "import.row.milestoneClosed", ref: planned.ref });
  }
  const firstRow = seen.get(found.id);
  if (firstRow !== undefined)
    return fail(planned, { key: "import.row.duplicate", values: { row: firstRow }, ref: planned.ref });
  seen.set(found.id, row.row);
  // A row that changes only the narrative keeps the milestone's status and percent, as the form starts from them.
  const parsed = milestoneUpdateSchema({ currentDueDate: found.currentDueDate }).safeParse({
    proposedStatus: filled(row.cells.status) ? statusCode(text(row.cells.status), facts) : found.status,
    proposedPercent: filled(row.cells.percent) ? row.cells.percent?.value : found.percentComplete,
    proposedDueDate: text(row.cells.revisedDueDate),
    dueDateReason: text(row.cells.dueDateReason),
    narrative: text(row.cells.narrative),
    evidenceLinks: [],
  });
  if (!parsed.success) {
    return {
      ...planned,
      outcome: "error",
      messages: issueMessages(parsed.error.issues, row.cells, UPDATE_FIELDS, planned.ref),
    };
  }
  const input = parsed.data;
  planned = {
    ...planned,
    before: `${found.percentComplete}%`,
    after: `${input.proposedPercent}%`,
    statusBefore: found.status,
    statusAfter: input.proposedStatus,
  };
  const pending = found.pending;
  if (pending) {
    const same =
      pending.proposedStatus === input.proposedStatus &&
      pending.proposedPercent === input.proposedPercent &&
      (pending.proposedDueDate ?? "") === (input.proposedDueDate ?? "") &&
      pending.narrative === input.narrative;
    return same
      ? { ...planned, outcome: "unchanged", messages: [{ key: "import.row.sameUpdate" }] }
      : fail(planned, { key: "import.row.pendingUpdate", ref: planned.ref });
  }
  return {
    ...planned,
    outcome: "create",
    write: true,
    submission: { kind: "milestone", milestoneId: found.id, projectId: found.projectId, input },
  };
}

const EDITABLE_OF = { indicator: ["period", "value", "comment"], milestone: EDITABLE_UPDATE } as const;

/** Every filled row with its outcome; rows with nothing typed in their editable cells are only counted. */
export function planImport(rows: SheetRow[], facts: PlanFacts): Plan {
  const seenValues = new Map<string, number>();
  const seenMilestones = new Map<string, number>();
  const planned: PlannedRow[] = [];
  let emptyRows = 0;
  for (const row of rows) {
    const editable: readonly ColumnKey[] = EDITABLE_OF[row.kind];
    if (!editable.some((key) => filled(row.cells[key]) || row.cells[key]?.formula)) {
      emptyRows++;
      continue;
    }
    planned.push(
      row.kind === "indicator"
        ? planIndicatorRow(row, facts, seenValues)
        : planMilestoneRow(row, facts, seenMilestones),
    );
  }
  return { rows: planned, emptyRows };
}

export function planSummary(plan: Plan) {
  const count = (outcome: Outcome) => plan.rows.filter((r) => r.outcome === outcome).length;
  return {
    write: plan.rows.filter((r) => r.write).length,
    unchanged: count("unchanged"),
    warnings: count("warning"),
    errors: count("error"),
  };
}
