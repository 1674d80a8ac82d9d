// The projects list: every filter, the search, each sort and the pagination return exactly what a direct query of the
// database says, and never anything outside the user's scope. Also the route's URL validation (400). The portfolio is
// a small one built here with a case for each filter, sort key and scope rule.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { canViewProject } from "~/lib/permissions";
import { listProjects } from "~/models/project/list.server";
import { ProjectListQuerySchema, type ProjectListQuery } from "~/schemas/project";
import * as listRoute from "~/routes/projects._index";
import type { Organization } from "~/generated/prisma/client";
import {
  createActor,
  createFramework,
  createOrganization,
  createProject,
  createRating,
  day,
} from "../helpers/factories";
import { call, type Demo } from "../helpers/project-kit";

const SCALE = ["HS", "S", "MS", "MU", "U", "HU"];

type Row = Awaited<ReturnType<typeof allProjects>>[number];

/** Every project with what the list filters and sorts on, straight from the database. */
async function allProjects() {
  return db.project.findMany({
    include: {
      priorityArea: true,
      ratings: { orderBy: [{ ratedOn: "desc" }, { createdAt: "desc" }], take: 1 },
    },
  });
}

const q = (input: Record<string, string> = {}): ProjectListQuery => ProjectListQuerySchema.parse(input);

async function codesOf(user: Demo, query: ProjectListQuery, pageSize = 1000) {
  const result = await listProjects({ actor: user, query, pageSize });
  return result.projects.map((p) => p.code);
}

const visibleTo = (user: Demo, rows: Row[]) => rows.filter((r) => canViewProject(user, r) && r.archivedAt === null);
const byCode = (a: Row, b: Row) => a.code.localeCompare(b.code, "en", { numeric: true });

let wbManager: Demo;
let ifcOfficer: Demo;
let transportOfficer: Demo;
let waterOfficer: Demo;
let admin: Demo;
let auditor: Demo;
let rows: Row[];
let transport: Organization;
let water: Organization;
/** The newer framework and the first priority area of the older one. */
let newerFrameworkId: string;
let olderFirstAreaId: string;

const usd = (millions: number) => BigInt(millions) * 100_000_000n;
type Rated = [pdo: "HS" | "S" | "MS" | "MU" | "U" | "HU", ip: "HS" | "S" | "MS" | "MU" | "U" | "HU"];

/**
 * Thirteen projects: three institutions, two frameworks, three ministries, every status, latest ratings from HS to U
 * and none, commitments with and without disbursement (and one of zero), closing dates revised, original or unknown.
 */
async function buildPortfolio() {
  transport = await createOrganization({ kind: "MINISTRY" });
  water = await createOrganization({ kind: "MINISTRY" });
  const other = await createOrganization({ kind: "MINISTRY" });
  const older = await createFramework({}, 2);
  const newer = await createFramework({}, 1);
  newerFrameworkId = newer.id;
  olderFirstAreaId = older.areas[0].id;
  const [olderA, olderB, newerA] = [older.areas[0].id, older.areas[1].id, newer.areas[0].id];
  const pipeline = {
    status: "PIPELINE" as const,
    approvalDate: null,
    effectivenessDate: null,
    closingOriginalDate: null,
  };
  const projects: Array<[Parameters<typeof createProject>[0], Rated[]]> = [
    [
      {
        code: "P099270",
        name: "South-West Roads corridor",
        implementingAgencyId: transport.id,
        priorityAreaId: olderA,
        commitmentMinor: usd(2125),
        disbursedMinor: usd(2000),
        closingOriginalDate: day("2020-12-31"),
        closingRevisedDate: day("2025-12-31"),
      },
      [
        ["S", "S"],
        ["MS", "MU"],
      ],
    ],
    [
      {
        code: "P128050",
        name: "East-West Roads",
        status: "CLOSED",
        implementingAgencyId: transport.id,
        priorityAreaId: olderA,
        commitmentMinor: usd(1068),
        disbursedMinor: usd(1068),
        closingOriginalDate: day("2020-06-30"),
      },
      [["S", "S"]],
    ],
    [
      {
        code: "P086592",
        name: "Irrigation and Drainage Improvement",
        implementingAgencyId: water.id,
        priorityAreaId: olderB,
        commitmentMinor: usd(400),
        disbursedMinor: usd(220),
        closingOriginalDate: day("2026-06-30"),
      },
      [["MU", "U"]],
    ],
    [
      {
        code: "P150402",
        name: "Fostering Productive Innovation",
        institution: "JOINT",
        implementingAgencyId: other.id,
        priorityAreaId: olderB,
        commitmentMinor: usd(88),
        disbursedMinor: usd(50),
      },
      [["HS", "S"]],
    ],
    [
      {
        code: "P500565",
        name: "TRACE Road",
        institution: "JOINT",
        implementingAgencyId: transport.id,
        priorityAreaId: olderA,
        commitmentMinor: usd(1300),
        disbursedMinor: usd(100),
        closingOriginalDate: day("2030-12-31"),
      },
      [["MS", "MS"]],
    ],
    [
      {
        code: "P147705",
        name: "SME Competitiveness",
        implementingAgencyId: other.id,
        priorityAreaId: olderA,
        commitmentMinor: usd(50),
        disbursedMinor: usd(50),
      },
      [
        ["MU", "MU"],
        ["MS", "S"],
      ],
    ],
    [
      {
        code: "P170365",
        name: "Sustainable Livestock Development",
        status: "CANCELLED",
        implementingAgencyId: other.id,
        priorityAreaId: olderB,
        commitmentMinor: 0n,
        disbursedMinor: 0n,
      },
      [],
    ],
    [
      {
        code: "IFC-RE-ADVISORY",
        name: "Renewable Energy Auctions Advisory",
        institution: "IFC",
        instrument: "IFC Advisory",
        implementingAgencyId: other.id,
        priorityAreaId: newerA,
        commitmentMinor: usd(20),
        disbursedMinor: usd(5),
      },
      [],
    ],
    [
      {
        code: "IFC-AGRI-ADVISORY",
        name: "Agri-Finance Advisory",
        institution: "IFC",
        instrument: "IFC Advisory",
        status: "CLOSED",
        implementingAgencyId: water.id,
        priorityAreaId: newerA,
        commitmentMinor: usd(15),
        disbursedMinor: usd(15),
      },
      [["S", "MS"]],
    ],
    [
      {
        code: "P199911",
        name: "Railway Modernisation",
        implementingAgencyId: transport.id,
        priorityAreaId: newerA,
        commitmentMinor: usd(400),
        ...pipeline,
      },
      [],
    ],
    [
      {
        code: "P199912",
        name: "Rural Broadband",
        implementingAgencyId: other.id,
        priorityAreaId: newerA,
        commitmentMinor: usd(85),
        ...pipeline,
      },
      [],
    ],
    [
      {
        code: "P199913",
        name: "Green Transition",
        implementingAgencyId: other.id,
        priorityAreaId: newerA,
        commitmentMinor: usd(300),
        ...pipeline,
      },
      [],
    ],
    [
      {
        code: "P199915",
        name: "MSME Finance",
        implementingAgencyId: other.id,
        priorityAreaId: newerA,
        commitmentMinor: usd(200),
        ...pipeline,
      },
      [],
    ],
  ];
  for (const [overrides, ratings] of projects) {
    const project = await createProject(overrides);
    for (const [i, [pdoRating, ipRating]] of ratings.entries()) {
      await createRating(project.id, wbManager.id, { ratedOn: day(`202${3 + i}-06-30`), pdoRating, ipRating });
    }
  }
}

beforeAll(async () => {
  wbManager = await createActor("MANAGER", { orgKind: "WORLD_BANK" });
  ifcOfficer = await createActor("OFFICER", { orgKind: "IFC" });
  admin = await createActor("ADMIN", { orgKind: "WORLD_BANK" });
  auditor = await createActor("AUDITOR", { orgKind: "WORLD_BANK" });
  await buildPortfolio();
  transportOfficer = await createActor("OFFICER", { organizationId: transport.id });
  waterOfficer = await createActor("OFFICER", { organizationId: water.id });
  rows = await allProjects();
  // Dozens of audited writes: generous for a machine busy with other work.
}, 60_000);

describe("scope", () => {
  it("each user sees exactly the projects they may view, and nothing else", async () => {
    for (const user of [wbManager, ifcOfficer, transportOfficer, waterOfficer, admin, auditor]) {
      const expected = visibleTo(user, rows)
        .sort(byCode)
        .map((r) => r.code);
      expect(await codesOf(user, q()), user.email).toEqual(expected);
    }
  });

  it("a ministry officer sees only their ministry's projects, whatever the filters ask for", async () => {
    const mot = transport.id;
    const codes = await codesOf(transportOfficer, q({ institution: "WB" }));
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) expect(rows.find((r) => r.code === code)!.implementingAgencyId).toBe(mot);
    // Asking for another ministry's projects finds nothing rather than leaking them.
    expect(await codesOf(transportOfficer, q({ agency: water.id }))).toEqual([]);
  });
});

describe("search and filters", () => {
  it("search matches code or name, case-insensitively", async () => {
    const expectedFor = (needle: string) =>
      visibleTo(wbManager, rows)
        .filter((r) => r.code.toLowerCase().includes(needle) || r.name.toLowerCase().includes(needle))
        .sort(byCode)
        .map((r) => r.code);
    const upper = await codesOf(wbManager, q({ q: "ROAD" }));
    expect(upper).toEqual(expectedFor("road"));
    expect(upper.length).toBeGreaterThan(1);
    expect(await codesOf(wbManager, q({ q: "p0992" }))).toEqual(["P099270"]);
    expect(await codesOf(wbManager, q({ q: "no such project anywhere" }))).toEqual([]);
  });

  it("framework, priority area, institution, agency and status filter in the query", async () => {
    const framework = { id: newerFrameworkId };
    const pa1 = olderFirstAreaId;
    const mot = transport.id;
    const cases: Array<[Record<string, string>, (r: Row) => boolean]> = [
      [{ framework: framework.id }, (r) => r.priorityArea.frameworkId === framework.id],
      [{ priorityArea: pa1 }, (r) => r.priorityAreaId === pa1],
      [{ institution: "JOINT" }, (r) => r.institution === "JOINT"],
      [{ agency: mot }, (r) => r.implementingAgencyId === mot],
      [{ status: "CLOSED" }, (r) => r.status === "CLOSED"],
      [{ status: "ACTIVE", agency: mot }, (r) => r.status === "ACTIVE" && r.implementingAgencyId === mot],
    ];
    for (const [params, keep] of cases) {
      const expected = visibleTo(admin, rows)
        .filter(keep)
        .sort(byCode)
        .map((r) => r.code);
      expect(expected.length, JSON.stringify(params)).toBeGreaterThan(0);
      expect(await codesOf(admin, q(params)), JSON.stringify(params)).toEqual(expected);
    }
  });

  it("the rating filter reads the latest rating (PDO or IP), MU-or-worse, or none", async () => {
    const latest = (r: Row) => r.ratings[0];
    const cases: Array<[string, (r: Row) => boolean]> = [
      ["MU", (r) => !!latest(r) && (latest(r).pdoRating === "MU" || latest(r).ipRating === "MU")],
      ["S", (r) => !!latest(r) && (latest(r).pdoRating === "S" || latest(r).ipRating === "S")],
      [
        "unsatisfactory",
        (r) => !!latest(r) && Math.max(SCALE.indexOf(latest(r).pdoRating), SCALE.indexOf(latest(r).ipRating)) >= 3,
      ],
      ["none", (r) => !latest(r)],
    ];
    for (const [rating, keep] of cases) {
      const expected = visibleTo(wbManager, rows)
        .filter(keep)
        .sort(byCode)
        .map((r) => r.code);
      expect(expected.length, rating).toBeGreaterThan(0);
      expect(await codesOf(wbManager, q({ rating })), rating).toEqual(expected);
    }
  });
});

describe("sorting", () => {
  const share = (r: Row) => (r.commitmentMinor > 0n ? Number(r.disbursedMinor) / Number(r.commitmentMinor) : null);
  const closing = (r: Row) => (r.closingRevisedDate ?? r.closingOriginalDate)?.getTime() ?? null;
  const rank = (r: Row) =>
    r.ratings[0] ? Math.max(SCALE.indexOf(r.ratings[0].pdoRating), SCALE.indexOf(r.ratings[0].ipRating)) : null;

  /** Ascending or descending by key, unknown (null) values last either way, ties by code. */
  function expectedOrder(key: (r: Row) => number | bigint | string | null, dir: "asc" | "desc") {
    return visibleTo(admin, rows)
      .sort((a, b) => {
        const ka = key(a);
        const kb = key(b);
        if (ka === null || kb === null) return ka === kb ? byCode(a, b) : ka === null ? 1 : -1;
        const c = ka < kb ? -1 : ka > kb ? 1 : 0;
        return (dir === "asc" ? c : -c) || byCode(a, b);
      })
      .map((r) => r.code);
  }

  it.each([
    ["commitment", (r: Row) => r.commitmentMinor],
    ["disbursed", share],
    ["closing", closing],
    ["rating", rank],
  ] as const)("by %s, both directions", async (sort, key) => {
    for (const dir of ["asc", "desc"] as const) {
      expect(await codesOf(admin, q({ sort, dir })), `${sort} ${dir}`).toEqual(expectedOrder(key, dir));
    }
  });

  it("by code and by name", async () => {
    expect(await codesOf(admin, q({ sort: "code", dir: "desc" }))).toEqual(
      visibleTo(admin, rows)
        .sort(byCode)
        .reverse()
        .map((r) => r.code),
    );
    const byName = await listProjects({ actor: admin, query: q({ sort: "name" }), pageSize: 1000 });
    const names = byName.projects.map((p) => p.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en", { numeric: true, sensitivity: "base" })));
  });
});

describe("pagination", () => {
  it("pages are consecutive slices of the sorted list, and an out-of-range page shows the last one", async () => {
    const all = await codesOf(admin, q({ sort: "commitment", dir: "desc" }));
    const pageSize = 5;
    const pages = Math.ceil(all.length / pageSize);
    expect(pages).toBeGreaterThan(2);
    const seen: string[] = [];
    for (let page = 1; page <= pages; page++) {
      const result = await listProjects({
        actor: admin,
        query: q({ sort: "commitment", dir: "desc", page: String(page) }),
        pageSize,
      });
      expect(result).toMatchObject({ total: all.length, pages, page });
      seen.push(...result.projects.map((p) => p.code));
    }
    expect(seen).toEqual(all);
    const beyond = await listProjects({ actor: admin, query: q({ page: "999" }), pageSize });
    expect(beyond.page).toBe(pages);
  });
});

describe("archived projects", () => {
  it("are hidden unless a manager or admin asks for them with ?archived=1", async () => {
    const target = rows.find((r) => r.code === "P199915")!;
    await db.project.update({ where: { id: target.id }, data: { archivedAt: new Date() } });
    try {
      expect(await codesOf(wbManager, q())).not.toContain("P199915");
      expect(await codesOf(wbManager, q({ archived: "1" }))).toContain("P199915");
      expect(await codesOf(admin, q({ archived: "1" }))).toContain("P199915");

      const route = await call(listRoute.loader, { user: wbManager, path: "/projects?archived=1" });
      expect(route.status).toBe(200);
      const officer = await call(listRoute.loader, {
        user: await createActor("OFFICER", { orgKind: "WORLD_BANK" }),
        path: "/projects?archived=1",
      });
      expect(officer.status).toBe(403);
    } finally {
      await db.project.update({ where: { id: target.id }, data: { archivedAt: null } });
    }
  });
});

describe("the /projects loader", () => {
  it("reads filters from the URL and answers with the scoped page", async () => {
    const result = await call(listRoute.loader, {
      user: ifcOfficer,
      path: "/projects?sort=disbursed&dir=desc&status=ACTIVE",
    });
    expect(result.status).toBe(200);
    const data = result.data as Awaited<ReturnType<typeof listRoute.loader>>;
    expect(data.query).toMatchObject({ sort: "disbursed", dir: "desc", status: "ACTIVE", page: 1 });
    expect(data.list.projects.every((p) => p.institution === "IFC" || p.institution === "JOINT")).toBe(true);
    expect(data.list.projects.every((p) => p.status === "ACTIVE")).toBe(true);
    expect(data.canCreate).toBe(false);
  });

  it("sends the agencies' and priority areas' names in the reader's language only", async () => {
    const ministry = await createOrganization({
      kind: "MINISTRY",
      name: "Ministry of Lists",
      nameRu: "Министерство списков",
      nameKk: "Тізімдер министрлігі",
    });
    const project = await createProject({ implementingAgencyId: ministry.id, code: "P990001" });
    const reader = await createActor("OFFICER", { organizationId: ministry.id, locale: "ru" });
    const result = await call(listRoute.loader, { user: reader, path: "/projects" });
    expect(result.status).toBe(200);
    const data = result.data as Awaited<ReturnType<typeof listRoute.loader>>;
    expect(data.list.projects.find((p) => p.code === project.code)?.agency).toBe("Министерство списков");
    expect(data.options.agencies).toContainEqual({ id: ministry.id, name: "Министерство списков" });
    const sent = JSON.stringify(data);
    expect(sent).not.toContain("Ministry of Lists");
    expect(sent).not.toContain("Тізімдер министрлігі");
    expect(sent).not.toContain("nameKk");
  });

  it.each([
    "/projects?sort=bogus",
    "/projects?dir=sideways",
    "/projects?page=0",
    "/projects?page=abc",
    "/projects?status=DONE",
    "/projects?institution=EBRD",
    "/projects?rating=Z",
    "/projects?agency=%27%20OR%201%3D1",
    "/projects?archived=yes",
  ])("rejects %s with 400", async (path) => {
    const result = await call(listRoute.loader, { user: wbManager, path });
    expect(result.status).toBe(400);
  });

  it("sends a visitor without a session to sign in", async () => {
    const result = await call(listRoute.loader, { user: null, path: "/projects?q=road" });
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/login?redirectTo=${encodeURIComponent("/projects?q=road")}`);
  });
});

describe("paging and search in the database", () => {
  it("counts every match, cuts pages at their boundaries and keeps the filters and the search on every page", async () => {
    const every = await codesOf(admin, q({ sort: "code" }));
    for (const pageSize of [1, 4, every.length, every.length + 3]) {
      const pages = Math.max(1, Math.ceil(every.length / pageSize));
      const seen: string[] = [];
      for (let page = 1; page <= pages; page++) {
        const result = await listProjects({ actor: admin, query: q({ sort: "code", page: String(page) }), pageSize });
        expect(result).toMatchObject({ total: every.length, pages, page });
        // Every page is full but the last, which holds the remainder.
        const expectedLength = page < pages ? pageSize : every.length - (pages - 1) * pageSize;
        expect(result.projects).toHaveLength(expectedLength);
        seen.push(...result.projects.map((p) => p.code));
      }
      expect(seen, `page size ${pageSize}`).toEqual(every);
    }

    const roads = await codesOf(wbManager, q({ q: "road", status: "ACTIVE" }));
    expect(roads.length).toBeGreaterThan(1);
    const first = await listProjects({ actor: wbManager, query: q({ q: "road", status: "ACTIVE" }), pageSize: 1 });
    const last = await listProjects({
      actor: wbManager,
      query: q({ q: "road", status: "ACTIVE", page: "999" }),
      pageSize: 1,
    });
    expect(first).toMatchObject({ total: roads.length, pages: roads.length, page: 1 });
    expect(first.projects.map((p) => p.code)).toEqual([roads[0]]);
    expect(last).toMatchObject({ total: roads.length, page: roads.length });
    expect(last.projects.map((p) => p.code)).toEqual([roads[roads.length - 1]]);
  });

  it("finds a name in any script and case, and an empty search result is one empty page", async () => {
    const agency = await createOrganization({ kind: "MINISTRY" });
    const project = await createProject({ name: "Дорожный коридор Алматы", implementingAgencyId: agency.id });
    const officer = await createActor("OFFICER", { organizationId: agency.id });
    expect(await codesOf(officer, q({ q: "ДОРОЖНЫЙ" }))).toEqual([project.code]);
    expect(await codesOf(officer, q({ q: "коридор алматы" }))).toEqual([project.code]);
    expect(await listProjects({ actor: officer, query: q({ q: "мост" }) })).toMatchObject({
      total: 0,
      pages: 1,
      page: 1,
      projects: [],
    });
  });

  it("shows a page's rows with their agency, area and latest rating as a direct query reads them", async () => {
    const result = await listProjects({ actor: admin, query: q({ sort: "rating", dir: "desc" }), pageSize: 3 });
    for (const item of result.projects) {
      const row = rows.find((r) => r.code === item.code);
      expect(row).toBeDefined();
      const latest = row?.ratings[0];
      expect(item.latestRating).toEqual(
        latest
          ? {
              pdo: latest.pdoRating,
              ip: latest.ipRating,
              risk: latest.riskRating,
              ratedOn: latest.ratedOn.toISOString(),
            }
          : null,
      );
      expect(item.commitmentCents).toBe(Number(row?.commitmentMinor));
      expect(item.closingDate).toBe((row?.closingRevisedDate ?? row?.closingOriginalDate)?.toISOString() ?? null);
    }
  });
});

describe("a page of the list kept per state, scope and query", () => {
  it("answers the same page until an audited write, per scope and query, equal to a fresh read", async () => {
    const { insideServerRequest } = await import("../helpers/request");
    const page = (user: Demo, query: ProjectListQuery) =>
      insideServerRequest(() => listProjects({ actor: user, query }));
    // Outside a request of the server the page is read every time: the reference.
    const fresh = (user: Demo, query: ProjectListQuery) => listProjects({ actor: user, query });

    const first = await page(wbManager, q({ sort: "rating", dir: "desc" }));
    expect(await page(wbManager, q({ sort: "rating", dir: "desc" }))).toBe(first);
    expect(first).toEqual(await fresh(wbManager, q({ sort: "rating", dir: "desc" })));
    // Another scope, another query and another page are other pages, each equal to its own fresh read.
    expect(await page(transportOfficer, q({ sort: "rating", dir: "desc" }))).toEqual(
      await fresh(transportOfficer, q({ sort: "rating", dir: "desc" })),
    );
    expect(await page(wbManager, q({ q: "road" }))).toEqual(await fresh(wbManager, q({ q: "road" })));
    expect(await page(admin, q({ page: "2" }))).toEqual(await fresh(admin, q({ page: "2" })));

    // A new rating (an audited write) moves the chain's head: the page is read again and shows it.
    const target = first.projects[first.projects.length - 1];
    expect(target).toBeDefined();
    const author = await db.user.findFirstOrThrow({ where: { role: "MANAGER" } });
    await createRating(target?.id ?? "", author.id, { ratedOn: day("2026-11-30"), pdoRating: "HU", ipRating: "HU" });
    const after = await page(wbManager, q({ sort: "rating", dir: "desc" }));
    expect(after).not.toBe(first);
    expect(after).toEqual(await fresh(wbManager, q({ sort: "rating", dir: "desc" })));
    expect(after.projects[0]?.latestRating).toMatchObject({ pdo: "HU", ip: "HU" });
  });
});
