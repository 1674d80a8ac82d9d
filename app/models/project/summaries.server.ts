import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { LOCALIZED_NAME_SELECT } from "~/lib/localized-name";
import type { Actor } from "~/lib/permissions";
import { projectWhereForActor } from "~/lib/permissions.server";

/** The home page lists at most this many of the projects the actor can see, and says how many there are. */
export const VISIBLE_PROJECTS_LIMIT = 50;

/** The projects the actor may see (the first `limit`, by status then code) and their number; the scope is part of the query. */
export async function listVisibleProjectSummaries(actor: Actor, limit = VISIBLE_PROJECTS_LIMIT) {
  const where = { ...projectWhereForActor(actor), archivedAt: null };
  const [projects, total] = await Promise.all([findVisible(actor, where, limit), db.project.count({ where })]);
  return {
    items: projects.map(({ members, implementingAgency, ...project }) => ({
      ...project,
      agency: implementingAgency,
      isMember: members.length > 0,
    })),
    total,
  };
}

function findVisible(actor: Actor, where: Prisma.ProjectWhereInput, limit: number) {
  return db.project.findMany({
    where,
    take: limit,
    orderBy: [{ status: "asc" }, { code: "asc" }],
    select: {
      id: true,
      code: true,
      name: true,
      institution: true,
      status: true,
      implementingAgency: { select: LOCALIZED_NAME_SELECT },
      members: { where: { userId: actor.id }, select: { id: true } },
    },
  });
}
