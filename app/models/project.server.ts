import { db } from "~/lib/db.server";
import type { Actor } from "~/lib/permissions";
import { projectWhereForActor } from "~/lib/permissions.server";

/** Every project the actor may see, newest CPF first; the scope is part of the query. */
export async function listVisibleProjectSummaries(actor: Actor) {
  const projects = await db.project.findMany({
    where: { ...projectWhereForActor(actor), archivedAt: null },
    orderBy: [{ status: "asc" }, { code: "asc" }],
    select: {
      id: true,
      code: true,
      name: true,
      institution: true,
      status: true,
      implementingAgency: { select: { name: true } },
      members: { where: { userId: actor.id }, select: { id: true } },
    },
  });
  return projects.map(({ members, implementingAgency, ...project }) => ({
    ...project,
    agency: implementingAgency.name,
    isMember: members.length > 0,
  }));
}
