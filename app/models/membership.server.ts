import { LOCALIZED_NAME_SELECT, pickName } from "~/lib/localized-name";
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { InvalidInputError, NotFoundError } from "~/lib/errors";
import { canViewProject, type Actor, type ProjectScope } from "~/lib/permissions";
import { auditedTransaction, type AuditContext } from "~/models/audit.server";
import type { MemberCapacity } from "~/schemas/membership";

/** The project's team: who, from which organisation, in which role and capacity. */
export async function listMembers(options: { projectId: string }) {
  const rows = await db.projectMember.findMany({
    where: { projectId: options.projectId },
    orderBy: [{ createdAt: "asc" }],
    select: {
      id: true,
      capacity: true,
      createdAt: true,
      user: {
        select: {
          id: true,
          name: true,
          email: true,
          role: true,
          active: true,
          organization: { select: LOCALIZED_NAME_SELECT },
        },
      },
    },
  });
  return rows.map((m) => ({
    id: m.id,
    capacity: m.capacity,
    since: m.createdAt.toISOString(),
    userId: m.user.id,
    name: m.user.name,
    email: m.user.email,
    role: m.user.role,
    active: m.user.active,
    organization: m.user.organization,
  }));
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
  const kinds: Actor["organizationKind"][] = [];
  if (project.institution !== "IFC") kinds.push("WORLD_BANK");
  if (project.institution !== "WB") kinds.push("IFC");
  return {
    OR: [
      { role: { in: ["ADMIN", "AUDITOR"] } },
      { organization: { kind: { in: kinds } } },
      { organization: { kind: "MINISTRY" }, organizationId: project.implementingAgencyId },
    ],
  } satisfies Prisma.UserWhereInput;
}

/**
 * Active users not yet on the team who could see the project (only they may join it), by name, at most `limit`
 * of them, narrowed by `search` (part of a name or e-mail); `total` counts every match.
 */
export async function listMemberCandidates(options: {
  projectId: string;
  project: ProjectPlace;
  search?: string;
  limit?: number;
}) {
  const search = options.search?.trim();
  const where: Prisma.UserWhereInput = {
    AND: [
      { active: true, memberships: { none: { projectId: options.projectId } } },
      viewerWhereForProject(options.project),
      search ? { OR: [{ name: { contains: search } }, { email: { contains: search.toLowerCase() } }] } : {},
    ],
  };
  const [users, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ name: "asc" }, { email: "asc" }],
      take: options.limit ?? CANDIDATE_LIMIT,
      select: { id: true, name: true, email: true, role: true, organization: { select: LOCALIZED_NAME_SELECT } },
    }),
    db.user.count({ where }),
  ]);
  return {
    candidates: users.map((u) => ({ ...u, organization: pickName(u.organization) })),
    total,
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
