import { createHmac, randomBytes } from "node:crypto";
import { getEnv } from "./env.server";

/** 160 bits from the OS CSPRNG, base32 without padding: the value the browser keeps. */
export function generateSessionToken(): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz234567";
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

/**
 * The stored session id: HMAC-SHA-256 of the token keyed by SESSION_SECRET. A leaked database (or backup)
 * therefore holds no usable token, and cannot even be checked against guessed tokens without the secret.
 */
export function hashSessionToken(token: string): string {
  return createHmac("sha256", getEnv().SESSION_SECRET).update(token).digest("hex");
}
