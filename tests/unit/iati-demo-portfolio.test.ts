// The IATI file of the demo portfolio (every project of the seed, as the auditor sees them) against IATI's own
// Standard ruleset and codelists; and the pure rules behind its budgets and narrative languages.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { textLanguage } from "~/lib/text-language";
import { annualBudgets, signedUsd } from "~/models/iati-finance.server";
import { loader as iatiLoader } from "~/routes/exports.iati[.]xml";
import { seedDatabase } from "../../prisma/seed";
import { day } from "../helpers/factories";
import { callLoader, sessionCookieFor } from "../helpers/history-fixtures";
import { checkIatiCodelists, checkIatiRuleset } from "../helpers/iati-rules";

let xml = "";

beforeAll(async () => {
  await seedDatabase(db);
  const response = await callLoader(iatiLoader, "/exports/iati.xml", {
    cookie: await sessionCookieFor("auditor@qadam.test"),
  });
  expect(response.status).toBe(200);
  xml = await response.text();
}, 120_000);

describe("the demo portfolio's IATI file", () => {
  it("passes IATI's Standard ruleset for 2.03 (0 errors, 0 warnings) and IATI's codelists", async () => {
    const activities = (xml.match(/<iati-activity /g) ?? []).length;
    expect(activities).toBe(await db.project.count());
    const report = checkIatiRuleset(xml);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(checkIatiCodelists(xml).findings).toEqual([]);
  });

  it("has no budget longer than a year, and each activity's budgets add up to its commitment", async () => {
    for (const project of await db.project.findMany({ where: { commitmentMinor: { gt: 0n } } })) {
      const identifier = `${project.institution === "IFC" ? "XM-DAC-903" : "44000"}-${project.code}`;
      const activity = xml.slice(
        xml.indexOf(`<iati-identifier>${identifier}<`),
        xml.indexOf("</iati-activity>", xml.indexOf(identifier)),
      );
      const budgets = [...activity.matchAll(/<budget [\s\S]*?<value[^>]*>([^<]+)<\/value>/g)].map((m) => m[1]);
      if (!budgets.length) continue;
      const cents = budgets.reduce((sum, v) => sum + BigInt(Math.round(Number(v) * 100)), 0n);
      expect(cents, project.code).toBe(project.commitmentMinor);
    }
  });
});

describe("budget periods and narrative languages", () => {
  it("cuts the commitment at each 31 December and gives the rounding to the last period", () => {
    const budgets = annualBudgets(day("2024-03-15"), day("2026-06-30"), 100_000_01n);
    expect(budgets.map((b) => [b.start.toISOString().slice(0, 10), b.end.toISOString().slice(0, 10)])).toEqual([
      ["2024-03-15", "2024-12-31"],
      ["2025-01-01", "2025-12-31"],
      ["2026-01-01", "2026-06-30"],
    ]);
    expect(budgets.reduce((sum, b) => sum + b.cents, 0n)).toBe(100_000_01n);
    // 292 + 365 + 181 = 838 days: each period's share of them.
    expect(budgets[0].cents).toBe((100_000_01n * 292n) / 838n);
    expect(annualBudgets(day("2026-01-01"), day("2025-12-31"), 5n)).toEqual([]);
    expect(annualBudgets(day("2026-05-05"), day("2026-05-05"), 5n)).toHaveLength(1);
    expect(signedUsd(-150n)).toBe("-1.50");
    expect(signedUsd(250_000_00n)).toBe("250000");
  });

  it("tells Kazakh, Russian and English text apart by its letters", () => {
    expect(textLanguage("Суару және дренаж жүйелерін жақсарту")).toBe("kk");
    expect(textLanguage("Ирригация и дренаж, второй этап")).toBe("ru");
    expect(textLanguage("South-West Roads: Western Europe–Western China")).toBe("en");
    expect(textLanguage("CAREC 1b: Алматы–Қорғас жолы")).toBe("kk");
    expect(textLanguage("P128050 — 2026")).toBe("en");
  });
});
