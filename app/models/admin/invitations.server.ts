import { db } from "~/lib/db.server";
import { NotFoundError, RefusedError } from "~/lib/errors";
import { invitationMail } from "~/lib/mail/account-mail.server";
import { enqueueMail } from "~/lib/mail/outbox.server";
import { issueLink, linkRecord } from "../account-links.server";
import { auditedTransaction, type Audit, type AuditContext, type Tx } from "../audit.server";

/**
 * Invitations: a new user receives a single-use link (7 days) to set their own password. The link is written to the
 * outbox in the same transaction as the user (and its audit event), so there is never a user without their
 * invitation, nor an invitation for a user that was not created.
 */

type Invitee = { id: string; email: string; name: string; locale: string };

/** Issues an invitation and writes its message to the outbox, inside the caller's transaction. */
export async function inviteInTransaction(tx: Tx, audit: Audit, user: Invitee, createdById: string | null) {
  const link = await issueLink(tx, { userId: user.id, purpose: "INVITATION", createdById });
  await enqueueMail(tx, invitationMail(user, link));
  await audit({ action: "user.invite", entityType: "User", entityId: user.id, after: linkRecord(link) });
  return link;
}

export type InvitationState =
  | { state: "none" }
  | { state: "pending"; sentAt: string; expiresAt: string }
  | { state: "accepted"; at: string }
  | { state: "expired"; at: string }
  | { state: "revoked"; at: string };

/** Where the user's newest invitation stands (what the administrator sees on the user's page). */
export async function getInvitationState(userId: string, now = new Date()): Promise<InvitationState> {
  const latest = await db.userToken.findFirst({
    where: { userId, purpose: "INVITATION" },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true, expiresAt: true, usedAt: true, revokedAt: true },
  });
  if (!latest) return { state: "none" };
  if (latest.usedAt) return { state: "accepted", at: latest.usedAt.toISOString() };
  if (latest.revokedAt) return { state: "revoked", at: latest.revokedAt.toISOString() };
  if (latest.expiresAt <= now) return { state: "expired", at: latest.expiresAt.toISOString() };
  return { state: "pending", sentAt: latest.createdAt.toISOString(), expiresAt: latest.expiresAt.toISOString() };
}

/**
 * Sends a new invitation (earlier links stop working). Refused for a deactivated user and for one who has already
 * accepted an invitation: that person has a password, and a forgotten one is reset from the sign-in page.
 */
export async function resendInvitation(options: { context: AuditContext; userId: string }) {
  return auditedTransaction(options.context, async (tx, audit) => {
    const user = await tx.user.findUnique({
      where: { id: options.userId },
      select: { id: true, email: true, name: true, locale: true, active: true },
    });
    if (!user) throw new NotFoundError("user");
    if (!user.active) throw new RefusedError("mail.userInvitation.inactive");
    const accepted = await tx.userToken.count({
      where: { userId: user.id, purpose: "INVITATION", usedAt: { not: null } },
    });
    if (accepted > 0) throw new RefusedError("mail.userInvitation.alreadyAccepted");
    await inviteInTransaction(tx, audit, user, options.context.actorId);
    return { email: user.email };
  });
}

/** Revokes the open invitation: its link stops working at once. */
export async function revokeInvitation(options: { context: AuditContext; userId: string }) {
  return auditedTransaction(options.context, async (tx, audit) => {
    const now = new Date();
    const open = await tx.userToken.findFirst({
      where: { userId: options.userId, purpose: "INVITATION", usedAt: null, revokedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: "desc" },
      select: { id: true, purpose: true, expiresAt: true },
    });
    if (!open) throw new RefusedError("mail.userInvitation.nothingToRevoke");
    await tx.userToken.update({ where: { id: open.id }, data: { revokedAt: now } });
    await audit({
      action: "user.revokeInvitation",
      entityType: "User",
      entityId: options.userId,
      before: linkRecord({ tokenId: open.id, purpose: open.purpose, expiresAt: open.expiresAt }),
    });
  });
}
