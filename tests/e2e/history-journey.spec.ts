// The history an auditor reads, end to end: an officer submits a milestone update, a manager approves it, and an
// auditor reads each step as a sentence — names of the people, the milestone and its project, never ids; dates and
// statuses in words — in English, Russian and Kazakh. The raw stored record is one click away for the auditor only,
// and a chain head kept outside Qadam can be compared on the page.
//
// The auditor is an account of this spec's own (the language lives on the user's profile, so switching a shared demo
// account would disturb specs running in parallel).
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { makeFormatters } from "../../app/i18n/format";
import {
  addToTeam,
  createDelayedMilestone,
  createInvitedAccount,
  createOwnProject,
  loginAs,
  openE2eDb,
  signIn,
  signedInPage,
  waitForHydration,
  DEMO_USERS,
} from "./fixtures";

test.describe.configure({ timeout: 120_000 });

const OFFICER = "Aliya Zhaksylykova";
const MANAGER = "Daniyar Seitkali";

/** The administrator invites an auditor for this spec; it chooses its password and is left on the home page. */
async function ownAuditor(browser: Browser): Promise<Page> {
  const admin = await signedInPage(browser, "admin");
  const email = `history.auditor.${randomUUID().slice(0, 8)}@qadam.test`;
  await createInvitedAccount(
    admin,
    { email, name: "Madina Nurlanova", organisation: "World Bank", role: "Auditor" },
    "chosen-password-history",
  );
  await admin.context().close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, "chosen-password-history");
  await expect(page).toHaveURL((url) => url.pathname === "/");
  return page;
}

async function switchLanguage(page: Page, locale: "en" | "ru" | "kk") {
  const select = page.locator("#language-select");
  await waitForHydration(select);
  await select.selectOption(locale);
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}

/** The sentence of each step, and what the applied update changed, in each language. */
function expected(locale: "en" | "ru" | "kk", title: string, code: string) {
  const date = makeFormatters(locale).date;
  const due = `${date("2026-10-31")} → ${date("2026-11-20")}`;
  switch (locale) {
    case "en":
      return {
        "milestone.create": `${MANAGER} created the milestone “${title}” (${code})`,
        "milestoneUpdate.submit": `${OFFICER} submitted an update to the milestone “${title}” (${code})`,
        "milestoneUpdate.approve": `${MANAGER} approved the update to the milestone “${title}” (${code})`,
        "milestone.applyUpdate": `The update approved by ${MANAGER} changed the milestone “${title}” (${code})`,
        changes: ["Status", "Delayed → Completed", "Complete", "0% → 100%", "Due date", due],
        details: "Details",
      };
    case "ru":
      return {
        "milestone.create": `${MANAGER} создал(а) контрольную точку «${title}» (${code})`,
        "milestoneUpdate.submit": `${OFFICER} отправил(а) обновление контрольной точки «${title}» (${code})`,
        "milestoneUpdate.approve": `${MANAGER} утвердил(а) обновление контрольной точки «${title}» (${code})`,
        "milestone.applyUpdate": `Обновление, утверждённое пользователем ${MANAGER}, изменило контрольную точку «${title}» (${code})`,
        changes: ["Статус", "С задержкой → Выполнено", "Выполнено", "0 % → 100 %", "Срок", due],
        details: "Подробнее",
      };
    case "kk":
      return {
        "milestone.create": `${MANAGER} «${title}» (${code}) бақылау нүктесін құрды`,
        "milestoneUpdate.submit": `${OFFICER} «${title}» (${code}) бақылау нүктесінің жаңартуын жіберді`,
        "milestoneUpdate.approve": `${MANAGER} «${title}» (${code}) бақылау нүктесінің жаңартуын бекітті`,
        "milestone.applyUpdate": `${MANAGER} бекіткен жаңарту «${title}» (${code}) бақылау нүктесін өзгертті`,
        changes: ["Мәртебесі", "Кешіктірілген → Орындалды", "Орындалуы", "0 % → 100 %", "Мерзімі", due],
        details: "Толығырақ",
      };
  }
}

const STEPS = [
  "milestone.create",
  "milestoneUpdate.submit",
  "milestoneUpdate.approve",
  "milestone.applyUpdate",
] as const;

test("officer → manager → auditor: each step reads as a sentence with names in en, ru and kk", async ({ browser }) => {
  const run = randomUUID().slice(0, 8);
  const manager = await signedInPage(browser, "wb.manager");
  const project = await createOwnProject(manager, `History journey (${run})`);
  const admin = await signedInPage(browser, "admin");
  await addToTeam(admin, project.id, DEMO_USERS["wb.officer"].email);
  await admin.context().close();
  const title = `Fibre to the district schools (${run})`;
  const milestonePath = await createDelayedMilestone(manager, project.id, title);
  const milestoneId = milestonePath.split("/").pop() ?? "";

  // The officer submits an update; the manager approves it.
  const officer = await signedInPage(browser, "wb.officer");
  await officer.goto(milestonePath);
  const form = officer.getByTestId("update-form");
  await expect(form).toHaveAttribute("data-hydrated", "true");
  await form.getByLabel("New status").selectOption("COMPLETED");
  await form.getByLabel("Percent complete (0–100)").fill("100");
  await form.getByLabel("Revised due date (optional)").fill("2026-11-20");
  await form.getByLabel("Reason for the revised date").fill("Cabling finished after the early frost.");
  await form.getByLabel("Narrative").fill("All district schools connected.");
  await form.getByRole("button", { name: "Submit for review" }).click();
  await expect(officer.getByTestId("flash")).toHaveText("Update submitted for review.");
  await officer.context().close();
  await manager.goto(`/reviews?project=${project.code}`);
  const item = manager.getByTestId("review-item").filter({ hasText: title });
  await item.getByRole("button", { name: "Approve" }).click();
  await expect(manager.getByTestId("flash")).toHaveText("Approved.");

  // The manager reads the same sentences, without the stored record.
  await manager.goto(`/history?project=${project.code}`);
  await expect(manager.locator('li[data-action="milestone.applyUpdate"] .event-line')).toContainText(
    expected("en", title, project.code)["milestone.applyUpdate"],
  );
  await expect(manager.getByTestId("event-raw")).toHaveCount(0);
  await manager.context().close();

  const auditor = await ownAuditor(browser);
  for (const locale of ["en", "ru", "kk"] as const) {
    if (locale !== "en") await switchLanguage(auditor, locale);
    await auditor.goto(`/history?project=${project.code}`);
    const want = expected(locale, title, project.code);
    for (const step of STEPS) {
      const line = auditor.locator(`li[data-action="${step}"] .event-line`);
      await expect(line, `${step} in ${locale}`).toHaveCount(1);
      await expect(line, `${step} in ${locale}`).toContainText(want[step]);
    }
    // What the approval changed, opened under its line: labels and values in words.
    const applied = auditor.locator('li[data-action="milestone.applyUpdate"]');
    await applied.getByText(want.details, { exact: true }).click();
    const changes = applied.locator(".event-changes");
    for (const text of want.changes) await expect(changes).toContainText(text);
    await expect(applied.locator(".event-more")).toContainText("Cabling finished after the early frost.");
    // Names, not ids, and no machine timestamps in what a person reads.
    const list = auditor.getByTestId("event-list");
    const visible = await list.evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll(".event-raw").forEach((raw) => raw.remove());
      return copy.innerText;
    });
    expect(visible).not.toContain(milestoneId);
    expect(visible).not.toContain(project.id);
    expect(visible).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}/);
    expect(visible).not.toMatch(/milestoneUpdate|applyUpdate|currentDueDate|DELAYED|COMPLETED/);
  }
  await switchLanguage(auditor, "en");

  // The stored record is one click away for the auditor: ids, request and hash.
  const raw = auditor.locator('li[data-action="milestone.applyUpdate"]').getByTestId("event-raw");
  await raw.getByText("Stored record (for auditors)").click();
  await expect(raw).toContainText(milestoneId);
  await expect(raw).toContainText('"currentDueDate": "2026-11-20"');

  // The milestone's own history link leads to the same sentences, with the record named.
  await auditor.goto(`/history?entityType=Milestone&entityId=${milestoneId}`);
  await expect(auditor.getByTestId("history-one-record")).toContainText(`“${title}”`);
  await expect(auditor.locator('li[data-action="milestone.applyUpdate"] .event-line')).toContainText(
    expected("en", title, project.code)["milestone.applyUpdate"],
  );
  await auditor.context().close();
});

test("the auditor compares a chain head kept outside Qadam with the log", async ({ page }) => {
  const db = openE2eDb();
  let head = { seq: 0, hash: "" };
  try {
    const row = (await db.execute('SELECT seq, hash FROM "AuditEvent" ORDER BY seq DESC LIMIT 1')).rows[0];
    head = { seq: Number(row.seq), hash: String(row.hash) };
  } finally {
    db.close();
  }
  await loginAs(page, "auditor");
  await page.goto("/history");
  const compare = async (seq: string, hash: string) => {
    // The form opens with its answer after a comparison; the first time it is one click away.
    const details = page.locator("details.head-check");
    if (!(await details.evaluate((el) => (el as HTMLDetailsElement).open))) {
      await page.getByText("Compare with a seal you kept").click();
    }
    const form = page.getByTestId("head-check");
    await form.getByLabel("Event number").fill(seq);
    await form.getByLabel("Seal").fill(hash);
    await form.getByRole("button", { name: "Compare" }).click();
    return page.getByTestId("head-check-result");
  };
  // Pasted as a mail client may wrap it: spaces and a line break inside the hash.
  const kept = await compare(String(head.seq), `${head.hash.slice(0, 32)}\n ${head.hash.slice(32)}`);
  await expect(kept).toHaveAttribute("data-result", "match");
  await expect(kept).toContainText(`Event ${head.seq} still has the seal you kept`);
  const rewritten = await compare(String(head.seq), "f".repeat(64));
  await expect(rewritten).toHaveAttribute("data-result", "differs");
  const deleted = await compare(String(head.seq + 1_000_000), head.hash);
  await expect(deleted).toHaveAttribute("data-result", "missing");
  await expect(deleted).toContainText(`There is no event ${head.seq + 1_000_000} any more`);
  const garbled = await compare("12", "not a hash");
  await expect(garbled).toHaveAttribute("data-result", "invalid");
});
