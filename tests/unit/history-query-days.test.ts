// The history and audit-export filters keep `from`/`to` as `YYYY-MM-DD` in their URLs, and also read a day typed the
// way people write it: what the filter form sends before its script has run (components/ui/day-filter-field).
import { describe, expect, it } from "vitest";
import { AuditExportQuerySchema, HistoryPageQuerySchema, HistoryQuerySchema } from "~/schemas/history";

describe("history query days", () => {
  it("keeps ISO days as they are", () => {
    expect(HistoryQuerySchema.parse({ from: "2026-01-01", to: "2026-12-31" })).toEqual({
      from: "2026-01-01",
      to: "2026-12-31",
    });
  });

  it.each([
    ["31 Dec 2026", "2026-12-31"],
    ["31.12.2026", "2026-12-31"],
    ["31 дек. 2026", "2026-12-31"],
    ["31 желтоқсан 2026", "2026-12-31"],
    ["1 March 2026", "2026-03-01"],
  ])("reads %s typed in any of Qadam's languages as %s", (typed, iso) => {
    expect(HistoryPageQuerySchema.parse({ from: typed }).from).toBe(iso);
    expect(AuditExportQuerySchema.parse({ to: typed }).to).toBe(iso);
  });

  it("refuses what is not a day, and a from after the to", () => {
    expect(HistoryQuerySchema.safeParse({ from: "31 Foo 2026" }).success).toBe(false);
    expect(HistoryQuerySchema.safeParse({ from: "2026-02-30" }).success).toBe(false);
    expect(HistoryQuerySchema.safeParse({ from: "31 Dec 2026", to: "1 Dec 2026" }).success).toBe(false);
  });
});
