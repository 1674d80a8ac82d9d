// Mail as people receive it: the e2e server delivers through SMTP_URL to a real SMTP server on a loopback port
// (tests/support/smtp-mailbox.mjs, started by scripts/e2e-server.mjs), and these tests read what actually arrived —
// recipient, subject and body in the recipient's language — and follow the links in the browser: an invitation
// (Kazakh) sets a password and signs in, a password reset (Russian) does the same and ends the old sessions, a
// returned update (Russian) and an officer's weekly digest (Kazakh) lead to the item's page.
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createI18n, type Locale } from "../../app/i18n/config";
import { mailTestSettings } from "../support/mail-test-settings.mjs";
import {
  addToTeam,
  createInvitedAccount,
  E2E_PORT,
  freeProjectCode,
  signedInPage,
  signIn,
  waitForHydration,
} from "./fixtures";

test.describe.configure({ timeout: 120_000 });

const APP_URL = `http://127.0.0.1:${E2E_PORT}`;
const MAILBOX = mailTestSettings(E2E_PORT).file;

type ReceivedMail = {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  language: string | null;
  kind: string | null;
};

function received(): ReceivedMail[] {
  if (!existsSync(MAILBOX)) return [];
  return readFileSync(MAILBOX, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as ReceivedMail);
}

/** The first message of `kind` that reached the SMTP server for `address`, once it has arrived. */
async function mailFor(address: string, kind: string): Promise<ReceivedMail> {
  const find = () => received().find((mail) => mail.kind === kind && mail.to.includes(address));
  await expect.poll(() => find() !== undefined, { timeout: 30_000, message: `${kind} for ${address}` }).toBe(true);
  const mail = find();
  if (!mail) throw new Error(`no ${kind} for ${address}`);
  return mail;
}

/** The one link into the app to `path` in the plain text, checked to be the same in the HTML part. */
function linkTo(mail: ReceivedMail, path: string): string {
  const escaped = `${APP_URL}${path}`.replace(/[.?]/g, "\\$&");
  const links: string[] = mail.text.match(new RegExp(`${escaped}[^\\s)]*`, "g")) ?? [];
  expect(links, `one link to ${path} in “${mail.subject}”`).toHaveLength(1);
  expect(mail.html).toContain(`href="${links[0].replaceAll("&", "&amp;")}"`);
  return links[0];
}

const t = (locale: Locale) => createI18n(locale).t;

/** Recipient, sender, language and greeting of a message to `name` in `locale`. */
function expectAddressed(mail: ReceivedMail, to: string, name: string, locale: Locale) {
  expect(mail.to).toEqual([to]);
  expect(mail.from).toContain("no-reply@qadam.test");
  expect(mail.language).toBe(locale);
  expect(mail.text).toContain(t(locale)("mail.greeting", { name }));
}

async function newVisitor(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

async function choosePassword(page: Page, password: string) {
  const form = page.getByTestId("set-password");
  await waitForHydration(form.locator("#field-password"));
  await form.locator("#field-password").fill(password);
  await form.locator("#field-confirmPassword").fill(password);
  await form.locator('button[type="submit"]').click();
  await expect(page).toHaveURL((url) => url.pathname === "/");
}

test("an invitation arrives in Kazakh and its link lets the invitee choose a password and sign in", async ({
  browser,
}) => {
  const run = randomUUID().slice(0, 8);
  const email = `kk.invitee.${run}@qadam.test`;
  const name = `Айгерім Сапарова ${run}`;
  const admin = await signedInPage(browser, "admin");
  await admin.goto("/admin/users/new");
  const form = admin.getByTestId("create-user-form");
  await form.getByLabel("E-mail").fill(email);
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Organisation").selectOption({ label: "World Bank" });
  await form.getByLabel("Role").selectOption({ label: "Officer" });
  await form.getByLabel("Language").selectOption("kk");
  await form.getByRole("button", { name: "Create the user" }).click();
  await expect(admin.getByTestId("flash")).toContainText(email);
  await admin.context().close();

  const mail = await mailFor(email, "invitation");
  expectAddressed(mail, email, name, "kk");
  expect(mail.subject).toBe(t("kk")("mail.invitation.subject"));
  expect(mail.text).toContain(t("kk")("mail.invitation.body", { email }));
  const link = linkTo(mail, "/invite?token=");

  // Followed in a browser that never chose a language: the page speaks the invitee's.
  const invitee = await newVisitor(browser);
  await invitee.goto(link);
  await expect(invitee.locator("html")).toHaveAttribute("lang", "kk");
  await expect(invitee.getByTestId("set-password")).toContainText(name);
  await choosePassword(invitee, `kk-own-password-${run}`);
  await expect(invitee.getByTestId("home-officer")).toBeVisible();
  await expect(invitee.getByTestId("current-user")).toContainText(name);
  await expect(invitee.locator("html")).toHaveAttribute("lang", "kk");
  await invitee.context().close();
});

test("an invitee who switches the invitation page to Russian keeps Russian as the account's language", async ({
  browser,
}) => {
  const run = randomUUID().slice(0, 8);
  const email = `ru.chosen.${run}@qadam.test`;
  const admin = await signedInPage(browser, "admin");
  await admin.goto("/admin/users/new");
  const form = admin.getByTestId("create-user-form");
  await form.getByLabel("E-mail").fill(email);
  await form.getByLabel("Name").fill(`Marat Abenov ${run}`);
  await form.getByLabel("Organisation").selectOption({ label: "World Bank" });
  await form.getByLabel("Role").selectOption({ label: "Officer" });
  await form.getByLabel("Language").selectOption("en");
  await form.getByRole("button", { name: "Create the user" }).click();
  await expect(admin.getByTestId("flash")).toContainText(email);
  await admin.context().close();

  const invitee = await newVisitor(browser);
  await invitee.goto(linkTo(await mailFor(email, "invitation"), "/invite?token="));
  await expect(invitee.locator("html")).toHaveAttribute("lang", "en");
  const language = invitee.locator("#language-select");
  await waitForHydration(language);
  await language.selectOption("ru");
  await expect(invitee.locator("html")).toHaveAttribute("lang", "ru");
  await choosePassword(invitee, `ru-chosen-password-${run}`);
  await expect(invitee.locator("html")).toHaveAttribute("lang", "ru");
  await invitee.context().close();

  // Signed in later from a browser that never chose a language: the account speaks Russian.
  const later = await newVisitor(browser);
  await signIn(later, email, `ru-chosen-password-${run}`);
  await expect(later).toHaveURL((url) => url.pathname === "/");
  await expect(later.locator("html")).toHaveAttribute("lang", "ru");
  await later.context().close();
});

test("a password reset arrives in Russian; its link sets a new password, signs in and ends the old sessions", async ({
  browser,
}) => {
  const run = randomUUID().slice(0, 8);
  const email = `ru.reset.${run}@qadam.test`;
  const name = `Ирина Петрова ${run}`;
  const oldPassword = `ru-first-password-${run}`;
  const admin = await signedInPage(browser, "admin");
  const account = { email, name, organisation: "World Bank", role: "Officer", language: "Русский" };
  await createInvitedAccount(admin, account, oldPassword);
  await admin.context().close();

  // Signed in somewhere else with the old password.
  const elsewhere = await newVisitor(browser);
  await signIn(elsewhere, email, oldPassword);
  await expect(elsewhere).toHaveURL((url) => url.pathname === "/");

  const visitor = await newVisitor(browser);
  await visitor.goto("/forgot-password");
  await visitor.getByLabel("E-mail address").fill(email);
  await visitor.getByRole("button", { name: "Send the link" }).click();
  await expect(visitor.getByTestId("flash")).toContainText(email);

  const mail = await mailFor(email, "passwordReset");
  expectAddressed(mail, email, name, "ru");
  expect(mail.subject).toBe(t("ru")("mail.reset.subject"));
  expect(mail.text).toContain(t("ru")("mail.reset.body", { email }));
  const link = linkTo(mail, "/reset-password?token=");

  await visitor.goto(link);
  await expect(visitor.locator("html")).toHaveAttribute("lang", "ru");
  await expect(visitor.getByTestId("set-password")).toContainText(email);
  await choosePassword(visitor, `ru-new-password-${run}`);
  await expect(visitor.getByTestId("current-user")).toContainText(name);

  // The other browser's session ended with the reset; the old password no longer opens the account.
  await elsewhere.goto("/");
  await expect(elsewhere).toHaveURL(/\/login/);
  await signIn(elsewhere, email, oldPassword);
  await expect(elsewhere).toHaveURL(/\/login/);
  await visitor.context().close();
  await elsewhere.context().close();
});

/** An ACTIVE project of the test's own (only active projects are reported on, and so reminded of). */
async function createActiveProject(manager: Page, name: string) {
  const code = await freeProjectCode();
  await manager.goto("/projects/new");
  await expect(manager.getByTestId("project-form")).toHaveAttribute("data-hydrated", "true");
  await manager.getByLabel("Code", { exact: true }).fill(code);
  await manager.getByLabel("Name", { exact: true }).fill(name);
  await manager.getByLabel("Status", { exact: true }).selectOption("ACTIVE");
  await manager.getByLabel("Approval", { exact: true }).fill("2026-01-15");
  await manager.getByLabel("Implementing agency").selectOption({ label: "Ministry of Transport" });
  await manager.getByLabel("Priority area").selectOption({ label: "PA1 — Transport and digital connectivity" });
  await manager.getByLabel("DAC sector code").fill("21020");
  await manager.getByLabel("Net commitment (US$)").fill("50000000");
  await manager.getByLabel("Disbursed to date (US$)").fill("0");
  await manager.getByTestId("save-project").click();
  await expect(manager.getByTestId("flash")).toHaveText(`Project ${code} created.`);
  return { id: new URL(manager.url()).pathname.split("/")[2], code, name };
}

async function createMilestone(manager: Page, projectId: string, m: { title: string; due: string; owner: string }) {
  await manager.goto(`/projects/${projectId}/milestones`);
  const create = manager.getByRole("form", { name: "New milestone" });
  await manager.getByText("New milestone", { exact: true }).click();
  await waitForHydration(create);
  await create.getByLabel("Title", { exact: true }).fill(m.title);
  await create.getByLabel("Baseline due date").fill(m.due);
  await create.getByLabel("Owner", { exact: true }).selectOption({ label: m.owner });
  await create.getByLabel("Status", { exact: true }).selectOption("IN_PROGRESS");
  await create.getByRole("button", { name: "Create milestone" }).click();
  await expect(manager.getByTestId("flash")).toHaveText(`Milestone “${m.title}” created.`);
  return new URL(manager.url()).pathname;
}

const isoDayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test("a returned update (Russian) and an officer's weekly digest (Kazakh) arrive with links to the item", async ({
  browser,
}) => {
  const run = randomUUID().slice(0, 8);
  const ru = { email: `ru.officer.${run}@qadam.test`, name: `Олег Ким ${run}`, password: `ru-pass-${run}-2026` };
  const kk = { email: `kk.officer.${run}@qadam.test`, name: `Дәурен Омар ${run}`, password: `kk-pass-${run}-2026` };
  const admin = await signedInPage(browser, "admin");
  for (const [person, language] of [
    [ru, "Русский"],
    [kk, "Қазақша"],
  ] as const) {
    const account = { email: person.email, name: person.name, organisation: "World Bank", role: "Officer", language };
    await createInvitedAccount(admin, account, person.password);
  }
  const manager = await signedInPage(browser, "wb.manager");
  const project = await createActiveProject(manager, `Mail journey (${run})`);
  await addToTeam(admin, project.id, ru.email);
  await addToTeam(admin, project.id, kk.email);
  const returnedTitle = `Works contract signed (${run})`;
  const dueTitle = `Site survey report (${run})`;
  const returnedPath = await createMilestone(manager, project.id, {
    title: returnedTitle,
    due: "2026-10-31",
    owner: ru.name,
  });
  const duePath = await createMilestone(manager, project.id, {
    title: dueTitle,
    due: isoDayFromToday(3),
    owner: kk.name,
  });

  // The Russian officer submits an update (the page is in Russian: fields by their ids); the manager returns it.
  const officer = await newVisitor(browser);
  await signIn(officer, ru.email, ru.password);
  await expect(officer).toHaveURL((url) => url.pathname === "/");
  await officer.goto(returnedPath);
  const form = officer.getByTestId("update-form");
  await expect(form).toHaveAttribute("data-hydrated", "true");
  await form.locator("#field-proposedStatus").selectOption("IN_PROGRESS");
  await form.locator("#field-proposedPercent").fill("40");
  await form.locator("#field-narrative").fill("Договор на подписании у министра.");
  await form.locator('button[type="submit"]').click();
  await expect(officer.getByTestId("flash")).toBeVisible();
  const comment = "Приложите подписанный договор.";
  await manager.goto(`/reviews?project=${project.code}`);
  const item = manager.getByTestId("review-item").filter({ hasText: returnedTitle });
  await item.getByLabel("Comment (required to return)").fill(comment);
  await item.getByRole("button", { name: "Return" }).click();
  await expect(manager.getByTestId("flash")).toHaveText("Returned to the author with your comment.");

  const returned = await mailFor(ru.email, "notification.returned");
  expectAddressed(returned, ru.email, ru.name, "ru");
  expect(returned.subject).toBe(t("ru")("notify.mail.returned.subject", { subject: returnedTitle }));
  expect(returned.text).toContain(comment);
  expect(returned.text).toContain(`${project.name} (${project.code})`);
  await officer.goto(linkTo(returned, returnedPath));
  await expect(officer.locator("html")).toHaveAttribute("lang", "ru");
  await expect(officer.getByRole("heading", { name: returnedTitle })).toBeVisible();
  await expect(officer.getByTestId("resubmit-form")).toBeVisible();

  // An administrator runs the reminders: the Kazakh officer's weekly digest names the milestone due in 3 days.
  await admin.goto("/admin");
  await admin.getByRole("button", { name: "Run reminders now" }).click();
  await expect(admin.getByTestId("flash")).toContainText("Reminder run finished");
  const digest = await mailFor(kk.email, "digest.officer");
  expectAddressed(digest, kk.email, kk.name, "kk");
  expect(digest.subject).toBe(t("kk")("notify.digest.officer.subject", { overdue: 0, dueToday: 0, dueSoon: 1 }));
  expect(digest.text).toContain(`${project.name} (${project.code})`);
  expect(digest.text).toContain(`${dueTitle}: `);
  const officerKk = await newVisitor(browser);
  await signIn(officerKk, kk.email, kk.password);
  await expect(officerKk).toHaveURL((url) => url.pathname === "/");
  await officerKk.goto(linkTo(digest, duePath));
  await expect(officerKk.locator("html")).toHaveAttribute("lang", "kk");
  await expect(officerKk.getByRole("heading", { name: dueTitle })).toBeVisible();

  // The Russian officer's digest, in Russian, says the returned milestone is overdue and was returned.
  const ruDigest = await mailFor(ru.email, "digest.officer");
  expect(ruDigest.language).toBe("ru");
  expect(ruDigest.text).toContain(`${returnedTitle}: `);
  expect(ruDigest.text).toContain(t("ru")("notify.digest.returned"));

  for (const page of [admin, manager, officer, officerKk]) await page.context().close();
});
