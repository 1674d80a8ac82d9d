// The reads every signed-in page pays for, done in plain SQL (lib/sql.server.ts) rather than through Prisma: the
// project scope they use agrees with the permission rule, the session carries the same user as the database, the
// notification bell counts exactly what the inbox lists as unread, and the read connection sees every commit at once.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { canViewProject, ORGANIZATION_KINDS, ROLES, type Actor } from "~/lib/permissions";
import { projectScopeSql } from "~/lib/permissions.server";
import { validateRequestSession } from "~/lib/session.server";
import { cell, readRows } from "~/lib/sql.server";
import { stateKey } from "~/lib/state-cache.server";
import { countUnread, listNotifications } from "~/models/notify/inbox.server";
import type { Organization, Project } from "~/generated/prisma/client";
import { createActor, createOrganization, createProject } from "../helpers/factories";

let ministry: Organization;
let otherMinistry: Organization;
let projects: Project[];

beforeAll(async () => {
  ministry = await createOrganization({ kind: "MINISTRY" });
  otherMinistry = await createOrganization({ kind: "MINISTRY" });
  projects = [];
  for (const institution of ["WB", "IFC", "JOINT"] as const) {
    for (const agency of [ministry, otherMinistry]) {
      projects.push(await createProject({ institution, implementingAgencyId: agency.id }));
    }
  }
});

const actorOf = (role: Actor["role"], organizationKind: Actor["organizationKind"]): Actor => ({
  id: "someone",
  role,
  organizationKind,
  organizationId: organizationKind === "MINISTRY" ? ministry.id : "some-bank",
});

describe("projectScopeSql", () => {
  it("selects exactly the projects canViewProject lets each role and organisation kind see", async () => {
    for (const role of ROLES) {
      for (const kind of ORGANIZATION_KINDS) {
        const actor = actorOf(role, kind);
        const scope = projectScopeSql(actor, "p");
        const rows = await readRows(`SELECT p.id FROM "Project" p WHERE ${scope.sql}`, scope.args);
        const seen = new Set(rows.map((row) => cell.text(row, "id")));
        for (const project of projects) {
          expect(seen.has(project.id), `${role} ${kind} ${project.institution}`).toBe(canViewProject(actor, project));
        }
      }
    }
  });
});

describe("the session read", () => {
  it("gives the user, role and organisation as they are stored", async () => {
    const officer = await createActor("OFFICER", { organizationId: ministry.id, locale: "ru" });
    const request = new Request("http://qadam.test/", { headers: { Cookie: officer.cookie } });
    const session = await validateRequestSession(request);
    expect(session?.user).toEqual({
      id: officer.id,
      email: officer.email,
      name: officer.name,
      role: "OFFICER",
      organizationId: ministry.id,
      organizationKind: "MINISTRY",
      organizationName: ministry.name,
      organizationNameRu: ministry.nameRu,
      organizationNameKk: ministry.nameKk,
      locale: "ru",
      mustChangePassword: false,
      hasUnreadNotifications: false,
    });
  });

  it("refuses a deactivated user's session", async () => {
    const manager = await createActor("MANAGER");
    await db.user.update({ where: { id: manager.id }, data: { active: false } });
    const request = new Request("http://qadam.test/", { headers: { Cookie: manager.cookie } });
    expect(await validateRequestSession(request)).toBeNull();
  });
});

describe("the notification bell", () => {
  it("counts the unread notifications the inbox lists, and nothing out of scope, archived, read or someone else's", async () => {
    const officer = await createActor("OFFICER", { organizationId: ministry.id });
    const own = projects.filter((p) => p.implementingAgencyId === ministry.id);
    const foreign = projects.find((p) => p.implementingAgencyId === otherMinistry.id);
    const archived = await createProject({ implementingAgencyId: ministry.id, archivedAt: new Date() });
    const stranger = await createActor("OFFICER", { organizationId: ministry.id });
    let n = 0;
    const notify = (userId: string, projectId: string | null, read = false) =>
      db.notification.create({
        data: {
          userId,
          kind: "returned",
          projectId,
          subject: "Subject",
          link: "/",
          key: `hot-reads-${n++}`,
          readAt: read ? new Date() : null,
        },
      });
    await notify(officer.id, own[0].id);
    await notify(officer.id, own[1].id);
    await notify(officer.id, null);
    await notify(officer.id, own[0].id, true);
    await notify(officer.id, foreign?.id ?? null);
    await notify(officer.id, archived.id);
    await notify(stranger.id, own[0].id);

    const unreadListed = (await listNotifications(officer)).filter((item) => !item.read).length;
    expect(await countUnread(officer)).toBe(3);
    expect(unreadListed).toBe(3);
  });

  it("is read with the session whether anything is unread: the root counts only then (the count is never more)", async () => {
    const officer = await createActor("OFFICER", { organizationId: ministry.id });
    const sessionUser = async () =>
      (await validateRequestSession(new Request("http://qadam.test/", { headers: { Cookie: officer.cookie } })))?.user;
    expect((await sessionUser())?.hasUnreadNotifications).toBe(false);
    expect(await countUnread(officer)).toBe(0);
    // Read, or out of the officer's scope: something is unread, yet nothing the bell may count.
    const foreign = projects.find((p) => p.implementingAgencyId === otherMinistry.id);
    await db.notification.create({
      data: {
        userId: officer.id,
        kind: "returned",
        projectId: foreign?.id ?? null,
        subject: "S",
        link: "/",
        key: "x1",
      },
    });
    expect((await sessionUser())?.hasUnreadNotifications).toBe(true);
    expect(await countUnread(officer)).toBe(foreign ? 0 : 1);
    await db.notification.updateMany({ where: { userId: officer.id }, data: { readAt: new Date() } });
    expect((await sessionUser())?.hasUnreadNotifications).toBe(false);
  });
});

describe("the read connection", () => {
  it("sees a write committed through Prisma at once (the portfolio cache's key moves with the audit chain)", async () => {
    const before = await stateKey();
    await createOrganization();
    const after = await stateKey();
    expect(after).not.toBe(before);
    const head = await db.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
    expect(after).toBe(`${head?.seq}:${head?.hash}`);
  });
});
