// "Who hasn't reported" on the seeded portfolio, checked against direct queries of the same definition.
import { beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import type { Actor } from "~/lib/permissions";
import {
  groupByOfficer,
  groupByProject,
  listMissingReports,
  missingReportsOf,
  periodContaining,
  previousPeriod,
  reportingSelect,
  type ReportingItem,
} from "~/models/reporting.server";
import { DEMO_USERS, SEED_TODAY } from "../../prisma/seed";
import { seedDemoActors } from "../helpers/demo-actors";
import { insideServerRequest } from "../helpers/request";

const TODAY = new Date(`${SEED_TODAY}T12:00:00Z`);
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const actors: Record<string, Actor> = {};

beforeAll(async () => {
  Object.assign(actors, await seedDemoActors());
}, 60_000);

describe("periods", () => {
  it("calendar quarter, half-year, month and year containing a day, end exclusive", () => {
    expect(periodContaining(TODAY, 3)).toEqual({ start: d("2026-10-01"), end: d("2027-01-01") });
    expect(periodContaining(TODAY, 6)).toEqual({ start: d("2026-07-01"), end: d("2027-01-01") });
    expect(periodContaining(TODAY, 12)).toEqual({ start: d("2026-01-01"), end: d("2027-01-01") });
    expect(periodContaining(TODAY, 1)).toEqual({ start: d("2026-11-01"), end: d("2026-12-01") });
    expect(periodContaining(d("2026-01-01"), 3)).toEqual({ start: d("2026-01-01"), end: d("2026-04-01") });
    expect(periodContaining(new Date("2026-03-31T23:59:59Z"), 3)).toEqual({
      start: d("2026-01-01"),
      end: d("2026-04-01"),
    });
  });
  it("the previous period crosses the year boundary", () => {
    expect(previousPeriod(periodContaining(d("2026-02-10"), 3), 3)).toEqual({
      start: d("2025-10-01"),
      end: d("2026-01-01"),
    });
    expect(previousPeriod(periodContaining(TODAY, 12), 12)).toEqual({ start: d("2025-01-01"), end: d("2026-01-01") });
  });
});

/** The scope rules, spelled out again for the test. */
function directScope(actor: Actor): Prisma.ProjectWhereInput {
  if (actor.role === "ADMIN" || actor.role === "AUDITOR") return { archivedAt: null, status: "ACTIVE" };
  if (actor.organizationKind === "WORLD_BANK")
    return { archivedAt: null, status: "ACTIVE", institution: { in: ["WB", "JOINT"] } };
  if (actor.organizationKind === "IFC")
    return { archivedAt: null, status: "ACTIVE", institution: { in: ["IFC", "JOINT"] } };
  return { archivedAt: null, status: "ACTIVE", implementingAgencyId: actor.organizationId };
}

const QUARTER = { gte: d("2026-10-01"), lt: d("2027-01-01") };
const CURRENT: Record<string, { gte: Date; lt: Date }> = {
  QUARTERLY: QUARTER,
  SEMI_ANNUAL: { gte: d("2026-07-01"), lt: d("2027-01-01") },
  ANNUAL: { gte: d("2026-01-01"), lt: d("2027-01-01") },
};

async function expectedMissing(actor: Actor) {
  const milestones = await db.milestone.findMany({
    where: {
      project: directScope(actor),
      status: { notIn: ["COMPLETED", "CANCELLED"] },
      updates: { none: { submittedAt: QUARTER, reviewState: { not: "RETURNED" } } },
    },
    select: { id: true },
  });
  const indicators = await db.indicator.findMany({
    where: { project: directScope(actor) },
    select: { id: true, frequency: true },
  });
  const missingIndicators: string[] = [];
  for (const ind of indicators) {
    const period = CURRENT[ind.frequency] ?? CURRENT.ANNUAL;
    const values = await db.indicatorValue.count({
      where: { indicatorId: ind.id, periodEnd: period, state: { not: "RETURNED" } },
    });
    if (values === 0) missingIndicators.push(ind.id);
  }
  return { milestones: milestones.map((m) => m.id).sort(), indicators: missingIndicators.sort() };
}

const idsOf = (items: ReportingItem[], kind: ReportingItem["kind"]) =>
  items
    .filter((i) => i.kind === kind)
    .map((i) => i.id)
    .sort();

describe("who hasn't reported", () => {
  it.each(DEMO_USERS.map((u) => [u.key]))("%s: the list matches a direct query of the definition", async (key) => {
    const { items, quarter } = await listMissingReports({ actor: actors[key], today: TODAY });
    expect(quarter).toEqual({ start: "2026-10-01T00:00:00.000Z", end: "2027-01-01T00:00:00.000Z" });
    const expected = await expectedMissing(actors[key]);
    expect(idsOf(items, "milestone")).toEqual(expected.milestones);
    expect(idsOf(items, "indicator")).toEqual(expected.indicators);
  });

  it("the page's SQL and the reminder job's rule over loaded rows find the same items, due dates and overdue flags", async () => {
    // The page decides in SQL (fast at any size); the reminder job applies the same rule to rows it loads. Two
    // executions of one rule: this keeps them from drifting apart.
    const { items } = await listMissingReports({ actor: actors.admin, today: TODAY });
    const rows = await db.project.findMany({
      where: { status: "ACTIVE" },
      orderBy: { code: "asc" },
      select: reportingSelect,
    });
    const essence = (list: ReportingItem[]) =>
      list.map((i) => [i.kind, i.id, i.dueDate, i.overdue, i.period.start, i.last?.state ?? null].join("|")).sort();
    expect(essence(missingReportsOf(rows, TODAY))).toEqual(essence(items));
    expect(items.length).toBeGreaterThan(5);
  });

  it("the seeded portfolio has missing and overdue items, and a returned value does not count", async () => {
    const { items } = await listMissingReports({ actor: actors.admin, today: TODAY });
    expect(items.length).toBeGreaterThan(5);
    const returned = items.find((i) => i.kind === "indicator" && i.last?.state === "RETURNED");
    expect(returned, "a value returned this period leaves the indicator on the list").toBeDefined();
    expect(items.some((i) => i.overdue)).toBe(true);
  });

  it("names lead: an indicator is listed by its name with its code apart, a project group by the project's name", async () => {
    const { items } = await listMissingReports({ actor: actors.admin, today: TODAY });
    const indicator = items.find((i) => i.kind === "indicator");
    if (!indicator) throw new Error("no indicator is missing a report");
    const stored = await db.indicator.findUniqueOrThrow({ where: { id: indicator.id } });
    expect([indicator.title, indicator.code]).toEqual([stored.name, stored.code]);
    const group = groupByProject([indicator])[0];
    expect([group.label, group.code]).toEqual([indicator.projectName, indicator.projectCode]);
  });

  it("responsible: the milestone owner, else the project's officers", async () => {
    const { items } = await listMissingReports({ actor: actors.admin, today: TODAY });
    for (const item of items.filter((i) => i.kind === "milestone")) {
      const m = await db.milestone.findUniqueOrThrow({
        where: { id: item.id },
        select: {
          ownerId: true,
          project: {
            select: { members: { where: { user: { role: "OFFICER", active: true } }, select: { userId: true } } },
          },
        },
      });
      const expected = m.ownerId ? [m.ownerId] : m.project.members.map((x) => x.userId);
      expect(item.responsible.map((r) => r.id).sort()).toEqual(expected.sort());
    }
  });

  it("an update submitted this quarter takes a milestone off the list; a returned one does not", async () => {
    const before = await listMissingReports({ actor: actors.admin, today: TODAY });
    const [first, second] = before.items.filter((i) => i.kind === "milestone");
    const author = actors.wbOfficer.id;
    const base = {
      authorId: author,
      proposedStatus: "IN_PROGRESS" as const,
      proposedPercent: 50,
      submittedAt: d("2026-11-20"),
    };
    await db.milestoneUpdate.create({ data: { ...base, milestoneId: first.id } });
    await db.milestoneUpdate.create({ data: { ...base, milestoneId: second.id, reviewState: "RETURNED" } });
    const after = await listMissingReports({ actor: actors.admin, today: TODAY });
    const ids = idsOf(after.items, "milestone");
    expect(ids).not.toContain(first.id);
    expect(ids).toContain(second.id);
  });

  it("ministry users see only their agency's projects", async () => {
    const { items } = await listMissingReports({ actor: actors.transportOfficer, today: TODAY });
    const projects = await db.project.findMany({
      where: { id: { in: [...new Set(items.map((i) => i.projectId))] } },
      select: { implementingAgencyId: true },
    });
    expect(projects.every((p) => p.implementingAgencyId === actors.transportOfficer.organizationId)).toBe(true);
  });

  it("groups by project and by officer (an item with two officers under both, unassigned last)", () => {
    const person = (id: string) => ({ id, name: id.toUpperCase(), email: `${id}@x` });
    const item = (id: string, projectId: string, responsible: ReturnType<typeof person>[]): ReportingItem => ({
      kind: "milestone",
      id,
      projectId,
      projectCode: projectId,
      projectName: projectId,
      title: id,
      dueDate: "2026-12-31T00:00:00.000Z",
      period: { start: "", end: "" },
      frequency: null,
      overdue: false,
      last: null,
      responsible,
    });
    const items = [item("a", "P1", [person("x"), person("y")]), item("b", "P2", []), item("c", "P1", [person("y")])];
    expect(groupByProject(items).map((g) => [g.key, g.items.map((i) => i.id)])).toEqual([
      ["P1", ["a", "c"]],
      ["P2", ["b"]],
    ]);
    expect(groupByOfficer(items).map((g) => [g.key, g.items.map((i) => i.id)])).toEqual([
      ["x", ["a"]],
      ["y", ["a", "c"]],
      ["unassigned", ["b"]],
    ]);
  });
});

describe("the lists inside a request of the server", () => {
  it("are computed once per state of the audit chain: an audited write shows on the next request", async () => {
    const { createMilestoneUpdate } = await import("../helpers/factories");
    const first = await insideServerRequest(() => listMissingReports({ actor: actors.admin, today: TODAY }));
    const again = await insideServerRequest(() => listMissingReports({ actor: actors.admin, today: TODAY }));
    expect(again).toBe(first);
    // Another scope is another entry, equal to what it computes on its own.
    const ministry = await insideServerRequest(() =>
      listMissingReports({ actor: actors.transportOfficer, today: TODAY }),
    );
    expect(ministry).toEqual(await listMissingReports({ actor: actors.transportOfficer, today: TODAY }));
    const milestone = first.items.find((i) => i.kind === "milestone");
    expect(milestone).toBeDefined();
    await createMilestoneUpdate(milestone?.id ?? "", actors.wbOfficer.id, { submittedAt: d("2026-11-21") });
    const after = await insideServerRequest(() => listMissingReports({ actor: actors.admin, today: TODAY }));
    expect(after).not.toBe(first);
    expect(after.items.map((i) => i.id)).not.toContain(milestone?.id);
    expect(after).toEqual(await listMissingReports({ actor: actors.admin, today: TODAY }));
  });
});

describe("a page at a time", () => {
  it("pages the grouped rows: every row once, in order, groups keep their exact count; totals stay whole", async () => {
    const { listReportingPage } = await import("~/models/reporting-page.server");
    const { items } = await listMissingReports({ actor: actors.admin, today: TODAY });
    for (const groupBy of ["project", "officer"] as const) {
      const grouped = groupBy === "officer" ? groupByOfficer(items) : groupByProject(items);
      const rows = grouped.flatMap((g) => g.items.map((i) => `${g.key}/${i.kind}/${i.id}`));
      expect(rows.length).toBeGreaterThan(7);
      const pageSize = 7;
      const pages = Math.ceil(rows.length / pageSize);
      const seen: string[] = [];
      for (let page = 1; page <= pages; page++) {
        const one = await listReportingPage({
          actor: actors.admin,
          groupBy,
          mine: false,
          page,
          pageSize,
          today: TODAY,
        });
        expect(one.paging).toMatchObject({ page, pages, from: (page - 1) * pageSize + 1, total: rows.length });
        expect(one.totals).toEqual({
          milestones: items.filter((i) => i.kind === "milestone").length,
          indicators: items.filter((i) => i.kind === "indicator").length,
          overdue: items.filter((i) => i.overdue).length,
        });
        expect(one.groups.reduce((n, g) => n + g.items.length, 0)).toBe(
          page < pages ? pageSize : rows.length - seen.length,
        );
        for (const g of one.groups) {
          const whole = grouped.find((w) => w.key === g.key);
          expect(g.total).toBe(whole?.items.length);
          expect(g.items.map((i) => i.id)).toEqual(whole?.items.slice(g.from - 1, g.to).map((i) => i.id));
          seen.push(...g.items.map((i) => `${g.key}/${i.kind}/${i.id}`));
        }
      }
      expect(seen).toEqual(rows);
      // A page past the end is the last page.
      const past = await listReportingPage({
        actor: actors.admin,
        groupBy,
        mine: false,
        page: 999,
        pageSize,
        today: TODAY,
      });
      expect(past.paging.page).toBe(pages);
    }
  });

  it("only mine: the officer's own items, and by officer only their own group", async () => {
    const { listReportingPage } = await import("~/models/reporting-page.server");
    const officer = actors.wbOfficer;
    const { items } = await listMissingReports({ actor: officer, today: TODAY });
    const own = items.filter((i) => i.responsible.some((p) => p.id === officer.id));
    expect(own.length).toBeGreaterThan(0);
    const byOfficer = await listReportingPage({
      actor: officer,
      groupBy: "officer",
      mine: true,
      page: 1,
      pageSize: 500,
      today: TODAY,
    });
    expect(byOfficer.groups.map((g) => g.key)).toEqual([officer.id]);
    expect(byOfficer.paging.total).toBe(own.length);
    const byProject = await listReportingPage({
      actor: officer,
      groupBy: "project",
      mine: true,
      page: 1,
      pageSize: 500,
      today: TODAY,
    });
    expect(byProject.groups.flatMap((g) => g.items.map((i) => i.id)).sort()).toEqual(own.map((i) => i.id).sort());
  });
});
