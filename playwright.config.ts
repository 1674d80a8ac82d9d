import { defineConfig, devices } from "@playwright/test";
import { findChromium } from "./scripts/browser.mjs";

const port = Number(process.env.E2E_PORT ?? 3100);
const chromium = await findChromium();

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: `test-results/e2e-${port}`,
  // Files run in parallel, a file's tests in order. Specs share one database and may run in any order and beside any
  // other: a test that writes works on records it creates (tests/e2e/fixtures.ts). Checked with --workers=1…3 and
  // --repeat-each.
  fullyParallel: false,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"]],
  timeout: 30_000,
  expect: { timeout: 7_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium?.path,
      // Chromium's background services try to reach the internet, which is closed here.
      args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: "pipe",
    env: { E2E_PORT: String(port) },
  },
});
