// Where Playwright's Chromium comes from: PLAYWRIGHT_CHROMIUM_PATH, a system Chromium (Debian's apt
// package), or Playwright's own download if one is installed. Shared by the config and ensure-browser.
import { existsSync } from "node:fs";

const SYSTEM_CANDIDATES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
];

export async function findChromium() {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return { path: fromEnv, source: "PLAYWRIGHT_CHROMIUM_PATH" };
  const system = SYSTEM_CANDIDATES.find((p) => existsSync(p));
  if (system) return { path: system, source: "system" };
  try {
    const { chromium } = await import("@playwright/test");
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return { path: undefined, source: "playwright" };
  } catch {
    // no Playwright browser installed
  }
  return null;
}
