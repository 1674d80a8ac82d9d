import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaClient } from "~/generated/prisma/client";
import { getEnv } from "./env.server";

export type Db = PrismaClient;

/** One client per process (kept across dev-server reloads). */
declare global {
  var qadamDb: PrismaClient | undefined;
}
const globalForDb = globalThis;

export function createDb(url: string, authToken?: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaLibSQL({ url, authToken }) });
}

export const db: PrismaClient = (globalForDb.qadamDb ??= createDb(getEnv().DATABASE_URL, getEnv().DATABASE_AUTH_TOKEN));
