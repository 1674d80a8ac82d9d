// Writes a generated portfolio with raw SQL through libSQL: multi-row INSERTs, many per transaction, then the
// audit events chained exactly as the app chains them (app/lib/audit-chain.server.ts), in time order.
import type { Client, InStatement } from "@libsql/client";
import { CHAIN_FIELDS, chainHash, GENESIS_HASH, type ChainedFields } from "../../app/lib/audit-chain.server";
import { TABLES, type Cell, type PlannedEvent, type Portfolio, type Reference, type Row } from "./model";

/** SQLite allows 32,766 bound values per statement; stay well below. */
const VALUES_PER_STATEMENT = 30_000;
/** Rows per transaction: large enough to amortise the commit, small enough to report progress often. */
const ROWS_PER_TRANSACTION = 50_000;

export const MARKER_TABLE = "_QadamLargeSeed";

export type Progress = (message: string) => void;

/** A cell as Prisma stores it with the libSQL adapter: ISO-8601 text dates, 0/1 booleans, integer BigInts. */
function sqlValue(cell: Cell): string | number | bigint | null {
  if (cell instanceof Date) return cell.toISOString().replace("Z", "+00:00");
  if (typeof cell === "boolean") return cell ? 1 : 0;
  return cell;
}

/** Audit snapshots are JSON as the app writes them: money as a string of digits, dates as ISO strings. */
function snapshot(value: object | null): string | null {
  if (value === null) return null;
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}

function insertStatements(table: string, rows: Row[][], columns: string[]): InStatement[] {
  const placeholders = `(${columns.map(() => "?").join(", ")})`;
  return rows.map((chunk) => ({
    sql: `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${chunk.map(() => placeholders).join(", ")}`,
    args: chunk.flatMap((row) => columns.map((c) => sqlValue(row[c] ?? null))),
  }));
}

async function insertRows(client: Client, table: string, rows: Row[], progress: Progress) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const perStatement = Math.max(1, Math.floor(VALUES_PER_STATEMENT / columns.length));
  for (let done = 0; done < rows.length; done += ROWS_PER_TRANSACTION) {
    const slice = rows.slice(done, done + ROWS_PER_TRANSACTION);
    const chunks: Row[][] = [];
    for (let i = 0; i < slice.length; i += perStatement) chunks.push(slice.slice(i, i + perStatement));
    await client.batch(insertStatements(table, chunks, columns), "write");
    progress(
      `  ${table}: ${Math.min(done + ROWS_PER_TRANSACTION, rows.length).toLocaleString("en")} of ${rows.length.toLocaleString("en")}`,
    );
  }
}

const EVENT_COLUMNS = [...CHAIN_FIELDS, "prevHash", "hash"];

/** Chains and writes the planned events after the current head; returns the new head. */
async function writeEvents(client: Client, events: PlannedEvent[], progress: Progress) {
  const head = await client.execute("SELECT seq, hash FROM AuditEvent ORDER BY seq DESC LIMIT 1");
  let seq = head.rows.length ? Number(head.rows[0].seq) : 0;
  let prevHash = head.rows.length ? String(head.rows[0].hash) : GENESIS_HASH;
  const perStatement = Math.floor(VALUES_PER_STATEMENT / EVENT_COLUMNS.length);
  const placeholders = `(${EVENT_COLUMNS.map(() => "?").join(", ")})`;
  for (let done = 0; done < events.length; done += ROWS_PER_TRANSACTION) {
    const statements: InStatement[] = [];
    const slice = events.slice(done, done + ROWS_PER_TRANSACTION);
    for (let i = 0; i < slice.length; i += perStatement) {
      const chunk = slice.slice(i, i + perStatement);
      const args: (string | number | null)[] = [];
      for (const planned of chunk) {
        const fields: ChainedFields = {
          seq: ++seq,
          occurredAt: new Date(planned.at),
          actorId: planned.actor.id,
          actorEmail: planned.actor.email,
          action: planned.action,
          entityType: planned.entityType,
          entityId: planned.entityId,
          projectId: planned.projectId,
          before: snapshot(planned.before),
          after: snapshot(planned.after),
          reason: planned.reason,
          requestId: null,
          ip: null,
        };
        const hash = chainHash(prevHash, fields);
        args.push(
          fields.seq,
          sqlValue(fields.occurredAt) as string,
          fields.actorId,
          fields.actorEmail,
          fields.action,
          fields.entityType,
          fields.entityId,
          fields.projectId,
          fields.before,
          fields.after,
          fields.reason,
          null,
          null,
          prevHash,
          hash,
        );
        prevHash = hash;
      }
      statements.push({
        sql: `INSERT INTO "AuditEvent" (${EVENT_COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES ${chunk.map(() => placeholders).join(", ")}`,
        args,
      });
    }
    await client.batch(statements, "write");
    progress(`  audit events: ${(done + slice.length).toLocaleString("en")} of ${events.length.toLocaleString("en")}`);
  }
  return { seq, hash: prevHash };
}

/** Reads what the generator builds on from a database the demo seed has filled. */
export async function readReference(client: Client, now = Date.now()): Promise<Reference> {
  const users = await client.execute(
    "SELECT id, email, organizationId, passwordHash FROM User WHERE email LIKE '%@qadam.test' ORDER BY email",
  );
  const admin = users.rows.find((u) => u.email === "admin@qadam.test");
  if (!admin) throw new Error("this database has no demo accounts: run the demo seed first (npm run db:seed)");
  const organizations = await client.execute("SELECT id, code, kind FROM Organization");
  const areas = await client.execute(
    `SELECT a.id, f.startDate FROM PriorityArea a JOIN Framework f ON f.id = a.frameworkId ORDER BY f.startDate, a.sortOrder`,
  );
  const starts = [...new Set(areas.rows.map((a) => String(a.startDate)))];
  const areasOf = (start: string | undefined) =>
    areas.rows.filter((a) => String(a.startDate) === start).map((a) => String(a.id));
  return {
    now,
    passwordHash: String(admin.passwordHash),
    admin: { id: String(admin.id), email: String(admin.email) },
    demo: new Map(
      users.rows.map((u) => [String(u.email), { id: String(u.id), organizationId: String(u.organizationId) }]),
    ),
    organizations: organizations.rows.map((o) => ({ id: String(o.id), code: String(o.code), kind: String(o.kind) })),
    areasBefore2025: areasOf(starts[0]),
    areasFrom2025: areasOf(starts[starts.length - 1]),
  };
}

export type Marker = { projects: number; events: number; startedAt: string; finishedAt: string | null };

export async function readMarker(client: Client): Promise<Marker | null> {
  const exists = await client.execute({
    sql: "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
    args: [MARKER_TABLE],
  });
  if (exists.rows.length === 0) return null;
  const row = (
    await client.execute(`SELECT projects, events, startedAt, finishedAt FROM "${MARKER_TABLE}" WHERE id = 1`)
  ).rows[0];
  if (!row) return null;
  return {
    projects: Number(row.projects),
    events: Number(row.events),
    startedAt: String(row.startedAt),
    finishedAt: row.finishedAt === null ? null : String(row.finishedAt),
  };
}

/** Writes everything; the marker row is written first and completed last, so an interrupted run is recognised. */
export async function writePortfolio(client: Client, portfolio: Portfolio, progress: Progress) {
  await client.execute(
    `CREATE TABLE IF NOT EXISTS "${MARKER_TABLE}" (id INTEGER PRIMARY KEY CHECK (id = 1), projects INTEGER NOT NULL, events INTEGER NOT NULL, startedAt TEXT NOT NULL, finishedAt TEXT)`,
  );
  await client.execute({
    sql: `INSERT INTO "${MARKER_TABLE}" (id, projects, events, startedAt) VALUES (1, ?, ?, ?)`,
    args: [portfolio.rows.Project.length, portfolio.events.length, new Date().toISOString()],
  });
  for (const table of TABLES) await insertRows(client, table, portfolio.rows[table], progress);
  // Building the audit log's indexes once at the end is several times faster than growing them row by row
  // (the hash index is random). Their definitions are read from the database, so the schema stays the authority.
  const indexes = await client.execute(
    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'AuditEvent' AND sql IS NOT NULL",
  );
  for (const index of indexes.rows) await client.execute(`DROP INDEX "${String(index.name)}"`);
  const head = await writeEvents(client, portfolio.events, progress);
  progress("  rebuilding the audit log's indexes");
  for (const index of indexes.rows) await client.execute(String(index.sql));
  progress("  ANALYZE (so that SQLite's planner knows the tables' sizes)");
  await client.execute("ANALYZE");
  await client.execute({
    sql: `UPDATE "${MARKER_TABLE}" SET finishedAt = ? WHERE id = 1`,
    args: [new Date().toISOString()],
  });
  return head;
}
