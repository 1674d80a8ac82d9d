// Reference data: organisations, demo users, frameworks and their priority areas, one audit event per record.
import type { Audit, Tx } from "~/models/audit.server";
import { FRAMEWORKS } from "./data/frameworks";
import { ORGANIZATIONS } from "./data/organizations";
import { DEMO_USERS } from "./data/users";
import { day, usdMillions } from "./dates";
import { lookup } from "./lookup";
import type { AreaCode, Ids, OrgCode } from "./types";

export async function seedReferenceData(tx: Tx, record: Audit, passwordHash: string) {
  const ids: Ids = { orgs: new Map(), users: new Map(), areas: new Map() };

  const orgs = await tx.organization.createManyAndReturn({ data: ORGANIZATIONS });
  for (const org of orgs) {
    ids.orgs.set(org.code as OrgCode, org.id);
    await record({ action: "organization.create", entityType: "Organization", entityId: org.id, after: org });
  }

  const users = await tx.user.createManyAndReturn({
    data: DEMO_USERS.map((u) => ({
      email: u.email.toLowerCase(),
      name: u.name,
      organizationId: lookup(ids.orgs, u.org, "organisation"),
      role: u.role,
      locale: "en",
      passwordHash,
    })),
  });
  const keyByEmail = new Map(DEMO_USERS.map((u) => [u.email, u.key]));
  for (const user of users) {
    ids.users.set(lookup(keyByEmail, user.email, "demo user e-mail"), user.id);
    // The password hash never goes into the audit log.
    const safe: Partial<typeof user> = { ...user };
    delete safe.passwordHash;
    await record({ action: "user.create", entityType: "User", entityId: user.id, after: safe });
  }

  let priorityAreas = 0;
  for (const spec of FRAMEWORKS) {
    const framework = await tx.framework.create({
      data: {
        code: spec.code,
        name: spec.name,
        nameRu: spec.nameRu,
        nameKk: spec.nameKk,
        startDate: day(spec.start),
        endDate: day(spec.end),
        annualEnvelopeMinor: usdMillions(spec.annualEnvelopeMillions),
        description: spec.description,
      },
    });
    await record({ action: "framework.create", entityType: "Framework", entityId: framework.id, after: framework });
    const areas = await tx.priorityArea.createManyAndReturn({
      data: spec.areas.map((a, i) => ({ ...a, frameworkId: framework.id, sortOrder: i + 1 })),
    });
    for (const area of areas) {
      ids.areas.set(area.code as AreaCode, area.id);
      await record({ action: "priorityArea.create", entityType: "PriorityArea", entityId: area.id, after: area });
    }
    priorityAreas += areas.length;
  }

  return {
    ids,
    counts: { organizations: orgs.length, users: users.length, frameworks: FRAMEWORKS.length, priorityAreas },
  };
}
