// Every page has its own title, most specific part first, so a person with many tabs open can tell them apart:
// "Milestones · P199902 · Qadam", "Users · Administration · Qadam", "Not found · Qadam".
import { expect, test } from "@playwright/test";
import { openE2eDb, signedInPage } from "./fixtures";

/** A seeded project with a milestone and an indicator, and a user to open in the administration. */
async function seededRecords() {
  const db = openE2eDb();
  try {
    const row = (
      await db.execute(
        `SELECT p.id, p.code, p.name, m.id AS milestoneId, m.title AS milestoneTitle, i.id AS indicatorId,
                i.name AS indicatorName
           FROM Project p JOIN Milestone m ON m.projectId = p.id JOIN Indicator i ON i.projectId = p.id
          WHERE p.code LIKE 'P1%' ORDER BY p.code LIMIT 1`,
      )
    ).rows[0];
    const user = (await db.execute(`SELECT id, name FROM User WHERE email = 'wb.officer@qadam.test'`)).rows[0];
    return {
      project: { id: String(row.id), code: String(row.code), name: String(row.name) },
      milestone: { id: String(row.milestoneId), title: String(row.milestoneTitle) },
      indicator: { id: String(row.indicatorId), name: String(row.indicatorName) },
      user: { id: String(user.id), name: String(user.name) },
    };
  } finally {
    db.close();
  }
}

test("each page says what it is in its title; an error page says what went wrong", async ({ browser }) => {
  const { project, milestone, indicator, user } = await seededRecords();
  const page = await signedInPage(browser, "admin");
  const base = `/projects/${project.id}`;
  const expected: [string, string][] = [
    ["/", "Home · Qadam"],
    ["/projects", "Projects · Qadam"],
    [base, `${project.name} · ${project.code} · Qadam`],
    [`${base}/milestones`, `Milestones · ${project.code} · Qadam`],
    [`${base}/milestones/${milestone.id}`, `${milestone.title} · ${project.code} · Qadam`],
    [`${base}/indicators`, `Indicators · ${project.code} · Qadam`],
    [`${base}/indicators/${indicator.id}`, `${indicator.name} · ${project.code} · Qadam`],
    [`${base}/ratings`, `Ratings · ${project.code} · Qadam`],
    [`${base}/team`, `Team · ${project.code} · Qadam`],
    [`${base}/history`, `History · ${project.code} · Qadam`],
    ["/admin", "Administration · Qadam"],
    ["/admin/users", "Users · Administration · Qadam"],
    ["/admin/users/new", "New user · Administration · Qadam"],
    [`/admin/users/${user.id}`, `${user.name} · Users · Administration · Qadam`],
    ["/admin/organizations", "Organisations · Administration · Qadam"],
    ["/admin/frameworks", "Frameworks and priority areas · Administration · Qadam"],
    ["/account/password", "Change your password · Qadam"],
    ["/notifications", "Notifications · Qadam"],
    ["/account/notifications", "Notifications and reminders · Qadam"],
    ["/no-such-page", "Not found · Qadam"],
    [`${base}/milestones/no-such-milestone`, "Not found · Qadam"],
  ];
  const seen: [string, string][] = [];
  for (const [path] of expected) {
    await page.goto(path);
    seen.push([path, await page.title()]);
  }
  expect(seen).toEqual(expected);
  await page.context().close();
});

test("an unknown address answers 404 in the reader's language, with the page's own title", async ({ browser }) => {
  // The browser asks for Russian: the root loader must run for an address no route knows, or the page falls back
  // to English.
  const context = await browser.newContext({ locale: "ru-RU" });
  const page = await context.newPage();
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Не найдено");
  await expect(page.getByRole("alert")).toContainText("Такой страницы нет");
  expect(await page.title()).toBe("Не найдено · Qadam");
  await context.close();
});
