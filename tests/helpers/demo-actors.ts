import { db } from "~/lib/db.server";
import type { Actor } from "~/lib/permissions";
import { DEMO_USERS, seedDatabase } from "../../prisma/seed";

/** Seeds the demo portfolio and answers its accounts as the permission module sees them, by their key in DEMO_USERS. */
export async function seedDemoActors(): Promise<Record<string, Actor>> {
  await seedDatabase(db);
  const actors: Record<string, Actor> = {};
  for (const u of DEMO_USERS) {
    const row = await db.user.findUniqueOrThrow({ where: { email: u.email }, include: { organization: true } });
    actors[u.key] = {
      id: row.id,
      role: row.role,
      organizationId: row.organizationId,
      organizationKind: row.organization.kind,
    };
  }
  return actors;
}
