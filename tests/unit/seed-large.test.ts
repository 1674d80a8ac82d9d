// `npm run seed:large` at a small scale (30 projects) on a real SQLite file holding the demo seed: the audit chain it
// extends verifies end to end, every event it writes is one the audit registry can read back, the work waiting for
// review and the teams are there, a second run changes nothing, and the pages that sum the portfolio load on it.
import { createClient } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditPayloadProblems, currentAuditAction } from "~/lib/audit-actions";
import { db } from "~/lib/db.server";
import type { Actor } from "~/lib/permissions";
import { BOARD_PAGE_SIZE, getBoardPage } from "~/models/board-page.server";
import { AREA_PROJECTS_LIMIT, getFrameworkView, listFrameworkSummaries } from "~/models/framework.server";
import { verifyAuditChain } from "~/models/history-chain.server";
import { getHomeData } from "~/models/home.server";
import { listMissingReports } from "~/models/reporting.server";
import { listReviewQueue, REVIEW_QUEUE_LIMIT } from "~/models/review/queue.server";
import { seedDatabase } from "../../prisma/seed";
import { seedLarge, type SeedLargeResult } from "../../scripts/seed-large";

const url = process.env.DATABASE_URL ?? "";
const FACTOR = 30 / 2000;
let demoEvents = 0;
let result: SeedLargeResult;

beforeAll(async () => {
  await seedDatabase(db);
  demoEvents = await db.auditEvent.count();
  result = await seedLarge({ url, factor: FACTOR, seed: 7 });
}, 120_000);

afterAll(async () => {
  await db.$disconnect();
});

describe("seed:large", () => {
  it("adds 30 projects with their teams, milestones, indicators and history to the demo portfolio", async () => {
    expect(result.status).toBe("seeded");
    if (result.status !== "seeded") return;
    expect(result.rows.Project).toBe(30);
    expect(await db.project.count()).toBe(22 + 30);
    expect(result.rows.Milestone).toBe(30 * 20);
    expect(result.rows.Indicator).toBe(30 * 10);
    expect(result.rows.User).toBe(75);
    expect(result.rows.IndicatorValue).toBeGreaterThan(30 * 10 * 5);
    // Every project has a task team leader, and work waits for review (≈ 2,500 of each per 2,000 projects).
    const leaders = await db.projectMember.count({
      where: { capacity: "TASK_TEAM_LEADER", project: { code: { startsWith: "P7" } } },
    });
    expect(leaders).toBeGreaterThan(0);
    const pendingUpdates = await db.milestoneUpdate.count({
      where: { reviewState: "SUBMITTED", milestone: { id: { startsWith: "clg" } } },
    });
    const pendingValues = await db.indicatorValue.count({ where: { state: "SUBMITTED", id: { startsWith: "clg" } } });
    expect(pendingUpdates).toBe(Math.round(2500 * FACTOR));
    expect(pendingValues).toBe(Math.round(2500 * FACTOR));
  });

  it("extends the audit chain validly, as the app and audit:verify compute it", async () => {
    if (result.status !== "seeded") throw new Error("not seeded");
    const verdict = await verifyAuditChain({ url });
    expect(verdict).toMatchObject({ ok: true, count: demoEvents + result.events, headSeq: result.headSeq });
  });

  it("writes only events the audit registry knows, with snapshots matching their schemas", async () => {
    const events = await db.auditEvent.findMany({
      where: { seq: { gt: demoEvents } },
      select: { seq: true, action: true, entityType: true, before: true, after: true, reason: true, occurredAt: true },
      orderBy: { seq: "asc" },
    });
    const problems: string[] = [];
    let previous = 0;
    for (const e of events) {
      const action = currentAuditAction(e.action);
      if (!action) {
        problems.push(`${e.seq}: unknown action ${e.action}`);
        continue;
      }
      const payload = {
        entityType: e.entityType,
        before: e.before === null ? null : (JSON.parse(e.before) as unknown),
        after: e.after === null ? null : (JSON.parse(e.after) as unknown),
        reason: e.reason,
      };
      for (const problem of auditPayloadProblems(action, payload)) problems.push(`${e.seq} ${e.action}: ${problem}`);
      // History reads as it happened: events are chained in time order, none in the future.
      expect(e.occurredAt.getTime()).toBeGreaterThanOrEqual(previous);
      expect(e.occurredAt.getTime()).toBeLessThanOrEqual(Date.now());
      previous = e.occurredAt.getTime();
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it("the pages that sum the portfolio load on it, paged and capped", async () => {
    const actorOf = async (email: string): Promise<Actor> => {
      const u = await db.user.findUniqueOrThrow({ where: { email }, include: { organization: true } });
      return { id: u.id, role: u.role, organizationId: u.organizationId, organizationKind: u.organization.kind };
    };
    const manager = await actorOf("wb.manager@qadam.test");
    const officer = await actorOf("wb.officer@qadam.test");
    const visible = await db.project.count({ where: { archivedAt: null, institution: { in: ["WB", "JOINT"] } } });

    const board = await getBoardPage({ actor: manager, query: {} });
    expect(Object.values(board.counts).reduce((a, b) => a + b, 0)).toBe(visible);
    expect(board.areas.reduce((n, a) => n + a.total, 0)).toBe(visible);
    expect(board.projects.length).toBeLessThanOrEqual(BOARD_PAGE_SIZE);
    expect(board.pages).toBe(Math.max(1, Math.ceil(board.ofColourTotal / BOARD_PAGE_SIZE)));
    const green = await getBoardPage({ actor: manager, query: { colour: "GREEN", page: 2 } });
    expect(green.projects.every((p) => p.colour === "GREEN")).toBe(true);

    for (const actor of [manager, officer]) {
      const home = await getHomeData({ actor });
      expect(Object.values(home.counts).reduce((a, b) => a + b, 0)).toBe(visible);
    }
    const reports = await listMissingReports({ actor: manager });
    expect(reports.items.length).toBeGreaterThan(0);
    const queue = await listReviewQueue({ actor: manager });
    expect(queue.items.length).toBeLessThanOrEqual(2 * REVIEW_QUEUE_LIMIT);
    const frameworks = await listFrameworkSummaries({ actor: manager });
    for (const f of frameworks) {
      const view = await getFrameworkView({ actor: manager, frameworkId: f.id });
      expect(view).not.toBeNull();
      // Each area lists at most its first projects and counts them all.
      for (const area of view?.areas ?? []) {
        expect(area.projects.length).toBe(Math.min(area.projectTotal, AREA_PROJECTS_LIMIT));
      }
    }
  });

  it("runs once per database: a second run reports what is there and writes nothing", async () => {
    const before = await db.auditEvent.count();
    const again = await seedLarge({ url, factor: FACTOR, seed: 7 });
    expect(again).toMatchObject({ status: "already-seeded", projects: 30 });
    expect(await db.auditEvent.count()).toBe(before);
  });

  it("refuses a database an interrupted run left half-written", async () => {
    const client = createClient({ url });
    await client.execute('UPDATE "_QadamLargeSeed" SET finishedAt = NULL');
    await expect(seedLarge({ url, factor: FACTOR, seed: 7 })).rejects.toThrow(/did not finish/);
    await client.execute("UPDATE \"_QadamLargeSeed\" SET finishedAt = '2026-01-01T00:00:00.000Z'");
    client.close();
  });
});
