// The page figures of `npm run bench`: every page a role lands on, measured with wrk at 1 and at 10 connections,
// three runs interleaved (run 1 of every page, then run 2 …) so a slow minute of the shared machine touches every
// page alike; each figure is the median of the three, and each ratio is taken against the anonymous /login page of
// the same run before the median is taken.
import { createClient } from "@libsql/client";
import { signIn } from "../drill-server";
import { median, runLoad, type LoadResult } from "./wrk";
import { LOAD_CPUS } from "./server";

export type Page = { name: string; path: string; role: Role | null };
type Role = "manager" | "officer" | "auditor" | "admin";

const ACCOUNTS: Record<Role, string> = {
  manager: "wb.manager@qadam.test",
  officer: "wb.officer@qadam.test",
  auditor: "auditor@qadam.test",
  admin: "admin@qadam.test",
};
const PROJECT_PAGE_SIZE = 20;

/** The pages measured, with ids read from the database (the demo project P128050 is in every scale). */
export async function pagesOf(databaseFile: string): Promise<Page[]> {
  const client = createClient({ url: `file:${databaseFile}` });
  try {
    const first = async (sql: string) => (await client.execute(sql)).rows[0]?.[0];
    const project = String(await first(`SELECT id FROM "Project" WHERE code = 'P128050'`));
    const framework = String(await first(`SELECT id FROM "Framework" ORDER BY id LIMIT 1`));
    const projects = Number(await first(`SELECT count(*) FROM "Project"`));
    const headSeq = Number(await first(`SELECT max(seq) FROM "AuditEvent"`));
    // A page well inside the list (the manager sees most projects), and a history page a tenth of the way back.
    const deepProjects = Math.max(1, Math.floor((projects * 0.6) / PROJECT_PAGE_SIZE));
    const deepHistory = Math.max(1, Math.floor(headSeq / 10));
    return [
      { name: "/login (anonymous)", path: "/login", role: null },
      { name: "/healthz", path: "/healthz", role: null },
      { name: "/ home, manager", path: "/", role: "manager" },
      { name: "/ home, officer", path: "/", role: "officer" },
      { name: "/ home, auditor", path: "/", role: "auditor" },
      { name: "/ home, admin", path: "/", role: "admin" },
      { name: "/projects, first page", path: "/projects", role: "manager" },
      { name: `/projects, page ${deepProjects}`, path: `/projects?page=${deepProjects}`, role: "manager" },
      { name: "/board", path: "/board", role: "manager" },
      { name: "project overview", path: `/projects/${project}`, role: "manager" },
      { name: "project milestones", path: `/projects/${project}/milestones`, role: "manager" },
      { name: "project indicators", path: `/projects/${project}/indicators`, role: "manager" },
      { name: "project ratings", path: `/projects/${project}/ratings`, role: "manager" },
      { name: "project team", path: `/projects/${project}/team`, role: "manager" },
      { name: "project team, admin", path: `/projects/${project}/team`, role: "admin" },
      { name: "project history", path: `/projects/${project}/history`, role: "manager" },
      { name: "project report", path: `/projects/${project}/report`, role: "manager" },
      { name: "/reviews", path: "/reviews", role: "manager" },
      { name: "/reporting", path: "/reporting", role: "manager" },
      { name: "/reporting, by officer", path: "/reporting?groupBy=officer", role: "manager" },
      { name: "/reporting, officer", path: "/reporting", role: "officer" },
      { name: "/frameworks", path: "/frameworks", role: "manager" },
      { name: "a framework", path: `/frameworks/${framework}`, role: "manager" },
      { name: "/history, first page", path: "/history", role: "auditor" },
      { name: "/history, deep page", path: `/history?before=${deepHistory}`, role: "auditor" },
      { name: "/history, manager", path: "/history", role: "manager" },
      { name: "/admin/users", path: "/admin/users", role: "admin" },
    ];
  } finally {
    client.close();
  }
}

export type PageFigures = {
  name: string;
  path: string;
  status: number;
  htmlKb: number;
  c1: { rps: number; p50: number | null; p99: number | null };
  c10: { rps: number; p50: number | null; p99: number | null };
  /** Median over the runs of (this page's req/s ÷ /login's req/s in the same run), at 10 connections. */
  vsLogin: number;
  errors: number;
};

/**
 * Waits (at most 60 s) until the server answers /healthz promptly: a page slower than a run leaves requests that wrk
 * gave up on still being rendered, and they must not be counted against the next page.
 */
async function settle(base: string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const started = performance.now();
    // A reused keep-alive connection that the busy server closed meanwhile fails once: that is not an answer.
    const answered = await fetch(`${base}/healthz`).then(
      (response) => response.arrayBuffer().then(() => true),
      () => false,
    );
    if (answered && performance.now() - started < 200) return;
  }
}

export type PagesOptions = { base: string; seconds: number; runs: number; log: (line: string) => void };

export async function measurePages(pages: Page[], options: PagesOptions): Promise<PageFigures[]> {
  const cookies = new Map<Role, string>();
  for (const role of Object.keys(ACCOUNTS) as Role[]) {
    const { cookie } = await signIn(options.base, ACCOUNTS[role]);
    if (!cookie) throw new Error(`${ACCOUNTS[role]} could not sign in`);
    cookies.set(role, cookie);
  }
  const headersOf = (page: Page): Record<string, string> => (page.role ? { Cookie: cookies.get(page.role) ?? "" } : {});

  const probes = new Map<string, { status: number; htmlKb: number }>();
  for (const page of pages) {
    const response = await fetch(`${options.base}${page.path}`, { headers: headersOf(page), redirect: "manual" });
    const body = await response.arrayBuffer();
    probes.set(page.name, { status: response.status, htmlKb: Math.round(body.byteLength / 102.4) / 10 });
    if (response.status !== 200) options.log(`  ${page.name}: ${response.status}, left out`);
  }
  const measured = pages.filter((page) => probes.get(page.name)?.status === 200);
  // Warm-up: JIT, SQLite's page cache and V8's heap reach their working state before anything counts.
  for (const page of measured) {
    runLoad({
      url: `${options.base}${page.path}`,
      connections: 10,
      seconds: 1,
      headers: headersOf(page),
      cpus: LOAD_CPUS,
    });
    await settle(options.base);
  }

  const runs = new Map<string, { c1: LoadResult[]; c10: LoadResult[] }>();
  for (let run = 1; run <= options.runs; run++) {
    options.log(`  run ${run} of ${options.runs}`);
    for (const page of measured) {
      const load = (connections: number) => {
        const result = runLoad({
          url: `${options.base}${page.path}`,
          connections,
          seconds: options.seconds,
          headers: headersOf(page),
          cpus: LOAD_CPUS,
        });
        return result;
      };
      const entry = runs.get(page.name) ?? { c1: [], c10: [] };
      entry.c1.push(load(1));
      await settle(options.base);
      entry.c10.push(load(10));
      await settle(options.base);
      runs.set(page.name, entry);
    }
  }

  const login = runs.get("/login (anonymous)");
  return measured.map((page) => {
    const entry = runs.get(page.name) ?? { c1: [], c10: [] };
    // A run in which no request finished (a page slower than the run) has no latency: null, not 0.
    const latency = (results: LoadResult[], pick: (r: LoadResult) => number) => {
      const finished = results.filter((r) => r.requests > 0);
      return finished.length ? median(finished.map(pick)) : null;
    };
    const summary = (results: LoadResult[]) => ({
      rps: Math.round(median(results.map((r) => r.rps)) * 10) / 10,
      p50: latency(results, (r) => r.p50),
      p99: latency(results, (r) => r.p99),
    });
    const ratios = entry.c10.map((result, i) => result.rps / (login?.c10[i]?.rps ?? Number.NaN));
    const probe = probes.get(page.name) ?? { status: 0, htmlKb: 0 };
    return {
      name: page.name,
      path: page.path,
      ...probe,
      c1: summary(entry.c1),
      c10: summary(entry.c10),
      vsLogin: Math.round(median(ratios) * 100) / 100,
      errors: [...entry.c1, ...entry.c10].reduce((sum, r) => sum + r.errors, 0),
    };
  });
}
