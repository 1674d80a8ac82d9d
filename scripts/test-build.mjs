// The production build the tests run against, made once and reused while it is newer than every source it is made
// from: `npm test` builds it beside lint and the typecheck, then the cluster test (on Node 20 and Node 22) and the e2e
// server read it instead of each building the app again. `node scripts/test-build.mjs [folder]` builds `build-test`
// (or the folder given) unless a fresh build is there already.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

export const ROOT = path.resolve(import.meta.dirname, "..");
export const TEST_BUILD_DIR = "build-test";

/** The newest modification time among the files a build is made from (the app, the lock file, the build config). */
function newestSourceTime() {
  const sources = ["package-lock.json", "vite.config.ts"].map((file) => statSync(path.join(ROOT, file)).mtimeMs);
  for (const entry of readdirSync(path.join(ROOT, "app"), { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) sources.push(statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return Math.max(...sources);
}

/**
 * Builds the app into `buildDir` unless a build newer than every source is there already (and DRILL_REBUILD is not
 * set): a build left from before a change would otherwise be tested in its place. The build is made in a folder of
 * its own and then renamed into place, so a server reading `buildDir` never sees half of one. Answers whether it
 * built.
 */
export function ensureBuild(buildDir = TEST_BUILD_DIR) {
  const built = path.join(ROOT, buildDir, "server", "index.js");
  const fresh = existsSync(built) && statSync(built).mtimeMs >= newestSourceTime();
  if (fresh && !process.env.DRILL_REBUILD) return false;
  const staging = `${buildDir}.tmp-${process.pid}`;
  rmSync(path.join(ROOT, staging), { recursive: true, force: true });
  execFileSync("npx", ["remix", "vite:build", "--logLevel", "warn"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, QADAM_BUILD_DIR: staging },
  });
  rmSync(path.join(ROOT, buildDir), { recursive: true, force: true });
  try {
    renameSync(path.join(ROOT, staging), path.join(ROOT, buildDir));
  } catch (error) {
    // Another run built the same sources and renamed its build into place first: that one serves.
    rmSync(path.join(ROOT, staging), { recursive: true, force: true });
    if (!existsSync(built)) throw error;
  }
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = Date.now();
  const folder = process.argv[2] ?? TEST_BUILD_DIR;
  const built = ensureBuild(folder);
  console.log(
    built ? `built the app into ${folder} in ${Math.round((Date.now() - started) / 1000)} s` : `${folder} is fresh`,
  );
}
