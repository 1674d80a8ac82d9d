// Works on a phone: every page each role can open, at 390 × 844 (a common phone), is no wider than the screen —
// wide tables scroll inside their own container, forms and lists wrap — and the menu is reachable. A failure names
// the page and the elements that stick out, so the fix is easy to find.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS, signIn, waitForHydration } from "./fixtures";
import { pagesFor, readFixture, ROLES_CHECKED } from "./page-catalog";

const PHONE = { width: 390, height: 844 };

/**
 * The page's overflow past the screen's right edge, and the outermost elements that cause it. An element inside a
 * container that scrolls sideways on its own (a wide table's wrapper) does not count: the page itself stays put.
 */
async function overflowOn(page: Page): Promise<string[]> {
  await waitForHydration(page.locator("main#main"));
  await page.locator("details").evaluateAll((all) => all.forEach((details) => details.setAttribute("open", "")));
  const path = new URL(page.url()).pathname;
  const found = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    // Inside a box that scrolls (or clips) sideways on its own. An absolutely positioned element escapes every such
    // box below its containing block (its nearest positioned ancestor); from there up, any clipping box counts.
    const scrollsItself = (el: Element): boolean => {
      let escaping = ["absolute", "fixed"].includes(getComputedStyle(el).position);
      for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
        const style = getComputedStyle(node);
        const clips = ["auto", "scroll", "hidden", "clip"].includes(style.overflowX);
        if (escaping && style.position === "static") continue;
        if (clips) return true;
        escaping = false;
      }
      return false;
    };
    const culprits: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.right <= width + 1 || scrollsItself(el)) continue;
      // Only the outermost element that sticks out: its children are part of the same problem.
      if (el.parentElement && el.parentElement.getBoundingClientRect().right > width + 1) continue;
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${
        typeof el.className === "string" && el.className ? `.${el.className.trim().split(/\s+/).join(".")}` : ""
      }`;
      culprits.push(`${name} (right edge ${Math.round(box.right)} px)`);
    }
    return [`page ${document.documentElement.scrollWidth} px wide: ${culprits.slice(0, 6).join(", ") || "?"}`];
  });
  return found.map((line) => `${path}: ${line}`);
}

async function phonePage(browser: Browser, key: (typeof ROLES_CHECKED)[number]): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signIn(page, DEMO_USERS[key].email, DEMO_PASSWORD);
  await expect(page).toHaveURL((url) => url.pathname === "/");
  return page;
}

test.describe.configure({ mode: "parallel", timeout: 240_000 });

test("the sign-in page fits a phone", async ({ browser }) => {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true });
  const page = await context.newPage();
  await page.goto("/login");
  expect(await overflowOn(page)).toEqual([]);
  await context.close();
});

for (const key of ROLES_CHECKED) {
  test(`every page ${key} can open fits a 390 px screen, and the menu is reachable`, async ({ browser }) => {
    const fixture = await readFixture();
    const page = await phonePage(browser, key);
    const found: string[] = [];
    for (const path of pagesFor(fixture, key)) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBeLessThan(400);
      found.push(...(await overflowOn(page)));
    }
    // The main navigation is reachable on a phone: every link can be brought on screen (the bar wraps or scrolls).
    await page.goto("/");
    const links = page.locator("nav.main-nav a");
    expect(await links.count()).toBeGreaterThan(0);
    for (const link of await links.all()) {
      await link.scrollIntoViewIfNeeded();
      await expect(link).toBeInViewport();
    }
    await page.context().close();
    expect(found).toEqual([]);
  });
}
