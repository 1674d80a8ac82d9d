// Project teams: only admins manage them; only people who could see the project may join; removals are checked
// against the project in the URL; every change is audited.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { canViewProject } from "~/lib/permissions";
import { listMemberCandidates, viewerWhereForProject } from "~/models/membership.server";
import * as teamRoute from "~/routes/projects.$projectId.team";
import type { Project } from "~/generated/prisma/client";
import { addMember, createActor, createOrganization, createProject } from "../helpers/factories";
import { auditCount, call, type Demo } from "../helpers/project-kit";

let admin: Demo;
let wbManager: Demo;
let wbOfficer: Demo;
let auditor: Demo;
let ifcOfficer: Demo;
let waterOfficer: Demo;
let transportOfficer: Demo;
/** A World Bank project of the digital ministry, led by the WB manager. */
let digital: Project;
/** A World Bank project of the transport ministry, with the transport officer on its team. */
let roads: Project;
/** A third World Bank project. */
let green: Project;

beforeAll(async () => {
  const digitalMinistry = await createOrganization({ kind: "MINISTRY" });
  const transportMinistry = await createOrganization({ kind: "MINISTRY" });
  const waterMinistry = await createOrganization({ kind: "MINISTRY" });
  admin = await createActor("ADMIN", { orgKind: "WORLD_BANK" });
  wbManager = await createActor("MANAGER", { orgKind: "WORLD_BANK" });
  wbOfficer = await createActor("OFFICER", { orgKind: "WORLD_BANK" });
  auditor = await createActor("AUDITOR", { orgKind: "WORLD_BANK" });
  ifcOfficer = await createActor("OFFICER", { orgKind: "IFC" });
  waterOfficer = await createActor("OFFICER", { organizationId: waterMinistry.id });
  transportOfficer = await createActor("OFFICER", { organizationId: transportMinistry.id });
  digital = await createProject({ institution: "WB", implementingAgencyId: digitalMinistry.id });
  await addMember(digital.id, wbManager.id, "TASK_TEAM_LEADER");
  roads = await createProject({ institution: "WB", implementingAgencyId: transportMinistry.id });
  await addMember(roads.id, wbManager.id, "TASK_TEAM_LEADER");
  await addMember(roads.id, transportOfficer.id, "FOCAL_POINT");
  green = await createProject({ institution: "WB" });
  // Dozens of audited writes: generous for a machine busy with other work.
}, 60_000);

const post = (user: Demo, projectId: string, form: Record<string, string>) =>
  call(teamRoute.action, { user, path: `/projects/${projectId}/team`, params: { projectId }, form });

describe("adding members", () => {
  it("refuses people who could not see the project, with a field error and no write", async () => {
    // A World Bank project of the digital ministry: neither IFC staff nor the water ministry can see it.
    const project = digital;
    const before = { members: await db.projectMember.count(), events: await auditCount() };
    for (const user of [ifcOfficer, waterOfficer]) {
      const result = await post(admin, project.id, { intent: "add", userId: user.id, capacity: "PROJECT_OFFICER" });
      expect(result.status, user.email).toBe(400);
      expect((result.data as { fieldErrors: Record<string, string> }).fieldErrors).toEqual({
        userId: "projects.team.errors.userCannotSee",
      });
    }
    const unknown = await post(admin, project.id, { intent: "add", userId: "nobody", capacity: "PROJECT_OFFICER" });
    expect((unknown.data as { fieldErrors: Record<string, string> }).fieldErrors).toEqual({
      userId: "projects.team.errors.userUnknown",
    });
    const badCapacity = await post(admin, project.id, { intent: "add", userId: ifcOfficer.id, capacity: "BOSS" });
    expect((badCapacity.data as { fieldErrors: Record<string, string> }).fieldErrors).toEqual({
      capacity: "projects.team.errors.capacityRequired",
    });
    expect(await db.projectMember.count()).toBe(before.members);
    expect(await auditCount()).toBe(before.events);
  });

  it("offers as candidates exactly the active users who could see the project and are not on it", async () => {
    const project = digital;
    const { candidates, total } = await listMemberCandidates({ projectId: project.id, project });
    const emails = candidates.map((c) => c.email).sort();
    expect(emails).toEqual([admin.email, auditor.email, wbOfficer.email].sort());
    expect(total).toBe(3);
  });

  it("offers at most `limit` people by name with the total, and a search narrows them by name or e-mail", async () => {
    const project = digital;
    const capped = await listMemberCandidates({ projectId: project.id, project, limit: 2 });
    expect(capped.candidates).toHaveLength(2);
    expect(capped.total).toBe(3);
    const names = [admin, auditor, wbOfficer].map((u) => u.name).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(capped.candidates.map((c) => c.name)).toEqual(names.slice(0, 2));
    const byEmail = await listMemberCandidates({
      projectId: project.id,
      project,
      search: wbOfficer.email.toUpperCase(),
    });
    expect(byEmail).toMatchObject({ total: 1, candidates: [{ email: wbOfficer.email }] });
    await db.user.update({ where: { id: auditor.id }, data: { name: "Saule Zhakupova" } });
    const byName = await listMemberCandidates({ projectId: project.id, project, search: "zhakup" });
    expect(byName.candidates.map((c) => c.email)).toEqual([auditor.email]);
    // Someone who could not see the project is not found by searching for them either.
    const hidden = await listMemberCandidates({ projectId: project.id, project, search: ifcOfficer.email });
    expect(hidden).toEqual({ candidates: [], total: 0 });
  });

  it("the candidates' query agrees with canViewProject for every user and kind of project", async () => {
    const ifcProject = await createProject({ institution: "IFC" });
    const joint = await createProject({ institution: "JOINT" });
    const users = [admin, wbManager, wbOfficer, auditor, ifcOfficer, waterOfficer, transportOfficer];
    for (const project of [digital, roads, green, ifcProject, joint]) {
      const seen = await db.user.findMany({
        where: { AND: [{ id: { in: users.map((u) => u.id) } }, viewerWhereForProject(project)] },
        select: { id: true },
      });
      const expected = users.filter((u) => canViewProject(u, { ...project, archived: false })).map((u) => u.id);
      expect(seen.map((u) => u.id).sort(), project.institution).toEqual(expected.sort());
    }
  });

  it("an admin adds a member who can see the project: audited; adding them twice is a field error", async () => {
    const project = digital;
    const events = await auditCount();
    const result = await post(admin, project.id, { intent: "add", userId: wbOfficer.id, capacity: "PROJECT_OFFICER" });
    expect(result.status).toBe(302);
    const member = await db.projectMember.findUniqueOrThrow({
      where: { projectId_userId: { projectId: project.id, userId: wbOfficer.id } },
    });
    expect(member.capacity).toBe("PROJECT_OFFICER");
    const event = await db.auditEvent.findFirstOrThrow({ where: { seq: { gt: events } } });
    expect(event).toMatchObject({
      action: "member.add",
      entityType: "ProjectMember",
      entityId: member.id,
      projectId: project.id,
      actorId: admin.id,
    });

    const twice = await post(admin, project.id, { intent: "add", userId: wbOfficer.id, capacity: "REVIEWER" });
    expect(twice.status).toBe(400);
    expect(twice.data).toMatchObject({ intent: "add", status: "fieldErrors" });
    expect((twice.data as { fieldErrors: Record<string, string> }).fieldErrors).toEqual({
      userId: "projects.team.errors.alreadyMember",
    });
  });

  it("two concurrent adds of the same person: one joins, the other gets the alreadyMember field error (no 500)", async () => {
    const project = digital;
    const events = await auditCount();
    const results = await Promise.all([
      post(admin, project.id, { intent: "add", userId: auditor.id, capacity: "REVIEWER" }),
      post(admin, project.id, { intent: "add", userId: auditor.id, capacity: "FOCAL_POINT" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 400]);
    const refused = results.find((r) => r.status === 400)!;
    expect((refused.data as { fieldErrors: Record<string, string> }).fieldErrors).toEqual({
      userId: "projects.team.errors.alreadyMember",
    });
    expect(await db.projectMember.count({ where: { projectId: project.id, userId: auditor.id } })).toBe(1);
    expect(await auditCount()).toBe(events + 1);
  });

  it("a membership another process committed after our check is the alreadyMember field error, not a 500", async () => {
    // Another app instance (another process, which the in-process transaction queue does not serialise) adds the
    // person between our "already a member?" read and our insert: our read sees nothing, the insert hits the
    // unique index. Simulated by letting the transaction's read miss the row that is really there.
    const project = digital;
    const viewer = wbManager;
    await db.projectMember.upsert({
      where: { projectId_userId: { projectId: project.id, userId: viewer.id } },
      create: { projectId: project.id, userId: viewer.id, capacity: "REVIEWER" },
      update: {},
    });
    const events = await auditCount();
    type Work = (tx: unknown) => Promise<unknown>;
    const original: unknown = db.$transaction;
    const realTransaction = (db.$transaction as (work: Work) => Promise<unknown>).bind(db);
    const staleReads = (tx: object) => {
      const members = (tx as typeof db).projectMember;
      const stale = new Proxy(members, {
        get: (target, key, receiver) =>
          key === "findUnique" || key === "findFirst"
            ? () => Promise.resolve(null)
            : Reflect.get(target, key, receiver),
      });
      return new Proxy(tx, { get: (t, k, r) => (k === "projectMember" ? stale : Reflect.get(t, k, r)) });
    };
    Object.defineProperty(db, "$transaction", {
      configurable: true,
      writable: true,
      value: (work: Work) => realTransaction((tx) => work(staleReads(tx as object))),
    });
    try {
      const result = await post(admin, project.id, { intent: "add", userId: viewer.id, capacity: "FOCAL_POINT" });
      expect(result.status).toBe(400);
      expect((result.data as { fieldErrors: Record<string, string> }).fieldErrors).toEqual({
        userId: "projects.team.errors.alreadyMember",
      });
    } finally {
      Object.defineProperty(db, "$transaction", { configurable: true, writable: true, value: original });
    }
    expect(await db.projectMember.count({ where: { projectId: project.id, userId: viewer.id } })).toBe(1);
    expect(await auditCount()).toBe(events);
  });

  it("managers and officers cannot change the team (403), and out of scope is 404", async () => {
    const project = roads;
    expect(
      (await post(wbManager, project.id, { intent: "add", userId: transportOfficer.id, capacity: "REVIEWER" })).status,
    ).toBe(403);
    expect((await post(transportOfficer, project.id, { intent: "remove", memberId: "x" })).status).toBe(403);
    expect(
      (await post(ifcOfficer, project.id, { intent: "add", userId: ifcOfficer.id, capacity: "REVIEWER" })).status,
    ).toBe(404);
    const loaded = await call(teamRoute.loader, {
      user: wbManager,
      path: `/projects/${project.id}/team`,
      params: { projectId: project.id },
    });
    expect((loaded.data as { canManage: boolean }).canManage).toBe(false);
    // Nobody is offered to those who cannot add anyone (no picker, no count of the people who could join).
    expect((loaded.data as { offer: unknown }).offer).toBeNull();
  });
});

describe("removing members", () => {
  it("a member of another project cannot be removed through this project's URL (404), nothing changes", async () => {
    const here = green;
    const elsewhere = await db.projectMember.findFirstOrThrow({ where: { projectId: roads.id } });
    const events = await auditCount();
    const result = await post(admin, here.id, { intent: "remove", memberId: elsewhere.id });
    expect(result.status).toBe(404);
    expect(await db.projectMember.findUnique({ where: { id: elsewhere.id } })).not.toBeNull();
    expect(await auditCount()).toBe(events);
  });

  it("an admin removes a member: gone, audited with the before snapshot", async () => {
    const project = roads;
    const member = await db.projectMember.findFirstOrThrow({
      where: { projectId: project.id, userId: transportOfficer.id },
    });
    const events = await auditCount();
    const result = await post(admin, project.id, { intent: "remove", memberId: member.id });
    expect(result.status).toBe(302);
    expect(await db.projectMember.findUnique({ where: { id: member.id } })).toBeNull();
    const event = await db.auditEvent.findFirstOrThrow({ where: { seq: { gt: events } } });
    expect(event).toMatchObject({ action: "member.remove", entityId: member.id, projectId: project.id });
    expect(JSON.parse(event.before!)).toMatchObject({ userId: transportOfficer.id, capacity: member.capacity });
  });
});
