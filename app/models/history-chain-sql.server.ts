import { CHAIN_FIELDS, type ChainedFields } from "~/lib/audit-chain.server";

/**
 * The chain verifier's reads, apart from the Prisma client: `npm run audit:verify` starts its worker threads from
 * these alone, without the half second of CPU that loading the database client costs.
 */

export const VERIFY_BATCH_SIZE = 5000;

// The stored occurrence as Date.toISOString() writes it, for the forms the app stores (else NULL, which sends the
// event to the exact path below).
const ISO_OCCURRENCE = `CASE WHEN occurredAt GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]+00:00' OR occurredAt GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z' THEN substr(occurredAt, 1, 23) || 'Z' END`;

const CANONICAL_SQL: Record<keyof ChainedFields, string> = {
  seq: "seq",
  occurredAt: ISO_OCCURRENCE,
  actorId: "actorId",
  actorEmail: "actorEmail",
  action: "action",
  entityType: "entityType",
  entityId: "entityId",
  projectId: "projectId",
  before: `"before"`,
  after: `"after"`,
  reason: "reason",
  requestId: "requestId",
  ip: "ip",
};

/**
 * Each event's canonical form built by SQLite (`json_array` of the chained fields in CHAIN_FIELDS order): JSON
 * text as JSON.stringify writes it for the app's data, without turning a million rows into JavaScript objects and
 * back. Where SQLite's text could differ (another date form, characters it escapes otherwise), the hash does not
 * match and the event is checked again from its fields exactly as canonicalEvent computes it: a mismatch is only
 * ever reported by that exact path, so the check is exactly as strict as hashing every event in JavaScript.
 */
const VERIFY_COLUMNS = `seq, json_array(${CHAIN_FIELDS.map((field) => CANONICAL_SQL[field]).join(", ")}), prevHash, hash`;
export const VERIFY_SQL = `SELECT ${VERIFY_COLUMNS} FROM "AuditEvent" WHERE seq > ? ORDER BY seq LIMIT ?`;
/** One range of the chain, `from` < seq ≤ `to`, for the verifier's worker threads (the same columns as above). */
export const VERIFY_RANGE_SQL = `SELECT ${VERIFY_COLUMNS} FROM "AuditEvent" WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?`;
