// The shared zod schemas (the same objects the browser's react-hook-form and the route actions use): slip reasons,
// evidence links, percent ranges, indicator rules and the review selections.
import { describe, expect, it } from "vitest";
import { IndicatorCreateSchema, indicatorEditSchema, indicatorValueSchema } from "~/schemas/indicator";
import { MilestoneCreateSchema, milestoneEditSchema, milestoneUpdateSchema } from "~/schemas/milestone";
import { BulkApproveSchema, ReturnSchema } from "~/schemas/review";
import { isHttpUrl } from "~/schemas/fields";

const current = { currentDueDate: "2026-12-31T00:00:00.000Z" };
const update = milestoneUpdateSchema(current);
const base = {
  proposedStatus: "IN_PROGRESS",
  proposedPercent: "40",
  proposedDueDate: "",
  dueDateReason: "",
  narrative: "",
  evidenceLinks: "",
};

function errorsOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
}

describe("milestone update schema", () => {
  it("accepts a plain update and coerces the percent", () => {
    const r = update.safeParse(base);
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({ proposedPercent: 40, proposedDueDate: undefined, evidenceLinks: [] });
  });

  it("requires a reason when the revised date is later than the current due date (a slip)", () => {
    const r = update.safeParse({ ...base, proposedDueDate: "2027-01-15" });
    expect(r.success).toBe(false);
    expect(errorsOf(r)).toEqual({ dueDateReason: "workflow.errors.slipReasonRequired" });
    expect(update.safeParse({ ...base, proposedDueDate: "2027-01-15", dueDateReason: "Supplier delay" }).success).toBe(
      true,
    );
  });

  it("needs no reason for an earlier or unchanged date", () => {
    expect(update.safeParse({ ...base, proposedDueDate: "2026-12-31" }).success).toBe(true);
    expect(update.safeParse({ ...base, proposedDueDate: "2026-11-01" }).success).toBe(true);
  });

  it("a whitespace-only reason is no reason", () => {
    expect(errorsOf(update.safeParse({ ...base, proposedDueDate: "2027-02-01", dueDateReason: "   " }))).toEqual({
      dueDateReason: "workflow.errors.slipReasonRequired",
    });
  });

  it("takes only whole percentages from 0 to 100", () => {
    for (const bad of ["-1", "101", "50.5", "", "abc"]) {
      expect(errorsOf(update.safeParse({ ...base, proposedPercent: bad })), bad).toEqual({
        proposedPercent: "workflow.errors.percentRange",
      });
    }
    for (const good of ["0", "100", " 7 "])
      expect(update.safeParse({ ...base, proposedPercent: good }).success, good).toBe(true);
  });

  it("a completed milestone is 100% complete", () => {
    expect(errorsOf(update.safeParse({ ...base, proposedStatus: "COMPLETED", proposedPercent: "90" }))).toEqual({
      proposedPercent: "workflow.errors.completedNeedsFull",
    });
  });

  it("evidence links: one per line, only absolute http(s) URLs", () => {
    const ok = update.safeParse({
      ...base,
      evidenceLinks: "https://example.org/a.pdf\n\n  http://files.example.kz/b  \n",
    });
    expect(ok.data?.evidenceLinks).toEqual(["https://example.org/a.pdf", "http://files.example.kz/b"]);
    for (const bad of [
      "javascript:alert(1)",
      "ftp://example.org/x",
      "/relative/path",
      "example.org",
      "data:text/html,hi",
      "file:///etc/passwd",
    ]) {
      expect(errorsOf(update.safeParse({ ...base, evidenceLinks: `https://ok.example/\n${bad}` })), bad).toEqual({
        evidenceLinks: "workflow.errors.evidenceUrl",
      });
    }
    expect(isHttpUrl("HTTPS://EXAMPLE.ORG")).toBe(true);
  });

  it("an unknown status is refused", () => {
    expect(errorsOf(update.safeParse({ ...base, proposedStatus: "DONE" }))).toEqual({
      proposedStatus: "workflow.errors.statusInvalid",
    });
  });
});

describe("milestone create and edit schemas", () => {
  it("create needs a title and a real baseline date", () => {
    expect(
      errorsOf(MilestoneCreateSchema.safeParse({ title: " ", baselineDueDate: "2026-02-30", status: "NOT_STARTED" })),
    ).toEqual({
      title: "workflow.errors.titleRequired",
      baselineDueDate: "workflow.errors.dateInvalid",
    });
  });

  it("edit: moving the current due date needs a reason; keeping it does not", () => {
    const edit = milestoneEditSchema(current);
    const form = {
      version: "3",
      title: "T",
      description: "",
      ownerId: "",
      status: "IN_PROGRESS",
      percentComplete: "10",
      currentDueDate: "2026-12-31",
      dueDateReason: "",
    };
    expect(edit.safeParse(form).success).toBe(true);
    expect(errorsOf(edit.safeParse({ ...form, currentDueDate: "2027-03-31" }))).toEqual({
      dueDateReason: "workflow.errors.moveReasonRequired",
    });
    expect(errorsOf(edit.safeParse({ ...form, currentDueDate: "2026-10-31" }))).toEqual({
      dueDateReason: "workflow.errors.moveReasonRequired",
    });
    expect(edit.safeParse({ ...form, currentDueDate: "2027-03-31", dueDateReason: "Restructuring" }).success).toBe(
      true,
    );
    // The baseline is not part of the edit form at all: whatever is posted for it is dropped.
    expect(edit.safeParse({ ...form, baselineDueDate: "2020-01-01" }).data).not.toHaveProperty("baselineDueDate");
  });
});

describe("indicator schemas", () => {
  const form = {
    code: "KM_BUILT",
    name: "Road built",
    type: "PDO",
    unit: "km",
    measure: "UNIT",
    ascending: "true",
    baselineValue: "0",
    baselineDate: "2025-01-01",
    targetValue: "120",
    targetDate: "2029-12-31",
    frequency: "ANNUAL",
    dataSource: "",
    responsibleAgency: "",
  };

  it("nests the flat interim-target keys a plain form posts", () => {
    const r = IndicatorCreateSchema.safeParse({
      ...form,
      "targets.0.periodEnd": "2026-12-31",
      "targets.0.value": "20",
      "targets.1.periodEnd": "2027-12-31",
      "targets.1.value": "60",
    });
    expect(r.success).toBe(true);
    expect(r.data?.targets).toEqual([
      { periodEnd: "2026-12-31", value: 20 },
      { periodEnd: "2027-12-31", value: 60 },
    ]);
  });

  it("refuses a direction that contradicts baseline and target, a target date before the baseline, duplicate periods", () => {
    expect(errorsOf(IndicatorCreateSchema.safeParse({ ...form, ascending: "false" }))).toEqual({
      ascending: "workflow.errors.directionMismatch",
    });
    expect(errorsOf(IndicatorCreateSchema.safeParse({ ...form, targetDate: "2024-01-01" }))).toEqual({
      targetDate: "workflow.errors.targetBeforeBaseline",
    });
    expect(
      errorsOf(
        IndicatorCreateSchema.safeParse({
          ...form,
          targets: [
            { periodEnd: "2026-12-31", value: "1" },
            { periodEnd: "2026-12-31", value: "2" },
          ],
        }),
      ),
    ).toEqual({ "targets.1.periodEnd": "workflow.errors.duplicatePeriod" });
  });

  it("edit: changing an end target that is set needs a revision note", () => {
    const edit = indicatorEditSchema({ targetValue: 120 });
    const editForm = { ...form, version: "1", revisionNote: "" };
    expect(edit.safeParse(editForm).success).toBe(true);
    expect(errorsOf(edit.safeParse({ ...editForm, targetValue: "100" }))).toEqual({
      revisionNote: "workflow.errors.revisionNoteRequired",
    });
    expect(errorsOf(edit.safeParse({ ...editForm, targetValue: "" }))).toEqual({
      targetValue: "workflow.errors.targetRequiredOnceSet",
    });
    expect(edit.safeParse({ ...editForm, targetValue: "100", revisionNote: "Restructured" }).success).toBe(true);
    // Setting a first target is not a revision.
    expect(indicatorEditSchema({ targetValue: null }).safeParse({ ...editForm, targetValue: "80" }).success).toBe(true);
  });

  it("a value is for a period of the list; evidence links are checked like updates; all errors at once", () => {
    const schema = indicatorValueSchema({
      frequency: "SEMI_ANNUAL",
      baselineDate: "2024-11-15",
      targetDate: "2030-06-30",
      today: "2026-12-01",
    });
    const value = { period: "2026-H1", value: "12,5", comment: "", evidenceLinks: "" };
    expect(schema.safeParse(value).data).toMatchObject({
      value: 12.5,
      period: { start: "2026-01-01", end: "2026-06-30" },
    });
    expect(errorsOf(schema.safeParse({ ...value, period: "2026-Q1" }))).toEqual({ period: "forms.period.invalid" });
    expect(errorsOf(schema.safeParse({ ...value, evidenceLinks: "javascript:void(0)" }))).toEqual({
      evidenceLinks: "workflow.errors.evidenceUrl",
    });
    expect(errorsOf(schema.safeParse({ period: "2026-H2", value: "", evidenceLinks: "ftp://x" }))).toEqual({
      period: "forms.period.notEnded",
      value: "workflow.errors.numberRequired",
      evidenceLinks: "workflow.errors.evidenceUrl",
    });
  });
});

describe("review schemas", () => {
  it("a return needs a comment", () => {
    expect(
      errorsOf(ReturnSchema.safeParse({ kind: "milestoneUpdate", id: "abc", version: "1", comment: "  " })),
    ).toEqual({
      comment: "workflow.errors.commentRequired",
    });
  });

  it("bulk selection: one or many keys, deduplicated; malformed keys and an empty selection refused", () => {
    expect(BulkApproveSchema.safeParse({ items: "milestoneUpdate:abc:2" }).data?.items).toEqual([
      { kind: "milestoneUpdate", id: "abc", version: 2 },
    ]);
    expect(
      BulkApproveSchema.safeParse({ items: ["indicatorValue:x:1", "indicatorValue:x:1", "milestoneUpdate:y:3"] }).data
        ?.items,
    ).toHaveLength(2);
    expect(errorsOf(BulkApproveSchema.safeParse({}))).toEqual({ items: "workflow.errors.selectItems" });
    expect(BulkApproveSchema.safeParse({ items: ["rating:abc:1"] }).success).toBe(false);
    expect(BulkApproveSchema.safeParse({ items: ["milestoneUpdate:a b:1"] }).success).toBe(false);
  });
});
