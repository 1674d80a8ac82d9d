// The pages of Qadam, as the browser specs visit them: each route file's address with demo records, which role may
// open it (from the route table the permission-matrix test also reads, app/lib/route-access.ts), and the route files
// that render no page. The accessibility and phone specs both walk this list, so a new page is checked by both from
// the day it is added.
import { expect } from "@playwright/test";
import {
  decideGlobal,
  decideOnProject,
  GLOBAL_ACTIONS,
  type Actor,
  type GlobalAction,
  type OrganizationKind,
  type ProjectAction,
  type ProjectScope,
  type Role,
} from "../../app/lib/permissions";
import { ROUTE_ACCESS, type Access } from "../../app/lib/route-access";
import { DEMO_USERS, openE2eDb, type DemoUserKey } from "./fixtures";

/** One account per role, and a ministry manager (whose scope is the projects its ministry implements). */
export const ROLES_CHECKED = [
  "admin",
  "wb.manager",
  "wb.officer",
  "auditor",
  "transport.manager",
] as const satisfies DemoUserKey[];

/** A World Bank project implemented by the Ministry of Transport: every role checked here can open it. */
const PROJECT_CODE = "P099270";

export type Ids = {
  project: string;
  milestone: string;
  indicator: string;
  framework: string;
  user: string;
  /** The seq of an event of the demo project (its own page in History). */
  event: string;
};

/** The page each route file renders, with the demo records it shows. */
export const PAGES: Record<string, (ids: Ids) => string> = {
  "routes/_index.tsx": () => "/",
  "routes/account.password.tsx": () => "/account/password",
  "routes/account.notifications.tsx": () => "/account/notifications",
  "routes/notifications.tsx": () => "/notifications",
  "routes/projects._index.tsx": () => "/projects",
  "routes/projects.new.tsx": () => "/projects/new",
  "routes/projects.$projectId._index.tsx": ({ project }) => `/projects/${project}`,
  "routes/projects.$projectId.edit.tsx": ({ project }) => `/projects/${project}/edit`,
  "routes/projects.$projectId.milestones._index.tsx": ({ project }) => `/projects/${project}/milestones`,
  "routes/projects.$projectId.milestones.$milestoneId.tsx": ({ project, milestone }) =>
    `/projects/${project}/milestones/${milestone}`,
  "routes/projects.$projectId.indicators._index.tsx": ({ project }) => `/projects/${project}/indicators`,
  "routes/projects.$projectId.indicators.$indicatorId.tsx": ({ project, indicator }) =>
    `/projects/${project}/indicators/${indicator}`,
  "routes/projects.$projectId.ratings.tsx": ({ project }) => `/projects/${project}/ratings`,
  "routes/projects.$projectId.team.tsx": ({ project }) => `/projects/${project}/team`,
  "routes/projects.$projectId.history.tsx": ({ project }) => `/projects/${project}/history`,
  "routes/projects.$projectId.report.tsx": ({ project }) => `/projects/${project}/report`,
  "routes/reviews.tsx": () => "/reviews",
  "routes/board.tsx": () => "/board",
  "routes/frameworks._index.tsx": () => "/frameworks",
  "routes/frameworks.$frameworkId.tsx": ({ framework }) => `/frameworks/${framework}`,
  "routes/reporting.tsx": () => "/reporting",
  "routes/admin._index.tsx": () => "/admin",
  "routes/admin.users._index.tsx": () => "/admin/users",
  "routes/admin.users.new.tsx": () => "/admin/users/new",
  "routes/admin.users.$userId.tsx": ({ user }) => `/admin/users/${user}`,
  "routes/admin.organizations.tsx": () => "/admin/organizations",
  "routes/admin.frameworks.tsx": () => "/admin/frameworks",
  "routes/admin.mail.tsx": () => "/admin/mail",
  "routes/history.tsx": () => "/history",
  "routes/history_.events.$seq.tsx": ({ event }) => `/history/events/${event}`,
  "routes/exports._index.tsx": () => "/exports",
  "routes/import._index.tsx": () => "/import",
};

/** Route files that render no page of their own (checked as part of the pages above or signed out). */
export const NOT_PAGES: Record<string, string> = {
  "root.tsx": "the layout of every page",
  "routes/projects.$projectId.tsx": "the project layout, checked with each project page",
  "routes/admin.tsx": "the admin layout, checked with each admin page",
  "routes/login.tsx": "checked signed out",
  "routes/forgot-password.tsx": "checked signed out",
  "routes/invite.tsx": "checked signed out (its unusable-link page)",
  "routes/reset-password.tsx": "checked signed out (its unusable-link page)",
  "routes/logout.tsx": "a form post that redirects",
  "routes/account.language.tsx": "a form post that redirects",
  "routes/healthz.ts": "JSON for the load balancer",
  "routes/history_.stored.$seq.ts": "JSON of one stored event, fetched by History when an auditor opens it",
  "routes/history_.details.$seq.ts": "JSON of one event's details, fetched by History when they are opened",
  "routes/$.tsx": "the 404 page of an unknown address, checked signed out and signed in",
  "routes/auth.sso.tsx": "a redirect to the organisation's sign-in provider",
  "routes/auth.sso.callback.tsx": "a redirect back to the sign-in page or the app",
  "routes/exports.audit[.]csv.ts": "a file download",
  "routes/exports.audit[.]xlsx.ts": "a file download",
  "routes/exports.audit[.]ndjson.ts": "a file download",
  "routes/exports.portfolio[.]xlsx.ts": "a file download",
  "routes/exports.iati[.]xml.ts": "a file download",
  "routes/import.template[.]xlsx.ts": "a file download",
  "routes/exports.evidence-pack[.]zip.ts": "a file download",
  "routes/projects.$projectId.evidence.$fileId.ts": "a file download",
};

function isGlobal(action: GlobalAction | ProjectAction): action is GlobalAction {
  return (GLOBAL_ACTIONS as readonly string[]).includes(action);
}

/** Would the route's loader let this actor in (on the demo project)? */
export function mayOpen(access: Access | undefined, actor: Actor, scope: ProjectScope): boolean {
  if (access === undefined || access === "public" || access === "session") return true;
  const actions = Array.isArray(access) ? access : [access];
  return actions.every((action) =>
    isGlobal(action) ? decideGlobal(actor, action) === "allow" : decideOnProject(actor, action, scope) === "allow",
  );
}

export type Fixture = {
  ids: Ids;
  scope: Omit<ProjectScope, "isMember">;
  actors: Record<string, Actor & { member: boolean }>;
};

/** The demo records the pages show and each checked account's actor, read from the e2e database. */
export async function readFixture(): Promise<Fixture> {
  const db = openE2eDb();
  try {
    const one = async (sql: string, args: string[] = []) => {
      const row = (await db.execute({ sql, args })).rows[0];
      expect(row, sql).toBeDefined();
      return row;
    };
    const project = await one("SELECT id, institution, implementingAgencyId FROM Project WHERE code = ?", [
      PROJECT_CODE,
    ]);
    const projectId = String(project.id);
    const milestone = await one("SELECT id FROM Milestone WHERE projectId = ? ORDER BY baselineDueDate LIMIT 1", [
      projectId,
    ]);
    const indicator = await one("SELECT id FROM Indicator WHERE projectId = ? ORDER BY code LIMIT 1", [projectId]);
    const framework = await one("SELECT id FROM Framework ORDER BY code LIMIT 1");
    const event = await one("SELECT seq FROM AuditEvent WHERE projectId = ? ORDER BY seq DESC LIMIT 1", [projectId]);
    const actors: Fixture["actors"] = {};
    for (const key of ROLES_CHECKED) {
      const user = await one(
        `SELECT u.id, u.role, u.organizationId, o.kind,
           EXISTS (SELECT 1 FROM ProjectMember m WHERE m.userId = u.id AND m.projectId = ?) AS member
         FROM User u JOIN Organization o ON o.id = u.organizationId WHERE u.email = ?`,
        [projectId, DEMO_USERS[key].email],
      );
      actors[key] = {
        id: String(user.id),
        role: String(user.role) as Role,
        organizationId: String(user.organizationId),
        organizationKind: String(user.kind) as OrganizationKind,
        member: Number(user.member) === 1,
      };
    }
    return {
      ids: {
        project: projectId,
        milestone: String(milestone.id),
        indicator: String(indicator.id),
        framework: String(framework.id),
        user: actors["wb.officer"].id,
        event: String(event.seq),
      },
      scope: {
        institution: String(project.institution) as ProjectScope["institution"],
        implementingAgencyId: String(project.implementingAgencyId),
      },
      actors,
    };
  } finally {
    db.close();
  }
}

/** The addresses of every page this account may open on the demo records. */
export function pagesFor(fixture: Fixture, key: (typeof ROLES_CHECKED)[number]): string[] {
  const actor = fixture.actors[key];
  return Object.entries(PAGES)
    .filter(([file]) => mayOpen(ROUTE_ACCESS[file]?.loader, actor, { ...fixture.scope, isMember: actor.member }))
    .map(([, path]) => path(fixture.ids));
}
