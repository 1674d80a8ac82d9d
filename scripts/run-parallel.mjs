// Runs npm scripts side by side and fails if any of them fails: `node scripts/run-parallel.mjs lint typecheck`.
// ESLint and tsc each use one core, so on a 2-core machine running them together takes about as long as the slower
// one instead of the sum. Each script's output is printed in one piece when it ends, so the two never interleave.
import { spawn } from "node:child_process";

const names = process.argv.slice(2);
if (names.length === 0) {
  console.error("usage: node scripts/run-parallel.mjs <npm script> [<npm script> …]");
  process.exit(2);
}

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function run(name) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(npm, ["run", name], { stdio: ["ignore", "pipe", "pipe"] });
    const output = [];
    child.stdout.on("data", (chunk) => output.push(chunk));
    child.stderr.on("data", (chunk) => output.push(chunk));
    let done = false;
    const finish = (code) => {
      if (done) return;
      done = true;
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(Buffer.concat(output));
      console.log(`${code === 0 ? "✓" : "✗"} npm run ${name} (${seconds} s${code === 0 ? "" : `, exit ${code}`})`);
      resolve(code);
    };
    child.on("error", (error) => {
      output.push(Buffer.from(`${error.message}\n`));
      finish(1);
    });
    child.on("close", (code, signal) => finish(code ?? (signal ? 1 : 0)));
  });
}

const codes = await Promise.all(names.map(run));
process.exit(codes.every((code) => code === 0) ? 0 : 1);
