import { channel } from "node:diagnostics_channel";
import { fileURLToPath } from "node:url";
import { createClient, type Client } from "@libsql/client";
import Database from "libsql";
import { BUSY_TIMEOUT_MS } from "./db.server";
import { getEnv } from "./env.server";

/**
 * Reads of many rows (the audit exports, chain verification) as plain arrays of column values, outside Prisma.
 *
 * Why not Prisma: for a million audit events, building one Prisma object per row (with a Date) costs more than
 * SQLite's whole read. Why not @libsql/client's `execute` for a local file: it defines every column of every row
 * as a property (twice: by index and by name), which tripled the CPU of reading the audit log; libSQL's own
 * binding (`libsql`, the driver inside @libsql/client) answers bare arrays. A server URL (libsql:, http:) goes
 * through @libsql/client, whose rows are turned into arrays here.
 *
 * Every call materialises its whole result, so callers read in keyset batches (`WHERE seq > ? … LIMIT ?`). The
 * local driver is synchronous: each call first lets the event loop turn, so that a long walk in batches leaves
 * room between them for other requests and for the response it is writing.
 */
export type SqlValue = string | number | null;
export type BulkReader = {
  rows: (sql: string, args: SqlValue[]) => Promise<unknown[][]>;
  close: () => void;
};

/** Published once per query with its SQL and row count, for tests and diagnostics (free without a subscriber). */
export const bulkReadChannel = channel("qadam:bulk-read");

/** The path of a `file:` URL as libSQL reads it: `file:./data/x.db` is relative, `file:///abs/x.db` absolute. */
export function filePathOf(url: string): string {
  if (url.startsWith("file://")) return fileURLToPath(url.split("?")[0]);
  return url.slice("file:".length).split("?")[0];
}

function localReader(path: string): BulkReader {
  const database = new Database(path);
  database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const statements = new Map<string, ReturnType<typeof database.prepare>>();
  return {
    rows: async (sql, args) => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      let statement = statements.get(sql);
      if (!statement) {
        statement = database.prepare(sql).raw(true);
        statements.set(sql, statement);
      }
      const rows = statement.all(args).filter((row): row is unknown[] => Array.isArray(row));
      if (bulkReadChannel.hasSubscribers) bulkReadChannel.publish({ sql, rows: rows.length });
      return rows;
    },
    close: () => database.close(),
  };
}

function serverReader(client: Client): BulkReader {
  return {
    rows: async (sql, args) => {
      const result = await client.execute({ sql, args });
      const rows = result.rows.map((row) => Array.from(row));
      if (bulkReadChannel.hasSubscribers) bulkReadChannel.publish({ sql, rows: rows.length });
      return rows;
    },
    close: () => client.close(),
  };
}

/** A reader of the app's database (or of `url`); close it when done. */
export function openBulkReader(url = getEnv().DATABASE_URL, authToken = getEnv().DATABASE_AUTH_TOKEN): BulkReader {
  if (url.startsWith("file:")) return localReader(filePathOf(url));
  return serverReader(createClient({ url, authToken, intMode: "number" }));
}
