// Every route guards itself as app/lib/route-access.ts says. Each route module's loader and action is called
// directly for every demo user (and for no user), on a project in scope (member and non-member) and out of scope,
// and the HTTP status must match what the permission module decides for the route's ROUTE_ACCESS entry.
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { evidenceStorage } from "~/lib/evidence/storage.server";
import { db } from "~/lib/db.server";
import {
  GLOBAL_ACTIONS,
  PROJECT_ACTIONS,
  canViewProject,
  decideGlobal,
  decideOnProject,
  type Actor,
  type Decision,
  type GlobalAction,
  type ProjectAction,
  type ProjectScope,
} from "~/lib/permissions";
import { ROUTE_ACCESS, type Access } from "~/lib/route-access";
import { createSessionCookie } from "~/lib/session.server";
import { cookiePair } from "../helpers/auth";
import {
  addMember,
  createFramework,
  createIndicator,
  createMilestone,
  createOrganization,
  createProject,
  createUser,
} from "../helpers/factories";
import {
  appFileExists,
  getRequest,
  importRouteModule,
  listRouteFiles,
  outcomeOf,
  postRequest,
  routeParams,
  routeUrlPath,
  type Outcome,
} from "../helpers/route-harness";

type Expected = "login" | "ok" | 403 | 404;

type Subject = Actor & { email: string; cookie: string };

type SeedProject = ProjectScopeBase & {
  id: string;
  code: string;
  memberIds: Set<string>;
  milestoneId: string;
  indicatorId: string;
  evidenceFileId: string;
};
type ProjectScopeBase = Omit<ProjectScope, "isMember">;

/** One (user, project) situation to try a route in. */
type Situation = { user: Subject; project: SeedProject | null; label: string };

/** A stored evidence file of the project (a real file in the test's evidence folder), for its download route. */
async function storeEvidenceFile(projectId: string, uploadedById: string) {
  const folder = await mkdtemp(path.join(tmpdir(), "qadam-guard-"));
  const source = path.join(folder, "report.pdf");
  const bytes = Buffer.from("%PDF-1.4\n%%EOF\n");
  await writeFile(source, bytes);
  const storageKey = `ev-${randomBytes(16).toString("hex")}`;
  await evidenceStorage().put(storageKey, source, "application/pdf");
  await db.evidenceFile.create({
    data: {
      projectId,
      subjectType: "MilestoneUpdate",
      subjectId: "guard",
      name: "report.pdf",
      size: bytes.length,
      type: "application/pdf",
      sha256: createHash("sha256").update(bytes).digest("hex"),
      storageKey,
      uploadedById,
    },
  });
}

const isGlobal = (action: string): action is GlobalAction => (GLOBAL_ACTIONS as readonly string[]).includes(action);

describe("ROUTE_ACCESS is complete", () => {
  it("every file under app/routes has an entry", () => {
    const missing = listRouteFiles().filter((file) => !(file in ROUTE_ACCESS));
    expect(missing, "route files without an entry in app/lib/route-access.ts").toEqual([]);
  });

  it("every entry names an existing file (fails while planned routes are still being written)", () => {
    const dangling = Object.keys(ROUTE_ACCESS).filter((file) => !appFileExists(file));
    expect(dangling, "ROUTE_ACCESS entries whose file does not exist").toEqual([]);
  });

  it("every entry names only known actions", () => {
    const known = new Set<string>(["public", "session", ...GLOBAL_ACTIONS, ...PROJECT_ACTIONS]);
    const unknown = Object.entries(ROUTE_ACCESS).flatMap(([file, access]) =>
      [access.loader, access.action]
        .flatMap((a) => (a === undefined ? [] : Array.isArray(a) ? a : [a]))
        .filter((a) => !known.has(a))
        .map((a) => `${file}: ${a}`),
    );
    expect(unknown).toEqual([]);
  });

  it("project-scoped access is only declared on routes with a $projectId", () => {
    const wrong = Object.entries(ROUTE_ACCESS).flatMap(([file, access]) => {
      const single = [access.loader, access.action].filter(
        (a): a is GlobalAction | ProjectAction | "public" | "session" => typeof a === "string",
      );
      return single
        .filter((a) => a !== "public" && a !== "session" && !isGlobal(a) && !routeParams(file).includes("projectId"))
        .map((a) => `${file}: ${a}`);
    });
    expect(wrong).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The world: every role in every kind of organisation, and projects such that each user has one in scope as a
// member, one in scope without being a member and (unless they see everything) one out of scope.

const subjects: Subject[] = [];
const projects: SeedProject[] = [];
const otherParams: Record<string, string> = {};

async function buildWorld() {
  const [worldBank, ifc, transport, water] = [
    await createOrganization({ kind: "WORLD_BANK" }),
    await createOrganization({ kind: "IFC" }),
    await createOrganization({ kind: "MINISTRY" }),
    await createOrganization({ kind: "MINISTRY" }),
  ];
  const user = (role: "ADMIN" | "MANAGER" | "OFFICER" | "AUDITOR", organizationId: string) =>
    createUser({ role, organizationId });
  const admin = await user("ADMIN", worldBank.id);
  const auditor = await user("AUDITOR", worldBank.id);
  const wbManager = await user("MANAGER", worldBank.id);
  const wbOfficer = await user("OFFICER", worldBank.id);
  const ifcManager = await user("MANAGER", ifc.id);
  const ifcOfficer = await user("OFFICER", ifc.id);
  const transportManager = await user("MANAGER", transport.id);
  const transportOfficer = await user("OFFICER", transport.id);
  const waterOfficer = await user("OFFICER", water.id);
  const framework = await createFramework();
  const priorityAreaId = framework.areas[0].id;
  const world: Array<[Parameters<typeof createProject>[0], string[]]> = [
    [
      { institution: "WB", implementingAgencyId: transport.id },
      [admin.id, auditor.id, wbManager.id, wbOfficer.id, transportManager.id, transportOfficer.id],
    ],
    [{ institution: "WB", implementingAgencyId: transport.id }, []],
    [{ institution: "IFC", implementingAgencyId: transport.id }, [ifcManager.id, ifcOfficer.id]],
    [{ institution: "IFC", implementingAgencyId: water.id }, []],
    [{ institution: "JOINT", implementingAgencyId: water.id }, [waterOfficer.id]],
    [{ institution: "WB", implementingAgencyId: water.id }, []],
    // Seen by every manager (World Bank, IFC and the transport ministry): History's event addresses name its event.
    [{ institution: "JOINT", implementingAgencyId: transport.id }, []],
  ];
  for (const [overrides, members] of world) {
    const project = await createProject({ ...overrides, priorityAreaId });
    for (const userId of members) await addMember(project.id, userId);
    await createMilestone(project.id);
    await createIndicator(project.id);
    await storeEvidenceFile(project.id, admin.id);
  }
  // History's event addresses (stored record, details, own page) name an event that exists on a project every
  // manager sees: their answer then depends on the permission alone.
  const shared = await db.project.findFirstOrThrow({
    where: { institution: "JOINT", implementingAgencyId: transport.id },
    select: { id: true },
  });
  const head = await db.auditEvent.findFirst({
    where: { projectId: shared.id },
    orderBy: { seq: "desc" },
    select: { seq: true },
  });
  Object.assign(otherParams, { userId: wbOfficer.id, frameworkId: framework.id, seq: String(head?.seq ?? 1) });
  return [
    admin,
    auditor,
    wbManager,
    wbOfficer,
    ifcManager,
    ifcOfficer,
    transportManager,
    transportOfficer,
    waterOfficer,
  ];
}

beforeAll(async () => {
  const users = await db.user.findMany({
    where: { id: { in: (await buildWorld()).map((u) => u.id) } },
    include: { organization: true },
    orderBy: { email: "asc" },
  });
  for (const u of users) {
    const cookie = cookiePair(await createSessionCookie(u.id, { ip: null, userAgent: null }));
    subjects.push({
      id: u.id,
      email: u.email,
      role: u.role,
      organizationId: u.organizationId,
      organizationKind: u.organization.kind,
      cookie,
    });
  }
  const rows = await db.project.findMany({
    orderBy: { code: "asc" },
    select: {
      id: true,
      code: true,
      institution: true,
      implementingAgencyId: true,
      members: { select: { userId: true } },
      milestones: { select: { id: true }, take: 1, orderBy: { sortOrder: "asc" } },
      indicators: { select: { id: true }, take: 1, orderBy: { sortOrder: "asc" } },
    },
  });
  const files = await db.evidenceFile.findMany({ select: { id: true, projectId: true } });
  for (const p of rows) {
    projects.push({
      id: p.id,
      code: p.code,
      institution: p.institution,
      implementingAgencyId: p.implementingAgencyId,
      memberIds: new Set(p.members.map((m) => m.userId)),
      milestoneId: p.milestones[0].id,
      indicatorId: p.indicators[0].id,
      evidenceFileId: files.find((f) => f.projectId === p.id)?.id ?? "no-file",
    });
  }
  // Dozens of audited writes: generous for a machine busy with other work.
}, 60_000);

function scopeFor(user: Subject, project: SeedProject): ProjectScope {
  return {
    institution: project.institution,
    implementingAgencyId: project.implementingAgencyId,
    isMember: project.memberIds.has(user.id),
  };
}

/** For each user: a project in scope where they are a member, one where they are not, and one out of scope. */
function situationsFor(file: string): Situation[] {
  const projectScoped = routeParams(file).includes("projectId");
  return subjects.flatMap((user): Situation[] => {
    if (!projectScoped) return [{ user, project: null, label: user.email }];
    const visible = projects.filter((p) => canViewProject(user, p));
    const picks: Array<[string, SeedProject | undefined]> = [
      ["in scope, member", visible.find((p) => p.memberIds.has(user.id))],
      ["in scope, not a member", visible.find((p) => !p.memberIds.has(user.id))],
      ["out of scope", projects.find((p) => !canViewProject(user, p))],
    ];
    return picks
      .filter((pick): pick is [string, SeedProject] => pick[1] !== undefined)
      .map(([label, project]) => ({ user, project, label: `${user.email} on ${project.code} (${label})` }));
  });
}

function paramsFor(file: string, project: SeedProject | null): Record<string, string> {
  const params: Record<string, string> = {};
  for (const name of routeParams(file)) {
    if (name === "projectId") params.projectId = project?.id ?? "no-project";
    else if (name === "milestoneId") params.milestoneId = project?.milestoneId ?? "no-milestone";
    else if (name === "indicatorId") params.indicatorId = project?.indicatorId ?? "no-indicator";
    else if (name === "fileId") params.fileId = project?.evidenceFileId ?? "no-file";
    else if (name in otherParams) params[name] = otherParams[name];
    else throw new Error(`${file}: no seed value for route param $${name}; teach route-guards.test.ts about it`);
  }
  return params;
}

/** What the permission module says about one action for this user here. */
function decide(user: Subject, action: GlobalAction | ProjectAction, project: SeedProject | null): Decision {
  if (isGlobal(action)) return decideGlobal(user, action);
  if (project) return decideOnProject(user, action, scopeFor(user, project));
  // A project action on a route without a project (e.g. the review queue acting on items): what the role may do
  // on a project of its own, as a member.
  const own: ProjectScope =
    user.organizationKind === "MINISTRY"
      ? { institution: "WB", implementingAgencyId: user.organizationId, isMember: true }
      : { institution: user.organizationKind === "IFC" ? "IFC" : "WB", implementingAgencyId: "any", isMember: true };
  return decideOnProject(user, action, own);
}

/** The expected outcome of `access` for this user (null = no session). Arrays: allowed if any listed action is. */
function expectedFor(access: Access, user: Subject | null, project: SeedProject | null): Expected {
  if (access === "public") return "ok";
  if (!user) return "login";
  if (access === "session") return "ok";
  const decisions = (Array.isArray(access) ? access : [access]).map((a) => decide(user, a, project));
  if (decisions.includes("allow")) return "ok";
  if (decisions.every((d) => d === "not-found")) return 404;
  return decisions.includes("forbidden") ? 403 : 404;
}

function matches(expected: Expected, outcome: Outcome): boolean {
  if (outcome.status >= 500) return false;
  switch (expected) {
    case "login":
      return outcome.status === 302 && (outcome.location ?? "").startsWith("/login");
    case "ok":
      return ![401, 403, 404].includes(outcome.status);
    default:
      return outcome.status === expected;
  }
}

function describeOutcome(o: Outcome): string {
  return `${o.status}${o.location ? ` → ${o.location}` : ""}${o.error ? ` (${o.error})` : ""}`;
}

// ---------------------------------------------------------------------------------------------------------------
// One block per route in the table

const CATCH_ALL_ROUTE = "routes/$.tsx";

for (const [file, access] of Object.entries(ROUTE_ACCESS)) {
  if (!appFileExists(file)) {
    it.todo(`${file}: not written yet (skipped)`);
    continue;
  }

  describe(file, () => {
    it("exports a loader/action exactly where ROUTE_ACCESS declares one", async () => {
      const mod = await importRouteModule(file);
      expect({ loader: typeof mod.loader === "function", action: typeof mod.action === "function" }).toEqual({
        loader: access.loader !== undefined,
        action: access.action !== undefined,
      });
    });

    for (const kind of ["loader", "action"] as const) {
      const declared = access[kind];
      if (declared === undefined) continue;
      // A loader that names several actions enforces the first one.
      const effective: Access = kind === "loader" && Array.isArray(declared) ? declared[0] : declared;

      it(`${kind} (${JSON.stringify(effective)}) answers every user as the permission module decides`, async () => {
        const mod = await importRouteModule(file);
        const handler = mod[kind];
        if (!handler) return; // reported by the export check above
        const mismatches: string[] = [];

        const attempt = async (user: Subject | null, project: SeedProject | null, label: string) => {
          const params = paramsFor(file, project);
          const url = routeUrlPath(file, params);
          // Actions get a session of their own: one may end it (logout) or replace it (password change).
          const cookie = user
            ? kind === "action"
              ? cookiePair(await createSessionCookie(user.id, { ip: null, userAgent: null }))
              : user.cookie
            : null;
          const request = kind === "loader" ? getRequest(url, cookie) : postRequest(url, cookie);
          const outcome = await outcomeOf(() => handler({ request, params, context: {} }));
          // The catch-all route is public and answers every visitor the same 404 (in their language).
          const expected = file === CATCH_ALL_ROUTE ? 404 : expectedFor(effective, user, project);
          if (!matches(expected, outcome))
            mismatches.push(`${label}: expected ${expected}, got ${describeOutcome(outcome)}`);
          // Authorisation comes before the body: nobody without a session or outside the project gets the server
          // to read and parse what they posted.
          if (kind === "action" && (expected === "login" || expected === 404) && request.bodyUsed) {
            mismatches.push(`${label}: the request body was read before answering ${expected}`);
          }
        };

        const anyProject = projects[0] ?? null;
        await attempt(null, anyProject, "no session");
        for (const { user, project, label } of situationsFor(file)) await attempt(user, project, label);

        expect(mismatches, `${file} ${kind}`).toEqual([]);
      });
    }
  });
}
