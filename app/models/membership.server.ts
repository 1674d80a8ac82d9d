import type { InArgs, Row } from "@libsql/client";
import { LOCALIZED_NAME_SELECT, type LocalizedName } from "~/lib/localized-name";
import { Prisma } from "~/generated/prisma/client";
import { InvalidInputError, NotFoundError } from "~/lib/errors";
import { ROLES, canViewProject, type Actor, type ProjectScope } from "~/lib/permissions";
import { cell, readRows } from "~/lib/sql.server";
import { cachedPerState } from "~/lib/state-cache.server";
import { auditedTransaction, type AuditContext } from "~/models/audit.server";
import type { MemberCapacity } from "~/schemas/membership";

/** The project's team: who, from which organisation, in which role and capacity. */
export async function listMembers(options: { projectId: string }) {
  // Plain SQL (lib/sql.server.ts): one statement where Prisma's client sent three, on every view of the tab.
  const rows = await readRows(
    `SELECT m.id, m.capacity, m.createdAt, u.id AS userId, u.name AS userName, u.email, u.role, u.active,
       o.name, o.nameRu, o.nameKk
     FROM "ProjectMember" m JOIN "User" u ON u.id = m.userId JOIN "Organization" o ON o.id = u.organizationId
     WHERE m.projectId = ? ORDER BY m.createdAt`,
    [options.projectId],
  );
  return rows.map((row) => ({
    id: cell.text(row, "id"),
    capacity: cell.text(row, "capacity"),
    since: cell.date(row, "createdAt").toISOString(),
    userId: cell.text(row, "userId"),
    name: cell.text(row, "userName"),
    email: cell.text(row, "email"),
    role: cell.oneOf(row, "role", ROLES),
    active: cell.boolean(row, "active"),
    organization: nameOf(row),
  }));
}

/** The localized name columns (name, nameRu, nameKk) of a row. */
function nameOf(row: Row): LocalizedName {
  return {
    name: cell.text(row, "name"),
    nameRu: cell.textOrNull(row, "nameRu"),
    nameKk: cell.textOrNull(row, "nameKk"),
  };
}

const actorSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  organizationId: true,
  organization: { select: { kind: true, ...LOCALIZED_NAME_SELECT } },
} as const;

function toActor(user: {
  id: string;
  role: Actor["role"];
  organizationId: string;
  organization: { kind: Actor["organizationKind"] };
}): Actor {
  return {
    id: user.id,
    role: user.role,
    organizationId: user.organizationId,
    organizationKind: user.organization.kind,
  };
}

type ProjectPlace = Omit<ProjectScope, "isMember">;

/** The person picker offers at most this many people; a search narrows the rest ("showing N of M"). */
export const CANDIDATE_LIMIT = 50;

/**
 * The users who could see `project`, as a query: the user-side mirror of `canViewProject` (everyone for admins and
 * auditors; World Bank staff on WB and joint projects, IFC staff on IFC and joint ones, a ministry on the projects
 * it implements). A test holds the two to the same answers.
 */
export function viewerWhereForProject(project: Pick<ProjectPlace, "institution" | "implementingAgencyId">) {
  const kinds = viewerKinds(project);
  return {
    OR: [
      { role: { in: ["ADMIN", "AUDITOR"] } },
      { organization: { kind: { in: kinds } } },
      { organization: { kind: "MINISTRY" }, organizationId: project.implementingAgencyId },
    ],
  } satisfies Prisma.UserWhereInput;
}

/** The organisation kinds (other than the implementing ministry) whose staff see a project of `institution`. */
function viewerKinds(project: Pick<ProjectPlace, "institution">): Actor["organizationKind"][] {
  const kinds: Actor["organizationKind"][] = [];
  if (project.institution !== "IFC") kinds.push("WORLD_BANK");
  if (project.institution !== "WB") kinds.push("IFC");
  return kinds;
}

type CandidateQuery = { projectId: string; project: ProjectPlace; search?: string; limit?: number };

/**
 * Active users not yet on the team who could see the project (only they may join it), by name, at most `limit`
 * of them, narrowed by `search` (part of a name or e-mail); `total` counts every match. Counting them visits every
 * user, so the answer is kept for the current state of the database (exact: adding
 * a member, creating or deactivating a user all append to the audit chain), one project and search at a time.
 */
export function listMemberCandidates(options: CandidateQuery) {
  const { institution, implementingAgencyId } = options.project;
  const key = [options.projectId, institution, implementingAgencyId, options.search?.trim() ?? "", options.limit ?? ""];
  return cachedPerState("team-candidates", () => readMemberCandidates(options), JSON.stringify(key));
}

async function readMemberCandidates(options: CandidateQuery) {
  const search = options.search?.trim();
  const viewer = viewerSqlForProject(options.project);
  const args: InArgs = [options.projectId, ...viewer.args];
  let matching = "";
  if (search) {
    // As Prisma's `contains` on SQLite: LIKE (case-insensitive for Latin letters), wildcards in the search escaped.
    const pattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    matching = `AND (u.name LIKE ? ESCAPE '\\' OR u.email LIKE ? ESCAPE '\\')`;
    args.push(pattern(search), pattern(search.toLowerCase()));
  }
  // One statement in plain SQL (lib/sql.server.ts): the page of people and, by a window over every match, their
  // number; through Prisma's client the same took four queries, and thousands of users made each one heavier.
  const rows = await readRows(
    `SELECT u.id, u.name AS userName, u.email, u.role, o.name, o.nameRu, o.nameKk, count(*) OVER () AS total
     FROM "User" u JOIN "Organization" o ON o.id = u.organizationId
     WHERE u.active = 1
       AND NOT EXISTS (SELECT 1 FROM "ProjectMember" m WHERE m.projectId = ? AND m.userId = u.id)
       AND ${viewer.sql} ${matching}
     ORDER BY u.name, u.email LIMIT ?`,
    [...args, options.limit ?? CANDIDATE_LIMIT],
  );
  return {
    candidates: rows.map((row) => ({
      id: cell.text(row, "id"),
      name: cell.text(row, "userName"),
      email: cell.text(row, "email"),
      role: cell.oneOf(row, "role", ROLES),
      organization: nameOf(row),
    })),
    total: rows[0] ? cell.number(rows[0], "total") : 0,
  };
}

/** `viewerWhereForProject` (the same kinds) as a SQL condition on users `u` joined to their organisation `o`. */
function viewerSqlForProject(project: Pick<ProjectPlace, "institution" | "implementingAgencyId">) {
  const kinds = viewerKinds(project);
  return {
    sql: `(u.role IN ('ADMIN', 'AUDITOR') OR o.kind IN (${kinds.map(() => "?").join(", ")})
      OR (o.kind = 'MINISTRY' AND u.organizationId = ?))`,
    args: [...kinds, project.implementingAgencyId],
  };
}

/** A field error on the person chosen: an i18n key under `projects.team.errors`. */
const userError = (key: string) => new InvalidInputError({ userId: `projects.team.errors.${key}` });

/**
 * Adds a user to the team. Throws InvalidInputError (on the person field) when they could not see the project,
 * are unknown or inactive, or already belong to it.
 */
export async function addMember(options: {
  context: AuditContext;
  projectId: string;
  project: ProjectPlace;
  userId: string;
  capacity: MemberCapacity;
}): Promise<void> {
  const { context, projectId, project, userId, capacity } = options;
  try {
    await auditedTransaction(context, async (tx, audit) => {
      const user = await tx.user.findUnique({ where: { id: userId }, select: { ...actorSelect, active: true } });
      if (!user || !user.active) throw userError("userUnknown");
      if (!canViewProject(toActor(user), project)) throw userError("userCannotSee");
      const existing = await tx.projectMember.findUnique({ where: { projectId_userId: { projectId, userId } } });
      if (existing) throw userError("alreadyMember");
      const member = await tx.projectMember.create({ data: { projectId, userId, capacity } });
      await audit({ action: "member.add", entityType: "ProjectMember", entityId: member.id, projectId, after: member });
    });
  } catch (error) {
    // Added meanwhile by a request our check could not see (another app instance): the unique index refused it.
    if (isMembershipTaken(error)) throw userError("alreadyMember");
    throw error;
  }
}

function isMembershipTaken(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  const where = JSON.stringify(error.meta ?? {}) + error.message;
  return where.includes("ProjectMember") || (where.includes("projectId") && where.includes("userId"));
}

/** Removes a member of *this* project; NotFoundError when the id names no member of it (no IDOR through the URL). */
export async function removeMember(options: {
  context: AuditContext;
  projectId: string;
  memberId: string;
  reason?: string;
}) {
  const { context, projectId, memberId } = options;
  await auditedTransaction(context, async (tx, audit) => {
    const member = await tx.projectMember.findUnique({ where: { id: memberId } });
    if (!member || member.projectId !== projectId) throw new NotFoundError("member");
    await tx.projectMember.delete({ where: { id: memberId } });
    await audit({
      action: "member.remove",
      entityType: "ProjectMember",
      entityId: memberId,
      projectId,
      before: member,
      reason: options.reason ?? null,
    });
  });
}
