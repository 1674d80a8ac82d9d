// Before the e2e tests: make sure a Chromium is available, getting one the way this machine allows.
// Order: an existing Chromium; apt when running as root (Debian's package); Playwright's own download
// where the network allows; otherwise stop at once with a one-line instruction.
import { execSync } from "node:child_process";
import { findChromium } from "./browser.mjs";

const attempt = (label, command) => {
  try {
    console.log(`No Chromium found: trying ${label}…`);
    execSync(command, { stdio: "inherit", timeout: 10 * 60_000 });
    return true;
  } catch {
    return false;
  }
};

if (await findChromium()) process.exit(0);

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
if (
  isRoot &&
  attempt(
    "apt-get install chromium",
    "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium",
  )
) {
  if (await findChromium()) process.exit(0);
}
if (attempt("Playwright's download", "npx playwright install chromium")) {
  if (await findChromium()) process.exit(0);
}
console.error(
  "No Chromium for the e2e tests: install one (Debian/Ubuntu: sudo apt-get install chromium) or set PLAYWRIGHT_CHROMIUM_PATH.",
);
process.exit(1);
