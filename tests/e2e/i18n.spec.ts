// The interface in Russian and Kazakh: a manager, an officer, an administrator and an auditor switch the language with
// the header's select, visit the main pages, and the visible text must contain no English UI word (how English is
// told from data: ./english-detector.ts).
//
// The accounts are created for this spec through the administration (the language lives on the user's profile, so
// switching a shared demo account would disturb specs running in parallel); they switch back to English at the end.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { englishLeft, loadPageData, visibleText, type PageData } from "./english-detector";
import { addToTeam, createInvitedAccount, loginAs, openE2eDb, signIn, waitForHydration } from "./fixtures";

test.describe.configure({ mode: "serial" });

type Account = { key: "manager" | "officer" | "admin" | "auditor"; role: string; name: string };
const ACCOUNTS: Account[] = [
  { key: "manager", role: "Manager", name: "Gulnara Iskakova" },
  { key: "officer", role: "Officer", name: "Timur Bekov" },
  { key: "admin", role: "Administrator", name: "Saule Omarova" },
  { key: "auditor", role: "Auditor", name: "Askar Dauletov" },
];
/** The accounts' e-mails, new for every run of the spec (beforeAll), so it can run again on the same database. */
const emails: Record<Account["key"], string> = { manager: "", officer: "", admin: "", auditor: "" };
const PASSWORD = "chosen-password-i18n";
const PROJECT_CODE = "P128050";

let data: PageData = { values: [], recorded: new Set() };
let projectId = "";
let milestoneId = "";
let indicatorId = "";
let frameworkId = "";
/** Organisation names as the Russian and Kazakh pages must show them (the accounts' World Bank, the project's agency). */
const orgNames = { bank: { ru: "", kk: "" }, agency: { ru: "", kk: "" } };

/** The admin creates the four accounts (World Bank) and puts the officer on a project team. */
async function createAccounts(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginAs(page, "admin");
  const run = randomUUID().slice(0, 8);
  for (const account of ACCOUNTS) {
    const email = `i18n.${account.key}.${run}@qadam.test`;
    emails[account.key] = email;
    await createInvitedAccount(
      page,
      { email, name: account.name, organisation: "World Bank", role: account.role },
      PASSWORD,
    );
  }
  await addToTeam(page, projectId, emails.officer);
  await context.close();
}

test.beforeAll(async ({ browser }) => {
  const db = openE2eDb();
  try {
    const project = await db.execute({ sql: "SELECT id FROM Project WHERE code = ?", args: [PROJECT_CODE] });
    projectId = String(project.rows[0].id);
    const milestone = await db.execute({
      sql: "SELECT id FROM Milestone WHERE projectId = ? ORDER BY sortOrder LIMIT 1",
      args: [projectId],
    });
    milestoneId = String(milestone.rows[0].id);
    const indicator = await db.execute({
      sql: "SELECT id FROM Indicator WHERE projectId = ? ORDER BY sortOrder LIMIT 1",
      args: [projectId],
    });
    indicatorId = String(indicator.rows[0].id);
    const framework = await db.execute("SELECT id FROM Framework WHERE code = 'CPF-2026-2031'");
    frameworkId = String(framework.rows[0].id);
    const names = async (where: string, args: string[]) => {
      const row = (await db.execute({ sql: `SELECT nameRu, nameKk FROM Organization WHERE ${where}`, args })).rows[0];
      return { ru: String(row.nameRu), kk: String(row.nameKk) };
    };
    orgNames.bank = await names("code = 'WB'", []);
    orgNames.agency = await names("id = (SELECT implementingAgencyId FROM Project WHERE id = ?)", [projectId]);
  } finally {
    db.close();
  }
  await createAccounts(browser);
  data = await loadPageData();
});

function pagesFor(key: Account["key"]): string[] {
  const project = [
    "/projects",
    `/projects/${projectId}`,
    `/projects/${projectId}/milestones`,
    `/projects/${projectId}/milestones/${milestoneId}`,
    `/projects/${projectId}/indicators`,
    `/projects/${projectId}/indicators/${indicatorId}`,
  ];
  const portfolio = ["/board", "/frameworks", `/frameworks/${frameworkId}`, "/reporting", "/reporting?groupBy=officer"];
  switch (key) {
    case "manager":
      return ["/", ...project, `/projects/${projectId}/ratings`, ...portfolio, "/reviews"];
    case "officer":
      return ["/", ...project, ...portfolio];
    case "admin":
      return ["/", "/admin", "/admin/users", "/admin/users/new", "/admin/organizations", "/admin/frameworks"];
    case "auditor":
      return ["/", "/history", "/exports", `/projects/${projectId}/history`];
  }
}

async function switchLanguage(page: Page, locale: "en" | "ru" | "kk") {
  const select = page.locator("#language-select");
  // The select submits its form on change once React has hydrated it.
  await waitForHydration(select);
  await select.selectOption(locale);
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}

test("the detector catches an English label and ignores data, whole or shortened", () => {
  const name =
    "East-West Roads Project (Almaty–Khorgos Section of the Western Europe–Western China Corridor, CAREC-1b)";
  expect(data.values).toContain(name);
  const sample = `Проекты P128050 ${name} ${name.slice(0, 30)}… files.qadam.test/evidence/x.pdf Status board 12 км`;
  const hits = englishLeft(sample, data);
  expect(hits.map((h) => h.slice(0, h.indexOf(" in ")))).toEqual(["“Status”", "“board”"]);
  expect(englishLeft("Доска статусов P128050 (http или https)", data)).toEqual([]);
});

test("the detector tells recorded values in an event list from an English label, and keeps overwritten text as data", () => {
  const narrative = "Administrator's narrative (mx4nxzbu).";
  // An event list as visibleText captures it: an action, a value recorded in the audit log, an untranslated link.
  const history = {
    text: "История \uE0000\uE001 · \uE0001\uE001 → \uE0002\uE001 \uE0003\uE001",
    eventTexts: ["project.update", "—", narrative, "History of this record"],
  };
  const recorded = { values: [], recorded: new Set(["project.update", "—", narrative]) };
  const label = (hits: string[]) => hits.map((h) => h.slice(0, h.indexOf(" in ")));
  expect(label(englishLeft(history, recorded))).toEqual(["“History”", "“this”", "“record”"]);
  // Not recorded (another spec wrote it after the data was read): English until the data is read again.
  expect(label(englishLeft(history, { values: [], recorded: new Set() }))).toContain("“narrative”");
  // Outside an event list, free text the audit log recorded is data even once the record holds another value.
  const overwritten = { values: [narrative], recorded: new Set<string>() };
  expect(englishLeft(`Описание: ${narrative} Пред. значение`, overwritten)).toEqual([]);
  expect(label(englishLeft(`Описание: ${narrative} Save`, overwritten))).toEqual(["“Save”"]);
  // The data read from the database holds this spec's own writes: the accounts created in beforeAll.
  expect(data.recorded).toContain("user.create");
  expect(data.values).toContain(emails.manager);
});

for (const account of ACCOUNTS) {
  test(`${account.key}: Russian and Kazakh pages show no English`, async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, emails[account.key], PASSWORD);
    await expect(page).toHaveURL((url) => url.pathname === "/");

    const problems: string[] = [];
    try {
      for (const locale of ["ru", "kk"] as const) {
        await page.goto("/");
        await switchLanguage(page, locale);
        for (const path of pagesFor(account.key)) {
          const response = await page.goto(path);
          expect(response?.status(), `${path} (${locale})`).toBeLessThan(400);
          await expect(page.locator("html")).toHaveAttribute("lang", locale);
          // Organisation names are data, but stored in Russian and Kazakh too: those must be shown.
          await expect(page.getByTestId("current-user")).toContainText(orgNames.bank[locale]);
          if (path === `/projects/${projectId}`) {
            await expect(page.getByTestId("project-header")).toContainText(orgNames.agency[locale]);
          }
          const text = await visibleText(page);
          let hits = englishLeft(text, data);
          // Specs running in parallel may have written data since it was loaded: judge the captured text again by
          // the data as it is now, which includes everything the page could show.
          if (hits.length > 0) {
            data = await loadPageData();
            hits = englishLeft(text, data);
          }
          for (const hit of hits) problems.push(`[${locale}] ${path}: ${hit}`);
        }
      }
    } finally {
      await page.goto("/");
      await switchLanguage(page, "en");
    }
    expect(problems, "English left on Russian/Kazakh pages").toEqual([]);
  });
}
