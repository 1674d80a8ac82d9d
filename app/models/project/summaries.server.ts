import { db } from "~/lib/db.server";
import { LOCALIZED_NAME_SELECT } from "~/lib/localized-name";
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
      implementingAgency: { select: LOCALIZED_NAME_SELECT },
      members: { where: { userId: actor.id }, select: { id: true } },
    },
  });
  return projects.map(({ members, implementingAgency, ...project }) => ({
    ...project,
    agency: implementingAgency,
    isMember: members.length > 0,
  }));
}
