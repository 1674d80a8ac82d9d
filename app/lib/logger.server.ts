import pino from "pino";
import { getEnv } from "./env.server";

/** Structured JSON logs. Never log passwords, tokens or cookies: pass ids, not request objects. */
export const logger = pino({
  level: getEnv().NODE_ENV === "test" ? "silent" : getEnv().LOG_LEVEL,
  base: undefined,
  redact: ["password", "*.password", "token", "*.token", "cookie", "*.cookie", "headers.cookie"],
});
