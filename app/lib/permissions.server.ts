import type { Prisma } from "~/generated/prisma/client";
import { forbidden, notFound } from "./http.server";
import { memoizeForRequest } from "./request.server";
import { cell, readFirst } from "./sql.server";
import { INSTITUTIONS } from "~/schemas/project";
import {
  canSeeEverything,
  canViewProject,
  decideGlobal,
  decideOnProject,
  type Actor,
  type Decision,
  type GlobalAction,
  type ProjectAction,
  type ProjectScope,
} from "./permissions";

/** Turns a decision into the HTTP answer: 404 hides what is out of scope, 403 refuses what is in it. */
export function enforce(decision: Decision): asserts decision is "allow" {
  if (decision === "not-found") throw notFound();
  if (decision === "forbidden") throw forbidden();
}

/** The Prisma filter that mirrors `canViewProject`: lists are scoped in the query, so what you may not see is not found. */
export function projectWhereForActor(actor: Actor): Prisma.ProjectWhereInput {
  if (actor.role === "ADMIN" || actor.role === "AUDITOR") return {};
  switch (actor.organizationKind) {
    case "WORLD_BANK":
      return { institution: { in: ["WB", "JOINT"] } };
    case "IFC":
      return { institution: { in: ["IFC", "JOINT"] } };
    case "MINISTRY":
      return { implementingAgencyId: actor.organizationId };
  }
}

/**
 * The same scope as a SQL condition on the project table aliased `alias`, for the reads done in plain SQL
 * (lib/sql.server.ts). A test holds it to `canViewProject` for every role and organisation kind.
 */
export function projectScopeSql(actor: Actor, alias: string): { sql: string; args: string[] } {
  if (canSeeEverything(actor)) return { sql: "1 = 1", args: [] };
  switch (actor.organizationKind) {
    case "WORLD_BANK":
      return { sql: `${alias}.institution IN ('WB', 'JOINT')`, args: [] };
    case "IFC":
      return { sql: `${alias}.institution IN ('IFC', 'JOINT')`, args: [] };
    case "MINISTRY":
      return { sql: `${alias}.implementingAgencyId = ?`, args: [actor.organizationId] };
  }
}

/**
 * What the rules need to know about one project for this actor. Read once per request: the project layout and
 * the tab inside it both ask. (A successful write redirects, so a later request reads the new state.)
 */
export function loadProjectScope(actor: Actor, projectId: string): Promise<ProjectScope | null> {
  return memoizeForRequest(`scope:${actor.id}:${projectId}`, () => readProjectScope(actor, projectId));
}

/**
 * In plain SQL (lib/sql.server.ts): every project page and every action on one asks, and through Prisma's client
 * this one read cost more than the rest of a small tab.
 */
async function readProjectScope(actor: Actor, projectId: string): Promise<ProjectScope | null> {
  const row = await readFirst(
    `SELECT p.institution, p.implementingAgencyId, p.archivedAt,
       EXISTS (SELECT 1 FROM "ProjectMember" m WHERE m.projectId = p.id AND m.userId = ?) AS isMember
     FROM "Project" p WHERE p.id = ?`,
    [actor.id, projectId],
  );
  if (!row) return null;
  return {
    institution: cell.oneOf(row, "institution", INSTITUTIONS),
    implementingAgencyId: cell.text(row, "implementingAgencyId"),
    isMember: cell.boolean(row, "isMember"),
    archived: cell.textOrNull(row, "archivedAt") !== null,
  };
}

/** Loads the project's scope and enforces `action` on it; 404 when it does not exist or is out of scope. */
export async function requireProjectPermission(
  actor: Actor,
  projectId: string,
  action: ProjectAction,
): Promise<ProjectScope> {
  const scope = await loadProjectScope(actor, projectId);
  if (!scope) throw notFound();
  enforce(decideOnProject(actor, action, scope));
  return scope;
}

/**
 * The gate of a route action that serves several intents: out of scope → 404; in scope but allowed none of
 * `actions` → 403. Each intent then checks its own action exactly.
 */
export async function requireAnyProjectPermission(
  actor: Actor,
  projectId: string,
  actions: ProjectAction[],
): Promise<ProjectScope> {
  const scope = await loadProjectScope(actor, projectId);
  if (!scope) throw notFound();
  const decisions = actions.map((action) => decideOnProject(actor, action, scope));
  if (decisions.includes("allow")) return scope;
  throw decisions.every((d) => d === "not-found") ? notFound() : forbidden();
}

export function requireGlobalPermission(actor: Actor, action: GlobalAction): void {
  enforce(decideGlobal(actor, action));
}

export { canViewProject };
