import { createClient, type Client, type InArgs, type Row } from "@libsql/client";
import { ConfiguredSqliteClient } from "./db.server";
import { getEnv } from "./env.server";

/**
 * Plain SQL for the reads every page pays for (the session, the notification count, the chain head) and for the
 * lists that must be paged by the database. Measured on this app, a read through Prisma's client costs about ten
 * times the same statement sent to libSQL directly (query compilation in WebAssembly, result mapping), and those
 * reads ran several times per request. Everything else, and every write, stays with Prisma.
 *
 * The reads go through a connection of their own. Sharing Prisma's would let a read run inside another request's
 * open write transaction (Prisma holds that connection from BEGIN to COMMIT); a second connection to a WAL file reads
 * the last committed state, so a page never shows a write that may still be rolled back, and a request that wrote
 * and then reads sees its own commit.
 */
declare global {
  var qadamReadDb: Client | undefined;
}
const globalForSql = globalThis;

function createReadClient(): Client {
  const { DATABASE_URL: url, DATABASE_AUTH_TOKEN: authToken } = getEnv();
  const client = createClient({ url, authToken });
  return url.startsWith("file:") ? new ConfiguredSqliteClient(client) : client;
}

/** The read connection (one per process, like Prisma's client). */
export function readClient(): Client {
  return (globalForSql.qadamReadDb ??= createReadClient());
}

/** Closes the read connection (tests, scripts); the next read opens a new one. */
export function closeReadClient() {
  globalForSql.qadamReadDb?.close();
  globalForSql.qadamReadDb = undefined;
}

export async function readRows(sql: string, args: InArgs = []): Promise<Row[]> {
  const result = await readClient().execute({ sql, args });
  return result.rows;
}

export async function readFirst(sql: string, args: InArgs = []): Promise<Row | undefined> {
  return (await readRows(sql, args))[0];
}

/** A list of values as one bound parameter (`x IN (SELECT value FROM json_each(?))`): no bound-parameter cap. */
export function jsonList(values: readonly (string | number)[]): string {
  return JSON.stringify(values);
}

/**
 * Typed cells of a row. SQLite gives text, integers (numbers here), reals, blobs or NULL; Prisma stores DateTime as
 * ISO-8601 text and Boolean as 0/1. A cell of an unexpected type is a schema mismatch: it throws rather than guess.
 */
export const cell = {
  text(row: Row, column: string): string {
    const value = row[column];
    if (typeof value !== "string") throw new TypeError(`column ${column} is not text`);
    return value;
  },
  textOrNull(row: Row, column: string): string | null {
    const value = row[column];
    return value === null || value === undefined ? null : cell.text(row, column);
  },
  number(row: Row, column: string): number {
    const value = row[column];
    if (typeof value === "number") return value;
    if (typeof value === "bigint") return Number(value);
    throw new TypeError(`column ${column} is not a number`);
  },
  numberOrNull(row: Row, column: string): number | null {
    const value = row[column];
    return value === null || value === undefined ? null : cell.number(row, column);
  },
  bigint(row: Row, column: string): bigint {
    const value = row[column];
    if (typeof value === "number" || typeof value === "bigint") return BigInt(value);
    throw new TypeError(`column ${column} is not an integer`);
  },
  boolean(row: Row, column: string): boolean {
    return cell.number(row, column) !== 0;
  },
  /** A text cell that must be one of an enum's values (Prisma stores enums as their names). */
  oneOf<const T extends string>(row: Row, column: string, values: readonly T[]): T {
    const value = cell.text(row, column);
    const found = values.find((v) => v === value);
    if (found === undefined) throw new TypeError(`column ${column} holds an unknown value`);
    return found;
  },
  date(row: Row, column: string): Date {
    const value = row[column];
    // Prisma writes ISO-8601 text; a number would be milliseconds since the epoch.
    if (typeof value === "string" || typeof value === "number") return new Date(value);
    throw new TypeError(`column ${column} is not a date`);
  },
  dateOrNull(row: Row, column: string): Date | null {
    const value = row[column];
    return value === null || value === undefined ? null : cell.date(row, column);
  },
};
