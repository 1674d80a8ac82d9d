// Small factories for tests that build the few records they need instead of loading the demo portfolio. Each writes
// through the real database with minimal defaults (every one overridable) and records the audit event the app would
// record for such a record, inside the same transaction, so the audit chain of a test database stays verifiable.
import { randomUUID } from "node:crypto";
import type {
  Indicator,
  IndicatorValue,
  Milestone,
  MilestoneUpdate,
  Organization,
  Prisma,
  PriorityArea,
  Project,
  ProjectMember,
  Rating,
  User,
} from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import type { OrganizationKind, Role } from "~/lib/permissions";
import { createSessionCookie } from "~/lib/session.server";
import { auditedTransaction, SYSTEM_CONTEXT, type AuditInput, type Tx } from "~/models/audit.server";
import { cookiePair, passwordHashFor, TEST_PASSWORD } from "./auth";
import type { Demo } from "./project-kit";

let counter = 0;
/** A value no other record of this test file carries (codes and e-mails are unique in the schema). */
export function unique(prefix: string): string {
  counter++;
  return `${prefix}-${counter}-${randomUUID().slice(0, 6).toUpperCase()}`;
}

/** A World Bank-style project code (P and six digits), unique in this test file. */
export function projectCode(): string {
  counter++;
  return `P9${String(counter).padStart(5, "0")}`;
}

/** A calendar day at 00:00 UTC, the way the app stores dates without a time. */
export function day(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** Writes one record and its audit event in one transaction, as the app's models do. */
function audited<T extends { id: string }>(write: (tx: Tx) => Promise<T>, event: (row: T) => AuditInput): Promise<T> {
  return auditedTransaction(SYSTEM_CONTEXT, async (tx, audit) => {
    const row = await write(tx);
    await audit(event(row));
    return row;
  });
}

export function createOrganization(
  overrides: Partial<Prisma.OrganizationUncheckedCreateInput> = {},
): Promise<Organization> {
  const code = overrides.code ?? unique("ORG");
  return audited(
    (tx) => tx.organization.create({ data: { code, name: `Organisation ${code}`, kind: "MINISTRY", ...overrides } }),
    (row) => ({ action: "organization.create", entityType: "Organization", entityId: row.id, after: row }),
  );
}

export type UserOptions = Partial<Omit<Prisma.UserUncheckedCreateInput, "passwordHash">> & {
  /** The kind of the organisation created for the user when no organizationId is given. */
  orgKind?: OrganizationKind;
  password?: string;
};

/** A user with a role (MANAGER unless told), in a new organisation of `orgKind` unless `organizationId` is given. */
export async function createUser(options: UserOptions = {}): Promise<User> {
  const { orgKind, password, ...overrides } = options;
  const organizationId = overrides.organizationId ?? (await createOrganization({ kind: orgKind ?? "WORLD_BANK" })).id;
  const passwordHash = await passwordHashFor(password ?? TEST_PASSWORD);
  return audited(
    (tx) =>
      tx.user.create({
        data: {
          email: `${unique("user").toLowerCase()}@qadam.test`,
          name: "Test User",
          role: "MANAGER",
          ...overrides,
          organizationId,
          passwordHash,
        },
      }),
    // The password hash never goes into the audit log.
    ({ passwordHash: _hash, ...safe }) => ({
      action: "user.create",
      entityType: "User",
      entityId: safe.id,
      after: safe,
    }),
  );
}

/** A user signed in with a real session: what the route tests act as. */
export async function signIn(user: User): Promise<Demo> {
  const organization = await db.organization.findUniqueOrThrow({ where: { id: user.organizationId } });
  const cookie = cookiePair(await createSessionCookie(user.id, { ip: null, userAgent: "vitest" }));
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    organizationId: user.organizationId,
    organizationKind: organization.kind,
    cookie,
  };
}

/** A signed-in user of a role: `createUser` then `signIn`. */
export async function createActor(role: Role, options: UserOptions = {}): Promise<Demo> {
  return signIn(await createUser({ ...options, role }));
}

/** A framework with one priority area (more with `areas`); returns the framework and its areas. */
export async function createFramework(
  overrides: Partial<Prisma.FrameworkUncheckedCreateInput> = {},
  areas = 1,
): Promise<{ id: string; code: string; areas: PriorityArea[] }> {
  const code = overrides.code ?? unique("CPF");
  const framework = await audited(
    (tx) =>
      tx.framework.create({
        data: {
          code,
          name: `Framework ${code}`,
          startDate: day("2020-07-01"),
          endDate: day("2031-06-30"),
          annualEnvelopeMinor: 100_000_000_00n,
          ...overrides,
        },
      }),
    (row) => ({ action: "framework.create", entityType: "Framework", entityId: row.id, after: row }),
  );
  const created: PriorityArea[] = [];
  for (let i = 1; i <= areas; i++) {
    created.push(await createPriorityArea({ frameworkId: framework.id, code: `PA${i}`, sortOrder: i }));
  }
  return { id: framework.id, code: framework.code, areas: created };
}

export async function createPriorityArea(
  overrides: Partial<Prisma.PriorityAreaUncheckedCreateInput> = {},
): Promise<PriorityArea> {
  const frameworkId = overrides.frameworkId ?? (await createFramework({}, 0)).id;
  const code = overrides.code ?? unique("PA");
  return audited(
    (tx) => tx.priorityArea.create({ data: { code, name: `Priority area ${code}`, ...overrides, frameworkId } }),
    (row) => ({ action: "priorityArea.create", entityType: "PriorityArea", entityId: row.id, after: row }),
  );
}

/**
 * An active World Bank project (unless told), with a new implementing ministry and priority area unless given. Its
 * dates and money pass the project form's rules, so a test can open and save it as it is.
 */
export async function createProject(overrides: Partial<Prisma.ProjectUncheckedCreateInput> = {}): Promise<Project> {
  const implementingAgencyId = overrides.implementingAgencyId ?? (await createOrganization()).id;
  const priorityAreaId = overrides.priorityAreaId ?? (await createPriorityArea()).id;
  const code = overrides.code ?? projectCode();
  return audited(
    (tx) =>
      tx.project.create({
        data: {
          code,
          name: `Project ${code}`,
          institution: "WB",
          instrument: "IPF",
          sectorCode: "21020",
          status: "ACTIVE",
          approvalDate: day("2024-03-15"),
          effectivenessDate: day("2024-06-01"),
          closingOriginalDate: day("2029-12-31"),
          commitmentMinor: 100_000_000_00n,
          ...overrides,
          implementingAgencyId,
          priorityAreaId,
        },
      }),
    (row) => ({ action: "project.create", entityType: "Project", projectId: row.id, entityId: row.id, after: row }),
  );
}

export function addMember(projectId: string, userId: string, capacity = "PROJECT_OFFICER"): Promise<ProjectMember> {
  return audited(
    (tx) => tx.projectMember.create({ data: { projectId, userId, capacity } }),
    (row) => ({ action: "member.add", entityType: "ProjectMember", projectId, entityId: row.id, after: row }),
  );
}

export function createMilestone(
  projectId: string,
  overrides: Partial<Prisma.MilestoneUncheckedCreateInput> = {},
): Promise<Milestone> {
  const due = day("2027-06-30");
  return audited(
    (tx) =>
      tx.milestone.create({
        data: {
          title: unique("Milestone"),
          baselineDueDate: due,
          currentDueDate: overrides.baselineDueDate ?? due,
          ...overrides,
          projectId,
        },
      }),
    (row) => ({ action: "milestone.create", entityType: "Milestone", projectId, entityId: row.id, after: row }),
  );
}

/** A milestone update as submitted (SUBMITTED unless a review state is given), audited as its submission. */
export async function createMilestoneUpdate(
  milestoneId: string,
  authorId: string,
  overrides: Partial<Prisma.MilestoneUpdateUncheckedCreateInput> = {},
): Promise<MilestoneUpdate> {
  const { projectId } = await db.milestone.findUniqueOrThrow({ where: { id: milestoneId } });
  return audited(
    (tx) =>
      tx.milestoneUpdate.create({
        data: {
          proposedStatus: "IN_PROGRESS",
          proposedPercent: 50,
          narrative: "Work is on track.",
          ...overrides,
          milestoneId,
          authorId,
        },
      }),
    (row) => ({
      action: "milestoneUpdate.submit",
      entityType: "MilestoneUpdate",
      projectId,
      entityId: row.id,
      after: row,
    }),
  );
}

/** An indicator; its interim targets (`[periodEnd, value]`) are written with it and in its audit event. */
export function createIndicator(
  projectId: string,
  overrides: Partial<Prisma.IndicatorUncheckedCreateInput> = {},
  targets: [periodEnd: string, value: number][] = [],
): Promise<Indicator> {
  return auditedTransaction(SYSTEM_CONTEXT, async (tx, audit) => {
    const indicator = await tx.indicator.create({
      data: {
        code: unique("IND"),
        name: "People reached",
        type: "PDO",
        unit: "people",
        baselineValue: 0,
        baselineDate: day("2020-01-01"),
        targetValue: 1000,
        targetDate: day("2027-12-31"),
        ...overrides,
        projectId,
      },
    });
    const rows = targets.map(([end, value]) => ({ periodEnd: day(end), value }));
    if (rows.length > 0) {
      await tx.indicatorTarget.createMany({ data: rows.map((t) => ({ ...t, indicatorId: indicator.id })) });
    }
    await audit({
      action: "indicator.create",
      entityType: "Indicator",
      entityId: indicator.id,
      projectId,
      after: { ...indicator, targets: rows },
    });
    return indicator;
  });
}

/** A reported indicator value (SUBMITTED unless a state is given), audited as its report. */
export async function createIndicatorValue(
  indicatorId: string,
  reporterId: string,
  overrides: Partial<Prisma.IndicatorValueUncheckedCreateInput> = {},
): Promise<IndicatorValue> {
  const { projectId } = await db.indicator.findUniqueOrThrow({ where: { id: indicatorId } });
  return audited(
    (tx) =>
      tx.indicatorValue.create({
        data: {
          periodStart: day("2025-01-01"),
          periodEnd: day("2025-12-31"),
          value: 100,
          ...overrides,
          indicatorId,
          reporterId,
        },
      }),
    (row) => ({
      action: "indicatorValue.report",
      entityType: "IndicatorValue",
      projectId,
      entityId: row.id,
      after: row,
    }),
  );
}

export function createRating(
  projectId: string,
  authorId: string,
  overrides: Partial<Prisma.RatingUncheckedCreateInput> = {},
): Promise<Rating> {
  return audited(
    (tx) =>
      tx.rating.create({
        data: {
          ratedOn: day("2025-06-30"),
          pdoRating: "S",
          ipRating: "MS",
          riskRating: "M",
          justification: "Progress is on track.",
          ...overrides,
          projectId,
          authorId,
        },
      }),
    (row) => ({ action: "rating.record", entityType: "Rating", projectId, entityId: row.id, after: row }),
  );
}
