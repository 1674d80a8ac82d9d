// The interface in Russian and Kazakh: a manager, an officer, an administrator and an auditor switch the language with
// the header's select, visit the main pages, and the visible text must contain no English UI word.
//
// How "English" is detected precisely enough to catch an untranslated label without flagging data:
// 1. The English vocabulary is every ASCII word (3+ letters) of the English locale's strings (app/i18n/locales/en).
//    A word that also appears IN CAPITALS in the Russian or Kazakh strings is an acronym kept on purpose (IFC, CSV…).
// 2. From the page text we first remove every data value the database holds (project names and codes, people,
//    organisations, milestone titles, indicator names and units, narratives, comments…), then e-mails and URLs.
// 3. Any remaining word of the English vocabulary is an untranslated string: the test fails and names it in context.
//
// The accounts are created for this spec through the administration (the language lives on the user's profile, so
// switching a shared demo account would disturb specs running in parallel); they switch back to English at the end.
import { expect, test, type Browser, type Page } from "@playwright/test";
import en from "../../app/i18n/locales/en/index";
import kk from "../../app/i18n/locales/kk/index";
import ru from "../../app/i18n/locales/ru/index";
import { loginAs, openE2eDb, signIn } from "./fixtures";

test.describe.configure({ mode: "serial" });

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}
const words = (text: string) => text.replace(/\{\{[^}]*\}\}/g, " ").match(/[A-Za-z]{3,}/g) ?? [];

// Proper nouns, formats, protocols, loanwords Russian and Kazakh use as is ("e-mail", "cookie"), and the language
// picker's own "English".
const KEPT = new Set([
  "qadam",
  "iati",
  "csv",
  "xlsx",
  "ndjson",
  "usd",
  "utc",
  "http",
  "https",
  "mail",
  "cookie",
  "excel",
  "english",
]);
for (const word of [...strings(ru), ...strings(kk)].flatMap(words)) {
  if (word === word.toUpperCase()) KEPT.add(word.toLowerCase());
}
const ENGLISH = new Set(
  strings(en)
    .flatMap(words)
    .map((w) => w.toLowerCase())
    .filter((w) => !KEPT.has(w)),
);

/** Values recorded in the audit log (see loadDataStrings). */
const recorded = new Set<string>();

/** Every text value the e2e database holds, longest first (so a name is removed before a shorter part of it). */
async function loadDataStrings(): Promise<string[]> {
  recorded.clear();
  const db = openE2eDb();
  const columns: Record<string, string[]> = {
    Organization: ["code", "name"],
    User: ["email", "name"],
    Framework: ["code", "name", "description"],
    PriorityArea: ["code", "name", "description"],
    Project: ["code", "name", "description", "instrument", "narrative", "sectorCode"],
    Rating: ["justification"],
    Milestone: ["title", "description"],
    MilestoneUpdate: ["narrative", "dueDateReason", "reviewComment"],
    Indicator: ["code", "name", "unit", "dataSource", "responsibleAgency", "targetRevisionNote"],
    IndicatorValue: ["comment", "reviewComment"],
    AuditEvent: ["reason"],
  };
  const out = new Set<string>();
  try {
    for (const [table, cols] of Object.entries(columns)) {
      for (const col of cols) {
        const rows = await db.execute(
          `SELECT DISTINCT "${col}" AS v FROM "${table}" WHERE "${col}" IS NOT NULL AND "${col}" <> ''`,
        );
        for (const row of rows.rows) {
          const v = String(row.v).trim();
          // Shorter values (units such as "ha", "km") cannot hide a 3-letter word.
          if (v.length >= 3) out.add(v);
        }
      }
    }
    // The history shows recorded events as they are (action, entity type, actor, snapshot fields and values): inside
    // an event list, a text node equal to one of these is data too.
    const events = await db.execute("SELECT action, entityType, actorEmail, before, after FROM AuditEvent");
    const collect = (value: unknown, key?: string) => {
      if (key) recorded.add(key);
      if (typeof value === "string") recorded.add(value.trim());
      else if (value !== null && value !== undefined) recorded.add(JSON.stringify(value));
      if (value && typeof value === "object" && !Array.isArray(value))
        for (const [k, v] of Object.entries(value)) collect(v, k);
    };
    for (const row of events.rows) {
      for (const field of [row.action, row.entityType, row.actorEmail]) if (field) recorded.add(String(field));
      for (const json of [row.before, row.after]) if (typeof json === "string") collect(JSON.parse(json));
    }
  } finally {
    db.close();
  }
  return [...out].sort((a, b) => b.length - a.length);
}

/**
 * The visible text of the page with every <details> opened, so collapsed sections are checked too. Machine
 * identifiers marked up as <code>, <kbd> or <samp> (paths, parameter names, ids, commands) are left out, and so
 * are the recorded values an event list shows (each is its own text node).
 */
async function visibleText(page: Page): Promise<string> {
  return page.evaluate(
    (recordedValues) => {
      const recordedSet = new Set(recordedValues);
      document.querySelectorAll("details").forEach((d) => (d.open = true));
      document.querySelectorAll("code, kbd, samp").forEach((el) => (el.textContent = " ⟦·⟧ "));
      for (const list of document.querySelectorAll("[data-testid=event-list]")) {
        const walker = document.createTreeWalker(list, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (recordedSet.has((node.textContent ?? "").trim())) node.textContent = " ⟦·⟧ ";
        }
      }
      return document.body.innerText;
    },
    [...recorded],
  );
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Removes the data values from a page's text: whole values, and values shortened with "…" by the UI. */
function withoutData(text: string, data: string[]): string {
  let rest = text.replace(/\s+/g, " ");
  for (const value of data) {
    const flat = value.replace(/\s+/g, " ");
    if (!rest.includes(flat)) continue;
    // Only whole values: "ha" (hectares) must not cut "interchanges" in two.
    rest = rest.replace(new RegExp(`(?<![A-Za-z])${escapeRegExp(flat)}(?![A-Za-z])`, "g"), " ⟦·⟧ ");
  }
  // Truncated values: the longest text before an ellipsis that starts a data value.
  rest = rest.replace(/([^⟦⟧…]{1,120})…/g, (whole, before: string) => {
    for (let i = 0; i < before.length - 2; i++) {
      if (i > 0 && /[A-Za-z]/.test(before[i - 1])) continue;
      const candidate = before.slice(i).trimStart();
      if (candidate.length >= 3 && data.some((value) => value.replace(/\s+/g, " ").startsWith(candidate))) {
        return `${before.slice(0, i)} ⟦·⟧ `;
      }
    }
    return whole;
  });
  // E-mails, URLs, host names (links are often shown without their scheme), file names and dotted identifiers.
  return rest
    .replace(/\S+@\S+/g, " ")
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/\b[\w-]+(\.[\w-]+)+\/\S*/g, " ")
    .replace(/\b[\w-]+\.(csv|xlsx|ndjson|xml|json|pdf)\b/gi, " ")
    .replace(/\b[a-z][A-Za-z]*\.[a-z][A-Za-z]*\b/g, " ");
}

function englishLeft(text: string, data: string[]): string[] {
  const rest = withoutData(text, data);
  const found = new Map<string, string>();
  for (const match of rest.matchAll(/[A-Za-z]{3,}/g)) {
    const word = match[0];
    if (!ENGLISH.has(word.toLowerCase()) || found.has(word)) continue;
    const i = match.index ?? 0;
    found.set(word, `“${word}” in …${rest.slice(Math.max(0, i - 50), i + 50)}…`);
  }
  return [...found.values()];
}

type Account = { key: "manager" | "officer" | "admin" | "auditor"; role: string; email: string; name: string };
const stamp = Date.now();
const ACCOUNTS: Account[] = [
  { key: "manager", role: "Manager", email: `i18n.manager.${stamp}@qadam.test`, name: "Gulnara Iskakova" },
  { key: "officer", role: "Officer", email: `i18n.officer.${stamp}@qadam.test`, name: "Timur Bekov" },
  { key: "admin", role: "Administrator", email: `i18n.admin.${stamp}@qadam.test`, name: "Saule Omarova" },
  { key: "auditor", role: "Auditor", email: `i18n.auditor.${stamp}@qadam.test`, name: "Askar Dauletov" },
];
const INITIAL = "initial-password-i18n";
const PASSWORD = "chosen-password-i18n";
const PROJECT_CODE = "P128050";

let data: string[] = [];
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
  for (const account of ACCOUNTS) {
    await page.goto("/admin/users/new");
    const form = page.getByTestId("create-user-form");
    await form.getByLabel("E-mail").fill(account.email);
    await form.getByLabel("Name").fill(account.name);
    await form.getByLabel("Organisation").selectOption({ label: "World Bank" });
    await form.getByLabel("Role").selectOption({ label: account.role });
    await form.getByLabel("Language").selectOption({ label: "English" });
    await form.getByLabel("Initial password").fill(INITIAL);
    await form.getByRole("button", { name: "Create the user" }).click();
    await expect(page.getByTestId("flash")).toContainText(account.email);
  }
  await page.goto(`/projects/${projectId}/team`);
  await page.locator("#field-userId").selectOption({ label: `${ACCOUNTS[1].name} — World Bank (Officer)` });
  await page.locator("#field-capacity").selectOption("PROJECT_OFFICER");
  await page.getByTestId("add-member").click();
  await expect(page.getByTestId("flash")).toBeVisible();
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
  data = await loadDataStrings();
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
  await expect
    .poll(() => select.evaluate((el) => Object.keys(el).some((key) => key.startsWith("__reactProps"))))
    .toBe(true);
  await select.selectOption(locale);
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}

test("the detector catches an English label and ignores data, whole or shortened", () => {
  const name =
    "East-West Roads Project (Almaty–Khorgos Section of the Western Europe–Western China Corridor, CAREC-1b)";
  expect(data).toContain(name);
  const sample = `Проекты P128050 ${name} ${name.slice(0, 30)}… files.qadam.test/evidence/x.pdf Status board 12 км`;
  const hits = englishLeft(sample, data);
  expect(hits.map((h) => h.slice(0, h.indexOf(" in ")))).toEqual(["“Status”", "“board”"]);
  expect(englishLeft("Доска статусов P128050 (http или https)", data)).toEqual([]);
});

for (const account of ACCOUNTS) {
  test(`${account.key}: Russian and Kazakh pages show no English`, async ({ page }) => {
    test.setTimeout(120_000);
    // First sign-in: the initial password must be changed.
    await signIn(page, account.email, INITIAL);
    await expect(page).toHaveURL(/\/account\/password$/);
    await page.getByLabel("Current password").fill(INITIAL);
    await page.getByLabel("New password", { exact: true }).fill(PASSWORD);
    await page.getByLabel("Repeat the new password").fill(PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
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
          // Specs running in parallel may have changed data since it was loaded: reload it before blaming the UI.
          if (hits.length > 0) {
            data = await loadDataStrings();
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
