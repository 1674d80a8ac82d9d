// The dry run's rules, row by row, on facts written out here (pure: no database, no file).
import { describe, expect, it } from "vitest";
import type { Cell, CellValue, SheetRow } from "~/lib/import/columns";
import { planImport, planSummary, type IndicatorFacts, type MilestoneFacts, type PlanFacts } from "~/lib/import/plan";

const LETTERS: Record<string, string> = { period: "F", value: "G", comment: "H", indicatorId: "I" };
const M_LETTERS: Record<string, string> = {
  status: "G",
  percent: "H",
  revisedDueDate: "I",
  dueDateReason: "J",
  narrative: "K",
  milestoneId: "L",
};

function cells(
  sheet: string,
  row: number,
  letters: Record<string, string>,
  values: Record<string, CellValue | { formula: true }>,
) {
  const out: Record<string, Cell> = {};
  for (const [key, value] of Object.entries(values)) {
    const formula = typeof value === "object" && value !== null;
    out[key] = { ref: `${sheet}!${letters[key]}${row}`, value: formula ? null : value, formula };
  }
  return out;
}

let rowNo = 1;
const valueRow = (values: Record<string, CellValue | { formula: true }>): SheetRow => {
  rowNo++;
  return { kind: "indicator", sheet: "Indicators", row: rowNo, cells: cells("Indicators", rowNo, LETTERS, values) };
};
const updateRow = (values: Record<string, CellValue>): SheetRow => {
  rowNo++;
  return { kind: "milestone", sheet: "Milestones", row: rowNo, cells: cells("Milestones", rowNo, M_LETTERS, values) };
};

const indicator: IndicatorFacts = {
  id: "ind",
  projectId: "p1",
  projectCode: "P100",
  projectName: "Rural broadband",
  code: "SITES",
  name: "Sites connected",
  unit: "sites",
  frequency: "QUARTERLY",
  baselineDate: "2025-02-15",
  targetDate: "2030-12-31",
  baselineValue: 0,
  targetValue: 100,
  canReport: true,
  values: [
    { periodEnd: "2025-06-30", value: 10, state: "VERIFIED" },
    { periodEnd: "2025-09-30", value: 20, state: "SUBMITTED" },
    { periodEnd: "2025-12-31", value: 25, state: "RETURNED" },
  ],
};
const milestone: MilestoneFacts = {
  id: "ms",
  projectId: "p1",
  projectCode: "P100",
  projectName: "Rural broadband",
  title: "Tender awarded",
  status: "IN_PROGRESS",
  percentComplete: 20,
  currentDueDate: "2026-10-31",
  canSubmit: true,
  pending: null,
};
const facts = (over: Partial<PlanFacts> = {}): PlanFacts => ({
  today: "2026-12-01",
  indicators: [indicator, { ...indicator, id: "foreign", projectName: "Other", canReport: false }],
  milestones: [milestone],
  statusByLabel: new Map([
    ["в работе", "IN_PROGRESS"],
    ["in progress", "IN_PROGRESS"],
    ["completed", "COMPLETED"],
  ]),
  ...over,
});

const only = (row: SheetRow, f = facts()) => planImport([row], f).rows[0];

describe("indicator values", () => {
  it("a new period will be created; a returned period will be changed (old → new)", () => {
    expect(only(valueRow({ indicatorId: "ind", period: "2026-Q3", value: 30 }))).toMatchObject({
      outcome: "create",
      write: true,
      before: null,
      after: "30",
      projectName: "Rural broadband",
      itemName: "Sites connected",
    });
    expect(only(valueRow({ indicatorId: "ind", period: "2025-Q4", value: 26 }))).toMatchObject({
      outcome: "change",
      write: true,
      before: "25",
      after: "26",
    });
  });

  it("the same value already sent or verified is unchanged; a different one is an error or a skipped warning", () => {
    expect(only(valueRow({ indicatorId: "ind", period: "2025-Q3", value: 20 }))).toMatchObject({
      outcome: "unchanged",
      write: false,
    });
    expect(only(valueRow({ indicatorId: "ind", period: "2025-Q2", value: 10 }))).toMatchObject({
      outcome: "unchanged",
      write: false,
    });
    expect(only(valueRow({ indicatorId: "ind", period: "2025-Q3", value: 21 }))).toMatchObject({
      outcome: "error",
      messages: [{ key: "import.row.pendingDifferent", values: { old: "20" } }],
    });
    expect(only(valueRow({ indicatorId: "ind", period: "2025-Q2", value: 11 }))).toMatchObject({
      outcome: "warning",
      write: false,
      messages: [{ key: "import.row.verifiedDifferent", values: { old: "10" } }],
    });
  });

  it("a value far outside the earlier figures is a warning that is still submitted", () => {
    expect(only(valueRow({ indicatorId: "ind", period: "2026-Q3", value: 5000 }))).toMatchObject({
      outcome: "warning",
      write: true,
      messages: [{ key: "import.row.farFromTrend", values: { value: 5000, min: 0, max: 100 } }],
    });
  });

  it("errors carry the cell: unknown indicator, outside your projects, period not ended, not a number, formula", () => {
    expect(only(valueRow({ indicatorId: "nope", period: "2026-Q3", value: 1 })).messages[0]).toMatchObject({
      key: "import.row.unknownIndicator",
      ref: expect.stringMatching(/^Indicators!I\d+$/),
    });
    expect(only(valueRow({ indicatorId: "foreign", period: "2026-Q3", value: 1 })).messages[0].key).toBe(
      "import.row.outsideProjects",
    );
    expect(only(valueRow({ indicatorId: "ind", period: "2026-Q4", value: 1 })).messages[0]).toMatchObject({
      key: "forms.period.notEnded",
      ref: expect.stringMatching(/^Indicators!F\d+$/),
    });
    expect(only(valueRow({ indicatorId: "ind", period: "2026-Q3", value: "lots" })).messages[0]).toMatchObject({
      key: "workflow.errors.numberRequired",
      ref: expect.stringMatching(/^Indicators!G\d+$/),
    });
    expect(only(valueRow({ indicatorId: "ind", period: "2026-Q3", value: { formula: true } })).messages[0].key).toBe(
      "import.row.formula",
    );
  });

  it("a duplicate row names the first one; codes stand in for a missing id; empty rows are only counted", () => {
    const first = valueRow({ indicatorId: "ind", period: "2026-Q3", value: 30 });
    const second = valueRow({ indicatorId: "", period: "2026-Q3", value: 31 });
    second.cells.projectCode = { ref: "Indicators!B9", value: "P100", formula: false };
    second.cells.indicatorCode = { ref: "Indicators!D9", value: "SITES", formula: false };
    const empty = valueRow({ indicatorId: "ind", period: "2026-Q3", value: null });
    empty.cells.period = { ref: "x", value: null, formula: false };
    const plan = planImport([first, second, empty], facts());
    expect(plan.emptyRows).toBe(1);
    expect(plan.rows[1]).toMatchObject({
      outcome: "error",
      messages: [{ key: "import.row.duplicate", values: { row: first.row } }],
    });
    expect(planSummary(plan)).toEqual({ write: 1, unchanged: 0, warnings: 0, errors: 1 });
  });
});

describe("milestone updates", () => {
  it("a status typed in any language is read; blank status and percent keep the milestone's own", () => {
    expect(only(updateRow({ milestoneId: "ms", status: "В работе", percent: 60 }))).toMatchObject({
      outcome: "create",
      write: true,
      statusBefore: "IN_PROGRESS",
      statusAfter: "IN_PROGRESS",
      before: "20%",
      after: "60%",
    });
    expect(only(updateRow({ milestoneId: "ms", narrative: "Bids opened." }))).toMatchObject({
      outcome: "create",
      after: "20%",
    });
  });

  it("the form's own rules apply: a completed milestone needs 100 %, a later date needs a reason", () => {
    expect(only(updateRow({ milestoneId: "ms", status: "Completed", percent: 90 })).messages[0]).toMatchObject({
      key: "workflow.errors.completedNeedsFull",
      ref: expect.stringMatching(/^Milestones!H\d+$/),
    });
    expect(
      only(updateRow({ milestoneId: "ms", percent: 30, revisedDueDate: "2027-03-31", dueDateReason: null }))
        .messages[0],
    ).toMatchObject({
      key: "workflow.errors.slipReasonRequired",
      ref: expect.stringMatching(/^Milestones!J\d+$/),
    });
  });

  it("an update already waiting is unchanged when the same, an error when different; closed milestones refuse", () => {
    const pending = { proposedStatus: "IN_PROGRESS", proposedPercent: 60, proposedDueDate: null, narrative: "" };
    const waiting = facts({ milestones: [{ ...milestone, pending }] });
    expect(only(updateRow({ milestoneId: "ms", status: "In progress", percent: 60 }), waiting).outcome).toBe(
      "unchanged",
    );
    expect(only(updateRow({ milestoneId: "ms", percent: 70 }), waiting).messages[0].key).toBe(
      "import.row.pendingUpdate",
    );
    const closed = facts({ milestones: [{ ...milestone, status: "COMPLETED" }] });
    expect(only(updateRow({ milestoneId: "ms", percent: 70 }), closed).messages[0].key).toBe(
      "import.row.milestoneClosed",
    );
    expect(only(updateRow({ milestoneId: "other", percent: 70 })).messages[0].key).toBe("import.row.unknownMilestone");
  });
});
