import { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { InvalidInputError, NotFoundError, VersionConflictError } from "~/lib/errors";
import { LOCALIZED_NAME_SELECT } from "~/lib/localized-name";
import { generateLinkToken } from "~/lib/link-tokens.server";
import { hashPassword } from "~/lib/password.server";
import type { InValue, Row } from "@libsql/client";
import { ROLES, type Role } from "~/lib/permissions";
import { cell, readFirst, readRows } from "~/lib/sql.server";
import { cachedPerState, cachedPerStateAndScope } from "~/lib/state-cache.server";
import type { CreateUserInput, UpdateUserInput } from "~/schemas/admin";
import { auditedTransaction, type AuditContext, type Tx } from "../audit.server";
import { userAuditSelect } from "../user.server";
import { inviteInTransaction } from "./invitations.server";

/**
 * User accounts as the administrator manages them. Every write runs in `auditedTransaction` with before/after
 * snapshots through `userAuditSelect` (never the password hash), and every edit is saved against the version the
 * admin saw (VersionConflictError otherwise). Callers authorise first (`requireGlobalPermission(actor,
 * "admin.users")`).
 */

/** Accounts per page of the administrator's list. */
export const USERS_PAGE_SIZE = 25;

type UserFilters = { organizationId?: string; role?: Role; active?: "true" | "false"; q?: string };

/** The filters as a condition on `u` (user). The search matches like Prisma's `contains` did: Latin letters in any case. */
function userCondition(filters: UserFilters): { sql: string; args: InValue[] } {
  const parts: { sql: string; args: InValue[] }[] = [{ sql: "1 = 1", args: [] }];
  if (filters.organizationId) parts.push({ sql: "u.organizationId = ?", args: [filters.organizationId] });
  if (filters.role) parts.push({ sql: "u.role = ?", args: [filters.role] });
  if (filters.active) parts.push({ sql: "u.active = ?", args: [filters.active === "true" ? 1 : 0] });
  if (filters.q) {
    // instr, not LIKE: a `%` or `_` typed in the search box is a character to find, not a wildcard.
    const sql = "(instr(u.email, ?) > 0 OR instr(lower(u.name), lower(?)) > 0)";
    parts.push({ sql, args: [filters.q.toLowerCase(), filters.q] });
  }
  return { sql: parts.map((part) => part.sql).join(" AND "), args: parts.flatMap((part) => part.args) };
}

function userRowOf(row: Row) {
  return {
    id: cell.text(row, "id"),
    email: cell.text(row, "email"),
    name: cell.text(row, "name"),
    organizationId: cell.text(row, "organizationId"),
    role: cell.oneOf(row, "role", ROLES),
    locale: cell.text(row, "locale"),
    active: cell.boolean(row, "active"),
    mustChangePassword: cell.boolean(row, "mustChangePassword"),
    version: cell.number(row, "version"),
    organizationCode: cell.text(row, "organizationCode"),
    organizationName: cell.text(row, "organizationName"),
    organizationNameRu: cell.textOrNull(row, "organizationNameRu"),
    organizationNameKk: cell.textOrNull(row, "organizationNameKk"),
    sessionCount: cell.number(row, "sessionCount"),
  };
}

/** Counts kept per state of the database and filters (each a number: the bound is for the number of filters). */
const COUNT_CACHE_FILTERS = 100;

async function readUserCount(filters: UserFilters): Promise<number> {
  const where = userCondition(filters);
  const counted = await readFirst(`SELECT count(*) AS total FROM "User" u WHERE ${where.sql}`, where.args);
  return counted ? cell.number(counted, "total") : 0;
}

/**
 * How many accounts match the filters. Counting means visiting every matching account (5,000 on the largest
 * portfolio), so the count is kept per state of the database (exact: every write to an account is audited, which
 * moves the chain's head) and filters.
 */
function countUsers(filters: UserFilters): Promise<number> {
  const key = JSON.stringify([filters.organizationId, filters.role, filters.active, filters.q]);
  return cachedPerStateAndScope("admin-users-count", key, () => readUserCount(filters), "", COUNT_CACHE_FILTERS);
}

/**
 * The organisations offered by the users list's filter, by name: id and name in every language, in plain SQL and kept
 * per state of the database (exact: organisations change only with an audited write). Through Prisma this one read
 * cost about a millisecond on every visit of the list.
 */
export async function listOrganizationChoices() {
  const read = async () =>
    (await readRows(`SELECT id, name, nameRu, nameKk FROM "Organization" ORDER BY name`)).map((row) => ({
      id: cell.text(row, "id"),
      name: cell.text(row, "name"),
      nameRu: cell.textOrNull(row, "nameRu"),
      nameKk: cell.textOrNull(row, "nameKk"),
    }));
  return cachedPerState("admin-organization-choices", read);
}

/**
 * One page of the accounts matching the filters (active first, then by name) and how many match in all, in plain SQL
 * (lib/sql.server.ts): a count and one page of rows, each session count a subquery of that page only.
 */
export async function listUsers(options: { filters: UserFilters; page?: number; pageSize?: number }) {
  const where = userCondition(options.filters);
  const pageSize = options.pageSize ?? USERS_PAGE_SIZE;
  const total = await countUsers(options.filters);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  // A page past the end (the list shrank since the link was made) shows the last one.
  const page = Math.min(Math.max(1, options.page ?? 1), pages);
  const rows = await readRows(
    `SELECT u.id, u.email, u.name, u.organizationId, u.role, u.locale, u.active, u.mustChangePassword, u.version,
            o.code AS organizationCode, o.name AS organizationName, o.nameRu AS organizationNameRu,
            o.nameKk AS organizationNameKk,
            (SELECT count(*) FROM "Session" s WHERE s.userId = u.id) AS sessionCount
     FROM "User" u JOIN "Organization" o ON o.id = u.organizationId
     WHERE ${where.sql}
     ORDER BY u.active DESC, u.name, u.id
     LIMIT ? OFFSET ?`,
    [...where.args, pageSize, (page - 1) * pageSize],
  );
  const users = rows.map(userRowOf);
  return {
    users,
    total,
    page,
    pages,
    from: total ? (page - 1) * pageSize + 1 : 0,
    to: (page - 1) * pageSize + users.length,
  };
}

/** One user with their organisation and project memberships; NotFoundError when there is none. */
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
  if (!user) throw new NotFoundError("user");
  const { _count, createdAt, lockedUntil, ...rest } = user;
  return {
    ...rest,
    createdAt: createdAt.toISOString(),
    lockedUntil: lockedUntil && lockedUntil > new Date() ? lockedUntil.toISOString() : null,
    sessionCount: _count.sessions,
  };
}

async function requireOrganization(tx: Tx, organizationId: string) {
  const org = await tx.organization.findUnique({ where: { id: organizationId }, select: { id: true } });
  if (!org) throw new InvalidInputError({ organizationId: "admin.errors.organizationRequired" });
}

const EMAIL_TAKEN = { email: "admin.errors.emailTaken" };

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Creates a user and invites them to set their own password (app/models/admin/invitations.server.ts): until then
 * the account's password is a random secret nobody knows, so it cannot be signed into. E-mail is unique
 * case-insensitively (stored lower-cased); a duplicate is a field error and nothing is written — nor sent.
 */
export async function createUser(options: { context: AuditContext; input: CreateUserInput }): Promise<{ id: string }> {
  const { input } = options;
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(generateLinkToken());
  try {
    return await auditedTransaction(options.context, async (tx, audit) => {
      if (await tx.user.findUnique({ where: { email }, select: { id: true } }))
        throw new InvalidInputError(EMAIL_TAKEN);
      await requireOrganization(tx, input.organizationId);
      const after = await tx.user.create({
        data: {
          email,
          name: input.name,
          organizationId: input.organizationId,
          role: input.role,
          locale: input.locale,
          passwordHash,
          mustChangePassword: false,
        },
        select: userAuditSelect,
      });
      await audit({ action: "user.create", entityType: "User", entityId: after.id, after });
      await inviteInTransaction(tx, audit, after, options.context.actorId);
      return { id: after.id };
    });
  } catch (error) {
    // A parallel create of the same address got past the check above: the unique index has the last word.
    if (isUniqueViolation(error)) throw new InvalidInputError(EMAIL_TAKEN);
    throw error;
  }
}

async function loadUserForWrite(tx: Tx, userId: string) {
  const before = await tx.user.findUnique({ where: { id: userId }, select: userAuditSelect });
  if (!before) throw new NotFoundError("user");
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
}): Promise<{ id: string; sessionsEnded: boolean }> {
  const { input, userId } = options;
  return auditedTransaction(options.context, async (tx, audit) => {
    const before = await loadUserForWrite(tx, userId);
    const roleChanged = before.role !== input.role;
    const orgChanged = before.organizationId !== input.organizationId;
    if (options.actorId === userId && roleChanged) throw new InvalidInputError({ role: "admin.errors.ownRole" });
    if (options.actorId === userId && orgChanged)
      throw new InvalidInputError({ organizationId: "admin.errors.ownOrganization" });
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
  });
}

/** Deactivation ends all the user's sessions in the same transaction; an admin cannot deactivate themselves. */
export async function setUserActive(options: {
  context: AuditContext;
  actorId: string;
  userId: string;
  active: boolean;
  version: number;
}): Promise<{ id: string }> {
  const { userId, active } = options;
  return auditedTransaction(options.context, async (tx, audit) => {
    const before = await loadUserForWrite(tx, userId);
    if (!active && options.actorId === userId) throw new InvalidInputError({ _form: "admin.errors.ownDeactivation" });
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
  });
}
