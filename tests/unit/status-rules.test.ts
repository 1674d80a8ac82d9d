import { describe, expect, it } from "vitest";
import { assessProjectStatus, indicatorGapPoints, type StatusInput } from "~/lib/status-rules";

const TODAY = new Date("2026-11-26T10:00:00Z");

/** A day relative to TODAY, as an ISO date. */
function daysFromToday(days: number): string {
  const d = new Date(Date.UTC(2026, 10, 26 + days));
  return d.toISOString().slice(0, 10);
}

function project(overrides: Partial<StatusInput> = {}): StatusInput {
  return {
    status: "ACTIVE",
    closingOriginalDate: "2030-12-31",
    closingRevisedDate: null,
    ratings: [],
    milestones: [],
    indicators: [],
    ...overrides,
  };
}

function milestone(overrides: Partial<StatusInput["milestones"][number]> = {}): StatusInput["milestones"][number] {
  return {
    title: "M",
    baselineDueDate: "2027-06-30",
    currentDueDate: "2027-06-30",
    status: "IN_PROGRESS",
    ...overrides,
  };
}

/** A PDO indicator from 0 (2026-01-01) to 100 (2026-01-11), verified 50 at day 5 of 10: exactly on trajectory. */
function indicator(overrides: Partial<StatusInput["indicators"][number]> = {}): StatusInput["indicators"][number] {
  return {
    code: "I1",
    type: "PDO",
    measure: "UNIT",
    ascending: true,
    baselineValue: 0,
    baselineDate: "2026-01-01",
    targetValue: 100,
    targetDate: "2026-01-11",
    latestVerified: { periodEnd: "2026-01-06", value: 50 },
    ...overrides,
  };
}

/** An indicator exactly `points` percentage points behind: expected 50% (day 5 of 10), progress 50 − points. */
function behindBy(points: number, overrides: Partial<StatusInput["indicators"][number]> = {}) {
  return indicator({ latestVerified: { periodEnd: "2026-01-06", value: 50 - points }, ...overrides });
}

const codes = (input: StatusInput) => assessProjectStatus(input, TODAY).reasons.map((r) => r.code);
const colour = (input: StatusInput) => assessProjectStatus(input, TODAY).colour;

describe("status rules", () => {
  it("a clean active project is GREEN with no reasons", () => {
    expect(assessProjectStatus(project(), TODAY)).toEqual({ colour: "GREEN", reasons: [] });
  });

  describe("COMPLETED", () => {
    it("CLOSED is COMPLETED whatever else is wrong", () => {
      const input = project({
        status: "CLOSED",
        ratings: [{ ratedOn: "2026-01-01", pdoRating: "HU", ipRating: "HU" }],
        milestones: [milestone({ currentDueDate: daysFromToday(-400) })],
      });
      expect(assessProjectStatus(input, TODAY)).toEqual({
        colour: "COMPLETED",
        reasons: [{ code: "closed", severity: "info", values: {} }],
      });
    });
    it("CANCELLED is COMPLETED with the reason cancelled", () => {
      expect(assessProjectStatus(project({ status: "CANCELLED" }), TODAY)).toEqual({
        colour: "COMPLETED",
        reasons: [{ code: "cancelled", severity: "info", values: {} }],
      });
    });
  });

  describe("PIPELINE", () => {
    it("is GREEN with nothing wrong, even past its closing date (R4 applies to ACTIVE only)", () => {
      expect(colour(project({ status: "PIPELINE", closingOriginalDate: "2020-01-01" }))).toBe("GREEN");
    });
    it("goes through the milestone rules like an active project", () => {
      expect(
        colour(project({ status: "PIPELINE", milestones: [milestone({ currentDueDate: daysFromToday(-5) })] })),
      ).toBe("AMBER");
    });
  });

  describe("ratings", () => {
    it.each(["U", "HU"])("R1: latest PDO rating %s is RED", (rating) => {
      const r = assessProjectStatus(
        project({ ratings: [{ ratedOn: "2026-06-01", pdoRating: rating, ipRating: "S" }] }),
        TODAY,
      );
      expect(r.colour).toBe("RED");
      expect(r.reasons).toContainEqual({
        code: "ratingUnsatisfactory",
        severity: "red",
        values: { kind: "PDO", rating },
      });
    });
    it("R1: latest IP rating U is RED", () => {
      expect(codes(project({ ratings: [{ ratedOn: "2026-06-01", pdoRating: "S", ipRating: "U" }] }))).toContain(
        "ratingUnsatisfactory",
      );
    });
    it("A1: MU is AMBER", () => {
      const r = assessProjectStatus(
        project({ ratings: [{ ratedOn: "2026-06-01", pdoRating: "S", ipRating: "MU" }] }),
        TODAY,
      );
      expect(r).toEqual({
        colour: "AMBER",
        reasons: [{ code: "ratingModeratelyUnsatisfactory", severity: "amber", values: { kind: "IP", rating: "MU" } }],
      });
    });
    it("only the latest rating counts: an old U followed by S is GREEN", () => {
      const ratings = [
        { ratedOn: "2026-06-01", pdoRating: "S", ipRating: "S" },
        { ratedOn: "2025-06-01", pdoRating: "U", ipRating: "U" },
      ];
      expect(colour(project({ ratings }))).toBe("GREEN");
      // Order of the input does not matter.
      expect(colour(project({ ratings: [...ratings].reverse() }))).toBe("GREEN");
    });
    it("A5: a downgrade in the last rating is AMBER even at MS", () => {
      const r = assessProjectStatus(
        project({
          ratings: [
            { ratedOn: "2025-06-01", pdoRating: "S", ipRating: "S" },
            { ratedOn: "2026-06-01", pdoRating: "MS", ipRating: "S" },
          ],
        }),
        TODAY,
      );
      expect(r).toEqual({
        colour: "AMBER",
        reasons: [{ code: "ratingDowngraded", severity: "amber", values: { kind: "PDO", from: "S", to: "MS" } }],
      });
    });
    it("an upgrade or the same rating is not a downgrade; a first rating has nothing to compare", () => {
      expect(
        colour(
          project({
            ratings: [
              { ratedOn: "2025-06-01", pdoRating: "MS", ipRating: "S" },
              { ratedOn: "2026-06-01", pdoRating: "S", ipRating: "S" },
            ],
          }),
        ),
      ).toBe("GREEN");
      expect(colour(project({ ratings: [{ ratedOn: "2026-06-01", pdoRating: "MS", ipRating: "MS" }] }))).toBe("GREEN");
    });
    it("a downgrade to U gives both the red reason and the downgrade reason, red first", () => {
      const r = assessProjectStatus(
        project({
          ratings: [
            { ratedOn: "2025-06-01", pdoRating: "MU", ipRating: "S" },
            { ratedOn: "2026-06-01", pdoRating: "U", ipRating: "S" },
          ],
        }),
        TODAY,
      );
      expect(r.colour).toBe("RED");
      expect(r.reasons.map((x) => x.code)).toEqual(["ratingUnsatisfactory", "ratingDowngraded"]);
    });
  });

  describe("milestones", () => {
    it("A2: overdue by 1 day is AMBER; due today is not overdue", () => {
      expect(colour(project({ milestones: [milestone({ currentDueDate: daysFromToday(0) })] }))).toBe("GREEN");
      const r = assessProjectStatus(
        project({ milestones: [milestone({ title: "Bridge", currentDueDate: daysFromToday(-1) })] }),
        TODAY,
      );
      expect(r).toEqual({
        colour: "AMBER",
        reasons: [{ code: "milestonesOverdue", severity: "amber", values: { count: 1, days: 1, title: "Bridge" } }],
      });
    });
    it("R2 boundary: overdue by exactly 90 days is AMBER, by 91 days RED", () => {
      expect(colour(project({ milestones: [milestone({ currentDueDate: daysFromToday(-90) })] }))).toBe("AMBER");
      const r = assessProjectStatus(
        project({ milestones: [milestone({ title: "Tunnel", currentDueDate: daysFromToday(-91) })] }),
        TODAY,
      );
      expect(r.colour).toBe("RED");
      expect(r.reasons).toEqual([
        { code: "milestonesOverdueLong", severity: "red", values: { count: 1, days: 91, title: "Tunnel" } },
      ]);
    });
    it("counts each overdue milestone once: long ones under R2, short ones under A2, naming the worst", () => {
      const r = assessProjectStatus(
        project({
          milestones: [
            milestone({ title: "A", currentDueDate: daysFromToday(-100) }),
            milestone({ title: "B", currentDueDate: daysFromToday(-200) }),
            milestone({ title: "C", currentDueDate: daysFromToday(-10) }),
          ],
        }),
        TODAY,
      );
      expect(r.reasons).toEqual([
        { code: "milestonesOverdueLong", severity: "red", values: { count: 2, days: 200, title: "B" } },
        { code: "milestonesOverdue", severity: "amber", values: { count: 1, days: 10, title: "C" } },
      ]);
    });
    it.each(["COMPLETED", "CANCELLED"])("a %s milestone is never overdue or slipped", (status) => {
      expect(
        colour(
          project({
            milestones: [milestone({ status, baselineDueDate: "2020-01-01", currentDueDate: daysFromToday(-400) })],
          }),
        ),
      ).toBe("GREEN");
    });
    it("DELAYED and NOT_STARTED milestones count as open", () => {
      expect(
        colour(project({ milestones: [milestone({ status: "DELAYED", currentDueDate: daysFromToday(-91) })] })),
      ).toBe("RED");
      expect(
        colour(project({ milestones: [milestone({ status: "NOT_STARTED", currentDueDate: daysFromToday(-1) })] })),
      ).toBe("AMBER");
    });
    it("A3 boundary: slipped exactly 180 days is GREEN, 181 days AMBER", () => {
      expect(
        colour(project({ milestones: [milestone({ baselineDueDate: "2027-01-01", currentDueDate: "2027-06-30" })] })),
      ).toBe("GREEN"); // 180 days
      const r = assessProjectStatus(
        project({
          milestones: [milestone({ title: "Depot", baselineDueDate: "2027-01-01", currentDueDate: "2027-07-01" })],
        }),
        TODAY,
      );
      expect(r).toEqual({
        colour: "AMBER",
        reasons: [{ code: "milestonesSlipped", severity: "amber", values: { count: 1, days: 181, title: "Depot" } }],
      });
    });
    it("a milestone moved earlier is not slipped", () => {
      expect(
        colour(project({ milestones: [milestone({ baselineDueDate: "2028-01-01", currentDueDate: "2027-01-01" })] })),
      ).toBe("GREEN");
    });
  });

  describe("indicators", () => {
    it("the gap is expected minus progress in points, read at the value's period end", () => {
      expect(indicatorGapPoints(behindBy(10))).toBe(10);
      expect(indicatorGapPoints(behindBy(25))).toBe(25);
      expect(indicatorGapPoints(behindBy(-20))).toBe(-20);
      // Descending indicator: from 100 down to 0, at half time 70 is 30% of the way, 20 points behind.
      expect(
        indicatorGapPoints(
          indicator({
            ascending: false,
            baselineValue: 100,
            targetValue: 0,
            latestVerified: { periodEnd: "2026-01-06", value: 70 },
          }),
        ),
      ).toBe(20);
    });
    it("cannot assess qualitative indicators, missing data or no verified value", () => {
      expect(indicatorGapPoints(behindBy(50, { measure: "QUALITATIVE" }))).toBeNull();
      expect(indicatorGapPoints(behindBy(50, { baselineValue: null }))).toBeNull();
      expect(indicatorGapPoints(behindBy(50, { targetDate: null }))).toBeNull();
      expect(indicatorGapPoints(indicator({ latestVerified: null }))).toBeNull();
      expect(colour(project({ indicators: [behindBy(50, { latestVerified: null })] }))).toBe("GREEN");
    });
    it("A4 boundary: exactly 10 points behind is GREEN, more is AMBER", () => {
      expect(colour(project({ indicators: [behindBy(10)] }))).toBe("GREEN");
      const r = assessProjectStatus(
        project({ indicators: [behindBy(10.5, { code: "KPI-7", type: "INTERMEDIATE" })] }),
        TODAY,
      );
      expect(r).toEqual({
        colour: "AMBER",
        reasons: [
          { code: "indicatorsBehind", severity: "amber", values: { count: 1, points: 11, indicator: "KPI-7" } },
        ],
      });
    });
    it("names the worst indicator by its name when it has one (names before codes), its code otherwise", () => {
      const named = behindBy(12, {
        code: "SITES_CONNECTED",
        name: "Sites connected to broadband",
        type: "INTERMEDIATE",
      });
      const r = assessProjectStatus(project({ indicators: [named] }), TODAY);
      expect(r.reasons).toEqual([
        {
          code: "indicatorsBehind",
          severity: "amber",
          values: { count: 1, points: 12, indicator: "Sites connected to broadband" },
        },
      ]);
    });
    it("R3 boundary: two PDO indicators exactly 25 points behind are only AMBER; more than 25 is RED", () => {
      const atLimit = [behindBy(25, { code: "A" }), behindBy(25, { code: "B" })];
      const r1 = assessProjectStatus(project({ indicators: atLimit }), TODAY);
      expect(r1.colour).toBe("AMBER");
      expect(r1.reasons).toEqual([
        { code: "indicatorsBehind", severity: "amber", values: { count: 2, points: 25, indicator: "A" } },
      ]);

      const over = [behindBy(26, { code: "A" }), behindBy(30, { code: "B" })];
      const r2 = assessProjectStatus(project({ indicators: over }), TODAY);
      expect(r2).toEqual({
        colour: "RED",
        reasons: [{ code: "pdoIndicatorsFarBehind", severity: "red", values: { count: 2, points: 30 } }],
      });
    });
    it("R3 needs two PDO indicators: one far behind, or intermediate ones, are AMBER", () => {
      expect(colour(project({ indicators: [behindBy(40, { code: "A" })] }))).toBe("AMBER");
      expect(
        colour(
          project({ indicators: [behindBy(40, { code: "A" }), behindBy(40, { code: "B", type: "INTERMEDIATE" })] }),
        ),
      ).toBe("AMBER");
    });
    it("indicators counted by R3 are not counted again by A4", () => {
      const r = assessProjectStatus(
        project({
          indicators: [behindBy(30, { code: "A" }), behindBy(30, { code: "B" }), behindBy(15, { code: "C" })],
        }),
        TODAY,
      );
      expect(r.reasons.map((x) => [x.code, x.values.count])).toEqual([
        ["pdoIndicatorsFarBehind", 2],
        ["indicatorsBehind", 1],
      ]);
    });
    it("ahead of trajectory is fine", () => {
      expect(colour(project({ indicators: [behindBy(-30)] }))).toBe("GREEN");
    });
  });

  describe("closing date (R4)", () => {
    it("closing date yesterday while ACTIVE is RED; today is not yet passed", () => {
      expect(colour(project({ closingOriginalDate: daysFromToday(0) }))).toBe("GREEN");
      const r = assessProjectStatus(project({ closingOriginalDate: daysFromToday(-1) }), TODAY);
      expect(r).toEqual({
        colour: "RED",
        reasons: [{ code: "closingDatePassed", severity: "red", values: { date: daysFromToday(-1) } }],
      });
    });
    it("the revised closing date wins over the original", () => {
      expect(colour(project({ closingOriginalDate: "2025-12-31", closingRevisedDate: "2027-12-31" }))).toBe("GREEN");
      expect(colour(project({ closingOriginalDate: "2030-12-31", closingRevisedDate: "2026-01-31" }))).toBe("RED");
    });
    it("no closing date: the rule cannot fire", () => {
      expect(colour(project({ closingOriginalDate: null }))).toBe("GREEN");
    });
  });

  it("lists every reason that fired, red ones first", () => {
    const r = assessProjectStatus(
      project({
        closingOriginalDate: "2026-01-01",
        ratings: [{ ratedOn: "2026-06-01", pdoRating: "MU", ipRating: "HU" }],
        milestones: [milestone({ currentDueDate: daysFromToday(-30), baselineDueDate: "2025-01-01" })],
        indicators: [behindBy(12)],
      }),
      TODAY,
    );
    expect(r.colour).toBe("RED");
    expect(r.reasons.map((x) => x.code)).toEqual([
      "ratingUnsatisfactory",
      "closingDatePassed",
      "ratingModeratelyUnsatisfactory",
      "milestonesOverdue",
      "milestonesSlipped",
      "indicatorsBehind",
    ]);
  });
});
