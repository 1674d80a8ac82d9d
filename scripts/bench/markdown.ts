// The bench's results as the Markdown tables of the README's Performance section, so that the README shows a run
// exactly as it was measured (written next to the JSON as bench-results/latest.md; `npx tsx
// scripts/bench/markdown.ts FILE.json` renders an earlier run).
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { ExportFigures } from "./extras";
import type { PageFigures } from "./pages";

type Latency = number | null;
export type BenchResult = {
  startedAt: string;
  finishedAt: string;
  commit: string;
  machine: { cores: number; node: string; loadAverageAtStart: number[]; loadAverageAtEnd: number[] };
  options: { seconds: number; runs: number; events: number; soakMinutes: number };
  pages: Partial<Record<"small" | "large", PageFigures[]>>;
  export?: ExportFigures;
  verify?: { seconds: number; verdict: string };
  signIn?: { requests: number; p50: number; p95?: number; p99: number; rps: number; cpuMsPerSignIn: number };
  /** `ceiling`: a CPU-bound loop in two processes against one, on the same machine (what the hardware allows). */
  cores?: {
    oneWorkerRps: number;
    twoWorkersRps: number;
    ratio: number;
    ceiling?: number;
    attainable?: number;
    usage?: Record<"one" | "two", { workerMain: number; workerOther: number; primary: number; loadTool: number }>;
  };
  soak?: {
    minutes: number;
    ok: boolean;
    requests: number;
    p95: number;
    fiveHundreds: number;
    rssLastMb: number;
    trend: { first: number; last: number; growth: number };
  };
};

const ms = (value: Latency) => (value === null ? "—" : String(value));
const n = (value: number) => value.toLocaleString("en");

function pageTable(rows: PageFigures[], small?: PageFigures[]): string {
  const withScale = Boolean(small);
  const head = [
    "page",
    "HTML KB",
    "req/s (10 conn.)",
    "× `/login`",
    "p50 / p99 ms (1 conn.)",
    "p50 / p99 ms (10 conn.)",
    ...(withScale ? ["large ÷ small"] : []),
  ];
  const lines = [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`];
  for (const row of rows) {
    // By name first: several pages share a path (each role's home, the team page as admin, History as manager).
    const twin = small?.find((s) => s.name === row.name) ?? small?.find((s) => s.path === row.path);
    const scale = twin ? String(Math.round((row.c10.rps / twin.c10.rps) * 100) / 100) : "—";
    lines.push(
      `| ${[
        row.name,
        row.htmlKb,
        row.c10.rps,
        row.vsLogin,
        `${ms(row.c1.p50)} / ${ms(row.c1.p99)}`,
        `${ms(row.c10.p50)} / ${ms(row.c10.p99)}`,
        ...(withScale ? [scale] : []),
      ].join(" | ")} |`,
    );
  }
  return lines.join("\n");
}

function extrasTable(result: BenchResult): string {
  const rows: string[][] = [];
  const e = result.export;
  if (e) {
    rows.push([
      `audit CSV export, ${n(e.events)} events (${n(e.megabytes)} MB)`,
      `${n(e.rowsPerSecond)} rows/s in ${e.seconds} s = **${e.vsSqlite}×** \`sqlite3 -csv\` (${n(e.sqliteRowsPerSecond)} rows/s, ${e.sqliteSeconds} s); ${e.serverCpuSeconds} s of server CPU`,
      "≥ 0.5×",
    ]);
    rows.push([
      "server RSS growth during that export",
      `**+${e.rssGrowthMb} MB** (${e.rssBeforeMb} → ${e.rssPeakMb} MB)`,
      "≤ 100 MB",
    ]);
  }
  if (result.verify)
    rows.push(["`npm run audit:verify`", `**${result.verify.seconds} s** — ${result.verify.verdict}`, "≤ 10 s"]);
  const s = result.signIn;
  if (s) {
    rows.push([
      "sign-in, 4 connections (argon2id m = 19 MiB, t = 2, p = 1)",
      `p95 **${s.p95 ?? "—"} ms**, p50 ${s.p50} ms, p99 ${s.p99} ms (${n(s.requests)} sign-ins); ${s.cpuMsPerSignIn} ms of server CPU each`,
      "p95 ≤ 150 ms",
    ]);
  }
  const c = result.cores;
  if (c) {
    rows.push([
      "board at 10 connections, 2 workers ÷ 1 worker",
      `**${c.ratio}×** (${c.oneWorkerRps} → ${c.twoWorkersRps} req/s)` +
        (c.ceiling ? `; a CPU-bound loop in 2 processes against 1: ${c.ceiling}×` : "") +
        (c.usage && c.attainable
          ? `; cores used with 1 worker: ${c.usage.one.workerMain} main thread + ${c.usage.one.workerOther} helper ` +
            `threads (garbage collection, compilation), wrk ${c.usage.one.loadTool}; with 2: workers ` +
            `${c.usage.two.workerMain} + ${c.usage.two.workerOther}, supervisor ${c.usage.two.primary}, wrk ` +
            `${c.usage.two.loadTool} — reachable at one worker's CPU per request: ${c.attainable}×`
          : ""),
      "≥ 1.7×",
    ]);
  }
  const soak = result.soak;
  if (soak) {
    rows.push([
      `RSS after a ${soak.minutes}-minute mixed-load soak`,
      `**${soak.rssLastMb} MB** at the end (first third ${soak.trend.first} MB, last third ${soak.trend.last} MB: ` +
        `${(soak.trend.growth * 100).toFixed(1)} %; ${n(soak.requests)} requests, ${soak.fiveHundreds} answers 5xx, ` +
        `${soak.ok ? "every check passed" : "a check failed"})`,
      "≤ 250 MB, no upward trend",
    ]);
  }
  if (rows.length === 0) return "";
  return ["| figure | measured | target |", "|---|---|---|", ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

export function benchMarkdown(result: BenchResult): string {
  const load = (values: number[]) => values.map((v) => v.toFixed(1)).join(" / ");
  const parts = [
    `Run of ${result.startedAt.slice(0, 16).replace("T", " ")}–${result.finishedAt.slice(11, 16)} UTC, commit ` +
      `${result.commit}, Node ${result.machine.node}, ${result.machine.cores} cores, load average ` +
      `${load(result.machine.loadAverageAtStart)} at the start and ${load(result.machine.loadAverageAtEnd)} at the end; ` +
      `${result.options.seconds} s per figure, medians of ${result.options.runs} interleaved runs.`,
  ];
  if (result.pages.small) parts.push(`**Small scale** (the demo seed):\n\n${pageTable(result.pages.small)}`);
  if (result.pages.large) {
    parts.push(`**Large scale** (\`seed:large\`):\n\n${pageTable(result.pages.large, result.pages.small)}`);
  }
  const extras = extrasTable(result);
  if (extras) parts.push(extras);
  return `${parts.join("\n\n")}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const file = process.argv[2];
  if (!file) throw new Error("usage: npx tsx scripts/bench/markdown.ts bench-results/<run>.json");
  process.stdout.write(benchMarkdown(JSON.parse(readFileSync(file, "utf8")) as BenchResult));
}
