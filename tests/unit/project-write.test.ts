// Creating, editing and archiving projects through the route actions, as a signed-in user would: validation (400 with
// field errors, nothing written, nothing audited), scope (403/404), optimistic concurrency (409, nothing changed) and
// the audit events of what is written.
import { beforeAll, describe, expect, it } from "vitest";
import type { ActionResult } from "~/lib/action-result";
import { db } from "~/lib/db.server";
import { toProjectFormValues } from "~/models/project/form.server";
import * as editRoute from "~/routes/projects.$projectId.edit";
import * as newRoute from "~/routes/projects.new";
import * as overviewRoute from "~/routes/projects.$projectId._index";
import * as layoutRoute from "~/routes/projects.$projectId";
import type { Organization, PriorityArea } from "~/generated/prisma/client";
import { createActor, createOrganization, createPriorityArea, createProject, createRating } from "../helpers/factories";
import { auditCount, call, editFormOf, projectByCode, type Demo } from "../helpers/project-kit";

let wbManager: Demo;
let admin: Demo;
let ifcManager: Demo;
let transportManager: Demo;
let wbOfficer: Demo;
let validForm: Record<string, string>;
let transport: Organization;
let water: Organization;
let area: PriorityArea;
/** The code of a project that exists before any test runs. */
const TAKEN_CODE = "P511111";

/** A live World Bank project of the transport ministry: in the WB staff's scope, out of IFC's. */
const wbProject = (overrides: Parameters<typeof createProject>[0] = {}) =>
  createProject({ institution: "WB", implementingAgencyId: transport.id, priorityAreaId: area.id, ...overrides });

/** A joint project of the transport ministry: the transport manager's own. */
const jointProject = () =>
  createProject({ institution: "JOINT", implementingAgencyId: transport.id, priorityAreaId: area.id });

beforeAll(async () => {
  transport = await createOrganization({ kind: "MINISTRY" });
  water = await createOrganization({ kind: "MINISTRY" });
  area = await createPriorityArea();
  await createProject({ code: TAKEN_CODE });
  wbManager = await createActor("MANAGER", { orgKind: "WORLD_BANK" });
  admin = await createActor("ADMIN", { orgKind: "WORLD_BANK" });
  ifcManager = await createActor("MANAGER", { orgKind: "IFC" });
  transportManager = await createActor("MANAGER", { organizationId: transport.id });
  wbOfficer = await createActor("OFFICER", { orgKind: "WORLD_BANK" });
  validForm = {
    code: "P512345",
    name: "Kazakhstan Urban Mobility Project",
    description: "Bus rapid transit and safer streets in Almaty and Astana.",
    institution: "WB",
    instrument: "IPF",
    implementingAgencyId: transport.id,
    priorityAreaId: area.id,
    sectorCode: "21020",
    status: "ACTIVE",
    approvalDate: "2026-03-15",
    effectivenessDate: "2026-06-01",
    mtrPlannedDate: "2028-06-30",
    mtrActualDate: "",
    closingOriginalDate: "2031-12-31",
    closingRevisedDate: "",
    commitmentUsd: "250,000,000",
    disbursedUsd: "12500000.50",
    narrative: "Effective in June; procurement of the first BRT corridor under way.",
  };
  // Dozens of audited writes: generous for a machine busy with other work.
}, 60_000);

const create = (user: Demo, form: Record<string, string>) =>
  call(newRoute.action, { user, path: "/projects/new", form });

describe("create (/projects/new)", () => {
  it("a manager creates a project in scope: redirect with a confirmation, row and audit event written", async () => {
    const before = await auditCount();
    const result = await create(wbManager, validForm);
    expect(result.status).toBe(302);
    const project = await projectByCode("P512345");
    expect(result.location).toBe(`/projects/${project.id}`);
    expect(result.setCookie).toContain("qadam_flash");
    expect(project).toMatchObject({
      name: validForm.name,
      institution: "WB",
      commitmentMinor: 25_000_000_000n,
      disbursedMinor: 1_250_000_050n,
      approvalDate: new Date("2026-03-15T00:00:00Z"),
      closingRevisedDate: null,
      version: 1,
    });
    const events = await db.auditEvent.findMany({ where: { seq: { gt: before } } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "project.create",
      entityType: "Project",
      entityId: project.id,
      projectId: project.id,
      actorId: wbManager.id,
    });
    // BigInt money is in the snapshot as a string.
    expect(JSON.parse(events[0].after!)).toMatchObject({ code: "P512345", commitmentMinor: "25000000000" });
  });

  it.each([
    [{ code: "X-1" }, "code", "projects.errors.codePattern"],
    [{ name: "" }, "name", "projects.errors.nameRequired"],
    [{ sectorCode: "2102" }, "sectorCode", "projects.errors.sectorPattern"],
    [{ institution: "EBRD" }, "institution", "projects.errors.institutionRequired"],
    [{ approvalDate: "2026-02-30" }, "approvalDate", "projects.errors.dateInvalid"],
    [{ commitmentUsd: "ten million" }, "commitmentUsd", "projects.errors.moneyInvalid"],
    [{ disbursedUsd: "300000000" }, "disbursedUsd", "projects.errors.disbursedOverCommitment"],
    [{ effectivenessDate: "2026-01-01" }, "effectivenessDate", "projects.errors.effectivenessBeforeApproval"],
    [{ closingRevisedDate: "2030-01-01" }, "closingRevisedDate", "projects.errors.revisedBeforeOriginal"],
    [
      { closingOriginalDate: "", closingRevisedDate: "2032-01-01" },
      "closingOriginalDate",
      "projects.errors.closingOriginalRequired",
    ],
    [{ approvalDate: "", effectivenessDate: "" }, "approvalDate", "projects.errors.approvalRequiredForStatus"],
    [{ code: TAKEN_CODE }, "code", "projects.errors.codeTaken"],
  ])("refuses %j with a field error on %s (400, nothing written or audited)", async (change, field, message) => {
    const before = { projects: await db.project.count(), events: await auditCount() };
    const result = await create(wbManager, { ...validForm, code: "P600001", ...change });
    expect(result.status).toBe(400);
    expect((result.data as { fieldErrors: Record<string, string> }).fieldErrors[field]).toBe(message);
    expect(await db.project.count()).toBe(before.projects);
    expect(await auditCount()).toBe(before.events);
  });

  it("refuses an implementing agency that is not a ministry, and an unknown priority area", async () => {
    const result = await create(wbManager, {
      ...validForm,
      code: "P600002",
      implementingAgencyId: ifcManager.organizationId,
      priorityAreaId: "nope",
    });
    expect(result.status).toBe(400);
    expect((result.data as { fieldErrors: Record<string, string> }).fieldErrors).toMatchObject({
      implementingAgencyId: "projects.errors.agencyInvalid",
      priorityAreaId: "projects.errors.priorityAreaInvalid",
    });
  });

  it("managers create only their own institution's projects; ministry managers none; JOINT only an admin", async () => {
    const before = { projects: await db.project.count(), events: await auditCount() };
    const refused: Array<[Demo, Record<string, string>]> = [
      // An IFC manager cannot create a World Bank project, nor a JOINT one.
      [ifcManager, { code: "P600003" }],
      [ifcManager, { code: "P600013", institution: "JOINT" }],
      // A World Bank manager cannot create an IFC project, nor a JOINT one (issue 10).
      [wbManager, { code: "IFC-WB-TRIES", institution: "IFC", instrument: "IFC Advisory" }],
      [wbManager, { code: "P600014", institution: "JOINT" }],
      // A ministry manager creates no projects, not even for their own ministry (issue 10).
      [transportManager, { code: "P600004" }],
      [transportManager, { code: "P600005", implementingAgencyId: water.id }],
      [transportManager, { code: "P600015", institution: "JOINT" }],
    ];
    for (const [user, change] of refused) {
      const result = await create(user, { ...validForm, ...change });
      expect(result.status, `${user.email} ${JSON.stringify(change)}`).toBe(403);
    }
    expect((await call(newRoute.loader, { user: transportManager, path: "/projects/new" })).status).toBe(403);
    expect(await db.project.count()).toBe(before.projects);
    expect(await auditCount()).toBe(before.events);

    // ...but each may create their own institution's projects, implemented by any ministry; an admin a JOINT one.
    const ifcProject = { ...validForm, code: "IFC-NEW-ADVISORY", institution: "IFC", instrument: "IFC Advisory" };
    expect((await create(ifcManager, ifcProject)).status).toBe(302);
    expect((await create(wbManager, { ...validForm, code: "P600006", implementingAgencyId: water.id })).status).toBe(
      302,
    );
    expect((await create(admin, { ...validForm, code: "P600007", institution: "JOINT" })).status).toBe(302);
  });

  it("the create form offers only the institutions the user may create", async () => {
    const institutionsFor = async (user: Demo) => {
      const loaded = await call(newRoute.loader, { user, path: "/projects/new" });
      return (loaded.data as Awaited<ReturnType<typeof newRoute.loader>>).options.institutions;
    };
    expect(await institutionsFor(wbManager)).toEqual(["WB"]);
    expect(await institutionsFor(ifcManager)).toEqual(["IFC"]);
    expect(await institutionsFor(admin)).toEqual(["WB", "IFC", "JOINT"]);
  });

  it("officers may not create projects (loader and action)", async () => {
    expect((await call(newRoute.loader, { user: wbOfficer, path: "/projects/new" })).status).toBe(403);
    expect((await create(wbOfficer, { ...validForm, code: "P600016" })).status).toBe(403);
    expect(await db.project.findUnique({ where: { code: "P600016" } })).toBeNull();
  });
});

type Conflict = {
  values: Record<string, unknown>;
  changedBy: { name: string }[];
  yours: Record<string, string>;
  merged: Record<string, string>;
  fields: { field: string; outcome: string }[];
};

/** The rich conflict a 409 of the edit form carries (an ActionResult addressed to "save"). */
function conflictOf(data: unknown): Conflict {
  const answer = data as ActionResult<Conflict>;
  if (answer.status !== "conflict") throw new Error(`expected a conflict, got ${JSON.stringify(answer)}`);
  return answer.current;
}

const edit = (user: Demo, projectId: string, form: Record<string, string>) =>
  call(editRoute.action, {
    user,
    path: `/projects/${projectId}/edit`,
    params: { projectId },
    form: { intent: "save", ...form },
  });

describe("edit (/projects/:id/edit)", () => {
  it("saves on top of the current version: redirect, version bumped, audited with before and after", async () => {
    // US$ 2 billion committed, so a US$ 1 billion disbursement is within it.
    const project = await wbProject({ commitmentMinor: 200_000_000_000n });
    const form = await editFormOf(project.id);
    const before = await auditCount();
    const result = await edit(wbManager, project.id, {
      ...form,
      narrative: "Almaty–Khorgos section fully open.",
      disbursedUsd: "1000000000",
    });
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/projects/${project.id}`);
    const after = await projectByCode(project.code);
    expect(after).toMatchObject({
      narrative: "Almaty–Khorgos section fully open.",
      disbursedMinor: 100_000_000_000n,
      version: project.version + 1,
    });
    const events = await db.auditEvent.findMany({ where: { seq: { gt: before } } });
    expect(events.map((e) => e.action)).toEqual(["project.update"]);
    expect(JSON.parse(events[0].before!)).toMatchObject({ narrative: project.narrative, version: project.version });
    expect(JSON.parse(events[0].after!)).toMatchObject({
      narrative: "Almaty–Khorgos section fully open.",
      version: project.version + 1,
    });
  });

  it("a stale version is refused with 409, the current record and what changed; nothing is written", async () => {
    const project = await wbProject();
    const stale = await editFormOf(project.id);
    const { version: _v, ...loaded } = stale;
    // Someone else saves first.
    expect(
      (await edit(admin, project.id, { ...stale, name: "TRACE: Jezkazgan–Karagandy Road", status: "ACTIVE" })).status,
    ).toBe(302);
    const saved = await projectByCode(project.code);
    const events = await auditCount();

    const mine = { ...stale, narrative: "My own narrative.", base: JSON.stringify(loaded) };
    const result = await edit(wbManager, project.id, mine);
    expect(result.status).toBe(409);
    const answer = result.data as ActionResult<Conflict>;
    expect(answer).toMatchObject({ intent: "save", status: "conflict", version: saved.version });
    const conflict = conflictOf(result.data);
    expect(conflict.values).toMatchObject({ name: "TRACE: Jezkazgan–Karagandy Road", version: saved.version });
    expect(conflict.changedBy.map((c) => c.name)).toEqual([admin.name]);
    expect(conflict.yours).toMatchObject({ narrative: "My own narrative.", name: project.name });
    // They changed the name, which this user had not touched: the form takes theirs and keeps this user's narrative.
    expect(conflict.fields).toEqual([{ field: "name", outcome: "theirs" }]);
    expect(conflict.merged).toMatchObject({ name: "TRACE: Jezkazgan–Karagandy Road", narrative: "My own narrative." });
    expect(await projectByCode(project.code)).toEqual(saved);
    expect(await auditCount()).toBe(events);

    // A field both changed is shown side by side and the user's value stays in the form.
    const both = await edit(wbManager, project.id, { ...mine, name: "TRACE road (my name)" });
    expect(both.status).toBe(409);
    const bothConflict = conflictOf(both.data);
    expect(bothConflict.fields).toEqual([{ field: "name", outcome: "both" }]);
    expect(bothConflict.merged.name).toBe("TRACE road (my name)");
    // Without the base the audit log still names the field (and cannot tell whose change it was: "both").
    const noBase = await edit(wbManager, project.id, { ...stale, narrative: "My own narrative." });
    expect(conflictOf(noBase.data).fields).toEqual([{ field: "name", outcome: "both" }]);
    expect(await auditCount()).toBe(events);

    // Saving the merged form on top of the version the 409 named goes through, and keeps both changes.
    const again = await edit(wbManager, project.id, { ...conflict.merged, version: String(saved.version) });
    expect(again.status).toBe(302);
    expect(await projectByCode(project.code)).toMatchObject({
      narrative: "My own narrative.",
      name: "TRACE: Jezkazgan–Karagandy Road",
      version: saved.version + 1,
    });
  });

  it("validation errors are 400 with field errors, and nothing changes", async () => {
    const project = await wbProject();
    const form = await editFormOf(project.id);
    const events = await auditCount();
    const result = await edit(wbManager, project.id, { ...form, code: TAKEN_CODE, commitmentUsd: "-5" });
    expect(result.status).toBe(400);
    expect((result.data as { fieldErrors: Record<string, string> }).fieldErrors).toMatchObject({
      commitmentUsd: "projects.errors.moneyInvalid",
    });
    const taken = await edit(wbManager, project.id, { ...form, code: TAKEN_CODE });
    expect(taken.status).toBe(400);
    expect((taken.data as { fieldErrors: Record<string, string> }).fieldErrors).toEqual({
      code: "projects.errors.codeTaken",
    });
    expect(await projectByCode(project.code)).toEqual(project);
    expect(await auditCount()).toBe(events);
  });

  it("scope: out of scope is 404, an officer is 403, moving a project out of one's own scope is 403", async () => {
    const wbOnly = await wbProject();
    const form = await editFormOf(wbOnly.id);
    expect((await edit(ifcManager, wbOnly.id, form)).status).toBe(404);
    expect(
      (
        await call(editRoute.loader, {
          user: ifcManager,
          path: `/projects/${wbOnly.id}/edit`,
          params: { projectId: wbOnly.id },
        })
      ).status,
    ).toBe(404);
    expect((await edit(wbOfficer, wbOnly.id, form)).status).toBe(403);
    expect((await edit(wbManager, wbOnly.id, { ...form, institution: "IFC" })).status).toBe(403);
    expect(await projectByCode(wbOnly.code)).toEqual(wbOnly);
  });

  it("a malformed project id is 400 and an unknown intent is 400", async () => {
    const bad = await call(editRoute.loader, {
      user: wbManager,
      path: "/projects/x/edit",
      params: { projectId: "a b;c" },
    });
    expect(bad.status).toBe(400);
    const project = await wbProject();
    const result = await call(editRoute.action, {
      user: wbManager,
      path: `/projects/${project.id}/edit`,
      params: { projectId: project.id },
      form: { intent: "delete" },
    });
    expect(result.status).toBe(400);
  });
});

describe("moving a project between institutions or agencies (issue 10): an administrator's, with a reason", () => {
  const unchanged = async (code: string, events: number, project: Awaited<ReturnType<typeof projectByCode>>) => {
    expect(await projectByCode(code)).toEqual(project);
    expect(await auditCount()).toBe(events);
  };

  it("a hand-crafted save that moves the project is 403 for every manager, and nothing is written", async () => {
    const wbOwn = await wbProject({ implementingAgencyId: water.id });
    const joint = await jointProject();
    const events = await auditCount();
    const wbForm = await editFormOf(wbOwn.id);
    const jointForm = await editFormOf(joint.id);
    const attempts: Array<[Demo, string, Record<string, string>]> = [
      // A World Bank manager hands a WB project to IFC, or makes it JOINT.
      [wbManager, wbOwn.id, { ...wbForm, institution: "IFC" }],
      [wbManager, wbOwn.id, { ...wbForm, institution: "JOINT" }],
      // ...or gives it to another ministry.
      [wbManager, wbOwn.id, { ...wbForm, implementingAgencyId: transport.id }],
      // A WB or IFC manager turns a JOINT project into their own institution's alone.
      [wbManager, joint.id, { ...jointForm, institution: "WB" }],
      [ifcManager, joint.id, { ...jointForm, institution: "IFC" }],
      // A ministry manager changes the institution or the agency of a project their ministry implements.
      [transportManager, joint.id, { ...jointForm, institution: "WB" }],
      [transportManager, joint.id, { ...jointForm, institution: "IFC" }],
      [transportManager, joint.id, { ...jointForm, implementingAgencyId: water.id }],
    ];
    for (const [user, projectId, form] of attempts) {
      const result = await edit(user, projectId, { ...form, reassignReason: "Because I can, apparently." });
      expect(result.status, `${user.email} ${form.institution} ${form.implementingAgencyId}`).toBe(403);
    }
    await unchanged(wbOwn.code, events, wbOwn);
    expect(await projectByCode(joint.code)).toEqual(joint);
  });

  it("a ministry manager still edits the projects its ministry implements, with institution and agency locked", async () => {
    const joint = await jointProject();
    const params = { projectId: joint.id };
    const loaded = await call(editRoute.loader, { user: transportManager, path: `/projects/${joint.id}/edit`, params });
    const options = (loaded.data as Awaited<ReturnType<typeof editRoute.loader>>).options;
    expect(options.locked).toBe(true);
    expect(options.institutions).toEqual(["JOINT"]);
    expect(options.agencies.map((a) => a.id)).toEqual([joint.implementingAgencyId]);
    const form = await editFormOf(joint.id);
    expect((await edit(transportManager, joint.id, { ...form, narrative: "Ministry's own update." })).status).toBe(302);
    expect(await projectByCode(joint.code)).toMatchObject({
      narrative: "Ministry's own update.",
      institution: "JOINT",
    });

    const asAdmin = await call(editRoute.loader, { user: admin, path: `/projects/${joint.id}/edit`, params });
    expect((asAdmin.data as Awaited<ReturnType<typeof editRoute.loader>>).options).toMatchObject({
      locked: false,
      institutions: ["WB", "IFC", "JOINT"],
    });
  });

  it("an administrator moves a project only with a reason, which the audit event carries", async () => {
    const project = await wbProject();
    const form = await editFormOf(project.id);
    const events = await auditCount();
    const noReason = await edit(admin, project.id, { ...form, institution: "JOINT" });
    expect(noReason.status).toBe(400);
    expect(noReason.data).toMatchObject({
      intent: "save",
      status: "fieldErrors",
      fieldErrors: { reassignReason: "projects.errors.reassignReasonRequired" },
    });
    await unchanged(project.code, events, project);

    const reason = "Co-financed by IFC from 2027 (board decision of 12 March).";
    const moved = await edit(admin, project.id, { ...form, institution: "JOINT", reassignReason: reason });
    expect(moved.status).toBe(302);
    expect(await projectByCode(project.code)).toMatchObject({ institution: "JOINT", version: project.version + 1 });
    const event = await db.auditEvent.findFirstOrThrow({ where: { seq: { gt: events } } });
    expect(event).toMatchObject({ action: "project.update", entityId: project.id, reason });

    // An edit that moves nothing needs no reason and records none.
    const after = await auditCount();
    const again = await editFormOf(project.id);
    expect((await edit(admin, project.id, { ...again, narrative: "Co-financing agreed." })).status).toBe(302);
    expect(await db.auditEvent.findFirstOrThrow({ where: { seq: { gt: after } } })).toMatchObject({ reason: null });
  });
});

describe("archive", () => {
  const archive = (user: Demo, projectId: string, reason: string) =>
    call(editRoute.action, {
      user,
      path: `/projects/${projectId}/edit`,
      params: { projectId },
      form: { intent: "archive", reason },
    });

  it("needs a reason; then sets archivedAt, bumps the version and audits the reason", async () => {
    const project = await wbProject();
    const events = await auditCount();
    const short = await archive(wbManager, project.id, "dup");
    expect(short.status).toBe(400);
    expect((short.data as { fieldErrors: Record<string, string> }).fieldErrors.reason).toBe(
      "projects.errors.archiveReasonRequired",
    );
    expect(await auditCount()).toBe(events);
    expect((await archive(wbOfficer, project.id, "Not my call to make, really.")).status).toBe(403);

    const result = await archive(wbManager, project.id, "Merged into the Agro-industry programme of 2027.");
    expect(result.status).toBe(302);
    const after = await projectByCode(project.code);
    expect(after.archivedAt).not.toBeNull();
    expect(after.version).toBe(project.version + 1);
    const event = await db.auditEvent.findFirstOrThrow({ where: { seq: { gt: events } } });
    expect(event).toMatchObject({
      action: "project.archive",
      entityId: project.id,
      reason: "Merged into the Agro-industry programme of 2027.",
    });
    expect(JSON.parse(event.before!).archivedAt).toBeNull();

    // Archiving twice is refused (409, a message for the form) without a second event.
    const count = await auditCount();
    const twice = await archive(wbManager, project.id, "Merged into the Agro-industry programme of 2027.");
    expect(twice.status).toBe(409);
    expect(twice.data).toMatchObject({ intent: "archive", status: "refused", messageKey: "projects.archive.already" });
    expect(await auditCount()).toBe(count);

    // An archived project is read-only: an edit form opened before the archive can no longer save.
    const stale = { ...toProjectFormValues({ ...project }) } as Record<string, unknown>;
    const refused = await edit(
      wbManager,
      project.id,
      Object.fromEntries(Object.entries(stale).map(([k, v]) => [k, String(v)])),
    );
    expect(refused.status).toBe(403);
  });

  it("an archived project can be restored with a reason, audited; restoring a live project is refused", async () => {
    const restore = (user: Demo, projectId: string, reason: string) =>
      call(editRoute.action, {
        user,
        path: `/projects/${projectId}/edit`,
        params: { projectId },
        form: { intent: "restore", reason },
      });
    const project = await wbProject();
    const live = await restore(wbManager, project.id, "It was never archived.");
    expect(live.status).toBe(409);
    expect(live.data).toMatchObject({
      intent: "restore",
      status: "refused",
      messageKey: "projects.archive.notArchived",
    });
    expect((await archive(wbManager, project.id, "Paused while the ministry re-scopes it.")).status).toBe(302);
    expect((await restore(wbOfficer, project.id, "Officers cannot restore projects.")).status).toBe(403);

    const events = await auditCount();
    expect((await restore(wbManager, project.id, "The ministry confirmed the scope.")).status).toBe(302);
    const after = await projectByCode(project.code);
    expect(after.archivedAt).toBeNull();
    expect(after.version).toBe(project.version + 2);
    const event = await db.auditEvent.findFirstOrThrow({ where: { seq: { gt: events } } });
    expect(event).toMatchObject({
      action: "project.restore",
      entityId: project.id,
      reason: "The ministry confirmed the scope.",
    });
  });
});

describe("project layout and overview loaders", () => {
  it("answer with the header, the tabs the user may see and the buttons the server would allow", async () => {
    const project = await wbProject();
    await createRating(project.id, wbManager.id, { ratedOn: new Date("2025-06-30T00:00:00Z") });
    await createRating(project.id, wbManager.id, { ratedOn: new Date("2025-12-31T00:00:00Z") });
    const params = { projectId: project.id };
    const asManager = await call(overviewRoute.loader, { user: wbManager, path: `/projects/${project.id}`, params });
    expect(asManager.status).toBe(200);
    const data = asManager.data as Awaited<ReturnType<typeof overviewRoute.loader>>;
    expect(data.can).toEqual({ edit: true, archive: true, rate: true });
    expect(data.overview.financing.commitmentCents).toBe(Number(project.commitmentMinor));
    expect(data.overview.ratings.length).toBe(2);

    const asOfficer = await call(overviewRoute.loader, { user: wbOfficer, path: `/projects/${project.id}`, params });
    expect((asOfficer.data as typeof data).can).toEqual({ edit: false, archive: false, rate: false });
    const layout = await call(layoutRoute.loader, { user: wbOfficer, path: `/projects/${project.id}`, params });
    expect((layout.data as Awaited<ReturnType<typeof layoutRoute.loader>>).showHistory).toBe(false);
    const layoutManager = await call(layoutRoute.loader, { user: wbManager, path: `/projects/${project.id}`, params });
    expect((layoutManager.data as Awaited<ReturnType<typeof layoutRoute.loader>>).showHistory).toBe(true);

    const ifc = await call(overviewRoute.loader, { user: ifcManager, path: `/projects/${project.id}`, params });
    expect(ifc.status).toBe(404);
  });
});
