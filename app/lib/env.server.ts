import type { z } from "zod";
import { EnvSchema, parseEnv } from "./env-schema.server.mjs";

/**
 * The environment, validated once at boot. A bad configuration fails at start, not at 3 a.m.
 * The schema is shared with the HTTP server (env-schema.server.mjs); every variable is documented in .env.example.
 */
export type Env = z.infer<typeof EnvSchema>;

export { parseEnv };

let cached: Env | undefined;
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
