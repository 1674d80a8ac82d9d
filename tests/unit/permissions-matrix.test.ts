// The permission matrix: every role × organisation kind × action × scope, against an explicit table of what
// the issue promises. The tables below are written out by hand from issue #2 ("Permissions") — they are
// the specification; do not generate them from app/lib/permissions.ts.
import { describe, expect, it } from "vitest";
import {
  GLOBAL_ACTIONS,
  ORGANIZATION_KINDS,
  PROJECT_ACTIONS,
  ROLES,
  canListArchived,
  canReassignProject,
  canReviewSubmission,
  canViewProject,
  decideGlobal,
  decideOnProject,
  decideProjectCreate,
  decideProjectReassign,
  type Actor,
  type Decision,
  type GlobalAction,
  type Institution,
  type OrganizationKind,
  type ProjectAction,
  type Role,
} from "~/lib/permissions";

const A: Decision = "allow";
const F: Decision = "forbidden";

/**
 * What each role may do on a project it can see: [as a member of the project's team, as a non-member].
 * (Out of scope is always "not-found"; see VISIBILITY.)
 */
const ON_VISIBLE_PROJECT: Record<Role, Record<ProjectAction, [member: Decision, nonMember: Decision]>> = {
  ADMIN: {
    "project.view": [A, A],
    "project.edit": [A, A],
    "project.archive": [A, A],
    "project.manageMembers": [A, A],
    "milestone.create": [F, F],
    "milestone.edit": [F, F],
    "milestoneUpdate.submit": [F, F],
    "milestoneUpdate.review": [F, F],
    "indicator.create": [F, F],
    "indicator.edit": [F, F],
    "indicatorValue.report": [F, F],
    "indicatorValue.review": [F, F],
    "rating.record": [F, F],
    "history.view": [A, A],
    "report.print": [A, A],
    "evidence.download": [A, A],
  },
  MANAGER: {
    "project.view": [A, A],
    "project.edit": [A, A],
    "project.archive": [A, A],
    "project.manageMembers": [F, F],
    "milestone.create": [A, A],
    "milestone.edit": [A, A],
    "milestoneUpdate.submit": [A, A],
    "milestoneUpdate.review": [A, A],
    "indicator.create": [A, A],
    "indicator.edit": [A, A],
    "indicatorValue.report": [A, A],
    "indicatorValue.review": [A, A],
    "rating.record": [A, A],
    "history.view": [A, A],
    "report.print": [A, A],
    "evidence.download": [A, A],
  },
  OFFICER: {
    "project.view": [A, A],
    "project.edit": [F, F],
    "project.archive": [F, F],
    "project.manageMembers": [F, F],
    "milestone.create": [F, F],
    "milestone.edit": [F, F],
    "milestoneUpdate.submit": [A, F],
    "milestoneUpdate.review": [F, F],
    "indicator.create": [F, F],
    "indicator.edit": [F, F],
    "indicatorValue.report": [A, F],
    "indicatorValue.review": [F, F],
    "rating.record": [F, F],
    "history.view": [F, F],
    "report.print": [A, A],
    "evidence.download": [A, A],
  },
  AUDITOR: {
    "project.view": [A, A],
    "project.edit": [F, F],
    "project.archive": [F, F],
    "project.manageMembers": [F, F],
    "milestone.create": [F, F],
    "milestone.edit": [F, F],
    "milestoneUpdate.submit": [F, F],
    "milestoneUpdate.review": [F, F],
    "indicator.create": [F, F],
    "indicator.edit": [F, F],
    "indicatorValue.report": [F, F],
    "indicatorValue.review": [F, F],
    "rating.record": [F, F],
    "history.view": [A, A],
    "report.print": [A, A],
    "evidence.download": [A, A],
  },
};

/**
 * Actions not tied to one project, by role; where the organisation kind matters, GLOBAL_BY_KIND says how
 * (issue 10: a ministry implements projects but creates none).
 */
const GLOBAL: Record<Role, Record<GlobalAction, Decision>> = {
  ADMIN: {
    "portfolio.view": A,
    "project.create": A,
    "reviewQueue.view": F,
    "history.viewAll": A,
    "history.export": A,
    "history.exportNetworkDetails": A,
    "history.viewStored": A,
    "portfolio.export": A,
    "chain.view": A,
    "admin.users": A,
    "admin.organizations": A,
    "admin.frameworks": A,
    "admin.mail": A,
    "reminders.run": A,
    "reporting.spreadsheet": F,
  },
  MANAGER: {
    "portfolio.view": A,
    "project.create": A,
    "reviewQueue.view": A,
    "history.viewAll": A,
    "history.export": A,
    "history.exportNetworkDetails": F,
    "history.viewStored": F,
    "portfolio.export": A,
    "chain.view": F,
    "admin.users": F,
    "admin.organizations": F,
    "admin.frameworks": F,
    "admin.mail": F,
    "reminders.run": F,
    "reporting.spreadsheet": A,
  },
  OFFICER: {
    "portfolio.view": A,
    "project.create": F,
    "reviewQueue.view": F,
    "history.viewAll": F,
    "history.export": F,
    "history.exportNetworkDetails": F,
    "history.viewStored": F,
    "portfolio.export": A,
    "chain.view": F,
    "admin.users": F,
    "admin.organizations": F,
    "admin.frameworks": F,
    "admin.mail": F,
    "reminders.run": F,
    "reporting.spreadsheet": A,
  },
  AUDITOR: {
    "portfolio.view": A,
    "project.create": F,
    "reviewQueue.view": F,
    "history.viewAll": A,
    "history.export": A,
    "history.exportNetworkDetails": A,
    "history.viewStored": A,
    "portfolio.export": A,
    "chain.view": A,
    "admin.users": F,
    "admin.organizations": F,
    "admin.frameworks": F,
    "admin.mail": F,
    "reminders.run": F,
    "reporting.spreadsheet": F,
  },
};

const GLOBAL_BY_KIND: Partial<
  Record<Role, Partial<Record<OrganizationKind, Partial<Record<GlobalAction, Decision>>>>>
> = {
  MANAGER: { MINISTRY: { "project.create": F } },
};

function globalDecision(role: Role, kind: OrganizationKind, action: GlobalAction): Decision {
  return GLOBAL_BY_KIND[role]?.[kind]?.[action] ?? GLOBAL[role][action];
}

// The organisations the actors belong to and the projects they look at.
const ORG_OF_KIND: Record<OrganizationKind, string> = {
  WORLD_BANK: "org-wb",
  IFC: "org-ifc",
  MINISTRY: "org-transport",
};

type ProjectKey = "wbTransport" | "ifcWater" | "jointEnergy" | "ifcTransport" | "wbWater";
const PROJECTS: Record<ProjectKey, { institution: Institution; implementingAgencyId: string }> = {
  wbTransport: { institution: "WB", implementingAgencyId: "org-transport" },
  ifcWater: { institution: "IFC", implementingAgencyId: "org-water" },
  jointEnergy: { institution: "JOINT", implementingAgencyId: "org-energy" },
  ifcTransport: { institution: "IFC", implementingAgencyId: "org-transport" },
  wbWater: { institution: "WB", implementingAgencyId: "org-water" },
};

/**
 * Who sees which project. World Bank staff: WB and JOINT; IFC staff: IFC and JOINT; ministry staff: what their
 * ministry implements (here: the Ministry of Transport); ADMIN and AUDITOR: everything, whatever their organisation.
 */
const STAFF_VISIBILITY: Record<OrganizationKind, Record<ProjectKey, boolean>> = {
  WORLD_BANK: { wbTransport: true, ifcWater: false, jointEnergy: true, ifcTransport: false, wbWater: true },
  IFC: { wbTransport: false, ifcWater: true, jointEnergy: true, ifcTransport: true, wbWater: false },
  MINISTRY: { wbTransport: true, ifcWater: false, jointEnergy: false, ifcTransport: true, wbWater: false },
};
const SEES_EVERYTHING: Record<Role, boolean> = { ADMIN: true, AUDITOR: true, MANAGER: false, OFFICER: false };

function actor(role: Role, kind: OrganizationKind, id = `user-${role}-${kind}`): Actor {
  return { id, role, organizationId: ORG_OF_KIND[kind], organizationKind: kind };
}

function visible(role: Role, kind: OrganizationKind, project: ProjectKey): boolean {
  return SEES_EVERYTHING[role] || STAFF_VISIBILITY[kind][project];
}

const sorted = (xs: readonly string[]) => [...xs].sort();

describe("the expectation tables cover exactly the actions the permission module knows", () => {
  it.each(ROLES)(
    "%s has one project row per PROJECT_ACTIONS entry and one global row per GLOBAL_ACTIONS entry",
    (role) => {
      expect(sorted(Object.keys(ON_VISIBLE_PROJECT[role]))).toEqual(sorted(PROJECT_ACTIONS));
      expect(sorted(Object.keys(GLOBAL[role]))).toEqual(sorted(GLOBAL_ACTIONS));
    },
  );

  it("covers every role and organisation kind", () => {
    expect(sorted(Object.keys(ON_VISIBLE_PROJECT))).toEqual(sorted(ROLES));
    expect(sorted(Object.keys(GLOBAL))).toEqual(sorted(ROLES));
    expect(sorted(Object.keys(STAFF_VISIBILITY))).toEqual(sorted(ORGANIZATION_KINDS));
  });
});

describe("visibility (canViewProject)", () => {
  const cases = ROLES.flatMap((role) =>
    ORGANIZATION_KINDS.flatMap((kind) =>
      (Object.keys(PROJECTS) as ProjectKey[]).map((project) => ({
        role,
        kind,
        project,
        expected: visible(role, kind, project),
      })),
    ),
  );
  it.each(cases)("$role of $kind → $project: visible=$expected", ({ role, kind, project, expected }) => {
    expect(canViewProject(actor(role, kind), PROJECTS[project])).toBe(expected);
  });
});

describe("decideOnProject: role × organisation kind × action × in/out of scope × member/non-member", () => {
  const cases = ROLES.flatMap((role) =>
    ORGANIZATION_KINDS.flatMap((kind) =>
      (Object.keys(PROJECTS) as ProjectKey[]).flatMap((project) =>
        PROJECT_ACTIONS.flatMap((action) =>
          [true, false].map((isMember) => {
            const inScope = visible(role, kind, project);
            const expected: Decision = inScope ? ON_VISIBLE_PROJECT[role][action][isMember ? 0 : 1] : "not-found";
            return { role, kind, project, action, isMember, scope: inScope ? "in scope" : "out of scope", expected };
          }),
        ),
      ),
    ),
  );

  it("exercises both scopes and every decision", () => {
    const seen = new Set(cases.map((c) => `${c.scope}:${c.expected}`));
    expect(seen).toEqual(new Set(["in scope:allow", "in scope:forbidden", "out of scope:not-found"]));
  });

  it.each(cases)(
    "$role ($kind) $action on $project ($scope, member=$isMember) → $expected",
    ({ role, kind, project, action, isMember, expected }) => {
      expect(decideOnProject(actor(role, kind), action, { ...PROJECTS[project], isMember })).toBe(expected);
    },
  );
});

describe("decideGlobal: role × organisation kind × action", () => {
  const cases = ROLES.flatMap((role) =>
    ORGANIZATION_KINDS.flatMap((kind) =>
      GLOBAL_ACTIONS.map((action) => ({ role, kind, action, expected: globalDecision(role, kind, action) })),
    ),
  );
  it.each(cases)("$role ($kind) $action → $expected", ({ role, kind, action, expected }) => {
    expect(decideGlobal(actor(role, kind), action)).toBe(expected);
  });
});

describe("canReviewSubmission: nobody reviews their own submission", () => {
  const manager = actor("MANAGER", "WORLD_BANK", "manager-1");
  const inScope = { ...PROJECTS.wbTransport, isMember: true };
  const outOfScope = { ...PROJECTS.ifcWater, isMember: false };

  const cases: Array<{ name: string; reviewer: Actor; authorId: string; project: typeof inScope; expected: Decision }> =
    [
      {
        name: "a manager reviews a colleague's submission",
        reviewer: manager,
        authorId: "officer-1",
        project: inScope,
        expected: A,
      },
      {
        name: "a manager reviews their own submission",
        reviewer: manager,
        authorId: "manager-1",
        project: inScope,
        expected: F,
      },
      {
        name: "a non-member manager reviews a colleague's submission",
        reviewer: manager,
        authorId: "officer-1",
        project: { ...inScope, isMember: false },
        expected: A,
      },
      {
        name: "a manager reviews out of scope",
        reviewer: manager,
        authorId: "officer-1",
        project: outOfScope,
        expected: "not-found",
      },
      {
        name: "a manager reviews their own submission out of scope",
        reviewer: manager,
        authorId: "manager-1",
        project: outOfScope,
        expected: "not-found",
      },
      {
        name: "a member officer reviews",
        reviewer: actor("OFFICER", "WORLD_BANK", "officer-2"),
        authorId: "officer-1",
        project: inScope,
        expected: F,
      },
      {
        name: "an officer reviews their own",
        reviewer: actor("OFFICER", "WORLD_BANK", "officer-1"),
        authorId: "officer-1",
        project: inScope,
        expected: F,
      },
      {
        name: "an admin reviews",
        reviewer: actor("ADMIN", "WORLD_BANK", "admin-1"),
        authorId: "officer-1",
        project: outOfScope,
        expected: F,
      },
      {
        name: "an auditor reviews",
        reviewer: actor("AUDITOR", "WORLD_BANK", "auditor-1"),
        authorId: "officer-1",
        project: inScope,
        expected: F,
      },
      {
        name: "a ministry manager reviews on their ministry's project",
        reviewer: actor("MANAGER", "MINISTRY", "min-manager"),
        authorId: "min-officer",
        project: { ...PROJECTS.ifcTransport, isMember: false },
        expected: A,
      },
      {
        name: "a ministry manager reviews their own on their ministry's project",
        reviewer: actor("MANAGER", "MINISTRY", "min-manager"),
        authorId: "min-manager",
        project: { ...PROJECTS.ifcTransport, isMember: true },
        expected: F,
      },
      {
        name: "an IFC manager reviews on a World Bank project",
        reviewer: actor("MANAGER", "IFC", "ifc-manager"),
        authorId: "officer-1",
        project: inScope,
        expected: "not-found",
      },
    ];

  it.each(cases)("$name → $expected", ({ reviewer, authorId, project, expected }) => {
    expect(canReviewSubmission(reviewer, { authorId }, project)).toBe(expected);
  });
});

/**
 * Who creates a project financed by which institution (issue 10, defect 1): a World Bank manager WB projects, an
 * IFC manager IFC projects, a ministry manager none; JOINT projects only an administrator. Written out for every
 * role × organisation kind × institution.
 */
const CREATE: Record<Role, Record<OrganizationKind, Record<Institution, Decision>>> = {
  ADMIN: {
    WORLD_BANK: { WB: A, IFC: A, JOINT: A },
    IFC: { WB: A, IFC: A, JOINT: A },
    MINISTRY: { WB: A, IFC: A, JOINT: A },
  },
  MANAGER: {
    WORLD_BANK: { WB: A, IFC: F, JOINT: F },
    IFC: { WB: F, IFC: A, JOINT: F },
    MINISTRY: { WB: F, IFC: F, JOINT: F },
  },
  OFFICER: {
    WORLD_BANK: { WB: F, IFC: F, JOINT: F },
    IFC: { WB: F, IFC: F, JOINT: F },
    MINISTRY: { WB: F, IFC: F, JOINT: F },
  },
  AUDITOR: {
    WORLD_BANK: { WB: F, IFC: F, JOINT: F },
    IFC: { WB: F, IFC: F, JOINT: F },
    MINISTRY: { WB: F, IFC: F, JOINT: F },
  },
};
const INSTITUTION_LIST: Institution[] = ["WB", "IFC", "JOINT"];

describe("decideProjectCreate: role × organisation kind × institution", () => {
  const cases = ROLES.flatMap((role) =>
    ORGANIZATION_KINDS.flatMap((kind) =>
      INSTITUTION_LIST.map((institution) => ({ role, kind, institution, expected: CREATE[role][kind][institution] })),
    ),
  );
  it.each(cases)(
    "$role ($kind) creates a $institution project → $expected",
    ({ role, kind, institution, expected }) => {
      expect(decideProjectCreate(actor(role, kind), institution)).toBe(expected);
    },
  );

  it("agrees with project.create: whoever may create some project may open the form, and nobody else", () => {
    for (const role of ROLES)
      for (const kind of ORGANIZATION_KINDS) {
        const any = INSTITUTION_LIST.some((i) => CREATE[role][kind][i] === A);
        expect(decideGlobal(actor(role, kind), "project.create")).toBe(any ? A : F);
      }
  });
});

/**
 * Moving a project (issue 10, defect 1): changing its institution or implementing agency is an administrator's
 * alone. Every move a manager could try — to another institution, from JOINT to their own, to another ministry —
 * is refused for every role but ADMIN; an edit that moves nothing is left to project.edit ("allow" here); a
 * project out of sight stays not found.
 */
type Move = { name: string; from: ProjectKey; to: { institution: Institution; implementingAgencyId: string } };
const MOVES: Move[] = [
  { name: "WB → IFC", from: "wbTransport", to: { institution: "IFC", implementingAgencyId: "org-transport" } },
  { name: "WB → JOINT", from: "wbTransport", to: { institution: "JOINT", implementingAgencyId: "org-transport" } },
  { name: "IFC → JOINT", from: "ifcTransport", to: { institution: "JOINT", implementingAgencyId: "org-transport" } },
  { name: "IFC → WB", from: "ifcTransport", to: { institution: "WB", implementingAgencyId: "org-transport" } },
  { name: "JOINT → WB", from: "jointEnergy", to: { institution: "WB", implementingAgencyId: "org-energy" } },
  { name: "JOINT → IFC", from: "jointEnergy", to: { institution: "IFC", implementingAgencyId: "org-energy" } },
  { name: "another ministry (WB)", from: "wbTransport", to: { institution: "WB", implementingAgencyId: "org-water" } },
  { name: "to our ministry", from: "wbWater", to: { institution: "WB", implementingAgencyId: "org-transport" } },
  {
    name: "another ministry (IFC)",
    from: "ifcTransport",
    to: { institution: "IFC", implementingAgencyId: "org-water" },
  },
  { name: "nothing (WB)", from: "wbTransport", to: { institution: "WB", implementingAgencyId: "org-transport" } },
  { name: "nothing (JOINT)", from: "jointEnergy", to: { institution: "JOINT", implementingAgencyId: "org-energy" } },
];
const MAY_MOVE: Record<Role, boolean> = { ADMIN: true, MANAGER: false, OFFICER: false, AUDITOR: false };

describe("decideProjectReassign: role × organisation kind × move", () => {
  const cases = ROLES.flatMap((role) =>
    ORGANIZATION_KINDS.flatMap((kind) =>
      MOVES.map((move) => {
        const from = PROJECTS[move.from];
        const moves =
          from.institution !== move.to.institution || from.implementingAgencyId !== move.to.implementingAgencyId;
        const expected: Decision = !visible(role, kind, move.from) ? "not-found" : !moves || MAY_MOVE[role] ? A : F;
        return { role, kind, move: move.name, from, to: move.to, expected };
      }),
    ),
  );

  it("exercises every decision, and refuses every real move to every manager", () => {
    expect(new Set(cases.map((c) => c.expected))).toEqual(new Set([A, F, "not-found"]));
    const managerMoves = cases.filter((c) => c.role === "MANAGER" && !c.move.startsWith("nothing"));
    expect(managerMoves.every((c) => c.expected !== A)).toBe(true);
  });

  it.each(cases)("$role ($kind) moves $move → $expected", ({ role, kind, from, to, expected }) => {
    expect(decideProjectReassign(actor(role, kind), from, to)).toBe(expected);
  });

  it.each(ROLES.flatMap((role) => ORGANIZATION_KINDS.map((kind) => ({ role, kind, expected: MAY_MOVE[role] }))))(
    "$role ($kind) is offered other institutions and agencies on the edit form → $expected",
    ({ role, kind, expected }) => {
      expect(canReassignProject(actor(role, kind), PROJECTS.wbTransport)).toBe(
        expected && visible(role, kind, "wbTransport"),
      );
    },
  );
});

describe("canListArchived: who archives and restores projects may list archived ones", () => {
  const expected: Record<Role, boolean> = { ADMIN: true, MANAGER: true, OFFICER: false, AUDITOR: false };
  it.each(ROLES)("%s", (role) => {
    expect(canListArchived({ role })).toBe(expected[role]);
  });
});
