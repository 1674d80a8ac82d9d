import type { UserTokenPurpose } from "~/generated/prisma/client";
import type { Locale } from "~/i18n/config";
import { db } from "~/lib/db.server";
import { DomainError } from "~/lib/errors";
import {
  generateLinkToken,
  hashLinkToken,
  INVITATION_TTL_MS,
  isLinkTokenShape,
  PASSWORD_RESET_TTL_MS,
} from "~/lib/link-tokens.server";
import { hashPassword } from "~/lib/password.server";
import { auditedTransaction, type AuditContext, type Tx } from "./audit.server";
import { userAuditSelect } from "./user.server";

/**
 * Single-use e-mail links (invitations and password resets): issued inside the transaction that sends them, used
 * at most once (a conditional update marks a link used, so two tabs submitting the same link cannot both win), and
 * unusable once expired, revoked, replaced by a newer link of the same kind, or when the account is deactivated.
 */

const TTL: Record<UserTokenPurpose, number> = { INVITATION: INVITATION_TTL_MS, PASSWORD_RESET: PASSWORD_RESET_TTL_MS };

/** The link is not (or no longer) usable. Deliberately one error for every reason: the page says the same. */
export class UnusableLinkError extends DomainError {
  constructor() {
    super("link unusable");
  }
}

export type IssuedLink = { tokenId: string; token: string; expiresAt: Date; purpose: UserTokenPurpose };

/** The audit record of a link: which one and until when, never the token or its hash. */
export const linkRecord = (link: { tokenId: string; purpose: UserTokenPurpose; expiresAt: Date }) => ({
  tokenId: link.tokenId,
  purpose: link.purpose,
  expiresAt: link.expiresAt.toISOString(),
});

/** Issues a new link; earlier open links of the same kind for this user stop working (only the newest counts). */
export async function issueLink(
  tx: Tx,
  options: { userId: string; purpose: UserTokenPurpose; createdById: string | null; now?: Date },
): Promise<IssuedLink> {
  const now = options.now ?? new Date();
  await tx.userToken.updateMany({
    where: { userId: options.userId, purpose: options.purpose, usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  const token = generateLinkToken();
  const expiresAt = new Date(now.getTime() + TTL[options.purpose]);
  const row = await tx.userToken.create({
    data: {
      userId: options.userId,
      purpose: options.purpose,
      tokenHash: hashLinkToken(token),
      expiresAt,
      createdById: options.createdById,
      createdAt: now,
    },
    select: { id: true },
  });
  return { tokenId: row.id, token, expiresAt, purpose: options.purpose };
}

const linkUserSelect = { id: true, name: true, email: true, locale: true, active: true } as const;

/** The link's token row and user if the link can be used now; null for anything else (unknown, used, expired …). */
export async function findUsableLink(token: unknown, purpose: UserTokenPurpose, now = new Date()) {
  if (!isLinkTokenShape(token)) return null;
  const row = await db.userToken.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: {
      id: true,
      purpose: true,
      expiresAt: true,
      usedAt: true,
      revokedAt: true,
      user: { select: linkUserSelect },
    },
  });
  if (!row || row.purpose !== purpose || row.usedAt || row.revokedAt || row.expiresAt <= now || !row.user.active) {
    return null;
  }
  return { tokenId: row.id, expiresAt: row.expiresAt, user: row.user };
}

/**
 * The language stored on the account a link was sent to, whatever the link's state (a used or expired link's page
 * speaks it too); null for anything that is not one of our links. Holding the token already proves the holder got
 * the message, so the language tells them nothing new.
 */
export async function linkAccountLocale(token: unknown, purpose: UserTokenPurpose): Promise<string | null> {
  if (!isLinkTokenShape(token)) return null;
  const row = await db.userToken.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: { purpose: true, user: { select: { locale: true } } },
  });
  return row?.purpose === purpose ? row.user.locale : null;
}

/**
 * Sets the user's password through a link and uses the link up: every session of the user ends (whoever had the
 * old password is signed out), the sign-in throttle of the account is cleared, and the other open links of the
 * user stop working. Throws UnusableLinkError when the link cannot be used (also when it was used meanwhile).
 */
export async function setPasswordWithLink(options: {
  token: unknown;
  purpose: UserTokenPurpose;
  password: string;
  /** On an invitation: the language the invited person chose on the page becomes their account's language. */
  locale?: Locale | null;
  context: Omit<AuditContext, "actorId" | "actorEmail">;
  now?: Date;
}): Promise<{ userId: string }> {
  const now = options.now ?? new Date();
  const found = await findUsableLink(options.token, options.purpose, now);
  if (!found) throw new UnusableLinkError();
  const passwordHash = await hashPassword(options.password);
  const context: AuditContext = { ...options.context, actorId: found.user.id, actorEmail: found.user.email };
  return auditedTransaction(context, async (tx, audit) => {
    const taken = await tx.userToken.updateMany({
      where: { id: found.tokenId, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (taken.count !== 1) throw new UnusableLinkError();
    const before = await tx.user.findUniqueOrThrow({ where: { id: found.user.id }, select: userAuditSelect });
    if (!before.active) throw new UnusableLinkError();
    const after = await tx.user.update({
      where: { id: found.user.id },
      data: {
        passwordHash,
        mustChangePassword: false,
        failedLoginCount: 0,
        lastFailedLoginAt: null,
        lockedUntil: null,
        ...(options.purpose === "INVITATION" && options.locale ? { locale: options.locale } : {}),
        version: { increment: 1 },
      },
      select: userAuditSelect,
    });
    // Setting a password answers every open link: a pending invitation counts as accepted, older resets are void.
    await tx.userToken.updateMany({
      where: { userId: found.user.id, usedAt: null, revokedAt: null },
      data: { usedAt: now },
    });
    await tx.session.deleteMany({ where: { userId: found.user.id } });
    await audit({
      action: options.purpose === "INVITATION" ? "user.acceptInvitation" : "user.resetPasswordByLink",
      entityType: "User",
      entityId: found.user.id,
      before,
      after,
    });
    return { userId: found.user.id };
  });
}
