import { createHash, randomBytes } from "node:crypto";

/**
 * Single-use links sent by e-mail (invitations, password resets). The link carries 256 random bits; the database
 * keeps only their SHA-256, so neither a leaked database nor a backup holds a working link. A slow hash is not
 * needed: the token is random, not a person's password, and cannot be guessed from its hash.
 */

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60_000;
export const PASSWORD_RESET_TTL_MS = 60 * 60_000;

/** Tokens are base64url: 43 characters. Anything else cannot be one of ours and is refused before any lookup. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function generateLinkToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function isLinkTokenShape(value: unknown): value is string {
  return typeof value === "string" && TOKEN_SHAPE.test(value);
}

/**
 * The token goes in the query string, not the path: the access log records paths only, so the secret never
 * reaches a log line (and Referrer-Policy: same-origin keeps it from other sites).
 */
export const invitationPath = (token: string) => `/invite?token=${token}`;
export const passwordResetPath = (token: string) => `/reset-password?token=${token}`;
