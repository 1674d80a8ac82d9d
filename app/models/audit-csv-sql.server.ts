/**
 * The audit CSV's records built by SQLite itself and handed back as BLOBs: libSQL's binding then gives JavaScript
 * one ArrayBuffer per batch of events instead of fifteen strings per event, and the bytes go from the database file
 * to the response without being decoded from UTF-8 and encoded back (most of the export's CPU time went there, into
 * building each record in JavaScript and into collecting the garbage of both).
 *
 * The SQL writes exactly what `csvRecord(eventCells(row))` in export-audit.server writes, but only for the events
 * where that is simple to state, and answers NULL for every other one (JavaScript then writes that record the
 * existing way):
 * - the time in one of the stored UTC forms isoOfStored rewrites without parsing;
 * - the short fields (e-mail, ids, action, kind, project code, request id, IP, hashes): NULL, or ASCII text without
 *   `,` `"` `#` CR LF, empty or starting with a printable character other than `=` `+` `-` `@` — written as they are;
 * - the reason: NULL, empty, or starting with printable ASCII other than space (where only `=` `+` `-` `@` make a
 *   formula) or with a Cyrillic letter (U+0400–U+04FF: Russian and Kazakh text, none of which is a formula sign or
 *   skipped in front of one, even after NFKC), without NUL — quoted and marked here as csvField does;
 * - the before/after snapshots: NULL, or JSON of a record as the app writes it (`{"` first) — quoted, quotes doubled.
 *
 * Whether an event's own fields pass is decided once, when it is written: AuditEvent's generated column `csvPlain`
 * holds AUDIT_CSV_PLAIN. It is STORED, so SQLite computes it on every insert, whoever writes the row. Checked at
 * every export instead, these checks were half of the export's SQL. Only the project code, read from another table,
 * is checked at export time. The expression is also in the migration that added the column
 * (20261202190000_audit_csv_plain), and a test compares the two: a change to one needs a migration for the other.
 * It is written for any SQLite from 3.31 on (no concat, iif or octet_length): every program that inserts an event
 * computes it, another tool's SQLite too (the `sqlite3` shell 3.40 on our machines does).
 */

/** The event's short fields; with the project code from the Project table, the record's short fields. */
const EVENT_SHORT_FIELDS = [
  "actorEmail",
  "actorId",
  "action",
  "entityType",
  "entityId",
  "projectId",
  "requestId",
  "ip",
  "prevHash",
  "hash",
] as const;

/** The byte length (length() of text counts characters, and only up to the first NUL). */
const byteLength = (x: string) => `length(CAST(${x} AS BLOB))`;

const DIGITS = (n: number) => "[0-9]".repeat(n);
const UTC_PREFIX = `${DIGITS(4)}-${DIGITS(2)}-${DIGITS(2)}T${DIGITS(2)}:${DIGITS(2)}:${DIGITS(2)}.${DIGITS(3)}`;

/** `…T10:00:00.000+00:00` or `…T10:00:00.000Z`, nothing after it (the byte length rules out a hidden NUL). */
const storedUtc = (x: string) =>
  `typeof(${x}) = 'text' AND ((${byteLength(x)} = 29 AND ${x} GLOB '${UTC_PREFIX}+00:00') OR (${byteLength(x)} = 24 AND ${x} GLOB '${UTC_PREFIX}Z'))`;

/**
 * A short field written as it is: NULL, or text with one character per byte (ASCII, and no NUL), none of `"` `,`
 * `#` CR LF, empty or starting with a printable character that is not a formula sign.
 */
const shortPlain = (x: string) =>
  `(${x} IS NULL OR (typeof(${x}) = 'text' AND length(${x}) = ${byteLength(x)} AND ${x} NOT GLOB '*[",#' || char(13, 10) || ']*' AND ${x} NOT GLOB '[^!-*,.-<>?A-~]*'))`;

/** A reason reasonField writes as csvField does (a NUL would slip past its quoting checks and be cut by printf). */
const reasonPlain = (x: string) =>
  `CASE typeof(${x}) WHEN 'null' THEN 1 WHEN 'text' THEN ${x} = '' OR (${x} GLOB '[!-~\u0400-\u04FF]*' AND instr(${x}, char(0)) = 0) ELSE 0 END`;

/**
 * A before/after snapshot as the app writes it (JSON.stringify of a record: `{"` first), or NULL. Such text holds a
 * `"`, so csvField quotes it, and `{` is no formula sign: its field is the text quoted, quotes doubled.
 */
const snapshotPlain = (x: string) => `CASE typeof(${x}) WHEN 'null' THEN 1 WHEN 'text' THEN ${x} GLOB '{"*' ELSE 0 END`;

/**
 * The expression of AuditEvent's generated column `csvPlain`, over the table's own columns: 1 when the SQL below
 * writes the event's record as JavaScript would, given a plain project code.
 */
export const AUDIT_CSV_PLAIN = [
  storedUtc('"occurredAt"'),
  ...EVENT_SHORT_FIELDS.map((field) => shortPlain(`"${field}"`)),
  reasonPlain('"reason"'),
  snapshotPlain('"before"'),
  snapshotPlain('"after"'),
].join("\n    AND ");

/** One event of AUDIT_CSV_FROM passes: its stored verdict, and its project's code. */
const EVENT_PLAIN = `(e."csvPlain" AND ${shortPlain("p.code")})`;

/** csvField of a reason that passed reasonPlain: a leading `'` before a formula sign, quoted when needed. */
function reasonField(x: string): string {
  const mark = `iif(${x} GLOB '[=+@-]*', '''', '')`;
  const quoted = `instr(${x}, '"') OR instr(${x}, ',') OR instr(${x}, '#') OR instr(${x}, char(13)) OR instr(${x}, char(10))`;
  return `CASE WHEN ${x} IS NULL THEN '' WHEN ${quoted} THEN concat('"', ${mark}, replace(${x}, '"', '""'), '"') ELSE concat(${mark}, ${x}) END`;
}

/** A snapshot's place in recordSql's format: quoted, its quotes doubled (`%w`), or nothing for NULL. */
const snapshotFormat = (present: boolean) => (present ? '"%w"' : "%.0s");

/**
 * The CSV record with CRLF of an event that passes EVENT_PLAIN, written by one printf: one buffer per record instead
 * of a concat per field, and `%w` doubles a snapshot's quotes in one pass (replace() grew its buffer again and
 * again). The format is picked by which snapshots are NULL, a NULL one read by `%.0s` to nothing. Like libSQL's
 * binding, printf ends every text at its first NUL: a snapshot holding one is cut where the record JavaScript writes
 * cuts it (its first two characters, `{"`, hold no NUL), and a NUL in any other field keeps its event off this path.
 * With `withheld`, request id and IP are blank.
 */
function recordSql(withheld: boolean): string {
  const format = (before: boolean, after: boolean) =>
    `'%d,%.23sZ,${"%s,".repeat(8)}${snapshotFormat(before)},${snapshotFormat(after)},%s,%s,%s,%s' || char(13, 10)`;
  const formats = `CASE WHEN e."before" IS NULL
    THEN (CASE WHEN e."after" IS NULL THEN ${format(false, false)} ELSE ${format(false, true)} END)
    ELSE (CASE WHEN e."after" IS NULL THEN ${format(true, false)} ELSE ${format(true, true)} END) END`;
  const network = withheld ? ["''", "''"] : ["e.requestId", "e.ip"];
  const args = [
    "e.seq",
    "e.occurredAt",
    "e.actorEmail",
    "e.actorId",
    "e.action",
    "e.entityType",
    "e.entityId",
    "p.code",
    "e.projectId",
    reasonField("e.reason"),
    'e."before"',
    'e."after"',
    ...network,
    "e.prevHash",
    "e.hash",
  ];
  return `printf(${formats}, ${args.join(", ")})`;
}

/**
 * `seq, csv`: the event's seq, and its CSV record with CRLF, or NULL where JavaScript must write it. Reads
 * AUDIT_CSV_FROM.
 */
export function auditCsvColumns(options: { withheld: boolean }): string {
  return `e.seq AS seq, CASE WHEN ${EVENT_PLAIN} THEN ${recordSql(options.withheld)} END AS csv`;
}

/**
 * For a whole batch at once: `seq, plain, csv` per event — `plain` 1 when the event passes, `csv` its record, built
 * whether or not it passes (reads AUDIT_CSV_FROM).
 */
export function auditCsvBatchColumns(options: { withheld: boolean }): string {
  return `e.seq AS seq, ${EVENT_PLAIN} AS plain, ${recordSql(options.withheld)} AS csv`;
}

/**
 * Over the rows of auditCsvBatchColumns (oldest first): the batch's last seq, its size, 1 when SQL wrote every
 * record (else 0) and the records as one BLOB. The records are concatenated in the order the subquery delivers
 * its rows, without an ORDER BY in group_concat, which copied every record into a sorter (a fifth of the export's
 * CPU). SQLite does not promise that order, so the batch also compares the seqs in that order with the seqs
 * sorted (a sort of small numbers): any other order sends the batch to the event-by-event path. The records hold
 * no NUL: printf writes none.
 */
export function auditCsvBatch(rows: string): string {
  const records = "group_concat(csv, '')";
  const inOrder = "group_concat(seq) = group_concat(seq, ',' ORDER BY seq)";
  const plain = `total(plain IS NOT 1) = 0 AND ${inOrder}`;
  return `SELECT max(seq), count(*), iif(${plain}, 1, 0), CAST(${records} AS BLOB) FROM (${rows})`;
}

export const AUDIT_CSV_FROM = `"AuditEvent" e LEFT JOIN "Project" p ON p.id = e.projectId`;
