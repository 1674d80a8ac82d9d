/**
 * The one place that decides who may do what. Pure (no I/O) so that it can be tested as a matrix;
 * `permissions.server.ts` wraps it for loaders and actions.
 *
 * Outcomes follow one rule everywhere: a project the user may not see does not exist for them (404);
 * a project they may see but not act on is forbidden (403).
 */

export const ROLES = ["ADMIN", "MANAGER", "OFFICER", "AUDITOR"] as const;
export type Role = (typeof ROLES)[number];
export const ORGANIZATION_KINDS = ["WORLD_BANK", "IFC", "MINISTRY"] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
export type Institution = "WB" | "IFC" | "JOINT";

export type Actor = {
  id: string;
  role: Role;
  organizationId: string;
  organizationKind: OrganizationKind;
};

/** What the rules need to know about a project. */
export type ProjectScope = {
  institution: Institution;
  implementingAgencyId: string;
  /** Is the actor a member of the project's team? */
  isMember: boolean;
  /** An archived project is read-only until it is restored (which is `project.archive`). */
  archived?: boolean;
};

/** Actions on one project (the target is that project). */
export const PROJECT_ACTIONS = [
  "project.view",
  "project.edit",
  "project.archive",
  "project.manageMembers",
  "milestone.create",
  "milestone.edit",
  "milestoneUpdate.submit",
  "milestoneUpdate.review",
  "indicator.create",
  "indicator.edit",
  "indicatorValue.report",
  "indicatorValue.review",
  "rating.record",
  "history.view",
  "report.print",
  "evidence.download",
] as const;
export type ProjectAction = (typeof PROJECT_ACTIONS)[number];

/** Actions not tied to one existing project. */
export const GLOBAL_ACTIONS = [
  "portfolio.view",
  "project.create",
  "reviewQueue.view",
  "history.viewAll",
  "history.export",
  "history.exportNetworkDetails",
  "history.viewStored",
  "portfolio.export",
  "chain.view",
  "admin.users",
  "admin.organizations",
  "admin.frameworks",
  "admin.mail",
  "reminders.run",
  "reporting.spreadsheet",
] as const;
export type GlobalAction = (typeof GLOBAL_ACTIONS)[number];

export type Decision = "allow" | "forbidden" | "not-found";

export function canSeeEverything(actor: Pick<Actor, "role">): boolean {
  return actor.role === "ADMIN" || actor.role === "AUDITOR";
}

/** Which projects an actor can see at all. Mirrored by `projectWhereForActor` for queries. */
export function canViewProject(actor: Actor, project: Omit<ProjectScope, "isMember">): boolean {
  if (canSeeEverything(actor)) return true;
  switch (actor.organizationKind) {
    case "WORLD_BANK":
      return project.institution === "WB" || project.institution === "JOINT";
    case "IFC":
      return project.institution === "IFC" || project.institution === "JOINT";
    case "MINISTRY":
      return project.implementingAgencyId === actor.organizationId;
  }
}

/** Managers and admins maintain the project record itself (issue: "managers and admins create, edit and archive"). */
const PROJECT_RECORD: ReadonlySet<ProjectAction> = new Set(["project.edit", "project.archive"]);

const MANAGER_ONLY: ReadonlySet<ProjectAction> = new Set([
  "milestone.create",
  "milestone.edit",
  "milestoneUpdate.review",
  "indicator.create",
  "indicator.edit",
  "indicatorValue.review",
  "rating.record",
]);

const SUBMISSIONS: ReadonlySet<ProjectAction> = new Set(["milestoneUpdate.submit", "indicatorValue.report"]);

/** What may still happen on an archived project: reading it, and restoring it. */
const ALLOWED_WHEN_ARCHIVED: ReadonlySet<ProjectAction> = new Set([
  "project.view",
  "report.print",
  "history.view",
  "project.archive",
  "evidence.download",
]);

export function decideOnProject(actor: Actor, action: ProjectAction, project: ProjectScope): Decision {
  if (!canViewProject(actor, project)) return "not-found";
  if (project.archived && !ALLOWED_WHEN_ARCHIVED.has(action)) return "forbidden";
  // Evidence files are part of what anyone who sees the project reads (the queue, the histories of updates).
  if (action === "project.view" || action === "report.print" || action === "evidence.download") return "allow";
  if (action === "history.view") return actor.role === "OFFICER" ? "forbidden" : "allow";
  if (action === "project.manageMembers") return actor.role === "ADMIN" ? "allow" : "forbidden";
  if (PROJECT_RECORD.has(action)) return actor.role === "MANAGER" || actor.role === "ADMIN" ? "allow" : "forbidden";
  if (SUBMISSIONS.has(action)) {
    if (actor.role === "MANAGER") return "allow";
    if (actor.role === "OFFICER") return project.isMember ? "allow" : "forbidden";
    return "forbidden";
  }
  if (MANAGER_ONLY.has(action)) return actor.role === "MANAGER" ? "allow" : "forbidden";
  return "forbidden";
}

export function decideGlobal(actor: Actor, action: GlobalAction): Decision {
  switch (action) {
    case "portfolio.view":
    case "portfolio.export":
      return "allow";
    case "project.create":
      if (actor.role === "ADMIN") return "allow";
      return actor.role === "MANAGER" && OWN_INSTITUTION[actor.organizationKind] !== null ? "allow" : "forbidden";
    case "reviewQueue.view":
      return actor.role === "MANAGER" ? "allow" : "forbidden";
    // Reporting from a spreadsheet is open to those who submit (each row is then held to its project's
    // indicatorValue.report / milestoneUpdate.submit, exactly as the form would be).
    case "reporting.spreadsheet":
      return actor.role === "MANAGER" || actor.role === "OFFICER" ? "allow" : "forbidden";
    case "history.viewAll":
    case "history.export":
      return actor.role === "OFFICER" ? "forbidden" : "allow";
    case "chain.view":
      return canSeeEverything(actor) ? "allow" : "forbidden";
    // The IP addresses and request ids of other people's requests: audit exports carry them only for those who
    // read the whole log; a manager's export keeps the columns, blank.
    case "history.exportNetworkDetails":
      return canSeeEverything(actor) ? "allow" : "forbidden";
    // An event exactly as stored (ids, request, hashes, the JSON): for those who read the whole log.
    case "history.viewStored":
      return canSeeEverything(actor) ? "allow" : "forbidden";
    case "admin.users":
    case "admin.organizations":
    case "admin.frameworks":
    case "admin.mail":
    case "reminders.run":
      return actor.role === "ADMIN" ? "allow" : "forbidden";
  }
}

/**
 * The institution whose projects a manager of this organisation kind creates: the World Bank's and IFC's own.
 * A ministry implements projects but does not finance them, so its managers create none; JOINT projects, which
 * two institutions share, are created only by an administrator.
 */
const OWN_INSTITUTION: Record<OrganizationKind, Institution | null> = {
  WORLD_BANK: "WB",
  IFC: "IFC",
  MINISTRY: null,
};

/** May the actor create a project financed by `institution`? (Any ministry may implement it.) */
export function decideProjectCreate(actor: Actor, institution: Institution): Decision {
  const general = decideGlobal(actor, "project.create");
  if (general !== "allow" || actor.role === "ADMIN") return general;
  return OWN_INSTITUTION[actor.organizationKind] === institution ? "allow" : "forbidden";
}

/** Where a project sits: which institution finances it and which ministry implements it (who can see it). */
export type ProjectPlacement = Pick<ProjectScope, "institution" | "implementingAgencyId">;

/**
 * Moving a project to another institution or implementing agency takes it away from one set of staff and gives
 * it to another, so only an administrator does it (with a reason in the audit event). This decides the move
 * alone: an edit that keeps both is "allow" here and left to `project.edit`.
 */
export function decideProjectReassign(actor: Actor, from: ProjectPlacement, to: ProjectPlacement): Decision {
  if (!canViewProject(actor, from)) return "not-found";
  const moves = from.institution !== to.institution || from.implementingAgencyId !== to.implementingAgencyId;
  if (!moves) return "allow";
  return canReassignProject(actor, from) ? "allow" : "forbidden";
}

/** Whether the edit form may offer other institutions and agencies for this project at all. */
export function canReassignProject(actor: Actor, project: ProjectPlacement): boolean {
  return actor.role === "ADMIN" && canViewProject(actor, project);
}

/** Managers and admins (who archive and restore project records) may also list archived projects. */
export function canListArchived(actor: Pick<Actor, "role">): boolean {
  return actor.role === "MANAGER" || actor.role === "ADMIN";
}

/** Nobody reviews their own submission (a milestone update or an indicator value). */
export function canReviewSubmission(
  actor: Actor,
  submission: { authorId: string },
  project: ProjectScope,
  action: "milestoneUpdate.review" | "indicatorValue.review" = "milestoneUpdate.review",
): Decision {
  const decision = decideOnProject(actor, action, project);
  if (decision !== "allow") return decision;
  return submission.authorId === actor.id ? "forbidden" : "allow";
}
