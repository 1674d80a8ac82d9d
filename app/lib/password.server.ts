import { availableParallelism } from "node:os";
import { hash, verify } from "@node-rs/argon2";
import pLimit from "p-limit";

/** argon2id with OWASP's minimum parameters (m=19 MiB, t=2, p=1); the library's default algorithm is argon2id. */
const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 };

/**
 * Hashes run at most one per core this process may use. Each takes 19 MiB and a core for its whole time: more at
 * once than cores only share the cores (every one finishes later, none sooner) while holding more memory, and they
 * starve the thread that answers every other request. The rest wait their turn, in order.
 */
export const oneHashPerCore = pLimit(Math.max(1, availableParallelism()));

export function hashPassword(password: string): Promise<string> {
  return oneHashPerCore(() => hash(password, ARGON2_OPTIONS));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await oneHashPerCore(() => verify(passwordHash, password));
  } catch {
    return false;
  }
}

/** A real hash to verify against when the e-mail is unknown, so that both failures take the same time. */
let decoyHash: Promise<string> | undefined;
export function getDecoyHash(): Promise<string> {
  decoyHash ??= hashPassword("decoy-password-never-used");
  return decoyHash;
}
