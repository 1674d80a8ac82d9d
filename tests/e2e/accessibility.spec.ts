// Accessibility: axe (WCAG 2.0, 2.1 and 2.2, levels A and AA) on every page each role can open, expecting no
// violation. The pages come from the route table the permission-matrix test also reads (app/lib/route-access.ts):
// a page whose loader the role may not pass is left out for that role, and a route file missing from the list
// below fails the first test, so a new page is checked from the day it is added.
import { readdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import {
  decideGlobal,
  decideOnProject,
  GLOBAL_ACTIONS,
  type Actor,
  type GlobalAction,
  type OrganizationKind,
  type ProjectAction,
  type ProjectScope,
  type Role,
} from "../../app/lib/permissions";
import { ROUTE_ACCESS, type Access } from "../../app/lib/route-access";
import {
  DEMO_PASSWORD,
  DEMO_USERS,
  openE2eDb,
  signedInPage,
  signIn,
  waitForHydration,
  type DemoUserKey,
} from "./fixtures";

const WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** One account per role, and a ministry manager (whose scope is the projects its ministry implements). */
const ROLES_CHECKED = [
  "admin",
  "wb.manager",
  "wb.officer",
  "auditor",
  "transport.manager",
] as const satisfies DemoUserKey[];

/** A World Bank project implemented by the Ministry of Transport: every role checked here can open it. */
const PROJECT_CODE = "P099270";

type Ids = { project: string; milestone: string; indicator: string; framework: string; user: string };

/** The page each route file renders, with the demo records it shows. */
const PAGES: Record<string, (ids: Ids) => string> = {
  "routes/_index.tsx": () => "/",
  "routes/account.password.tsx": () => "/account/password",
  "routes/projects._index.tsx": () => "/projects",
  "routes/projects.new.tsx": () => "/projects/new",
  "routes/projects.$projectId._index.tsx": ({ project }) => `/projects/${project}`,
  "routes/projects.$projectId.edit.tsx": ({ project }) => `/projects/${project}/edit`,
  "routes/projects.$projectId.milestones._index.tsx": ({ project }) => `/projects/${project}/milestones`,
  "routes/projects.$projectId.milestones.$milestoneId.tsx": ({ project, milestone }) =>
    `/projects/${project}/milestones/${milestone}`,
  "routes/projects.$projectId.indicators._index.tsx": ({ project }) => `/projects/${project}/indicators`,
  "routes/projects.$projectId.indicators.$indicatorId.tsx": ({ project, indicator }) =>
    `/projects/${project}/indicators/${indicator}`,
  "routes/projects.$projectId.ratings.tsx": ({ project }) => `/projects/${project}/ratings`,
  "routes/projects.$projectId.team.tsx": ({ project }) => `/projects/${project}/team`,
  "routes/projects.$projectId.history.tsx": ({ project }) => `/projects/${project}/history`,
  "routes/projects.$projectId.report.tsx": ({ project }) => `/projects/${project}/report`,
  "routes/reviews.tsx": () => "/reviews",
  "routes/board.tsx": () => "/board",
  "routes/frameworks._index.tsx": () => "/frameworks",
  "routes/frameworks.$frameworkId.tsx": ({ framework }) => `/frameworks/${framework}`,
  "routes/reporting.tsx": () => "/reporting",
  "routes/admin._index.tsx": () => "/admin",
  "routes/admin.users._index.tsx": () => "/admin/users",
  "routes/admin.users.new.tsx": () => "/admin/users/new",
  "routes/admin.users.$userId.tsx": ({ user }) => `/admin/users/${user}`,
  "routes/admin.organizations.tsx": () => "/admin/organizations",
  "routes/admin.frameworks.tsx": () => "/admin/frameworks",
  "routes/history.tsx": () => "/history",
  "routes/exports._index.tsx": () => "/exports",
};

/** Route files that render no page of their own (checked as part of the pages above or signed out). */
const NOT_PAGES: Record<string, string> = {
  "root.tsx": "the layout of every page",
  "routes/projects.$projectId.tsx": "the project layout, checked with each project page",
  "routes/admin.tsx": "the admin layout, checked with each admin page",
  "routes/login.tsx": "checked signed out",
  "routes/logout.tsx": "a form post that redirects",
  "routes/account.language.tsx": "a form post that redirects",
  "routes/healthz.ts": "JSON for the load balancer",
  "routes/exports.audit[.]csv.ts": "a file download",
  "routes/exports.audit[.]xlsx.ts": "a file download",
  "routes/exports.audit[.]ndjson.ts": "a file download",
  "routes/exports.portfolio[.]xlsx.ts": "a file download",
  "routes/exports.iati[.]xml.ts": "a file download",
};

function isGlobal(action: GlobalAction | ProjectAction): action is GlobalAction {
  return (GLOBAL_ACTIONS as readonly string[]).includes(action);
}

/** Would the route's loader let this actor in (on the demo project)? */
function mayOpen(access: Access | undefined, actor: Actor, scope: ProjectScope): boolean {
  if (access === undefined || access === "public" || access === "session") return true;
  const actions = Array.isArray(access) ? access : [access];
  return actions.every((action) =>
    isGlobal(action) ? decideGlobal(actor, action) === "allow" : decideOnProject(actor, action, scope) === "allow",
  );
}

type Fixture = { ids: Ids; scope: Omit<ProjectScope, "isMember">; actors: Record<string, Actor & { member: boolean }> };

/** The demo records the pages show and each checked account's actor, read from the e2e database. */
async function readFixture(): Promise<Fixture> {
  const db = openE2eDb();
  try {
    const one = async (sql: string, args: string[] = []) => {
      const row = (await db.execute({ sql, args })).rows[0];
      expect(row, sql).toBeDefined();
      return row;
    };
    const project = await one("SELECT id, institution, implementingAgencyId FROM Project WHERE code = ?", [
      PROJECT_CODE,
    ]);
    const projectId = String(project.id);
    const milestone = await one("SELECT id FROM Milestone WHERE projectId = ? ORDER BY baselineDueDate LIMIT 1", [
      projectId,
    ]);
    const indicator = await one("SELECT id FROM Indicator WHERE projectId = ? ORDER BY code LIMIT 1", [projectId]);
    const framework = await one("SELECT id FROM Framework ORDER BY code LIMIT 1");
    const actors: Fixture["actors"] = {};
    for (const key of ROLES_CHECKED) {
      const user = await one(
        `SELECT u.id, u.role, u.organizationId, o.kind,
           EXISTS (SELECT 1 FROM ProjectMember m WHERE m.userId = u.id AND m.projectId = ?) AS member
         FROM User u JOIN Organization o ON o.id = u.organizationId WHERE u.email = ?`,
        [projectId, DEMO_USERS[key].email],
      );
      actors[key] = {
        id: String(user.id),
        role: String(user.role) as Role,
        organizationId: String(user.organizationId),
        organizationKind: String(user.kind) as OrganizationKind,
        member: Number(user.member) === 1,
      };
    }
    return {
      ids: {
        project: projectId,
        milestone: String(milestone.id),
        indicator: String(indicator.id),
        framework: String(framework.id),
        user: actors["wb.officer"].id,
      },
      scope: {
        institution: String(project.institution) as ProjectScope["institution"],
        implementingAgencyId: String(project.implementingAgencyId),
      },
      actors,
    };
  } finally {
    db.close();
  }
}

/**
 * Opens every <details> (folded forms and data tables are content too), runs axe and describes each violation
 * in one line: rule, impact, and the elements it found.
 */
async function violationsOn(page: Page): Promise<string[]> {
  await waitForHydration(page.locator("main#main"));
  await page.locator("details").evaluateAll((all) => all.forEach((details) => details.setAttribute("open", "")));
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  const path = new URL(page.url()).pathname;
  return results.violations.map(
    (violation) =>
      `${path}: ${violation.id} (${violation.impact ?? "?"}) — ${violation.nodes
        .map((node) => node.target.join(" "))
        .slice(0, 5)
        .join(", ")}${violation.nodes.length > 5 ? ` … ${violation.nodes.length} elements` : ""}`,
  );
}

async function checkPages(page: Page, paths: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(400);
    found.push(...(await violationsOn(page)));
  }
  return found;
}

// Roles are independent (each its own browser context): let the workers share them. axe takes seconds on the
// longest pages (the history lists), hence the time allowed.
test.describe.configure({ mode: "parallel", timeout: 120_000 });

test("every route file is a page checked here or named as not a page", () => {
  const listed = new Set([...Object.keys(PAGES), ...Object.keys(NOT_PAGES)]);
  const files = readdirSync("app/routes").map((file) => `routes/${file}`);
  expect(files.filter((file) => !listed.has(file))).toEqual([]);
  expect(Object.keys(ROUTE_ACCESS).filter((file) => !listed.has(file))).toEqual([]);
  expect([...listed].filter((file) => !(file in ROUTE_ACCESS))).toEqual([]);
});

test("the sign-in page (also with its error) and a 404 page, signed out", async ({ page }) => {
  expect(await checkPages(page, ["/login"])).toEqual([]);
  // An account that does not exist: the refusal is shown, and no demo account collects a failed attempt.
  await signIn(page, "nobody-at-all@qadam.test", DEMO_PASSWORD);
  await expect(page.getByTestId("login-error")).toBeVisible();
  expect(await violationsOn(page)).toEqual([]);
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  expect(await violationsOn(page)).toEqual([]);
});

for (const key of ROLES_CHECKED) {
  test(`every page ${key} can open has no WCAG 2.2 AA violation`, async ({ browser }: { browser: Browser }) => {
    const { ids, scope, actors } = await readFixture();
    const actor = actors[key];
    const paths = Object.entries(PAGES)
      .filter(([file]) => mayOpen(ROUTE_ACCESS[file]?.loader, actor, { ...scope, isMember: actor.member }))
      .map(([, path]) => path(ids));
    const page = await signedInPage(browser, key);
    const found = await checkPages(page, paths);
    // A 404 page for a record that does not exist, signed in (the header and navigation are on it too).
    const response = await page.goto(`/projects/${ids.project}/milestones/no-such-milestone`);
    expect(response?.status()).toBe(404);
    found.push(...(await violationsOn(page)));
    await page.context().close();
    expect(found).toEqual([]);
  });
}

test("charts are named images or groups, each with its data as a table", async ({ browser }) => {
  const { ids } = await readFixture();
  const page = await signedInPage(browser, "wb.manager");

  // The indicator chart: one named image, no unnamed tab stop inside it, and its data in a table.
  await page.goto(`/projects/${ids.project}/indicators/${ids.indicator}`);
  const chart = page.getByTestId("indicator-chart");
  await expect(chart).toHaveAttribute("role", "img");
  await expect(chart).toHaveAttribute("aria-label", /^Chart of .+: baseline, targets, verified actuals/);
  await expect(chart.locator(".recharts-line").first()).toBeAttached();
  await expect(chart.locator('[tabindex="0"], [role="application"]')).toHaveCount(0);
  await page.getByText("Chart data", { exact: true }).press("Enter");
  await expect(page.getByTestId("chart-data").locator("tbody tr").first()).toBeVisible();

  // The milestone timeline: a named group of named rows, and the milestone table captioned as its data.
  await page.goto(`/projects/${ids.project}/milestones`);
  const timeline = page.getByRole("group", { name: /^Timeline of \d+ milestones/ });
  const rows = timeline.getByRole("img");
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);
  await expect(rows.first()).toHaveAccessibleName(/baseline .+, current due .+% complete$/);
  const table = page.getByRole("table", { name: /the timeline's data as a table/ });
  await expect(table.locator("tbody tr")).toHaveCount(count);

  // The envelope bars: each names both shares it draws, next to the figures they are drawn from.
  await page.goto("/frameworks");
  const bar = page.getByRole("img", { name: /^Committed: .+ of the envelope; pipeline: / }).first();
  await expect(bar).toBeVisible();
  await expect(page.locator(".envelope").first().locator("dt")).toContainText(["Committed (active and closed)"]);
  await page.context().close();
});
