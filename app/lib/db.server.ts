import {
  createClient,
  LibsqlError,
  type Client,
  type Config,
  type InStatement,
  type ResultSet,
  type Transaction,
  type TransactionMode,
} from "@libsql/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaClient } from "~/generated/prisma/client";
import { getEnv } from "./env.server";

export type Db = PrismaClient;

/**
 * How long a connection waits for another connection's write lock before SQLite answers SQLITE_BUSY. Write
 * transactions are short (milliseconds), so five seconds only runs out when something is badly wrong.
 */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * Settings of a local SQLite file, applied to every connection because SQLite keeps them per connection (only
 * the journal mode is stored in the file):
 * - busy_timeout: a writer waits for the lock instead of failing at once (SQLite's default is 0 ms).
 * - foreign_keys: the schema's relations are enforced (libSQL's build turns them on; we do not rely on that).
 * - synchronous = NORMAL: with WAL, a commit survives any crash of the app or the process; a power loss or an
 *   operating-system crash may lose the last transactions committed before it, but never corrupts the file.
 *   FULL would sync the WAL on every commit and halve write throughput to close that window; continuous
 *   replication (Litestream, see the README) is the answer to losing the machine altogether.
 */
const CONNECTION_PRAGMAS = [
  `PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`,
  "PRAGMA foreign_keys = ON",
  "PRAGMA synchronous = NORMAL",
];

/** What every connection to a local file must report; checked on the first one, and by the tests. */
export const EXPECTED_SETTINGS = {
  journal_mode: "wal",
  busy_timeout: BUSY_TIMEOUT_MS,
  foreign_keys: 1,
  // SQLite reports NORMAL as 1.
  synchronous: 1,
} as const;

export type DatabaseSettings = { [K in keyof typeof EXPECTED_SETTINGS]: string | number };

/** Reads the first cell of a statement's first row. */
type FirstCell = (sql: string) => Promise<unknown>;

/** The settings as a connection reports them (read back, not assumed). */
export async function readDatabaseSettings(firstCell: FirstCell): Promise<DatabaseSettings> {
  const number = async (name: string) => Number(await firstCell(`PRAGMA ${name}`));
  return {
    journal_mode: String(await firstCell("PRAGMA journal_mode")),
    busy_timeout: await number("busy_timeout"),
    foreign_keys: await number("foreign_keys"),
    synchronous: await number("synchronous"),
  };
}

/** The settings of the connection a Prisma client reads through (outside any transaction). */
export function readSettingsThrough(client: Db): Promise<DatabaseSettings> {
  return readDatabaseSettings(async (sql) => {
    const rows = await client.$queryRawUnsafe<Record<string, unknown>[]>(sql);
    return Object.values(rows[0] ?? {})[0];
  });
}

/**
 * A transaction on the client's one connection. Safe because the Prisma adapter lets nothing else reach the
 * client between BEGIN and COMMIT/ROLLBACK (it holds its lock for the transaction's whole life).
 */
class ImmediateTransaction implements Transaction {
  private open = true;

  constructor(private readonly connection: Client) {}

  get closed() {
    return !this.open;
  }

  private ensureOpen() {
    if (!this.open) throw new LibsqlError("The transaction is closed", "TRANSACTION_CLOSED");
  }

  async execute(stmt: InStatement): Promise<ResultSet> {
    this.ensureOpen();
    return this.connection.execute(stmt);
  }

  async batch(stmts: InStatement[]): Promise<ResultSet[]> {
    const results: ResultSet[] = [];
    for (const stmt of stmts) results.push(await this.execute(stmt));
    return results;
  }

  async executeMultiple(sql: string): Promise<void> {
    this.ensureOpen();
    return this.connection.executeMultiple(sql);
  }

  async commit(): Promise<void> {
    this.ensureOpen();
    this.open = false;
    await this.connection.execute("COMMIT");
  }

  async rollback(): Promise<void> {
    if (!this.open) return;
    this.open = false;
    await this.connection.execute("ROLLBACK");
  }

  close(): void {
    void this.rollback();
  }
}

/**
 * A libSQL client for a local file: one configured connection for the life of the process, and transactions
 * that all begin with BEGIN IMMEDIATE.
 *
 * Why one connection: libSQL's client hands its connection to each transaction, opens a new one for what comes
 * next, and never closes the one it handed over. Every write transaction thus leaked a connection (two file
 * descriptors with WAL, and memory), and settings run on the first connection were lost after the first
 * transaction. Here the adapter's own lock already serialises statements and transactions within the process,
 * so one connection serves them all.
 *
 * Why IMMEDIATE: a deferred transaction starts as a reader and upgrades to a writer at its first write (the audit
 * append reads the chain head, then inserts). If another process committed in between, SQLite cannot upgrade
 * the stale snapshot and answers SQLITE_BUSY at once, whatever the busy timeout. Taking the write lock at BEGIN
 * makes concurrent writers queue on the busy timeout instead, and what a transaction reads stays current until
 * it commits. Reads outside transactions are unaffected (WAL lets them run beside the writer); the app's
 * transactions are its writes (the audited ones), so nothing read-only waits on the lock.
 */
export class ConfiguredSqliteClient implements Client {
  private configured: Promise<void> | undefined;

  constructor(private readonly inner: Client) {}

  get closed() {
    return this.inner.closed;
  }

  get protocol() {
    return this.inner.protocol;
  }

  /** Configures the connection once and checks that every setting took; a failure stops the first query. */
  private configure(): Promise<void> {
    this.configured ??= (async () => {
      // The journal mode is a property of the file: set it, and refuse to run if it did not take.
      await this.inner.execute("PRAGMA journal_mode = WAL");
      // One statement each: a pragma that answers with a row cannot go through executeMultiple.
      for (const pragma of CONNECTION_PRAGMAS) await this.inner.execute(pragma);
      const actual = await readDatabaseSettings(async (sql) => (await this.inner.execute(sql)).rows[0]?.[0]);
      const expected: Record<string, string | number> = EXPECTED_SETTINGS;
      const wrong = Object.entries(actual).filter(([name, value]) => expected[name] !== value);
      if (wrong.length > 0) {
        const detail = wrong.map(([name, value]) => `${name} is ${value}, not ${expected[name]}`);
        throw new LibsqlError(`the database settings did not take: ${detail.join("; ")}`, "QADAM_CONFIG");
      }
    })();
    return this.configured;
  }

  async execute(stmt: InStatement): Promise<ResultSet> {
    await this.configure();
    return this.inner.execute(stmt);
  }

  async batch(stmts: InStatement[], mode?: TransactionMode): Promise<ResultSet[]> {
    await this.configure();
    return this.inner.batch(stmts, mode === "read" ? "read" : "write");
  }

  async transaction(): Promise<Transaction> {
    await this.configure();
    await this.inner.execute("BEGIN IMMEDIATE");
    return new ImmediateTransaction(this.inner);
  }

  async executeMultiple(sql: string): Promise<void> {
    await this.configure();
    return this.inner.executeMultiple(sql);
  }

  async sync(): Promise<void> {
    return this.inner.sync();
  }

  close(): void {
    this.inner.close();
  }
}

/** The Prisma adapter, handing Prisma a configured client for local files and libSQL's own for servers. */
class QadamLibSQL extends PrismaLibSQL {
  override createClient(config: Config): Client {
    const client = createClient(config);
    return config.url.startsWith("file:") ? new ConfiguredSqliteClient(client) : client;
  }
}

/** One client per process (kept across dev-server reloads). */
declare global {
  var qadamDb: PrismaClient | undefined;
}
const globalForDb = globalThis;

export function createDb(url: string, authToken?: string): PrismaClient {
  return new PrismaClient({ adapter: new QadamLibSQL({ url, authToken }) });
}

export const db: PrismaClient = (globalForDb.qadamDb ??= createDb(getEnv().DATABASE_URL, getEnv().DATABASE_AUTH_TOKEN));
