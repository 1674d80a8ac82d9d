import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { NotFoundError } from "~/lib/errors";
import { projectScopeSql } from "~/lib/permissions.server";
import { cell, readFirst } from "~/lib/sql.server";
import type { Actor } from "~/lib/permissions";
import { boardWhere } from "~/models/board.server";

/**
 * A person's in-app notifications. Scoped when read as well as when written: a notification about a project the
 * person can no longer see (moved, archived) is neither listed nor counted.
 */

export const NOTIFICATION_KINDS = ["returned", "approved", "awaitingReview", "dueSoon"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
const isKind = (value: string): value is NotificationKind => (NOTIFICATION_KINDS as readonly string[]).includes(value);

/** At most this many are listed (newest first); older ones stay in the database. */
export const INBOX_LIMIT = 200;

async function visibleWhere(actor: Actor): Promise<Prisma.NotificationWhereInput> {
  const projects = await db.project.findMany({ where: boardWhere(actor), select: { id: true } });
  return { userId: actor.id, OR: [{ projectId: null }, { projectId: { in: projects.map((p) => p.id) } }] };
}

/**
 * The bell's number, on every page: one plain-SQL statement (lib/sql.server.ts) with the same scope as
 * `visibleWhere` — not the ids of every visible project sent back as parameters.
 */
export async function countUnread(actor: Actor): Promise<number> {
  const scope = projectScopeSql(actor, "p");
  const row = await readFirst(
    `SELECT count(*) AS unread FROM "Notification" n
     WHERE n.userId = ? AND n.readAt IS NULL
       AND (n.projectId IS NULL OR EXISTS (
         SELECT 1 FROM "Project" p WHERE p.id = n.projectId AND p.archivedAt IS NULL AND ${scope.sql}))`,
    [actor.id, ...scope.args],
  );
  return row ? cell.number(row, "unread") : 0;
}

export async function listNotifications(actor: Actor) {
  const rows = await db.notification.findMany({
    where: await visibleWhere(actor),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: INBOX_LIMIT,
    select: {
      id: true,
      kind: true,
      projectId: true,
      subject: true,
      detail: true,
      link: true,
      readAt: true,
      createdAt: true,
    },
  });
  const projectIds = [...new Set(rows.flatMap((r) => (r.projectId ? [r.projectId] : [])))];
  const projects = await db.project.findMany({
    where: { id: { in: projectIds } },
    select: { id: true, code: true, name: true },
  });
  const projectOf = new Map(projects.map((p) => [p.id, p]));
  return rows.flatMap((row) =>
    isKind(row.kind)
      ? [
          {
            id: row.id,
            kind: row.kind,
            subject: row.subject,
            detail: row.detail,
            link: row.link,
            read: row.readAt !== null,
            createdAt: row.createdAt.toISOString(),
            project: row.projectId ? (projectOf.get(row.projectId) ?? null) : null,
          },
        ]
      : [],
  );
}
export type NotificationView = Awaited<ReturnType<typeof listNotifications>>[number];

/**
 * Marks one of the person's own notifications as read; someone else's (or an unknown id) is not found. Reading is
 * the person's own view state, not a change to the record, so it is not an audit event.
 */
export async function markNotificationRead(actor: Actor, id: string) {
  const row = await db.notification.findFirst({ where: { AND: [await visibleWhere(actor), { id }] } });
  if (!row) throw new NotFoundError("notification");
  if (row.readAt === null) await db.notification.update({ where: { id }, data: { readAt: new Date() } });
}

/** Marks every unread notification of the person as read; returns how many. */
export async function markAllNotificationsRead(actor: Actor) {
  const result = await db.notification.updateMany({
    where: { userId: actor.id, readAt: null },
    data: { readAt: new Date() },
  });
  return result.count;
}
