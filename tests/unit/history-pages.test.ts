// The history explorer, the project history tab and the printable report: who may open them, what they show
// (scoped like the database says), filters in the URL and keyset pages.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { loader as historyLoader } from "~/routes/history";
import { loader as storedLoader } from "~/routes/history_.stored.$seq";
import { loader as detailsLoader } from "~/routes/history_.details.$seq";
import { loader as projectHistoryLoader } from "~/routes/projects.$projectId.history";
import { loader as reportLoader } from "~/routes/projects.$projectId.report";
import { loader as exportsLoader } from "~/routes/exports._index";
import { HISTORY_PAGE_SIZE, listAuditEvents } from "~/models/history.server";
import { listHistoryPeople, listHistoryProjectChoices, SUGGESTION_LIMIT } from "~/models/history-filters.server";
import { createClient } from "@libsql/client";
import { AUTO_VERIFY_MAX_EVENTS } from "~/models/history-chain.server";
import {
  createIndicator,
  createMilestone,
  createOrganization,
  createProject,
  createRating,
  createUser,
  day,
} from "../helpers/factories";
import { appendSyntheticEvents, callLoader, sessionCookieFor } from "../helpers/history-fixtures";

type HistoryData = {
  events: Array<{
    seq: number;
    projectId: string | null;
    projectCode: string | null;
    entityType: string;
    entityId: string;
  }>;
  nextBefore: number | null;
  filters: Record<string, string>;
  chain: null | { headSeq: number; headHash: string; verification: null | { ok: boolean; count: number } };
};

const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};

async function json<T>(response: Response): Promise<T> {
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

/**
 * Four projects: two WB projects of the transport ministry (P099270 with sixty more events than fit on a page,
 * P128050 with a milestone), a WB project of the water ministry with ratings, an indicator and a slipped milestone
 * (P086592), and an IFC one. Six users with the e-mails the tests sign in with.
 */
async function buildPortfolio() {
  const transport = await createOrganization({ kind: "MINISTRY" });
  const water = await createOrganization({ kind: "MINISTRY" });
  const worldBank = await createOrganization({ kind: "WORLD_BANK" });
  const users: Array<[string, Parameters<typeof createUser>[0]]> = [
    ["auditor", { role: "AUDITOR", organizationId: worldBank.id }],
    ["admin", { role: "ADMIN", organizationId: worldBank.id }],
    ["wb.manager", { role: "MANAGER", organizationId: worldBank.id }],
    ["ifc.manager", { role: "MANAGER", orgKind: "IFC" }],
    ["wb.officer", { role: "OFFICER", organizationId: worldBank.id }],
    ["transport.manager", { role: "MANAGER", organizationId: transport.id }],
  ];
  for (const [key, options] of users) await createUser({ ...options, email: `${key}@qadam.test` });
  const roads = await createProject({ code: "P099270", implementingAgencyId: transport.id });
  const { priorityAreaId } = roads;
  const corridor = await createProject({ code: "P128050", implementingAgencyId: transport.id, priorityAreaId });
  await createMilestone(corridor.id);
  const irrigation = await createProject({ code: "P086592", implementingAgencyId: water.id, priorityAreaId });
  const manager = await db.user.findUniqueOrThrow({ where: { email: "wb.manager@qadam.test" } });
  await createRating(irrigation.id, manager.id, { ratedOn: day("2025-06-30") });
  await createRating(irrigation.id, manager.id, { ratedOn: day("2025-12-31") });
  await createIndicator(irrigation.id);
  await createMilestone(irrigation.id, { baselineDueDate: day("2026-06-30"), currentDueDate: day("2026-12-31") });
  await createProject({ code: "IFC-RE-ADVISORY", institution: "IFC", implementingAgencyId: water.id, priorityAreaId });
  await appendSyntheticEvents({
    url: process.env.DATABASE_URL!,
    count: 60,
    projectIds: [roads.id],
    actors: [{ id: manager.id, email: manager.email }],
  });
}

beforeAll(async () => {
  await buildPortfolio();
  for (const key of ["auditor", "admin", "wb.manager", "ifc.manager", "wb.officer", "transport.manager"]) {
    cookies[key] = await sessionCookieFor(`${key}@qadam.test`);
  }
  for (const p of await db.project.findMany()) ids[p.code] = p.id;
  // Dozens of audited writes: generous for a machine busy with other work.
}, 60_000);

describe("/history", () => {
  it("shows auditors every event, newest first, with the chain verified", async () => {
    const data = await json<HistoryData>(await callLoader(historyLoader, "/history", { cookie: cookies.auditor }));
    const newest = await db.auditEvent.findMany({
      orderBy: { seq: "desc" },
      take: HISTORY_PAGE_SIZE,
      select: { seq: true },
    });
    expect(data.events.map((e) => e.seq)).toEqual(newest.map((e) => e.seq));
    expect(data.chain?.verification).toMatchObject({ ok: true });
    const head = await db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
    expect(data.chain?.headHash).toBe(head.hash);
  });

  it("pages with ?before=<seq> until every event has been seen exactly once", async () => {
    const seen: number[] = [];
    let url = "/history?project=P099270";
    for (let i = 0; i < 100; i++) {
      const data = await json<HistoryData>(await callLoader(historyLoader, url, { cookie: cookies.auditor }));
      seen.push(...data.events.map((e) => e.seq));
      if (!data.nextBefore) break;
      url = `/history?project=P099270&before=${data.nextBefore}`;
    }
    const expected = await db.auditEvent.findMany({
      where: { projectId: ids.P099270 },
      orderBy: { seq: "desc" },
      select: { seq: true },
    });
    expect(expected.length).toBeGreaterThan(50);
    expect(seen).toEqual(expected.map((e) => e.seq));
  });

  it("scopes managers to their projects and hides the chain panel from them", async () => {
    const data = await json<HistoryData>(
      await callLoader(historyLoader, "/history", { cookie: cookies["ifc.manager"] }),
    );
    const visible = new Set(
      (await db.project.findMany({ where: { institution: { in: ["IFC", "JOINT"] } } })).map((p) => p.id),
    );
    expect(data.events.length).toBeGreaterThan(0);
    expect(data.events.every((e) => e.projectId && visible.has(e.projectId))).toBe(true);
    expect(data.chain).toBeNull();
    const outside = await json<HistoryData>(
      await callLoader(historyLoader, "/history?project=P099270", { cookie: cookies["ifc.manager"] }),
    );
    expect(outside.events).toHaveLength(0);
  });

  it("a manager who sees too many projects to name in one query pages through exactly the same events", async () => {
    const manager = await db.user.findUniqueOrThrow({
      where: { email: "wb.manager@qadam.test" },
      include: { organization: true },
    });
    const actor = { ...manager, organizationKind: manager.organization.kind };
    // An event outside the manager's scope and one without a project sit between theirs.
    const ifc = ids["IFC-RE-ADVISORY"];
    await appendSyntheticEvents({
      url: process.env.DATABASE_URL!,
      count: 9,
      projectIds: [ifc, null, ids.P086592],
      actors: [{ id: manager.id, email: manager.email }],
    });
    const walk = async (scopeInQueryMax: number) => {
      const seen: number[] = [];
      let before: number | undefined;
      for (let i = 0; i < 200; i++) {
        const page = await listAuditEvents({ actor, filters: {}, before, limit: 7, scopeInQueryMax });
        expect(page.events.length).toBeLessThanOrEqual(7);
        seen.push(...page.events.map((e) => e.seq));
        if (!page.nextBefore) break;
        before = page.nextBefore;
      }
      return seen;
    };
    const named = await walk(Number.MAX_SAFE_INTEGER);
    const scanned = await walk(0);
    const visible = new Set([ids.P099270, ids.P128050, ids.P086592]);
    const expected = await db.auditEvent.findMany({
      where: { projectId: { in: [...visible] } },
      orderBy: { seq: "desc" },
      select: { seq: true },
    });
    expect(named).toEqual(expected.map((e) => e.seq));
    expect(scanned).toEqual(named);
  });

  it("the project and person pickers offer the first few by code and name, and count them all", async () => {
    const auditor = await db.user.findUniqueOrThrow({
      where: { email: "auditor@qadam.test" },
      include: { organization: true },
    });
    const actor = { ...auditor, organizationKind: auditor.organization.kind };
    const projects = await listHistoryProjectChoices(actor, 2);
    const allCodes = (await db.project.findMany({ orderBy: { code: "asc" }, select: { code: true } })).map(
      (p) => p.code,
    );
    expect(projects).toEqual({ items: expect.any(Array), total: allCodes.length });
    expect(projects.items.map((p) => p.code)).toEqual(allCodes.slice(0, 2));
    const people = await listHistoryPeople(actor, 3);
    expect(people.items).toHaveLength(3);
    expect(people.total).toBe(await db.user.count());
    // A list the picker can hold is offered whole; a longer one becomes a field that suggests only its first few.
    const whole = await listHistoryPeople(actor, people.total);
    expect(whole.items).toHaveLength(people.total);
    const typed = await listHistoryPeople(actor, people.total - 1);
    expect(typed.items.map((p) => p.email)).toEqual(
      whole.items.slice(0, Math.min(people.total - 1, SUGGESTION_LIMIT)).map((p) => p.email),
    );
    expect(typed.total).toBe(people.total);
    // The page says so, and the pickers become fields that take typing.
    const data = await json<{ choices: { people: { items: unknown[]; total: number } } }>(
      await callLoader(historyLoader, "/history", { cookie: cookies.auditor }),
    );
    expect(data.choices.people.total).toBe(await db.user.count());
  });

  it("filters by entityType/entityId (the links from milestone and indicator pages)", async () => {
    const milestone = await db.milestone.findFirstOrThrow({ where: { projectId: ids.P128050 } });
    const data = await json<HistoryData>(
      await callLoader(historyLoader, `/history?entityType=Milestone&entityId=${milestone.id}`, {
        cookie: cookies["wb.manager"],
      }),
    );
    const expected = await db.auditEvent.findMany({
      where: { entityType: "Milestone", entityId: milestone.id },
      orderBy: { seq: "desc" },
    });
    expect(expected.length).toBeGreaterThan(0);
    expect(data.events.map((e) => e.seq)).toEqual(expected.map((e) => e.seq));
    expect(data.filters).toMatchObject({ entity: "Milestone", entityId: milestone.id });
  });

  it("names records instead of ids, in one sentence per event; the stored record only for those who read everything", async () => {
    type Named = {
      events: Array<{
        seq: number;
        action: string;
        entityId: string;
        sentence: string;
        record: { name: string; href: string | null } | null;
        actor: { name: string } | null;
        stored: boolean;
      }>;
    };
    const milestone = await db.milestone.findFirstOrThrow({ where: { projectId: ids.P128050 } });
    const url = `/history?entityType=Milestone&entityId=${milestone.id}`;
    const auditor = await json<Named>(await callLoader(historyLoader, url, { cookie: cookies.auditor }));
    const created = auditor.events.find((e) => e.action === "milestone.create");
    expect(created).toMatchObject({
      sentence: "audit.actions.milestone.create",
      record: { name: milestone.title, href: `/projects/${ids.P128050}/milestones/${milestone.id}` },
    });
    // The stored record is not in the page: it is read from its own address when the auditor opens it.
    expect(created?.stored).toBe(true);
    expect(JSON.stringify(auditor.events)).not.toContain('"hash"');
    const storedPath = `/history/stored/${created?.seq ?? 0}`;
    const stored = await json<{ entityId: string; hash: string }>(
      await callLoader(storedLoader, storedPath, { cookie: cookies.auditor, params: { seq: String(created?.seq) } }),
    );
    const row = await db.auditEvent.findUniqueOrThrow({ where: { seq: created?.seq ?? 0 } });
    expect(stored).toMatchObject({ entityId: milestone.id, hash: row.hash, after: row.after });
    const manager = await json<Named>(await callLoader(historyLoader, url, { cookie: cookies["wb.manager"] }));
    expect(manager.events.length).toBe(auditor.events.length);
    expect(manager.events.every((e) => !e.stored)).toBe(true);
    expect(JSON.stringify(manager.events)).not.toContain('"hash"');
    // Those who read only their projects' events cannot read a stored record either.
    for (const [who, want] of [
      ["wb.manager", 403],
      ["wb.officer", 403],
    ] as const) {
      const answer = await callLoader(storedLoader, storedPath, {
        cookie: cookies[who],
        params: { seq: String(row.seq) },
      });
      expect(answer.status, who).toBe(want);
    }
    const missing = await callLoader(storedLoader, "/history/stored/999999999", {
      cookie: cookies.auditor,
      params: { seq: "999999999" },
    });
    expect(missing.status).toBe(404);
    const malformed = await callLoader(storedLoader, "/history/stored/abc", {
      cookie: cookies.auditor,
      params: { seq: "abc" },
    });
    expect(malformed.status).toBe(400);
  });

  it("carries one sentence per event; its details are read from their own address, scoped as the list is", async () => {
    const milestone = await db.milestone.findFirstOrThrow({ where: { projectId: ids.P086592 } });
    const url = `/history?entityType=Milestone&entityId=${milestone.id}`;
    const page = await json<{ events: Array<Record<string, unknown> & { seq: number; action: string }> }>(
      await callLoader(historyLoader, url, { cookie: cookies.auditor }),
    );
    const created = page.events.find((e) => e.action === "milestone.create");
    expect(created).toBeDefined();
    for (const event of page.events) expect(Object.keys(event)).not.toEqual(expect.arrayContaining(["changes"]));
    const seq = String(created?.seq ?? 0);
    type Details = { seq: number; creation: boolean; changes: Array<{ label: string; after: { kind: string } }> };
    const details = await json<Details>(
      await callLoader(detailsLoader, `/history/details/${seq}`, { cookie: cookies.auditor, params: { seq } }),
    );
    expect(details).toMatchObject({ seq: Number(seq), creation: true });
    expect(details.changes.map((c) => c.label)).toContain("audit.fields.dueDate");
    // P086592 is the water ministry's: the World Bank's manager reads it, the transport ministry's does not.
    for (const [who, want] of [
      ["wb.manager", 200],
      ["transport.manager", 404],
      ["wb.officer", 403],
    ] as const) {
      const answer = await callLoader(detailsLoader, `/history/details/${seq}`, {
        cookie: cookies[who],
        params: { seq },
      });
      expect(answer.status, who).toBe(want);
    }
    const missing = await callLoader(detailsLoader, "/history/details/999999999", {
      cookie: cookies.auditor,
      params: { seq: "999999999" },
    });
    expect(missing.status).toBe(404);
    const malformed = await callLoader(detailsLoader, "/history/details/abc", {
      cookie: cookies.auditor,
      params: { seq: "abc" },
    });
    expect(malformed.status).toBe(400);
  });

  it("keeps a page until the next write, which the next read of it shows (auditor, manager, project tab)", async () => {
    const read = async () => ({
      auditor: await json<HistoryData>(await callLoader(historyLoader, "/history", { cookie: cookies.auditor })),
      manager: await json<HistoryData>(await callLoader(historyLoader, "/history", { cookie: cookies["wb.manager"] })),
      tab: await json<HistoryData>(
        await callLoader(projectHistoryLoader, `/projects/${ids.P099270}/history`, {
          cookie: cookies["wb.manager"],
          params: { projectId: ids.P099270 },
        }),
      ),
    });
    const first = await read();
    expect(await read()).toEqual(first);
    const manager = await db.user.findUniqueOrThrow({ where: { email: "wb.manager@qadam.test" } });
    const { lastSeq } = await appendSyntheticEvents({
      url: process.env.DATABASE_URL ?? "",
      count: 1,
      projectIds: [ids.P099270],
      actors: [{ id: manager.id, email: manager.email }],
    });
    const after = await read();
    expect(after.auditor.events[0]?.seq).toBe(lastSeq);
    expect(after.manager.events[0]?.seq).toBe(lastSeq);
    expect(after.tab.events[0]?.seq).toBe(lastSeq);
    expect(after.auditor.events.slice(1)).toEqual(first.auditor.events.slice(0, -1));
  });

  it("compares a chain head kept outside Qadam: same hash, another hash, or an event that no longer exists", async () => {
    type Checked = { headCheck: null | { result: string; since?: number; headSeq?: number } };
    const kept = await db.auditEvent.findFirstOrThrow({ where: { seq: 3 } });
    const head = await db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
    const check = async (query: string, cookie = cookies.auditor) =>
      (await json<Checked>(await callLoader(historyLoader, `/history?${query}`, { cookie }))).headCheck;
    expect(await check(`checkSeq=3&checkHash=${kept.hash.toUpperCase()}`)).toEqual({
      result: "match",
      seq: 3,
      since: head.seq - 3,
    });
    expect(await check(`checkSeq=3&checkHash=${"0".repeat(64)}`)).toEqual({ result: "differs", seq: 3 });
    expect(await check(`checkSeq=${head.seq + 10}&checkHash=${kept.hash}`)).toEqual({
      result: "missing",
      seq: head.seq + 10,
      headSeq: head.seq,
    });
    expect(await check("checkSeq=abc&checkHash=xyz")).toEqual({ result: "invalid" });
    expect(await check(`checkSeq=3&checkHash=${kept.hash}`, cookies["wb.manager"])).toBeNull();
  });

  it("refuses officers (403) and rejects a malformed filter (400)", async () => {
    expect((await callLoader(historyLoader, "/history", { cookie: cookies["wb.officer"] })).status).toBe(403);
    expect((await callLoader(historyLoader, "/history?before=abc", { cookie: cookies.auditor })).status).toBe(400);
    expect((await callLoader(historyLoader, "/history?from=2026-02-30", { cookie: cookies.auditor })).status).toBe(400);
  });
});

describe("/projects/:projectId/history", () => {
  it("lists the project's events for managers in scope", async () => {
    const data = await json<HistoryData>(
      await callLoader(projectHistoryLoader, `/projects/${ids.P128050}/history`, {
        cookie: cookies["wb.manager"],
        params: { projectId: ids.P128050 },
      }),
    );
    const expected = await listAuditEvents({
      actor: { id: "x", role: "AUDITOR", organizationId: "x", organizationKind: "WORLD_BANK" },
      filters: { projectId: ids.P128050 },
    });
    expect(data.events.map((e) => e.seq)).toEqual(expected.events.map((e) => e.seq));
    expect(data.events.every((e) => e.projectCode === "P128050")).toBe(true);
  });

  it("is 403 for officers and 404 out of scope", async () => {
    const officer = await callLoader(projectHistoryLoader, `/projects/${ids.P128050}/history`, {
      cookie: cookies["wb.officer"],
      params: { projectId: ids.P128050 },
    });
    expect(officer.status).toBe(403);
    const ifcProject = Object.keys(ids).find((code) => code.startsWith("IFC-"))!;
    const outOfScope = await callLoader(projectHistoryLoader, `/projects/${ids[ifcProject]}/history`, {
      cookie: cookies["wb.manager"],
      params: { projectId: ids[ifcProject] },
    });
    expect(outOfScope.status).toBe(404);
  });
});

describe("/projects/:projectId/report", () => {
  it("gives everyone in scope the ISR-shaped data, and 404 outside it", async () => {
    type Report = {
      report: {
        code: string;
        ratings: { current: unknown; previous: unknown };
        indicators: unknown[];
        milestones: Array<{ slipDays: number }>;
      };
    };
    const data = await json<Report>(
      await callLoader(reportLoader, `/projects/${ids.P086592}/report`, {
        cookie: cookies["wb.officer"],
        params: { projectId: ids.P086592 },
      }),
    );
    expect(data.report.code).toBe("P086592");
    expect(data.report.ratings.current).not.toBeNull();
    expect(data.report.ratings.previous).not.toBeNull();
    expect(data.report.indicators.length).toBeGreaterThan(0);
    expect(data.report.milestones.some((m) => m.slipDays > 0)).toBe(true);
    const outside = await callLoader(reportLoader, `/projects/${ids.P086592}/report`, {
      cookie: cookies["transport.manager"],
      params: { projectId: ids.P086592 },
    });
    expect(outside.status).toBe(404);
  });
});

describe("/exports", () => {
  it("offers the audit exports only to those allowed to export history", async () => {
    const auditor = await json<{ canExportHistory: boolean }>(
      await callLoader(exportsLoader, "/exports", { cookie: cookies.auditor }),
    );
    expect(auditor.canExportHistory).toBe(true);
    const officer = await json<{ canExportHistory: boolean }>(
      await callLoader(exportsLoader, "/exports", { cookie: cookies["wb.officer"] }),
    );
    expect(officer.canExportHistory).toBe(false);
  });
});

// Last: these grow the log past the auto-verify limit and then break the chain.
describe("chain status on the auditor's page", () => {
  it("verifies on request only once the log is past the auto-verify limit", async () => {
    const users = await db.user.findMany({ select: { id: true, email: true } });
    await appendSyntheticEvents({
      url: process.env.DATABASE_URL!,
      count: AUTO_VERIFY_MAX_EVENTS,
      projectIds: [ids.P099270, null],
      actors: users,
    });
    const plain = await json<HistoryData>(await callLoader(historyLoader, "/history", { cookie: cookies.auditor }));
    expect(plain.chain?.verification).toBeNull();
    expect(plain.chain?.headSeq).toBeGreaterThan(AUTO_VERIFY_MAX_EVENTS);
    const verified = await json<HistoryData>(
      await callLoader(historyLoader, "/history?verify=1", { cookie: cookies.admin }),
    );
    expect(verified.chain?.verification).toMatchObject({ ok: true, count: verified.chain!.headSeq });
  });

  it("shows the first break after an event was edited behind the triggers", async () => {
    const client = createClient({ url: process.env.DATABASE_URL! });
    try {
      await client.execute('DROP TRIGGER "AuditEvent_no_update"');
      await client.execute("UPDATE AuditEvent SET reason = 'rewritten' WHERE seq = 40");
    } finally {
      client.close();
    }
    const data = await json<{ chain: { verification: { ok: boolean; problem?: { seq: number; kind: string } } } }>(
      await callLoader(historyLoader, "/history?verify=1", { cookie: cookies.auditor }),
    );
    expect(data.chain.verification).toMatchObject({ ok: false, problem: { seq: 40, kind: "edited" } });
  });
});
