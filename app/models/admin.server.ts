import { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { LOCALIZED_NAME_SELECT } from "~/lib/localized-name";
import { MAX_USD_CENTS, parseUsdToCents } from "~/lib/money";
import { hashPassword } from "~/lib/password.server";
import type { OrganizationKind, Role } from "~/lib/permissions";
import type {
  AreaInput,
  CreateUserInput,
  FrameworkInput,
  OrganizationInput,
  UpdateAreaInput,
  UpdateFrameworkInput,
  UpdateOrganizationInput,
  UpdateUserInput,
} from "~/schemas/admin";
import { auditedTransaction, type AuditContext, type Tx } from "./audit.server";
import { VersionConflictError } from "~/lib/errors";
import { userAuditSelect } from "./user.server";

/**
 * Administration: users, organisations, frameworks and priority areas. Every write runs in `auditedTransaction`
 * with before/after snapshots (users through `userAuditSelect`: never the password hash), and every editable row
 * is saved against the version the admin saw (VersionConflictError otherwise). Callers authorise first
 * (`requireGlobalPermission(actor, "admin.*")`).
 */

export type FieldErrors = Record<string, string>;
export type WriteResult<T = { id: string }> = ({ ok: true } & T) | { ok: false; fieldErrors: FieldErrors };

/** Thrown inside a transaction to roll it back and answer with field errors. */
class FieldError extends Error {
  constructor(readonly fieldErrors: FieldErrors) {
    super("field error");
  }
}

async function withFieldErrors<T>(
  work: () => Promise<T>,
): Promise<({ ok: true } & T) | { ok: false; fieldErrors: FieldErrors }> {
  try {
    return { ok: true as const, ...(await work()) };
  } catch (error) {
    if (error instanceof FieldError) return { ok: false as const, fieldErrors: error.fieldErrors };
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

const DAY = (value: string) => new Date(`${value}T00:00:00Z`);

// ---- Users ----------------------------------------------------------------------------------------------

export async function listUsers(options: {
  filters: { organizationId?: string; role?: Role; active?: "true" | "false"; q?: string };
}) {
  const { filters } = options;
  const where: Prisma.UserWhereInput = {};
  if (filters.organizationId) where.organizationId = filters.organizationId;
  if (filters.role) where.role = filters.role;
  if (filters.active) where.active = filters.active === "true";
  if (filters.q) where.OR = [{ email: { contains: filters.q.toLowerCase() } }, { name: { contains: filters.q } }];
  const rows = await db.user.findMany({
    where,
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: {
      ...userAuditSelect,
      organization: { select: { code: true, ...LOCALIZED_NAME_SELECT } },
      _count: { select: { sessions: true, memberships: true } },
    },
  });
  return rows.map(({ _count, organization, ...user }) => ({
    ...user,
    organizationCode: organization.code,
    organizationName: organization.name,
    organizationNameRu: organization.nameRu,
    organizationNameKk: organization.nameKk,
    sessionCount: _count.sessions,
    membershipCount: _count.memberships,
  }));
}

export async function getUserForAdmin(options: { userId: string }) {
  const user = await db.user.findUnique({
    where: { id: options.userId },
    select: {
      ...userAuditSelect,
      createdAt: true,
      lockedUntil: true,
      organization: { select: { id: true, code: true, ...LOCALIZED_NAME_SELECT, kind: true } },
      memberships: {
        orderBy: { project: { code: "asc" } },
        select: { capacity: true, project: { select: { id: true, code: true, name: true } } },
      },
      _count: { select: { sessions: true } },
    },
  });
  if (!user) return null;
  const { _count, createdAt, lockedUntil, ...rest } = user;
  return {
    ...rest,
    createdAt: createdAt.toISOString(),
    lockedUntil: lockedUntil && lockedUntil > new Date() ? lockedUntil.toISOString() : null,
    sessionCount: _count.sessions,
  };
}

export async function listOrganizationOptions() {
  return db.organization.findMany({
    orderBy: { name: "asc" },
    select: { id: true, code: true, ...LOCALIZED_NAME_SELECT, kind: true },
  });
}

async function requireOrganization(tx: Tx, organizationId: string) {
  const org = await tx.organization.findUnique({ where: { id: organizationId }, select: { id: true } });
  if (!org) throw new FieldError({ organizationId: "admin.errors.organizationRequired" });
}

/**
 * Creates a user who must change the initial password at first sign-in. E-mail is unique case-insensitively
 * (stored lower-cased); a duplicate is a field error and nothing is written.
 */
export async function createUser(options: { context: AuditContext; input: CreateUserInput }): Promise<WriteResult> {
  const { input } = options;
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  try {
    return await withFieldErrors(() =>
      auditedTransaction(options.context, async (tx, audit) => {
        if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
          throw new FieldError({ email: "admin.errors.emailTaken" });
        }
        await requireOrganization(tx, input.organizationId);
        const after = await tx.user.create({
          data: {
            email,
            name: input.name,
            organizationId: input.organizationId,
            role: input.role,
            locale: input.locale,
            passwordHash,
            mustChangePassword: true,
          },
          select: userAuditSelect,
        });
        await audit({ action: "user.create", entityType: "User", entityId: after.id, after });
        return { id: after.id };
      }),
    );
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, fieldErrors: { email: "admin.errors.emailTaken" } };
    throw error;
  }
}

async function loadUserForWrite(tx: Tx, userId: string) {
  const before = await tx.user.findUnique({ where: { id: userId }, select: userAuditSelect });
  if (!before) throw new Response("Not found", { status: 404 });
  return before;
}

/** Saves `data` on the user if nobody saved first; returns the snapshot after. */
async function saveUser(
  tx: Tx,
  userId: string,
  version: number,
  data: Prisma.UserUpdateManyMutationInput & { organizationId?: string },
) {
  const result = await tx.user.updateMany({
    where: { id: userId, version },
    data: { ...data, version: { increment: 1 } },
  });
  if (result.count === 0)
    throw new VersionConflictError(await tx.user.findUnique({ where: { id: userId }, select: userAuditSelect }));
  return tx.user.findUniqueOrThrow({ where: { id: userId }, select: userAuditSelect });
}

/**
 * Name, organisation, role, language. Changing the role or the organisation ends all the user's sessions (their
 * permissions changed). An admin cannot change their own role or organisation.
 */
export async function updateUser(options: {
  context: AuditContext;
  actorId: string;
  userId: string;
  input: Omit<UpdateUserInput, "intent">;
}): Promise<WriteResult<{ id: string; sessionsEnded: boolean }>> {
  const { input, userId } = options;
  return withFieldErrors(() =>
    auditedTransaction(options.context, async (tx, audit) => {
      const before = await loadUserForWrite(tx, userId);
      const roleChanged = before.role !== input.role;
      const orgChanged = before.organizationId !== input.organizationId;
      if (options.actorId === userId && roleChanged) throw new FieldError({ role: "admin.errors.ownRole" });
      if (options.actorId === userId && orgChanged)
        throw new FieldError({ organizationId: "admin.errors.ownOrganization" });
      if (orgChanged) await requireOrganization(tx, input.organizationId);
      const after = await saveUser(tx, userId, input.version, {
        name: input.name,
        organizationId: input.organizationId,
        role: input.role,
        locale: input.locale,
      });
      const sessionsEnded = roleChanged || orgChanged;
      if (sessionsEnded) await tx.session.deleteMany({ where: { userId } });
      await audit({
        action: "user.update",
        entityType: "User",
        entityId: userId,
        before,
        // The History page shows `reason` as typed by a person; this fact belongs in the snapshot instead.
        after: sessionsEnded ? { ...after, sessionsEnded: true } : after,
      });
      return { id: userId, sessionsEnded };
    }),
  );
}

/** Deactivation ends all the user's sessions in the same transaction; an admin cannot deactivate themselves. */
export async function setUserActive(options: {
  context: AuditContext;
  actorId: string;
  userId: string;
  active: boolean;
  version: number;
}): Promise<WriteResult> {
  const { userId, active } = options;
  return withFieldErrors(() =>
    auditedTransaction(options.context, async (tx, audit) => {
      const before = await loadUserForWrite(tx, userId);
      if (!active && options.actorId === userId) throw new FieldError({ _form: "admin.errors.ownDeactivation" });
      const after = await saveUser(tx, userId, options.version, {
        active,
        // A reactivated account starts with a clean throttling slate.
        ...(active ? { failedLoginCount: 0, lockedUntil: null } : {}),
      });
      if (!active) await tx.session.deleteMany({ where: { userId } });
      await audit({
        action: active ? "user.reactivate" : "user.deactivate",
        entityType: "User",
        entityId: userId,
        before,
        after,
      });
      return { id: userId };
    }),
  );
}

/** Sets a new initial password the user must change at next sign-in, and ends their sessions. */
export async function resetUserPassword(options: {
  context: AuditContext;
  actorId: string;
  userId: string;
  password: string;
  version: number;
}): Promise<WriteResult> {
  const passwordHash = await hashPassword(options.password);
  return withFieldErrors(() =>
    auditedTransaction(options.context, async (tx, audit) => {
      const before = await loadUserForWrite(tx, options.userId);
      if (options.actorId === options.userId) throw new FieldError({ password: "admin.errors.ownPassword" });
      const after = await saveUser(tx, options.userId, options.version, {
        passwordHash,
        mustChangePassword: true,
        failedLoginCount: 0,
        lockedUntil: null,
      });
      await tx.session.deleteMany({ where: { userId: options.userId } });
      await audit({ action: "user.resetPassword", entityType: "User", entityId: options.userId, before, after });
      return { id: options.userId };
    }),
  );
}

/** The English name and its optional translations as stored: a blank translation is null (show the English). */
function translatedNames(input: { name: string; nameRu?: string; nameKk?: string }) {
  return { name: input.name, nameRu: input.nameRu?.trim() || null, nameKk: input.nameKk?.trim() || null };
}

// ---- Organisations --------------------------------------------------------------------------------------

const organizationSelect = { id: true, code: true, ...LOCALIZED_NAME_SELECT, kind: true, version: true } as const;

export async function listOrganizationsForAdmin() {
  const rows = await db.organization.findMany({
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: { ...organizationSelect, _count: { select: { users: true, implementedProjects: true } } },
  });
  return rows.map(({ _count, ...org }) => ({
    ...org,
    userCount: _count.users,
    projectCount: _count.implementedProjects,
  }));
}

async function requireFreeOrganizationCode(tx: Tx, code: string, exceptId?: string) {
  const existing = await tx.organization.findUnique({ where: { code }, select: { id: true } });
  if (existing && existing.id !== exceptId) throw new FieldError({ code: "admin.errors.codeTaken" });
}

export async function createOrganization(options: {
  context: AuditContext;
  input: Omit<OrganizationInput, "intent">;
}): Promise<WriteResult> {
  const { input } = options;
  return withFieldErrors(() =>
    auditedTransaction(options.context, async (tx, audit) => {
      await requireFreeOrganizationCode(tx, input.code);
      const after = await tx.organization.create({
        data: { code: input.code, ...translatedNames(input), kind: input.kind as OrganizationKind },
        select: organizationSelect,
      });
      await audit({ action: "organization.create", entityType: "Organization", entityId: after.id, after });
      return { id: after.id };
    }),
  );
}

export async function updateOrganization(options: {
  context: AuditContext;
  input: Omit<UpdateOrganizationInput, "intent">;
}): Promise<WriteResult> {
  const { input } = options;
  return withFieldErrors(() =>
    auditedTransaction(options.context, async (tx, audit) => {
      const before = await tx.organization.findUnique({ where: { id: input.id }, select: organizationSelect });
      if (!before) throw new Response("Not found", { status: 404 });
      await requireFreeOrganizationCode(tx, input.code, input.id);
      // The kind decides what its staff may see and whether it may implement projects: changing it under
      // existing users or projects would silently change their scope and make those projects unsavable.
      if (input.kind !== before.kind) {
        const [users, projects] = await Promise.all([
          tx.user.count({ where: { organizationId: input.id } }),
          tx.project.count({ where: { implementingAgencyId: input.id } }),
        ]);
        if (users > 0 || projects > 0) throw new FieldError({ kind: "admin.errors.kindInUse" });
      }
      const result = await tx.organization.updateMany({
        where: { id: input.id, version: input.version },
        data: { code: input.code, ...translatedNames(input), kind: input.kind, version: { increment: 1 } },
      });
      if (result.count === 0) throw new VersionConflictError(before);
      const after = await tx.organization.findUniqueOrThrow({ where: { id: input.id }, select: organizationSelect });
      await audit({ action: "organization.update", entityType: "Organization", entityId: input.id, before, after });
      return { id: input.id };
    }),
  );
}

// ---- Frameworks and priority areas ----------------------------------------------------------------------

const frameworkSelect = {
  id: true,
  code: true,
  ...LOCALIZED_NAME_SELECT,
  startDate: true,
  endDate: true,
  annualEnvelopeMinor: true,
  description: true,
  version: true,
} as const;
const areaSelect = {
  id: true,
  frameworkId: true,
  code: true,
  ...LOCALIZED_NAME_SELECT,
  description: true,
  sortOrder: true,
  version: true,
} as const;

export async function listFrameworksForAdmin() {
  const rows = await db.framework.findMany({
    orderBy: { startDate: "desc" },
    select: {
      ...frameworkSelect,
      priorityAreas: {
        orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
        select: { ...areaSelect, _count: { select: { projects: true } } },
      },
    },
  });
  return rows.map(({ annualEnvelopeMinor, startDate, endDate, priorityAreas, ...f }) => ({
    ...f,
    startDate: startDate.toISOString(),
    endDate: endDate.toISOString(),
    annualEnvelopeCents: Number(annualEnvelopeMinor),
    areas: priorityAreas.map(({ _count, ...a }) => ({ ...a, projectCount: _count.projects })),
  }));
}

function frameworkData(input: Omit<FrameworkInput, "intent">) {
  const cents = parseUsdToCents(input.annualEnvelopeUsd);
  if (cents === null) throw new FieldError({ annualEnvelopeUsd: "admin.errors.amountInvalid" });
  if (cents > MAX_USD_CENTS) throw new FieldError({ annualEnvelopeUsd: "admin.errors.amountTooLarge" });
  return {
    code: input.code,
    ...translatedNames(input),
    startDate: DAY(input.startDate),
    endDate: DAY(input.endDate),
    annualEnvelopeMinor: cents,
    description: input.description ?? "",
  };
}

async function requireFreeFrameworkCode(tx: Tx, code: string, exceptId?: string) {
  const existing = await tx.framework.findUnique({ where: { code }, select: { id: true } });
  if (existing && existing.id !== exceptId) throw new FieldError({ code: "admin.errors.codeTaken" });
}

export async function createFramework(options: {
  context: AuditContext;
  input: Omit<FrameworkInput, "intent">;
}): Promise<WriteResult> {
  return withFieldErrors(() =>
    auditedTransaction(options.context, async (tx, audit) => {
      const data = frameworkData(options.input);
      await requireFreeFrameworkCode(tx, data.code);
      const after = await tx.framework.create({ data, select: frameworkSelect });
      await audit({ action: "framework.create", entityType: "Framework", entityId: after.id, after });
      return { id: after.id };
    }),
  );
}

export async function updateFramework(options: {
  context: AuditContext;
  input: Omit<UpdateFrameworkInput, "intent">;
}): Promise<WriteResult> {
  const { input } = options;
  return withFieldErrors(() =>
    auditedTransaction(options.context, async (tx, audit) => {
      const before = await tx.framework.findUnique({ where: { id: input.id }, select: frameworkSelect });
      if (!before) throw new Response("Not found", { status: 404 });
      const data = frameworkData(input);
      await requireFreeFrameworkCode(tx, data.code, input.id);
      const result = await tx.framework.updateMany({
        where: { id: input.id, version: input.version },
        data: { ...data, version: { increment: 1 } },
      });
      if (result.count === 0) throw new VersionConflictError(before);
      const after = await tx.framework.findUniqueOrThrow({ where: { id: input.id }, select: frameworkSelect });
      await audit({ action: "framework.update", entityType: "Framework", entityId: input.id, before, after });
      return { id: input.id };
    }),
  );
}

async function requireFreeAreaCode(tx: Tx, frameworkId: string, code: string, exceptId?: string) {
  const existing = await tx.priorityArea.findUnique({
    where: { frameworkId_code: { frameworkId, code } },
    select: { id: true },
  });
  if (existing && existing.id !== exceptId) throw new FieldError({ code: "admin.errors.codeTaken" });
}

/** A new area goes to the end of its framework's order. */
export async function createPriorityArea(options: {
  context: AuditContext;
  input: Omit<AreaInput, "intent">;
}): Promise<WriteResult> {
  const { input } = options;
  return withFieldErrors(() =>
    auditedTransaction(options.context, async (tx, audit) => {
      const framework = await tx.framework.findUnique({ where: { id: input.frameworkId }, select: { id: true } });
      if (!framework) throw new Response("Not found", { status: 404 });
      await requireFreeAreaCode(tx, input.frameworkId, input.code);
      const last = await tx.priorityArea.findFirst({
        where: { frameworkId: input.frameworkId },
        orderBy: { sortOrder: "desc" },
        select: { sortOrder: true },
      });
      const after = await tx.priorityArea.create({
        data: {
          frameworkId: input.frameworkId,
          code: input.code,
          ...translatedNames(input),
          description: input.description ?? "",
          sortOrder: (last?.sortOrder ?? 0) + 1,
        },
        select: areaSelect,
      });
      await audit({ action: "priorityArea.create", entityType: "PriorityArea", entityId: after.id, after });
      return { id: after.id };
    }),
  );
}

export async function updatePriorityArea(options: {
  context: AuditContext;
  input: Omit<UpdateAreaInput, "intent">;
}): Promise<WriteResult> {
  const { input } = options;
  return withFieldErrors(() =>
    auditedTransaction(options.context, async (tx, audit) => {
      const before = await tx.priorityArea.findUnique({ where: { id: input.id }, select: areaSelect });
      if (!before) throw new Response("Not found", { status: 404 });
      await requireFreeAreaCode(tx, before.frameworkId, input.code, input.id);
      const result = await tx.priorityArea.updateMany({
        where: { id: input.id, version: input.version },
        data: {
          code: input.code,
          ...translatedNames(input),
          description: input.description ?? "",
          version: { increment: 1 },
        },
      });
      if (result.count === 0) throw new VersionConflictError(before);
      const after = await tx.priorityArea.findUniqueOrThrow({ where: { id: input.id }, select: areaSelect });
      await audit({ action: "priorityArea.update", entityType: "PriorityArea", entityId: input.id, before, after });
      return { id: input.id };
    }),
  );
}

/**
 * Moves an area one place up or down in its framework. The framework's areas are renumbered 1..n in the new
 * order; each area whose position changes gets a new version and its own audit event.
 */
export async function movePriorityArea(options: {
  context: AuditContext;
  id: string;
  version: number;
  direction: "up" | "down";
}): Promise<WriteResult> {
  return withFieldErrors(() =>
    auditedTransaction(options.context, async (tx, audit) => {
      const area = await tx.priorityArea.findUnique({ where: { id: options.id }, select: areaSelect });
      if (!area) throw new Response("Not found", { status: 404 });
      if (area.version !== options.version) throw new VersionConflictError(area);
      const siblings = await tx.priorityArea.findMany({
        where: { frameworkId: area.frameworkId },
        orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
        select: areaSelect,
      });
      const from = siblings.findIndex((s) => s.id === area.id);
      const to = options.direction === "up" ? from - 1 : from + 1;
      if (to < 0 || to >= siblings.length) return { id: area.id };
      const order = [...siblings];
      [order[from], order[to]] = [order[to], order[from]];
      for (const [index, before] of order.entries()) {
        const sortOrder = index + 1;
        if (before.sortOrder === sortOrder) continue;
        const result = await tx.priorityArea.updateMany({
          where: { id: before.id, version: before.version },
          data: { sortOrder, version: { increment: 1 } },
        });
        if (result.count === 0) throw new VersionConflictError(before);
        const after = await tx.priorityArea.findUniqueOrThrow({ where: { id: before.id }, select: areaSelect });
        await audit({ action: "priorityArea.reorder", entityType: "PriorityArea", entityId: before.id, before, after });
      }
      return { id: area.id };
    }),
  );
}

// ---- Overview -------------------------------------------------------------------------------------------

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
