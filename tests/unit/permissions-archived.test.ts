import { describe, expect, it } from "vitest";
import { decideOnProject, PROJECT_ACTIONS, type Actor, type ProjectAction } from "~/lib/permissions";
import { db } from "~/lib/db.server";
import { loadProjectScope } from "~/lib/permissions.server";

const manager: Actor = { id: "m", role: "MANAGER", organizationId: "wb", organizationKind: "WORLD_BANK" };
const officer: Actor = { id: "o", role: "OFFICER", organizationId: "wb", organizationKind: "WORLD_BANK" };
const admin: Actor = { id: "a", role: "ADMIN", organizationId: "wb", organizationKind: "WORLD_BANK" };
const auditor: Actor = { id: "u", role: "AUDITOR", organizationId: "wb", organizationKind: "WORLD_BANK" };
const live = { institution: "WB" as const, implementingAgencyId: "mot", isMember: true };
const archived = { ...live, archived: true };

/** Reading and restoring: everything else waits until the project is restored. */
const STILL_ALLOWED: ProjectAction[] = [
  "project.view",
  "report.print",
  "history.view",
  "project.archive",
  "evidence.download",
];

describe("an archived project is read-only", () => {
  for (const actor of [manager, officer, admin, auditor]) {
    for (const action of PROJECT_ACTIONS) {
      it(`${actor.role} ${action}`, () => {
        const onLive = decideOnProject(actor, action, live);
        const onArchived = decideOnProject(actor, action, archived);
        expect(onArchived).toBe(STILL_ALLOWED.includes(action) ? onLive : "forbidden");
      });
    }
  }

  it("out of scope stays not-found (archiving reveals nothing)", () => {
    const ifcManager: Actor = { id: "i", role: "MANAGER", organizationId: "ifc", organizationKind: "IFC" };
    expect(decideOnProject(ifcManager, "milestoneUpdate.submit", archived)).toBe("not-found");
  });

  it("the loaded scope carries the archive flag", async () => {
    const org = await db.organization.create({ data: { code: "T-MOT", name: "Test ministry", kind: "MINISTRY" } });
    const framework = await db.framework.create({
      data: {
        code: "T-CPF",
        name: "Test CPF",
        startDate: new Date("2026-01-01"),
        endDate: new Date("2031-12-31"),
        annualEnvelopeMinor: 100n,
      },
    });
    const area = await db.priorityArea.create({ data: { frameworkId: framework.id, code: "PA1", name: "Area" } });
    const project = await db.project.create({
      data: {
        code: "P900001",
        name: "Archived test project",
        institution: "WB",
        instrument: "IPF",
        implementingAgencyId: org.id,
        priorityAreaId: area.id,
        sectorCode: "21020",
        status: "ACTIVE",
        archivedAt: new Date(),
      },
    });
    const scope = await loadProjectScope(manager, project.id);
    expect(scope?.archived).toBe(true);
    expect(decideOnProject(manager, "milestone.create", scope!)).toBe("forbidden");
  });
});
