// The permission matrix: every role × organisation kind × action × scope, against an explicit table of what
// the issue promises. The tables below are written out by hand from issue #2 ("Permissions") — they are
// the specification; do not generate them from app/lib/permissions.ts.
import { describe, expect, it } from "vitest";
import {
  GLOBAL_ACTIONS,
  ORGANIZATION_KINDS,
  PROJECT_ACTIONS,
  ROLES,
  canCreateProjectFor,
  canReviewSubmission,
  canViewProject,
  decideGlobal,
  decideOnProject,
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
  },
};

/** Actions not tied to one project; the organisation kind does not matter for these. */
const GLOBAL: Record<Role, Record<GlobalAction, Decision>> = {
  ADMIN: {
    "portfolio.view": A,
    "project.create": A,
    "reviewQueue.view": F,
    "history.viewAll": A,
    "history.export": A,
    "portfolio.export": A,
    "chain.view": A,
    "admin.users": A,
    "admin.organizations": A,
    "admin.frameworks": A,
  },
  MANAGER: {
    "portfolio.view": A,
    "project.create": A,
    "reviewQueue.view": A,
    "history.viewAll": A,
    "history.export": A,
    "portfolio.export": A,
    "chain.view": F,
    "admin.users": F,
    "admin.organizations": F,
    "admin.frameworks": F,
  },
  OFFICER: {
    "portfolio.view": A,
    "project.create": F,
    "reviewQueue.view": F,
    "history.viewAll": F,
    "history.export": F,
    "portfolio.export": A,
    "chain.view": F,
    "admin.users": F,
    "admin.organizations": F,
    "admin.frameworks": F,
  },
  AUDITOR: {
    "portfolio.view": A,
    "project.create": F,
    "reviewQueue.view": F,
    "history.viewAll": A,
    "history.export": A,
    "portfolio.export": A,
    "chain.view": A,
    "admin.users": F,
    "admin.organizations": F,
    "admin.frameworks": F,
  },
};

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
      GLOBAL_ACTIONS.map((action) => ({ role, kind, action, expected: GLOBAL[role][action] })),
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

describe("canCreateProjectFor: a new project stays inside the creator's scope", () => {
  /** [role, kind, project, may create] — written out, not derived. */
  const table: Array<[Role, OrganizationKind, ProjectKey, boolean]> = [
    ["MANAGER", "WORLD_BANK", "wbTransport", true],
    ["MANAGER", "WORLD_BANK", "jointEnergy", true],
    ["MANAGER", "WORLD_BANK", "wbWater", true],
    ["MANAGER", "WORLD_BANK", "ifcWater", false],
    ["MANAGER", "WORLD_BANK", "ifcTransport", false],
    ["MANAGER", "IFC", "ifcWater", true],
    ["MANAGER", "IFC", "ifcTransport", true],
    ["MANAGER", "IFC", "jointEnergy", true],
    ["MANAGER", "IFC", "wbTransport", false],
    ["MANAGER", "IFC", "wbWater", false],
    ["MANAGER", "MINISTRY", "wbTransport", true],
    ["MANAGER", "MINISTRY", "ifcTransport", true],
    ["MANAGER", "MINISTRY", "wbWater", false],
    ["MANAGER", "MINISTRY", "jointEnergy", false],
    ["MANAGER", "MINISTRY", "ifcWater", false],
    ...ORGANIZATION_KINDS.flatMap((kind) =>
      (["wbTransport", "ifcWater", "jointEnergy", "ifcTransport", "wbWater"] as const).flatMap(
        (project): Array<[Role, OrganizationKind, ProjectKey, boolean]> => [
          ["ADMIN", kind, project, true],
          ["OFFICER", kind, project, false],
          ["AUDITOR", kind, project, false],
        ],
      ),
    ),
  ];

  it("covers every role", () => {
    expect(new Set(table.map(([role]) => role))).toEqual(new Set(ROLES));
  });

  it.each(table)("%s (%s) creates %s → %s", (role, kind, project, expected) => {
    expect(canCreateProjectFor(actor(role, kind), PROJECTS[project])).toBe(expected);
  });
});
