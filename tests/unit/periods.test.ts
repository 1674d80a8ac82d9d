// Reporting periods: the list an officer picks from, per frequency, and the rules the server applies to a posted
// period (not ended yet, with the grace; before the baseline; after the end target), which are the same rules.
import { describe, expect, it } from "vitest";
import { addDays } from "~/lib/dates";
import { parseDayInput } from "~/lib/day-input";
import {
  nextReportablePeriod,
  parsePeriodKey,
  periodForDays,
  periodRefusal,
  REPORTING_GRACE_DAYS,
  reportableFrom,
  reportablePeriods,
  type PeriodRules,
} from "~/lib/periods";
import { indicatorValueSchema } from "~/schemas/indicator";

const keys = (rules: PeriodRules) => reportablePeriods(rules).map((p) => p.key);

describe("the periods of each frequency", () => {
  const rules = (frequency: PeriodRules["frequency"]): PeriodRules => ({
    frequency,
    baselineDate: "2025-02-10",
    targetDate: "2027-06-30",
    today: "2026-01-20",
  });

  it("monthly: from the baseline's month to the last month that has ended, newest first", () => {
    expect(keys(rules("MONTHLY"))).toEqual([
      "2025-12",
      "2025-11",
      "2025-10",
      "2025-09",
      "2025-08",
      "2025-07",
      "2025-06",
      "2025-05",
      "2025-04",
      "2025-03",
      "2025-02",
    ]);
  });
  it("quarterly, semi-annual and annual", () => {
    expect(keys(rules("QUARTERLY"))).toEqual(["2025-Q4", "2025-Q3", "2025-Q2", "2025-Q1"]);
    expect(keys(rules("SEMI_ANNUAL"))).toEqual(["2025-H2", "2025-H1"]);
    expect(keys(rules("ANNUAL"))).toEqual(["2025"]);
  });
  it("each period has its first and last day; keys of another frequency are not periods", () => {
    expect(parsePeriodKey("QUARTERLY", "2026-Q3")).toMatchObject({ start: "2026-07-01", end: "2026-09-30" });
    expect(parsePeriodKey("SEMI_ANNUAL", "2026-H1")).toMatchObject({ start: "2026-01-01", end: "2026-06-30" });
    expect(parsePeriodKey("ANNUAL", "2025")).toMatchObject({ start: "2025-01-01", end: "2025-12-31" });
    expect(parsePeriodKey("MONTHLY", "2024-02")).toMatchObject({ start: "2024-02-01", end: "2024-02-29" });
    expect(parsePeriodKey("MONTHLY", "2026-Q3")).toBeNull();
    expect(parsePeriodKey("QUARTERLY", "2026-Q5")).toBeNull();
    expect(parsePeriodKey("ANNUAL", "2026-12-31")).toBeNull();
    expect(parsePeriodKey("MONTHLY", "2026-13")).toBeNull();
  });
  it("stored values read as their period when they cover exactly one, else not", () => {
    expect(periodForDays("QUARTERLY", "2026-07-01T00:00:00.000Z", "2026-09-30T00:00:00.000Z")?.key).toBe("2026-Q3");
    expect(periodForDays("QUARTERLY", "2026-01-01", "2026-09-30")).toBeNull();
  });
});

describe("which periods may be reported", () => {
  const base: PeriodRules = { frequency: "QUARTERLY", baselineDate: null, targetDate: null, today: "2026-09-01" };
  const q3 = parsePeriodKey("QUARTERLY", "2026-Q3");
  if (!q3) throw new Error("2026-Q3 is a quarter");

  it("a period that has not ended is refused until the grace before its last day", () => {
    expect(REPORTING_GRACE_DAYS).toBeGreaterThanOrEqual(0);
    expect(REPORTING_GRACE_DAYS).toBeLessThanOrEqual(7);
    expect(reportableFrom(q3)).toBe(addDays("2026-09-30", -REPORTING_GRACE_DAYS));
    const dayBefore = addDays(reportableFrom(q3), -1);
    expect(periodRefusal(q3, { ...base, today: dayBefore })).toBe("notEnded");
    expect(periodRefusal(q3, { ...base, today: reportableFrom(q3) })).toBeNull();
    expect(periodRefusal(q3, { ...base, today: "2026-10-01" })).toBeNull();
    expect(keys({ ...base, today: dayBefore })[0]).toBe("2026-Q2");
    expect(keys({ ...base, today: reportableFrom(q3) })[0]).toBe("2026-Q3");
    expect(nextReportablePeriod({ ...base, today: dayBefore })?.key).toBe("2026-Q3");
    expect(nextReportablePeriod({ ...base, today: reportableFrom(q3) })?.key).toBe("2026-Q4");
  });
  it("a period ending on or before the baseline date is refused; the one containing it is not", () => {
    expect(periodRefusal(q3, { ...base, today: "2026-12-01", baselineDate: "2026-09-30" })).toBe("beforeBaseline");
    expect(periodRefusal(q3, { ...base, today: "2026-12-01", baselineDate: "2026-09-29" })).toBeNull();
    expect(keys({ ...base, today: "2026-12-01", baselineDate: "2026-08-15" })).toEqual(["2026-Q3"]);
  });
  it("a period starting after the end target date is refused; the one containing it is not", () => {
    expect(periodRefusal(q3, { ...base, today: "2027-01-10", targetDate: "2026-06-30" })).toBe("afterTarget");
    expect(periodRefusal(q3, { ...base, today: "2027-01-10", targetDate: "2026-07-01" })).toBeNull();
    expect(keys({ ...base, today: "2027-03-01", baselineDate: "2026-01-01", targetDate: "2026-08-01" })).toEqual([
      "2026-Q3",
      "2026-Q2",
      "2026-Q1",
    ]);
    expect(nextReportablePeriod({ ...base, today: "2027-03-01", targetDate: "2026-08-01" })).toBeNull();
  });
  it("without a baseline date the list reaches back three years", () => {
    expect(keys({ ...base, frequency: "ANNUAL", today: "2026-03-01" })).toEqual(["2025", "2024", "2023"]);
  });
  it("the shared schema gives each refusal its message (the server parses with it)", () => {
    const schema = indicatorValueSchema({ ...base, baselineDate: "2025-03-31", targetDate: "2026-12-31" });
    const message = (period: string) => schema.safeParse({ period, value: "1" }).error?.issues[0]?.message;
    expect(message("2026-Q3")).toBe("forms.period.notEnded");
    expect(message("2025-Q1")).toBe("forms.period.beforeBaseline");
    expect(message("2027-Q1")).toBe("forms.period.afterTarget");
    expect(message("2026-H1")).toBe("forms.period.invalid");
    expect(message("")).toBe("forms.period.required");
    expect(schema.safeParse({ period: "2026-Q2", value: "1" }).data?.period).toMatchObject({
      start: "2026-04-01",
      end: "2026-06-30",
    });
  });
});

describe("typed days", () => {
  it("accepts the shown form in each language, day-first numbers and ISO days", () => {
    for (const text of ["31 Dec 2026", "31 December 2026", "31 дек. 2026", "31 декабря 2026 г.", "31 жел 2026"])
      expect(parseDayInput(text), text).toBe("2026-12-31");
    expect(parseDayInput("3 мая 2026")).toBe("2026-05-03");
    expect(parseDayInput("3 мамыр 2026")).toBe("2026-05-03");
    expect(parseDayInput("03.04.2026")).toBe("2026-04-03");
    expect(parseDayInput("3/4/2026")).toBe("2026-04-03");
    expect(parseDayInput("2026-04-03")).toBe("2026-04-03");
  });
  it("refuses what is not a real day or is ambiguous", () => {
    for (const text of ["31 Feb 2026", "30.02.2026", "12/31/2026", "Ju 2026", "1 ma 2026", "2026", "", "tomorrow"])
      expect(parseDayInput(text), text).toBeNull();
  });
});
