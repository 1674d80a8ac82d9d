// The maths behind slip, overdue, progress towards target and the trend projection (app/lib/metrics.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daysBetween } from "~/lib/dates";
import {
  disbursementShare,
  expectedProgressShare,
  isDowngrade,
  isMilestoneOverdue,
  isUnsatisfactory,
  progressTowardsTarget,
  projectValueAt,
  slipDays,
  willMeetTarget,
} from "~/lib/metrics";

describe("slipDays", () => {
  it("is positive when the current due date is later than the baseline", () => {
    expect(slipDays({ baselineDueDate: "2024-03-01", currentDueDate: "2024-06-15" })).toBe(106);
  });

  it("is negative when the milestone was pulled forward", () => {
    expect(slipDays({ baselineDueDate: "2024-06-15", currentDueDate: "2024-06-01" })).toBe(-14);
  });

  it("is zero on the same day whatever the time of day", () => {
    expect(
      slipDays({ baselineDueDate: new Date("2024-06-15T00:00:00Z"), currentDueDate: new Date("2024-06-15T23:59:59Z") }),
    ).toBe(0);
  });

  it("counts whole UTC days across European and American DST changes and a leap day", () => {
    // 2024-03-31 (EU spring forward), 2024-03-10 (US), 2024-10-27 (EU fall back), 2024-02-29 (leap day).
    expect(slipDays({ baselineDueDate: "2024-03-30T12:00:00Z", currentDueDate: "2024-04-01T12:00:00Z" })).toBe(2);
    expect(slipDays({ baselineDueDate: "2024-03-09T23:30:00Z", currentDueDate: "2024-03-11T00:30:00Z" })).toBe(2);
    expect(slipDays({ baselineDueDate: "2024-10-26", currentDueDate: "2024-10-28" })).toBe(2);
    expect(slipDays({ baselineDueDate: "2024-02-28", currentDueDate: "2024-03-01" })).toBe(2);
    expect(daysBetween("2023-01-01", "2024-01-01")).toBe(365);
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
  });
});

describe("isMilestoneOverdue", () => {
  const today = new Date("2026-11-26T09:00:00Z");

  it("is overdue when due before today and still open", () => {
    expect(isMilestoneOverdue({ currentDueDate: "2026-11-25", status: "IN_PROGRESS" }, today)).toBe(true);
    expect(isMilestoneOverdue({ currentDueDate: "2025-01-01", status: "NOT_STARTED" }, today)).toBe(true);
    expect(isMilestoneOverdue({ currentDueDate: "2026-11-25", status: "DELAYED" }, today)).toBe(true);
  });

  it("is not overdue on the due day itself or later", () => {
    expect(isMilestoneOverdue({ currentDueDate: "2026-11-26T23:00:00Z", status: "IN_PROGRESS" }, today)).toBe(false);
    expect(isMilestoneOverdue({ currentDueDate: "2026-12-01", status: "IN_PROGRESS" }, today)).toBe(false);
  });

  it("is never overdue once completed or cancelled", () => {
    expect(isMilestoneOverdue({ currentDueDate: "2020-01-01", status: "COMPLETED" }, today)).toBe(false);
    expect(isMilestoneOverdue({ currentDueDate: "2020-01-01", status: "CANCELLED" }, today)).toBe(false);
  });
});

describe("progressTowardsTarget", () => {
  it("ascending: 0 → 100 at 40 is 40%", () => {
    expect(progressTowardsTarget({ baseline: 0, target: 100, actual: 40, ascending: true })).toBeCloseTo(0.4);
  });

  it("descending: travel time 10h → target 4h, actual 6h is 66.7%", () => {
    expect(progressTowardsTarget({ baseline: 10, target: 4, actual: 6, ascending: false })).toBeCloseTo(2 / 3, 5);
  });

  it("exceeds 1 beyond target and is negative when the indicator moved the wrong way", () => {
    expect(progressTowardsTarget({ baseline: 10, target: 4, actual: 3, ascending: false })).toBeCloseTo(7 / 6);
    expect(progressTowardsTarget({ baseline: 10, target: 4, actual: 12, ascending: false })).toBeCloseTo(-1 / 3);
    expect(progressTowardsTarget({ baseline: 0, target: 100, actual: -10, ascending: true })).toBeCloseTo(-0.1);
  });

  it("target equal to baseline: met on the right side, not met on the wrong side", () => {
    expect(progressTowardsTarget({ baseline: 5, target: 5, actual: 5, ascending: true })).toBe(1);
    expect(progressTowardsTarget({ baseline: 5, target: 5, actual: 6, ascending: true })).toBe(1);
    expect(progressTowardsTarget({ baseline: 5, target: 5, actual: 4, ascending: true })).toBe(0);
    expect(progressTowardsTarget({ baseline: 5, target: 5, actual: 4, ascending: false })).toBe(1);
    expect(progressTowardsTarget({ baseline: 5, target: 5, actual: 6, ascending: false })).toBe(0);
  });

  it("is null when a number is missing", () => {
    expect(progressTowardsTarget({ baseline: null, target: 5, actual: 1, ascending: true })).toBeNull();
    expect(progressTowardsTarget({ baseline: 0, target: null, actual: 1, ascending: true })).toBeNull();
    expect(progressTowardsTarget({ baseline: 0, target: 5, actual: null, ascending: true })).toBeNull();
  });

  const value = fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true });
  const distinctPair = fc.tuple(value, value).filter(([baseline, target]) => baseline !== target);

  it("property: reaching the target is exactly 100% and standing still is 0%, in both directions", () => {
    fc.assert(
      fc.property(distinctPair, ([baseline, target]) => {
        const ascending = target > baseline;
        expect(progressTowardsTarget({ baseline, target, actual: target, ascending })).toBe(1);
        expect(progressTowardsTarget({ baseline, target, actual: baseline, ascending })).toBe(0);
      }),
    );
  });

  it("property: moving towards the target never lowers progress", () => {
    fc.assert(
      fc.property(distinctPair, fc.double({ min: 0, max: 1, noNaN: true }), ([baseline, target], t) => {
        const ascending = target > baseline;
        const nearer = baseline + (target - baseline) * t;
        const further = baseline + (target - baseline) * Math.min(1, t + 0.1);
        const p1 = progressTowardsTarget({ baseline, target, actual: nearer, ascending })!;
        const p2 = progressTowardsTarget({ baseline, target, actual: further, ascending })!;
        expect(p2).toBeGreaterThanOrEqual(p1 - 1e-9);
      }),
    );
  });
});

describe("expectedProgressShare", () => {
  const span = { baselineDate: "2020-01-01", targetDate: "2020-01-11" };

  it("follows a straight line from baseline date to target date", () => {
    expect(expectedProgressShare({ ...span, on: "2020-01-06" })).toBeCloseTo(0.5);
    expect(expectedProgressShare({ ...span, on: "2020-01-01" })).toBe(0);
    expect(expectedProgressShare({ ...span, on: "2020-01-11" })).toBe(1);
  });

  it("is clamped to 0..1 outside the period", () => {
    expect(expectedProgressShare({ ...span, on: "2019-06-01" })).toBe(0);
    expect(expectedProgressShare({ ...span, on: "2030-01-01" })).toBe(1);
  });

  it("is 1 when the target date is not after the baseline date, null when a date is missing", () => {
    expect(expectedProgressShare({ baselineDate: "2020-01-11", targetDate: "2020-01-01", on: "2019-01-01" })).toBe(1);
    expect(expectedProgressShare({ baselineDate: null, targetDate: "2020-01-01" })).toBeNull();
    expect(expectedProgressShare({ baselineDate: "2020-01-01", targetDate: null })).toBeNull();
  });
});

describe("projection and willMeetTarget", () => {
  // A rising series: +10 every 100 days.
  const rising = [
    { date: "2024-01-01", value: 0 },
    { date: "2024-04-10", value: 10 },
    { date: "2024-07-19", value: 20 },
  ];
  const flat = [
    { date: "2024-01-01", value: 7 },
    { date: "2024-06-01", value: 7 },
    { date: "2025-01-01", value: 7 },
  ];

  it("projects a rising series along its line", () => {
    expect(projectValueAt(rising, "2024-10-27")).toBeCloseTo(30, 6);
    expect(projectValueAt(rising, "2025-05-15")).toBeCloseTo(50, 6);
  });

  it("projects a flat series flat", () => {
    expect(projectValueAt(flat, "2030-01-01")).toBeCloseTo(7, 9);
  });

  it("needs two points on different days", () => {
    expect(projectValueAt([{ date: "2024-01-01", value: 1 }], "2025-01-01")).toBeNull();
    expect(
      projectValueAt(
        [
          { date: "2024-01-01T01:00:00Z", value: 1 },
          { date: "2024-01-01T20:00:00Z", value: 3 },
        ],
        "2025-01-01",
      ),
    ).toBeNull();
  });

  it("a rising series meets a target on its line and misses one above it", () => {
    expect(willMeetTarget({ points: rising, target: 30, targetDate: "2024-10-27", ascending: true })).toBe(true);
    expect(willMeetTarget({ points: rising, target: 31, targetDate: "2024-10-27", ascending: true })).toBe(false);
  });

  it("a flat series misses a higher target and meets a descending target above it", () => {
    expect(willMeetTarget({ points: flat, target: 8, targetDate: "2030-01-01", ascending: true })).toBe(false);
    expect(willMeetTarget({ points: flat, target: 7, targetDate: "2030-01-01", ascending: true })).toBe(true);
    expect(willMeetTarget({ points: flat, target: 8, targetDate: "2030-01-01", ascending: false })).toBe(true);
    expect(willMeetTarget({ points: flat, target: 6, targetDate: "2030-01-01", ascending: false })).toBe(false);
  });

  it("a falling series meets a descending target", () => {
    const falling = rising.map((p) => ({ date: p.date, value: 100 - p.value }));
    expect(willMeetTarget({ points: falling, target: 70, targetDate: "2024-10-27", ascending: false })).toBe(true);
    expect(willMeetTarget({ points: falling, target: 69, targetDate: "2024-10-27", ascending: false })).toBe(false);
  });

  it("is null without a target, a target date or enough points", () => {
    expect(willMeetTarget({ points: rising, target: null, targetDate: "2025-01-01", ascending: true })).toBeNull();
    expect(willMeetTarget({ points: rising, target: 10, targetDate: null, ascending: true })).toBeNull();
    expect(
      willMeetTarget({ points: rising.slice(0, 1), target: 10, targetDate: "2025-01-01", ascending: true }),
    ).toBeNull();
  });
});

describe("ratings", () => {
  it.each([
    ["S", "MS", true],
    ["HS", "HU", true],
    ["MS", "S", false],
    ["U", "HS", false],
    ["MU", "MU", false],
    [null, "HU", false],
    [undefined, "U", false],
  ] as const)("isDowngrade(%s → %s) = %s", (previous, current, expected) => {
    expect(isDowngrade(previous, current)).toBe(expected);
  });

  it.each([
    ["HS", false],
    ["S", false],
    ["MS", false],
    ["MU", true],
    ["U", true],
    ["HU", true],
    [null, false],
  ] as const)("isUnsatisfactory(%s) = %s", (rating, expected) => {
    expect(isUnsatisfactory(rating)).toBe(expected);
  });
});

describe("disbursementShare", () => {
  it("divides cents and refuses an empty commitment", () => {
    expect(disbursementShare(400_000_000_00, 100_000_000_00)).toBe(0.25);
    expect(disbursementShare(0, 5)).toBeNull();
  });
});
