import { Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from "lucia";
import { db } from "./db.server";
import { getEnv } from "./env.server";
import { generateSessionToken, hashSessionToken } from "./crypto.server";
import { ORGANIZATION_KINDS, ROLES, type OrganizationKind, type Role } from "./permissions";
import { memoizeForRequest } from "./request.server";
import { cell, readFirst } from "./sql.server";

/**
 * All session handling lives here (lucia v3 is deprecated upstream in favour of its documented design, so
 * it stays behind this one module). The browser holds a random token; the database holds only its keyed
 * hash as the session id.
 */

type UserAttributes = {
  email: string;
  name: string;
  role: Role;
  organizationId: string;
  organizationKind: OrganizationKind;
  /** The organisation's name in English, Russian and Kazakh (see localizedName). */
  organizationName: string;
  organizationNameRu: string | null;
  organizationNameKk: string | null;
  locale: string;
  mustChangePassword: boolean;
  /**
   * Whether any notification of the user is unread, whatever its project, as read with the session. When none is,
   * the bell's scoped count is 0 without a second statement (the scoped count is never more than this one).
   */
  hasUnreadNotifications: boolean;
};

type SessionAttributes = { lastSeenAt: Date; ip: string | null; userAgent: string | null };

/**
 * The session with its user and organisation in one statement: every signed-in request starts here, so it is read
 * through the plain SQL connection (lib/sql.server.ts) rather than as three Prisma queries. Whether anything is unread
 * comes with it (one index probe): most pages are then shown without the bell's own count.
 */
const SESSION_AND_USER_SQL = `
  SELECT s.id, s.userId, s.expiresAt, s.lastSeenAt, s.ip, s.userAgent,
         u.email, u.name, u.role, u.organizationId, u.active, u.locale, u.mustChangePassword,
         o.kind AS organizationKind, o.name AS organizationName, o.nameRu AS organizationNameRu,
         o.nameKk AS organizationNameKk,
         EXISTS (SELECT 1 FROM "Notification" n WHERE n.userId = u.id AND n.readAt IS NULL) AS hasUnreadNotifications
  FROM "Session" s
  JOIN "User" u ON u.id = s.userId
  JOIN "Organization" o ON o.id = u.organizationId
  WHERE s.id = ?`;

const IDLE_TOUCH_MS = 60_000;

/** A typed lucia adapter over prisma.session (avoids @lucia-auth/adapter-prisma's stale peer range). */
const adapter: Adapter = {
  async getSessionAndUser(sessionId) {
    const row = await readFirst(SESSION_AND_USER_SQL, [sessionId]);
    if (!row) return [null, null];
    const lastSeenAt = cell.date(row, "lastSeenAt");
    const idleLimit = Date.now() - getEnv().SESSION_IDLE_MINUTES * 60_000;
    if (!cell.boolean(row, "active") || lastSeenAt.getTime() < idleLimit) {
      await db.session.deleteMany({ where: { id: sessionId } });
      return [null, null];
    }
    const session: DatabaseSession = {
      id: sessionId,
      userId: cell.text(row, "userId"),
      expiresAt: cell.date(row, "expiresAt"),
      attributes: { lastSeenAt, ip: cell.textOrNull(row, "ip"), userAgent: cell.textOrNull(row, "userAgent") },
    };
    const user: DatabaseUser = {
      id: session.userId,
      attributes: {
        email: cell.text(row, "email"),
        name: cell.text(row, "name"),
        role: cell.oneOf(row, "role", ROLES),
        organizationId: cell.text(row, "organizationId"),
        organizationKind: cell.oneOf(row, "organizationKind", ORGANIZATION_KINDS),
        organizationName: cell.text(row, "organizationName"),
        organizationNameRu: cell.textOrNull(row, "organizationNameRu"),
        organizationNameKk: cell.textOrNull(row, "organizationNameKk"),
        locale: cell.text(row, "locale"),
        mustChangePassword: cell.boolean(row, "mustChangePassword"),
        hasUnreadNotifications: cell.boolean(row, "hasUnreadNotifications"),
      },
    };
    return [session, user];
  },
  async getUserSessions(userId) {
    const rows = await db.session.findMany({ where: { userId } });
    return rows.map((row) => ({
      id: row.id,
      userId: row.userId,
      expiresAt: row.expiresAt,
      attributes: { lastSeenAt: row.lastSeenAt, ip: row.ip, userAgent: row.userAgent },
    }));
  },
  async setSession(session) {
    const attributes = session.attributes as Partial<SessionAttributes>;
    await db.session.create({
      data: {
        id: session.id,
        userId: session.userId,
        expiresAt: session.expiresAt,
        ip: attributes.ip ?? null,
        userAgent: attributes.userAgent ?? null,
      },
    });
  },
  async updateSessionExpiration(sessionId, expiresAt) {
    await db.session.updateMany({ where: { id: sessionId }, data: { expiresAt } });
  },
  async deleteSession(sessionId) {
    await db.session.deleteMany({ where: { id: sessionId } });
  },
  async deleteUserSessions(userId) {
    await db.session.deleteMany({ where: { userId } });
  },
  async deleteExpiredSessions() {
    await db.session.deleteMany({ where: { expiresAt: { lte: new Date() } } });
  },
};

export function cookieSecure(): boolean {
  const env = getEnv();
  if (env.COOKIE_SECURE) return env.COOKIE_SECURE === "true";
  return env.NODE_ENV === "production";
}

export const lucia = new Lucia(adapter, {
  sessionExpiresIn: new TimeSpan(getEnv().SESSION_MAX_AGE_DAYS, "d"),
  sessionCookie: {
    name: "qadam_session",
    expires: true,
    attributes: { secure: cookieSecure(), sameSite: "lax" },
  },
  getUserAttributes: (attributes) => attributes,
  getSessionAttributes: (attributes) => attributes,
});

declare module "lucia" {
  interface Register {
    Lucia: typeof lucia;
    DatabaseUserAttributes: UserAttributes;
    DatabaseSessionAttributes: SessionAttributes;
  }
}

export type SessionUser = UserAttributes & { id: string };

/** Starts a new session (a new token on every login) and returns the Set-Cookie header value. */
export async function createSessionCookie(userId: string, meta: { ip: string | null; userAgent: string | null }) {
  const token = generateSessionToken();
  await lucia.createSession(userId, { lastSeenAt: new Date(), ...meta }, { sessionId: hashSessionToken(token) });
  return lucia.createSessionCookie(token).serialize();
}

export function blankSessionCookie(): string {
  return lucia.createBlankSessionCookie().serialize();
}

export function readSessionToken(request: Request): string | null {
  return lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
}

/**
 * The signed-in user for this request, or null. Slides the expiry and records activity for the idle timeout;
 * when lucia extended the session, `refreshCookie` carries the cookie with the new expiry (the root loader sends it).
 */
export async function validateRequestSession(
  request: Request,
): Promise<{ user: SessionUser; sessionId: string; refreshCookie: string | null } | null> {
  const token = readSessionToken(request);
  if (!token) return null;
  // The root, layout and page loaders of one request all ask: validate once.
  return memoizeForRequest(`session:${token}`, () => validateToken(token));
}

async function validateToken(token: string) {
  const { session, user } = await lucia.validateSession(hashSessionToken(token));
  if (!session || !user) return null;
  if (Date.now() - session.lastSeenAt.getTime() > IDLE_TOUCH_MS) {
    await db.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: new Date() } });
  }
  const refreshCookie = session.fresh ? lucia.createSessionCookie(token).serialize() : null;
  return { user, sessionId: session.id, refreshCookie };
}

export async function invalidateSession(sessionId: string) {
  await lucia.invalidateSession(sessionId);
}

/** Ends every session of a user: on deactivation, password change, role or organisation change. */
export async function invalidateUserSessions(userId: string) {
  await lucia.invalidateUserSessions(userId);
}
