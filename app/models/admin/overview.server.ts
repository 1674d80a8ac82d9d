import { db } from "~/lib/db.server";
import type { Role } from "~/lib/permissions";

/** The administration's front page: active users per role, inactive users, and how many reference records exist. */
export async function getAdminOverview() {
  const [roles, inactive, organizations, frameworks, areas] = await Promise.all([
    db.user.groupBy({ by: ["role"], where: { active: true }, _count: { _all: true } }),
    db.user.count({ where: { active: false } }),
    db.organization.count(),
    db.framework.count(),
    db.priorityArea.count(),
  ]);
  const byRole: Record<Role, number> = { ADMIN: 0, MANAGER: 0, OFFICER: 0, AUDITOR: 0 };
  for (const row of roles) byRole[row.role] = row._count._all;
  return { byRole, inactive, organizations, frameworks, areas };
}
