// The interface in Russian and Kazakh: a manager, an officer, an administrator and an auditor switch the language with
// the header's select, visit the main pages, and the visible text must contain no English UI word (how English is
// told from data: ./english-detector.ts).
//
// The accounts are created for this spec through the administration (the language lives on the user's profile, so
// switching a shared demo account would disturb specs running in parallel); they switch back to English at the end.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { englishLeft, loadPageData, visibleText, type PageData } from "./english-detector";
import {
  addToTeam,
  createInvitedAccount,
  DEMO_PASSWORD,
  loginAs,
  openE2eDb,
  signIn,
  waitForHydration,
} from "./fixtures";

type Locale = "ru" | "kk";

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
/**
 * People invited in Russian and in Kazakh whose invitations stay unused: their invitation (and, later, password-reset)
 * e-mails are read in the administration's mail pages, and their links open the signed-out pages in that language.
 */
const invitees: Record<Locale, { email: string; invitePath: string }> = {
  ru: { email: "", invitePath: "" },
  kk: { email: "", invitePath: "" },
};
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
  for (const locale of ["ru", "kk"] as const) {
    const email = `i18n.invitee.${locale}.${run}@qadam.test`;
    invitees[locale] = { email, invitePath: await inviteOnly(page, email, locale) };
  }
  await context.close();
}

/** The admin creates an account in `locale`; its invitation waits in the outbox, unused. Returns the link's path. */
async function inviteOnly(admin: Page, email: string, locale: Locale): Promise<string> {
  await admin.goto("/admin/users/new");
  const form = admin.getByTestId("create-user-form");
  await form.getByLabel("E-mail").fill(email);
  await form.getByLabel("Name").fill(locale === "ru" ? "Ольга Ким" : "Әсел Нұрланқызы");
  await form.getByLabel("Organisation").selectOption({ label: "World Bank" });
  await form.getByLabel("Role").selectOption({ label: "Officer" });
  await form.getByLabel("Language").selectOption(locale);
  await form.getByRole("button", { name: "Create the user" }).click();
  await expect(admin.getByTestId("flash")).toContainText(email);
  const path = /(\/invite\?token=[A-Za-z0-9_-]+)/.exec(await latestMail(email, "invitation").then((m) => m.text));
  expect(path, "the invitation carries its link").not.toBeNull();
  return path?.[1] ?? "";
}

/** The newest e-mail of a kind to an address, as the outbox holds it. */
async function latestMail(email: string, kind: string): Promise<{ id: string; locale: string; text: string }> {
  const db = openE2eDb();
  try {
    const row = (
      await db.execute({
        sql: "SELECT id, locale, text FROM OutboxMessage WHERE toAddress = ? AND kind = ? ORDER BY createdAt DESC LIMIT 1",
        args: [email, kind],
      })
    ).rows[0];
    expect(row, `a ${kind} e-mail to ${email}`).toBeDefined();
    return { id: String(row?.id), locale: String(row?.locale), text: String(row?.text) };
  } finally {
    db.close();
  }
}

test.beforeAll(async ({ browser }) => {
  // Six accounts are created through the administration's forms: more than the default 30 s on a busy machine.
  test.setTimeout(120_000);
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
  // Reporting from a spreadsheet: across one's projects and for one project.
  const spreadsheet = ["/import", `/import?project=${projectId}`];
  // Everyone's notifications and their settings (the e-mail reminders' options).
  const own = ["/notifications", "/account/notifications"];
  switch (key) {
    case "manager":
      return ["/", ...project, `/projects/${projectId}/ratings`, ...portfolio, "/reviews", ...spreadsheet, ...own];
    case "officer":
      return ["/", ...project, ...portfolio, ...spreadsheet, ...own];
    case "admin":
      return [
        "/",
        "/admin",
        "/admin/users",
        "/admin/users/new",
        "/admin/organizations",
        "/admin/frameworks",
        "/admin/mail",
        ...own,
      ];
    case "auditor":
      return ["/", "/history", "/exports", `/projects/${projectId}/history`, ...own];
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

/** The English words left on the page now, judged against the data as it is after the capture (see the detector). */
async function englishOn(page: Page): Promise<string[]> {
  const text = await visibleText(page);
  // The sign-in page names the demo accounts' password: data, whatever the language.
  const judge = () => englishLeft(text, { ...data, values: [...data.values, DEMO_PASSWORD] });
  let hits = judge();
  if (hits.length > 0) {
    data = await loadPageData();
    hits = judge();
  }
  return hits;
}

/** The e-mails the administration's mail pages show in each language: the invitees' invitations and reset links. */
async function mailPages(): Promise<string[]> {
  const paths: string[] = [];
  for (const locale of ["ru", "kk"] as const) {
    for (const kind of ["invitation", "passwordReset"]) {
      const mail = await latestMail(invitees[locale].email, kind);
      expect(mail.locale, `the ${kind} e-mail is written in the invitee's language`).toBe(locale);
      paths.push(`/admin/mail?message=${mail.id}`);
    }
  }
  return paths;
}

test("signed out: sign-in, single sign-on, forgotten password and the invitation and reset links show no English", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  for (const locale of ["ru", "kk"] as const) {
    // A visitor's language comes from the browser (Accept-Language) until they choose one.
    const context = await browser.newContext({ locale: locale === "ru" ? "ru-RU" : "kk-KZ" });
    const page = await context.newPage();
    const check = async (path: string, ready: string) => {
      await expect(page.getByTestId(ready), `${path} (${locale})`).toBeVisible();
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      for (const hit of await englishOn(page)) problems.push(`[${locale}] ${path}: ${hit}`);
    };
    await page.goto("/login");
    await check("/login", "sso-button");
    // Every reason a single sign-on can come back refused, as its callback names it.
    for (const outcome of ["noVerifiedEmail", "unknownAccount", "deactivated", "failed", "unavailable"]) {
      await page.goto(`/login?sso=${outcome}`);
      await check(`/login?sso=${outcome}`, "sso-error");
    }
    await page.goto("/login?sso=throttled&minutes=5");
    await check("/login?sso=throttled", "sso-error");

    await page.goto("/forgot-password");
    await check("/forgot-password", "forgot-password");
    const email = page.locator('input[name="email"]');
    await waitForHydration(email);
    await email.fill(invitees[locale].email);
    await page.getByTestId("forgot-password").locator('button[type="submit"]').click();
    // The confirmation is shown on the sign-in page, where the person continues.
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByTestId("flash")).toContainText(invitees[locale].email);
    await check("/login (reset link sent)", "flash");

    for (const path of ["/invite?token=no-such-link", "/reset-password?token=no-such-link"]) {
      await page.goto(path);
      await check(path, "link-unusable");
    }
    await page.goto(invitees[locale].invitePath);
    await check("/invite (a valid link)", "set-password");
    const reset = /(\/reset-password\?token=[A-Za-z0-9_-]+)/.exec(
      (await latestMail(invitees[locale].email, "passwordReset")).text,
    );
    expect(reset, "the reset e-mail carries its link").not.toBeNull();
    await page.goto(reset?.[1] ?? "");
    await check("/reset-password (a valid link)", "set-password");
    await context.close();
  }
  expect(problems, "English left on signed-out Russian/Kazakh pages").toEqual([]);
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
        const mail = account.key === "admin" ? await mailPages() : [];
        for (const path of [...pagesFor(account.key), ...mail]) {
          const response = await page.goto(path);
          expect(response?.status(), `${path} (${locale})`).toBeLessThan(400);
          await expect(page.locator("html")).toHaveAttribute("lang", locale);
          // Organisation names are data, but stored in Russian and Kazakh too: those must be shown.
          await expect(page.getByTestId("current-user")).toContainText(orgNames.bank[locale]);
          if (path === `/projects/${projectId}`) {
            await expect(page.getByTestId("project-header")).toContainText(orgNames.agency[locale]);
          }
          // Specs running in parallel may have written data since it was loaded: englishOn judges the captured text
          // again by the data as it is now, which includes everything the page could show.
          for (const hit of await englishOn(page)) problems.push(`[${locale}] ${path}: ${hit}`);
        }
      }
    } finally {
      await page.goto("/");
      await switchLanguage(page, "en");
    }
    expect(problems, "English left on Russian/Kazakh pages").toEqual([]);
  });
}
