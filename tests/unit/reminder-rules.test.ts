// The reminder job's rules at their boundaries, on hand-made projects run through the same "Who hasn't reported"
// code the reporting page uses (missingReportsOf), so both always agree on what is owed.
import { describe, expect, it } from "vitest";
import {
  auditorDigest,
  digestPeriod,
  isoWeek,
  managerDigest,
  officerDigest,
  urgencyOf,
  workingDaysBetween,
  type PendingSubmission,
  type ProjectFacts,
  type Recipient,
} from "~/lib/reminder-rules";
import { missingReportsOf, type ReportingProject } from "~/models/reporting.server";

/** Thursday 24 December 2026: every calendar period (month, quarter, half-year, year) ends 7 days later. */
const TODAY = new Date("2026-12-24T06:00:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

const officer: Recipient = {
  id: "u-officer",
  name: "Aigerim",
  email: "aigerim@example.kz",
  locale: "kk",
  active: true,
  role: "OFFICER",
  organizationId: "org-wb",
  organizationKind: "WORLD_BANK",
};
const manager: Recipient = { ...officer, id: "u-manager", role: "MANAGER", locale: "ru" };
const auditor: Recipient = { ...officer, id: "u-auditor", role: "AUDITOR", locale: "en" };

function facts(overrides: Partial<ProjectFacts> = {}): ProjectFacts {
  return {
    id: "p1",
    code: "P000001",
    name: "Roads",
    institution: "WB",
    implementingAgencyId: "org-ministry",
    archived: false,
    ...overrides,
  };
}

type Milestone = ReportingProject["milestones"][number];
type Indicator = ReportingProject["indicators"][number];

function milestone(id: string, due: string, updates: Milestone["updates"] = []): Milestone {
  return {
    id,
    title: `Milestone ${id}`,
    currentDueDate: day(due),
    status: "IN_PROGRESS",
    owner: { id: officer.id, name: officer.name, email: officer.email },
    updates,
  };
}

function project(parts: { milestones?: Milestone[]; indicators?: Indicator[]; id?: string }): ReportingProject {
  return {
    id: parts.id ?? "p1",
    code: "P000001",
    name: "Roads",
    members: [{ user: { id: officer.id, name: officer.name, email: officer.email } }],
    milestones: parts.milestones ?? [],
    indicators: parts.indicators ?? [],
  };
}

function digestOf(projects: ReportingProject[], options: { user?: Recipient; archived?: boolean; today?: Date } = {}) {
  const today = options.today ?? TODAY;
  const items = missingReportsOf(projects, today);
  const map = new Map(projects.map((p) => [p.id, facts({ id: p.id, archived: options.archived ?? false })]));
  return officerDigest({ user: options.user ?? officer, items, projects: map, today });
}

const urgencies = (projects: ReportingProject[], options?: Parameters<typeof digestOf>[1]) =>
  digestOf(projects, options)?.projects.flatMap((p) => p.items.map((i) => [i.id, i.urgency, i.returned])) ?? [];

describe("officers: what they owe", () => {
  it("due in 7 days is due soon; in 8 days is not mentioned yet", () => {
    expect(
      urgencies([project({ milestones: [milestone("m7", "2026-12-31"), milestone("m8", "2027-01-01")] })]),
    ).toEqual([["m7", "dueSoon", false]]);
  });

  it("due today, and overdue from the day after the due date", () => {
    expect(
      urgencies([project({ milestones: [milestone("today", "2026-12-24"), milestone("late", "2026-12-23")] })]),
    ).toEqual([
      ["late", "overdue", false],
      ["today", "dueToday", false],
    ]);
  });

  it("an item reported this quarter is not owed; a returned one is owed again and says so", () => {
    const submitted = milestone("sent", "2026-12-26", [{ submittedAt: day("2026-12-01"), reviewState: "SUBMITTED" }]);
    const returned = milestone("back", "2026-12-26", [{ submittedAt: day("2026-12-01"), reviewState: "RETURNED" }]);
    expect(urgencies([project({ milestones: [submitted, returned] })])).toEqual([["back", "dueSoon", true]]);
  });

  it("an indicator value returned for the current period is owed again and says so; a pending or verified one is not", () => {
    const indicator = (state: "SUBMITTED" | "VERIFIED" | "RETURNED"): Indicator => ({
      id: `i-${state}`,
      code: "PDO-2",
      name: "Households connected",
      frequency: "QUARTERLY",
      baselineDate: day("2026-10-15"),
      values: [{ periodEnd: day("2026-12-31"), state, submittedAt: day("2026-12-20") }],
    });
    expect(
      urgencies([project({ indicators: [indicator("RETURNED"), indicator("SUBMITTED"), indicator("VERIFIED")] })]),
    ).toEqual([["i-RETURNED", "dueSoon", true]]);
  });

  it("only what the officer answers for: another owner's milestone is left out, an unowned one goes to the team", () => {
    const colleague = { id: "u-colleague", name: "Colleague", email: "colleague@example.kz" };
    const theirs = { ...milestone("theirs", "2026-12-20"), owner: colleague };
    const nobodys = { ...milestone("nobodys", "2026-12-20"), owner: null };
    expect(urgencies([project({ milestones: [theirs, nobodys] })])).toEqual([["nobodys", "overdue", false]]);
  });

  it("the window moves with the day: due in 7 days is mentioned from 7 days before, then due today, then overdue", () => {
    const owed = [project({ milestones: [milestone("m", "2026-12-31")] })];
    const on = (iso: string) => urgencies(owed, { today: new Date(`${iso}T23:59:59Z`) });
    expect(on("2026-12-23")).toEqual([]);
    expect(on("2026-12-24")).toEqual([["m", "dueSoon", false]]);
    expect(on("2026-12-31")).toEqual([["m", "dueToday", false]]);
    expect(on("2027-01-01")).toEqual([["m", "overdue", false]]);
  });

  it("indicator periods: the current period's last day 7 days ahead is due soon, 8 days ahead is not", () => {
    const indicator: Indicator = {
      id: "i1",
      code: "PDO-1",
      name: "People with better roads",
      frequency: "QUARTERLY",
      baselineDate: day("2026-10-15"),
      values: [],
    };
    expect(urgencies([project({ indicators: [indicator] })])).toEqual([["i1", "dueSoon", false]]);
    expect(urgencies([project({ indicators: [indicator] })], { today: day("2026-12-23") })).toEqual([]);
  });

  it("an indicator whose previous period never came is overdue, whatever its current period's end", () => {
    const indicator: Indicator = {
      id: "i2",
      code: "IR-2",
      name: "Canals rehabilitated",
      frequency: "QUARTERLY",
      baselineDate: day("2025-01-01"),
      values: [],
    };
    expect(urgencies([project({ indicators: [indicator] })], { today: day("2026-11-02") })).toEqual([
      ["i2", "overdue", false],
    ]);
    // The day named is when the missed period's value was due (the end of the previous quarter).
    const digest = digestOf([project({ indicators: [indicator] })], { today: day("2026-11-02") });
    expect(digest?.projects[0].items[0].dueDate).toBe("2026-09-30");
  });

  it("archived projects, deactivated officers and projects the officer cannot see are left out", () => {
    const owed = [project({ milestones: [milestone("late", "2026-12-01")] })];
    expect(digestOf(owed)).not.toBeNull();
    expect(digestOf(owed, { archived: true })).toBeNull();
    expect(digestOf(owed, { user: { ...officer, active: false } })).toBeNull();
    expect(digestOf(owed, { user: { ...officer, organizationKind: "IFC", organizationId: "org-ifc" } })).toBeNull();
  });

  it("groups by project with a direct link to each item, most urgent first, and counts each urgency", () => {
    const digest = digestOf([
      project({ milestones: [milestone("soon", "2026-12-30"), milestone("late", "2026-11-30")] }),
      project({ id: "p2", milestones: [milestone("today", "2026-12-24")] }),
    ]);
    expect(digest?.counts).toEqual({ overdue: 1, dueToday: 1, dueSoon: 1 });
    expect(digest?.projects.map((p) => [p.link, p.items.map((i) => i.link)])).toEqual([
      ["/projects/p1", ["/projects/p1/milestones/late", "/projects/p1/milestones/soon"]],
      ["/projects/p2", ["/projects/p2/milestones/today"]],
    ]);
  });

  it("urgency by itself", () => {
    expect(urgencyOf({ dueDate: "2026-12-31T00:00:00.000Z", overdue: false }, TODAY)).toBe("dueSoon");
    expect(urgencyOf({ dueDate: "2027-01-01T00:00:00.000Z", overdue: false }, TODAY)).toBeNull();
    expect(urgencyOf({ dueDate: "2026-12-24T00:00:00.000Z", overdue: false }, TODAY)).toBe("dueToday");
    expect(urgencyOf({ dueDate: "2026-12-23T00:00:00.000Z", overdue: false }, TODAY)).toBe("overdue");
  });
});

describe("managers: waiting reviews and projects turned red", () => {
  const projects = new Map([
    ["p1", facts()],
    ["p2", facts({ id: "p2", code: "P000002", archived: true })],
    ["p3", facts({ id: "p3", code: "P000003", institution: "IFC" })],
  ]);
  const pending = (id: string, submittedAt: string, extra: Partial<PendingSubmission> = {}): PendingSubmission => ({
    kind: "milestoneUpdate",
    id,
    projectId: "p1",
    title: id,
    authorId: officer.id,
    authorName: officer.name,
    submittedAt: `${submittedAt}T09:00:00.000Z`,
    ...extra,
  });

  it("working days skip Saturdays and Sundays", () => {
    expect(workingDaysBetween(day("2026-12-21"), day("2026-12-23"))).toBe(2); // Mon → Wed
    expect(workingDaysBetween(day("2026-12-21"), day("2026-12-24"))).toBe(3); // Mon → Thu
    expect(workingDaysBetween(day("2026-12-18"), day("2026-12-22"))).toBe(2); // Fri → Tue
    expect(workingDaysBetween(day("2026-12-18"), day("2026-12-23"))).toBe(3); // Fri → Wed
  });

  it("lists submissions waiting more than 2 working days, in scope, not archived, not their own", () => {
    const digest = managerDigest({
      user: manager,
      pending: [
        pending("three-days", "2026-12-21"),
        pending("two-days", "2026-12-22"),
        pending("archived", "2026-12-01", { projectId: "p2" }),
        pending("out-of-scope", "2026-12-01", { projectId: "p3" }),
        pending("own", "2026-12-01", { authorId: manager.id }),
      ],
      redProjectIds: [],
      previousRed: [],
      projects,
      today: TODAY,
    });
    expect(digest?.waiting.map((w) => [w.id, w.workingDays])).toEqual([["three-days", 3]]);
  });

  it("projects that turned red since the previous digest, and only those", () => {
    const args = { user: manager, pending: [], projects, today: TODAY };
    const first = managerDigest({ ...args, redProjectIds: ["p1", "p2", "p3"], previousRed: null });
    expect(first?.turnedRed.map((p) => p.id)).toEqual(["p1"]);
    expect(first?.redNow).toEqual(["p1"]);
    expect(managerDigest({ ...args, redProjectIds: ["p1"], previousRed: ["p1"] })?.turnedRed).toEqual([]);
  });

  it("nothing for officers or deactivated managers", () => {
    const args = { pending: [pending("x", "2026-12-01")], redProjectIds: [], previousRed: [], projects, today: TODAY };
    expect(managerDigest({ ...args, user: officer })).toBeNull();
    expect(managerDigest({ ...args, user: { ...manager, active: false } })).toBeNull();
  });
});

describe("auditors: the chain's head on a schedule", () => {
  const chain = { head: { seq: 120, hash: "ab".repeat(32) }, verification: { ok: true as const, count: 120 } };
  it("counts the events since the previous digest (all of them at the first)", () => {
    expect(auditorDigest({ user: auditor, chain, previousSeq: 100 })?.eventsSince).toBe(20);
    expect(auditorDigest({ user: auditor, chain, previousSeq: null })?.eventsSince).toBe(120);
  });
  it("nothing for other roles or a deactivated auditor", () => {
    expect(auditorDigest({ user: manager, chain, previousSeq: null })).toBeNull();
    expect(auditorDigest({ user: { ...auditor, active: false }, chain, previousSeq: null })).toBeNull();
  });
});

describe("digest periods", () => {
  it("ISO weeks, across a year's end", () => {
    expect(isoWeek(day("2026-12-24"))).toBe("2026-W52");
    expect(isoWeek(day("2026-12-28"))).toBe("2026-W53");
    expect(isoWeek(day("2027-01-03"))).toBe("2026-W53");
    expect(isoWeek(day("2027-01-04"))).toBe("2027-W01");
    expect(isoWeek(day("2026-12-01"))).toBe("2026-W49");
  });
  it("weekly by default, daily, or none", () => {
    expect(digestPeriod("WEEKLY", TODAY)).toBe("2026-W52");
    expect(digestPeriod("DAILY", TODAY)).toBe("2026-12-24");
    expect(digestPeriod("OFF", TODAY)).toBeNull();
  });
});
