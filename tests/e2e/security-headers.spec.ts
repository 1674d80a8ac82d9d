// The Content-Security-Policy in a real browser: the pages hydrate (the indicator chart draws only after hydration)
// and the browser reports no violation, while an injected inline script is refused.
import { expect, test, type Page } from "@playwright/test";
import { loginAs, openE2eDb, waitForHydration } from "./fixtures";

const PROJECT_CODE = "P128050";

declare global {
  interface Window {
    cspViolations?: string[];
    injectedScriptRan?: boolean;
  }
}

/**
 * Records every CSP violation a page reports: the console messages Chromium prints and the
 * `securitypolicyviolation` events (an init script is the browser's own, so the policy does not stop it).
 */
async function watchCsp(page: Page): Promise<string[]> {
  const fromConsole: string[] = [];
  page.on("console", (message) => {
    if (/Content[ -]Security[ -]Policy/i.test(message.text())) fromConsole.push(message.text());
  });
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.cspViolations?.push(
        `${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
      );
    });
  });
  return fromConsole;
}

async function violationsOn(page: Page): Promise<string[]> {
  return page.evaluate(() => window.cspViolations ?? []);
}

async function projectIndicatorPath(): Promise<string> {
  const db = openE2eDb();
  try {
    const row = (
      await db.execute({
        sql: "SELECT p.id AS projectId, i.id AS indicatorId FROM Indicator i JOIN Project p ON p.id = i.projectId WHERE p.code = ? ORDER BY i.sortOrder LIMIT 1",
        args: [PROJECT_CODE],
      })
    ).rows[0];
    return `/projects/${String(row.projectId)}/indicators/${String(row.indicatorId)}`;
  } finally {
    db.close();
  }
}

test("home, board and an indicator with its chart hydrate under the CSP with no violation", async ({ page }) => {
  const consoleViolations = await watchCsp(page);
  await loginAs(page, "wb.manager");
  for (const path of ["/", "/board"]) {
    const response = await page.goto(path);
    expect(response?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-/);
    await waitForHydration(page.locator("#language-select"));
    expect(await violationsOn(page), path).toEqual([]);
  }
  const indicatorPath = await projectIndicatorPath();
  await page.goto(indicatorPath);
  // recharts renders only after hydration, and sizes its SVG with style attributes.
  await expect(page.getByTestId("indicator-chart").locator("svg").first()).toBeVisible();
  expect(await violationsOn(page), indicatorPath).toEqual([]);
  expect(consoleViolations).toEqual([]);
});

test("the history page hydrates under the CSP with no violation", async ({ page }) => {
  const consoleViolations = await watchCsp(page);
  await loginAs(page, "auditor");
  await page.goto("/history");
  await waitForHydration(page.locator("#language-select"));
  expect(await violationsOn(page)).toEqual([]);
  expect(consoleViolations).toEqual([]);
});

test("an inline script without the page's nonce is refused and reported", async ({ page }) => {
  const consoleViolations = await watchCsp(page);
  await page.goto("/login");
  await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.injectedScriptRan = true;";
    document.body.append(script);
  });
  await expect.poll(() => violationsOn(page)).toHaveLength(1);
  expect((await violationsOn(page))[0]).toMatch(/^script-src-elem inline /);
  expect(await page.evaluate(() => window.injectedScriptRan ?? false)).toBe(false);
  expect(consoleViolations.join("\n")).toMatch(/inline script.*Content Security Policy/i);
});
