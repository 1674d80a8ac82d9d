// The demo seed against a real, freshly migrated SQLite file: the portfolio reproduces the CPF's public figures,
// every demo account works, memberships respect visibility, there is review work waiting, and the audit chain verifies.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client";
import { verifyChain } from "~/lib/audit-chain.server";
import { createDb } from "~/lib/db.server";
import { verifyPassword } from "~/lib/password.server";
import { canViewProject, type Actor } from "~/lib/permissions";
import {
  CPF_RESULT_CODES,
  isDatabaseEmpty,
  SEED_DISCLAIMER,
  SEED_TODAY,
  seedDatabase,
  type SeedSummary,
} from "../../prisma/seed";

let db: PrismaClient;
let summary: SeedSummary;
let seedMs = 0;

beforeAll(async () => {
  db = createDb(process.env.DATABASE_URL!);
  expect(await isDatabaseEmpty(db)).toBe(true);
  const started = performance.now();
  summary = await seedDatabase(db);
  seedMs = performance.now() - started;
}, 60_000);

afterAll(async () => {
  await db?.$disconnect();
});

/** The CPF figure for a result code: each indicator's latest VERIFIED value, summed over the projects that carry it. */
async function cpfResult(code: string): Promise<{ total: number; projects: string[] }> {
  const indicators = await db.indicator.findMany({
    where: { code },
    select: {
      project: { select: { code: true } },
      values: { where: { state: "VERIFIED" }, orderBy: [{ periodEnd: "desc" }, { submittedAt: "desc" }], take: 1 },
    },
  });
  return {
    total: indicators.reduce((sum, i) => sum + (i.values[0]?.value ?? 0), 0),
    projects: indicators.map((i) => i.project.code).sort(),
  };
}

describe("seed portfolio", () => {
  it("runs in a few seconds and reports what it wrote", async () => {
    expect(seedMs).toBeLessThan(30_000);
    expect(summary.organizations).toBe(await db.organization.count());
    expect(summary.users).toBe(await db.user.count());
    expect(summary.projects).toBe(await db.project.count());
    expect(summary.milestones).toBe(await db.milestone.count());
    expect(summary.indicators).toBe(await db.indicator.count());
    expect(await isDatabaseEmpty(db)).toBe(false);
  });

  it("has the 14 projects of CPF 2020–2025 adding up to exactly $4.2 billion", async () => {
    const framework = await db.framework.findUniqueOrThrow({ where: { code: "CPF-2020-2025" } });
    expect(framework.description).toContain(SEED_DISCLAIMER);
    const projects = await db.project.findMany({ where: { priorityArea: { frameworkId: framework.id } } });
    expect(projects).toHaveLength(14);
    const total = projects.reduce((sum, p) => sum + p.commitmentMinor, 0n);
    expect(total).toBe(420_000_000_000n);
    for (const code of ["P099270", "P128050", "P086592", "P150402", "P147705", "P150183", "P152625", "P143274"]) {
      expect(projects.map((p) => p.code)).toContain(code);
    }
    const byCode = new Map(projects.map((p) => [p.code, p]));
    expect(byCode.get("P099270")!.commitmentMinor).toBe(212_500_000_000n);
    expect(byCode.get("P128050")!.commitmentMinor).toBe(106_800_000_000n);
    expect(byCode.get("P500565")!.commitmentMinor).toBe(65_000_000_000n);
    expect(byCode.get("P170365")!.status).toBe("CANCELLED");
    expect(byCode.get("P128050")!.closingRevisedDate).toEqual(new Date("2026-12-31T00:00:00Z"));
    expect(projects.filter((p) => p.status === "ACTIVE").length).toBeGreaterThanOrEqual(4);
    for (const p of projects) expect(p.disbursedMinor).toBeLessThanOrEqual(p.commitmentMinor);
  });

  it("reproduces the results CPF 2020–2025 reported from the latest verified indicator values", async () => {
    const expected: [string, number, string[]][] = [
      [CPF_RESULT_CODES.waterUsers, 94_000, ["P086592"]],
      [CPF_RESULT_CODES.enterprisesSupported, 1_040, ["P147705", "P150402"]],
      [CPF_RESULT_CODES.startupsSupported, 175, ["P150402"]],
      [CPF_RESULT_CODES.startupSales, 41, ["P150402"]],
      [CPF_RESULT_CODES.startupInvestment, 16, ["P150402"]],
      [CPF_RESULT_CODES.travelTimeChange, -66, ["P099270"]],
      [CPF_RESULT_CODES.transportCostChange, -35, ["P099270"]],
      [CPF_RESULT_CODES.permanentJobs, 1_200, ["P099270", "P128050"]],
      [CPF_RESULT_CODES.peopleConnected, 5.2, ["P099270"]],
    ];
    for (const [code, figure, projects] of expected) {
      const result = await cpfResult(code);
      expect({ code, ...result }).toEqual({ code, total: figure, projects });
    }
    expect((await cpfResult(CPF_RESULT_CODES.enterprisesSupported)).total).toBeGreaterThanOrEqual(1_000);

    // Travel time and transport costs are percentage changes, where lower is better.
    const travel = await db.indicator.findFirstOrThrow({ where: { code: CPF_RESULT_CODES.travelTimeChange } });
    expect(travel).toMatchObject({ measure: "PERCENTAGE", ascending: false, baselineValue: 0 });
    const cost = await db.indicator.findFirstOrThrow({ where: { code: CPF_RESULT_CODES.transportCostChange } });
    expect(cost).toMatchObject({ measure: "PERCENTAGE", ascending: false, baselineValue: 0 });
    const sales = await db.indicator.findFirstOrThrow({ where: { code: CPF_RESULT_CODES.startupSales } });
    expect(sales.unit).toBe("USD million");
  });

  it("keeps formally revised targets with the original value", async () => {
    const water = await db.indicator.findFirstOrThrow({ where: { code: CPF_RESULT_CODES.waterUsers } });
    expect(water).toMatchObject({ targetValue: 94_000, originalTargetValue: 110_000 });
    expect(water.targetRevisedOn).not.toBeNull();
    expect(water.targetRevisionNote).toBeTruthy();
    expect(await db.indicatorTarget.count({ where: { indicatorId: water.id } })).toBeGreaterThan(0);
  });

  it("has the six priority areas of CPF 2026–2031 and the IFC Almaty bypass in the pipeline", async () => {
    const framework = await db.framework.findUniqueOrThrow({
      where: { code: "CPF-2026-2031" },
      include: { priorityAreas: { orderBy: { sortOrder: "asc" } } },
    });
    expect(framework.annualEnvelopeMinor).toBe(100_000_000_000n);
    expect(framework.priorityAreas.map((a) => a.code)).toEqual(["PA1", "PA2", "PA3", "PA4", "PA5", "PA6"]);
    expect(framework.priorityAreas.map((a) => a.name.toLowerCase())).toEqual([
      "transport and digital connectivity",
      "climate action and green transition",
      "modernisation of water and energy services",
      "financial market development",
      "private investment and competitiveness",
      "expansion of renewable energy",
    ]);
    const bypass = await db.project.findFirstOrThrow({
      where: { name: { contains: "Almaty" }, priorityArea: { frameworkId: framework.id } },
      include: { implementingAgency: true },
    });
    expect(bypass).toMatchObject({
      institution: "IFC",
      instrument: "IFC Advisory",
      status: "PIPELINE",
      sectorCode: "21030",
    });
    expect(bypass.implementingAgency.code).toBe("MOT");
    expect(bypass.commitmentMinor).toBe(5_000_000_000n);
    const pipeline = await db.project.findMany({ where: { priorityArea: { frameworkId: framework.id } } });
    expect(pipeline.every((p) => p.status === "PIPELINE")).toBe(true);
    const areasCovered = new Set(pipeline.map((p) => p.priorityAreaId));
    expect(areasCovered.size).toBe(6);
  });

  it("names every organisation, framework and priority area in Russian and Kazakh as well", async () => {
    const rows = [
      ...(await db.organization.findMany()),
      ...(await db.framework.findMany()),
      ...(await db.priorityArea.findMany()),
    ];
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) {
      expect(row.nameRu, row.name).toMatch(/[А-Яа-яЁё]/);
      expect(row.nameKk, row.name).toMatch(/[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]/);
      expect(row.nameRu, row.name).not.toBe(row.nameKk);
    }
    const transport = await db.organization.findUniqueOrThrow({ where: { code: "MOT" } });
    expect(transport.nameRu).toBe("Министерство транспорта");
    expect(transport.nameKk).toBe("Көлік министрлігі");
  });

  it("rates projects over time, with P086592's MU/MU of October 2019 and at least one latest rating of MU or worse", async () => {
    const irrigation = await db.project.findUniqueOrThrow({
      where: { code: "P086592" },
      include: { ratings: { orderBy: { ratedOn: "asc" } } },
    });
    expect(irrigation.ratings[0]).toMatchObject({ pdoRating: "MU", ipRating: "MU", riskRating: "S" });
    expect(irrigation.ratings[0].ratedOn.toISOString().slice(0, 7)).toBe("2019-10");

    const rated = await db.project.findMany({
      where: { status: { in: ["ACTIVE", "CLOSED"] } },
      include: { ratings: { orderBy: { ratedOn: "desc" } }, milestones: true },
    });
    const worst = new Set(["MU", "U", "HU"]);
    expect(rated.some((p) => worst.has(p.ratings[0]?.pdoRating) && p.status === "ACTIVE")).toBe(true);
    for (const p of rated) {
      expect(p.ratings.length, p.code).toBeGreaterThanOrEqual(2);
      expect(p.ratings.length, p.code).toBeLessThanOrEqual(4);
      expect(p.milestones.length, p.code).toBeGreaterThanOrEqual(3);
      expect(p.milestones.length, p.code).toBeLessThanOrEqual(6);
    }
  });

  it("has milestones that slipped, in every status, with completion dates for completed ones", async () => {
    const milestones = await db.milestone.findMany();
    expect(milestones.some((m) => m.currentDueDate > m.baselineDueDate)).toBe(true);
    for (const status of ["NOT_STARTED", "IN_PROGRESS", "COMPLETED", "DELAYED"] as const) {
      expect(
        milestones.some((m) => m.status === status),
        status,
      ).toBe(true);
    }
    for (const m of milestones.filter((m) => m.status === "COMPLETED")) {
      expect(m.completedOn).not.toBeNull();
      expect(m.percentComplete).toBe(100);
    }
  });
});

describe("demo accounts and visibility", () => {
  const DEMO: [string, string, string][] = [
    ["admin@qadam.test", "ADMIN", "WB"],
    ["wb.manager@qadam.test", "MANAGER", "WB"],
    ["wb.officer@qadam.test", "OFFICER", "WB"],
    ["ifc.manager@qadam.test", "MANAGER", "IFC"],
    ["ifc.officer@qadam.test", "OFFICER", "IFC"],
    ["transport.manager@qadam.test", "MANAGER", "MOT"],
    ["transport.officer@qadam.test", "OFFICER", "MOT"],
    ["water.officer@qadam.test", "OFFICER", "MWRI"],
    ["auditor@qadam.test", "AUDITOR", "WB"],
  ];

  it("creates the nine demo users with their roles and organisations, all signing in with the demo password", async () => {
    expect(await db.user.count()).toBe(DEMO.length);
    for (const [email, role, org] of DEMO) {
      const user = await db.user.findUniqueOrThrow({ where: { email }, include: { organization: true } });
      expect({ email, role: user.role, org: user.organization.code }).toEqual({ email, role, org });
      expect(user.locale).toBe("en");
      expect(user.active).toBe(true);
      expect(await verifyPassword(user.passwordHash, "qadam-demo-2026")).toBe(true);
      expect(await verifyPassword(user.passwordHash, "wrong-password")).toBe(false);
    }
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@qadam.test" } });
    expect(admin.name).toBe("Aigerim Admin");
    // One hash, reused: hashing once keeps the seed fast.
    expect(new Set((await db.user.findMany()).map((u) => u.passwordHash)).size).toBe(1);
  });

  it("only makes people members of projects they can see", async () => {
    const members = await db.projectMember.findMany({
      include: { user: { include: { organization: true } }, project: true },
    });
    expect(members.length).toBeGreaterThan(0);
    for (const m of members) {
      const actor: Actor = {
        id: m.user.id,
        role: m.user.role,
        organizationId: m.user.organizationId,
        organizationKind: m.user.organization.kind,
      };
      expect(canViewProject(actor, m.project), `${m.user.email} on ${m.project.code}`).toBe(true);
    }
  });

  it("gives every demo officer (and the IFC manager) an active project with milestones and indicators", async () => {
    for (const email of [
      "wb.officer@qadam.test",
      "transport.officer@qadam.test",
      "water.officer@qadam.test",
      "ifc.officer@qadam.test",
      "ifc.manager@qadam.test",
    ]) {
      const active = await db.project.findMany({
        where: {
          status: "ACTIVE",
          members: { some: { user: { email } } },
          milestones: { some: {} },
          indicators: { some: {} },
        },
      });
      expect(active.length, email).toBeGreaterThanOrEqual(1);
    }
    const ifcActive = await db.project.count({
      where: {
        status: "ACTIVE",
        institution: { in: ["IFC", "JOINT"] },
        members: { some: { user: { email: "ifc.officer@qadam.test" } } },
      },
    });
    expect(ifcActive).toBeGreaterThanOrEqual(1);
  });

  it("lets the visibility rules matter: a JOINT project, and the Ministry of Transport implementing WB and IFC/JOINT work", async () => {
    expect(await db.project.count({ where: { institution: "JOINT" } })).toBeGreaterThanOrEqual(1);
    const mot = await db.organization.findUniqueOrThrow({ where: { code: "MOT" } });
    expect(
      await db.project.count({ where: { implementingAgencyId: mot.id, institution: "WB" } }),
    ).toBeGreaterThanOrEqual(2);
    expect(
      await db.project.count({ where: { implementingAgencyId: mot.id, institution: { in: ["IFC", "JOINT"] } } }),
    ).toBeGreaterThanOrEqual(1);
  });
});

describe("work waiting for review", () => {
  it("has submitted milestone updates from wb.officer (2+), transport.officer and water.officer, one returned with a comment", async () => {
    const submittedBy = async (email: string) =>
      db.milestoneUpdate.count({ where: { reviewState: "SUBMITTED", author: { email } } });
    expect(await submittedBy("wb.officer@qadam.test")).toBeGreaterThanOrEqual(2);
    expect(await submittedBy("transport.officer@qadam.test")).toBeGreaterThanOrEqual(1);
    expect(await submittedBy("water.officer@qadam.test")).toBeGreaterThanOrEqual(1);

    const returned = await db.milestoneUpdate.findMany({ where: { reviewState: "RETURNED" } });
    expect(returned.length).toBeGreaterThanOrEqual(1);
    for (const r of returned) expect(r.reviewComment).toBeTruthy();
    expect(await db.milestoneUpdate.count({ where: { reviewState: "APPROVED" } })).toBeGreaterThanOrEqual(5);
  });

  it("has submitted indicator values from transport.officer and water.officer, and a returned one", async () => {
    const submittedBy = async (email: string) =>
      db.indicatorValue.count({ where: { state: "SUBMITTED", reporter: { email } } });
    expect(await submittedBy("transport.officer@qadam.test")).toBeGreaterThanOrEqual(1);
    expect(await submittedBy("water.officer@qadam.test")).toBeGreaterThanOrEqual(1);
    const returned = await db.indicatorValue.findMany({ where: { state: "RETURNED" } });
    expect(returned.length).toBeGreaterThanOrEqual(1);
    for (const r of returned) expect(r.reviewComment).toBeTruthy();
  });

  it("keeps submissions consistent: authors are members, reviewers are other people, nothing is dated after today", async () => {
    const today = new Date(`${SEED_TODAY}T23:59:59Z`);
    const updates = await db.milestoneUpdate.findMany({
      include: { milestone: { include: { project: { include: { members: true } } } } },
    });
    for (const u of updates) {
      expect(u.milestone.project.members.some((m) => m.userId === u.authorId)).toBe(true);
      if (u.reviewState === "SUBMITTED") expect(u.reviewerId).toBeNull();
      else expect(u.reviewerId).not.toBe(u.authorId);
      expect(u.submittedAt <= today && (u.reviewedAt ?? u.submittedAt) <= today).toBe(true);
    }
    const values = await db.indicatorValue.findMany({
      include: { indicator: { include: { project: { include: { members: true } } } } },
    });
    for (const v of values) {
      expect(v.indicator.project.members.some((m) => m.userId === v.reporterId)).toBe(true);
      if (v.state === "SUBMITTED") expect(v.verifierId).toBeNull();
      else expect(v.verifierId).not.toBe(v.reporterId);
      expect(v.submittedAt <= today && (v.reviewedAt ?? v.submittedAt) <= today).toBe(true);
    }
  });
});

describe("audit history of the seed", () => {
  it("verifies as one hash chain with one event per seeded record step", async () => {
    const events = await db.auditEvent.findMany({ orderBy: { seq: "asc" } });
    expect(events.length).toBe(summary.auditEvents);
    const verdict = verifyChain(events);
    expect(verdict).toMatchObject({ ok: true, count: summary.auditEvents });

    const count = (action: string) => events.filter((e) => e.action === action).length;
    expect(count("organization.create")).toBe(summary.organizations);
    expect(count("user.create")).toBe(summary.users);
    expect(count("project.create")).toBe(summary.projects);
    expect(count("milestone.create")).toBe(summary.milestones);
    expect(count("indicator.create")).toBe(summary.indicators);
    expect(count("milestoneUpdate.submit")).toBe(await db.milestoneUpdate.count());
    expect(count("indicatorValue.report")).toBe(await db.indicatorValue.count());
    expect(count("rating.record")).toBe(await db.rating.count());
    expect(count("member.add")).toBe(await db.projectMember.count());
    expect(events.every((e) => e.actorEmail === "system" && e.actorId === null)).toBe(true);
    // Project-scoped events carry their project; password hashes never reach the log.
    expect(events.filter((e) => e.entityType === "Milestone").every((e) => e.projectId !== null)).toBe(true);
    expect(events.some((e) => (e.after ?? "").includes("passwordHash") || (e.after ?? "").includes("$argon2"))).toBe(
      false,
    );
  });
});
