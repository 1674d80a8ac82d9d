// `npm run audit:verify`: recomputes the audit log's hash chain from the first event to the last, reading
// 5,000 events at a time in seq order (memory stays flat on millions of events), a range per core
// (scripts/audit-verify-parallel.ts).
//   OK <count> events, head <seq> <hash>            exit 0
//   BROKEN at seq N: <kind> — <detail>               exit 1 (kind: edited, deleted, inserted, reordered)
// Compare the printed head hash with one written down earlier outside the system: deleting the newest events
// cannot be seen from inside the chain.
// `npm run audit:verify -- --file export.ndjson` verifies an NDJSON audit export instead, from the file alone
// (scripts/verify-ndjson.mjs, which needs nothing but Node.js).
// `npm run audit:verify -- --evidence` also re-hashes every evidence file the chain seals, from storage:
//   EVIDENCE MISSING|CHANGED|UNSEALED <name> (<id>)   one line per problem, then exit 1
//   EVIDENCE OK <count> files                          exit 0 (when the chain is OK too)
import { pathToFileURL } from "node:url";

async function main(): Promise<number> {
  const fileAt = process.argv.indexOf("--file");
  if (fileAt !== -1) {
    // An exported NDJSON file instead of the database: verified from the file alone.
    const { main: verifyFile } = await import("./verify-ndjson.mjs");
    return verifyFile(process.argv[fileAt + 1]);
  }
  try {
    process.loadEnvFile();
  } catch {
    // no .env: the defaults apply
  }
  process.env.DATABASE_URL ??= "file:./data/qadam.db";
  // Imported after the environment is loaded: db.server builds its default client from it.
  const { verifyAuditChainInParallel } = await import("./audit-verify-parallel");
  const started = performance.now();
  let shown = 0;
  const verdict = await verifyAuditChainInParallel({
    url: process.env.DATABASE_URL,
    authToken: process.env.DATABASE_AUTH_TOKEN,
    onProgress: (count) => {
      // Workers report in steps of their own: a line per 100,000 events crossed.
      if (!process.stderr.isTTY || Math.floor(count / 100_000) === Math.floor(shown / 100_000)) return;
      shown = count;
      process.stderr.write(`  ${count} events checked…\r`);
    },
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (verdict.ok) {
    console.log(`OK ${verdict.count} events, head ${verdict.headSeq} ${verdict.headHash}`);
    console.error(`(verified in ${seconds} s)`);
    return process.argv.includes("--evidence") ? verifyEvidence(process.env.DATABASE_URL) : 0;
  }
  console.log(`BROKEN at seq ${verdict.problem.seq}: ${verdict.problem.kind} — ${verdict.problem.detail}`);
  return 1;
}

/** `--evidence`: every file the chain seals is re-hashed from storage; a missing or changed one is named. */
async function verifyEvidence(url: string): Promise<number> {
  const { createDb } = await import("~/lib/db.server");
  const { verifyEvidenceFiles } = await import("~/models/evidence-verify.server");
  const db = createDb(url, process.env.DATABASE_AUTH_TOKEN);
  try {
    const evidence = await verifyEvidenceFiles(db);
    for (const p of evidence.problems) console.log(`EVIDENCE ${p.problem.toUpperCase()} ${p.name} (${p.id})`);
    if (evidence.problems.length) return 1;
    console.log(`EVIDENCE OK ${evidence.checked} files`);
    return 0;
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`audit:verify failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
      process.exitCode = 2;
    },
  );
}
