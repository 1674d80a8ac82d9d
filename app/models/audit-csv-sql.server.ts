/**
 * The audit CSV's records built by SQLite itself and handed back as BLOBs: libSQL's binding then gives JavaScript
 * one ArrayBuffer per event instead of fifteen strings, and the bytes go from the database file to the response
 * without being decoded from UTF-8 and encoded back (most of the export's CPU time went there, into building each
 * record in JavaScript and into collecting the garbage of both).
 *
 * The SQL writes exactly what `csvRecord(eventCells(row))` in export-audit.server writes, but only for the events
 * where that is simple to state, and answers NULL for every other one (JavaScript then writes that record the
 * existing way):
 * - the time in one of the stored UTC forms isoOfStored rewrites without parsing;
 * - the short fields (e-mail, ids, action, kind, project code, request id, IP, hashes): ASCII text without `,` `"` `#` CR LF, each empty or starting with a printable character other than `=` `+` `-` `@` —
 *   written as they are. They are checked together, joined with U+0001 in front of each, because every SQL function
 *   call costs about as much per row as copying the whole record (and, in a whole batch, joined for all its events);
 * - the free text (reason, before, after): NULL, empty, or starting with printable ASCII other than space (where only
 *   `=` `+` `-` `@` make a formula) or with a Cyrillic letter (U+0400–U+04FF: Russian and Kazakh text, none of which
 *   is a formula sign or skipped in front of one, even after NFKC) — quoted and marked here as csvField does.
 * A value holding NUL, or that is not text (a BLOB), never takes the fast path, except a snapshot in a whole batch,
 * which is cut at its NUL as JavaScript cuts it (batchRecordSql). (SQLite's GLOB also stops at a NUL,
 * so every GLOB here reads a value known to hold none, or only its first character.)
 */

const SHORT_FIELDS = [
  "e.actorEmail",
  "e.actorId",
  "e.action",
  "e.entityType",
  "e.entityId",
  "p.code",
  "e.projectId",
  "e.requestId",
  "e.ip",
  "e.prevHash",
  "e.hash",
] as const;
const NETWORK_FIELDS = new Set(["e.requestId", "e.ip"]);

/** Text or NULL, not a BLOB (in SQLite's order of types, every text sorts before every BLOB). */
const notBlob = (x: string) => `(${x} IS NULL OR ${x} < x'')`;

const DIGITS = (n: number) => "[0-9]".repeat(n);
const UTC_PREFIX = `${DIGITS(4)}-${DIGITS(2)}-${DIGITS(2)}T${DIGITS(2)}:${DIGITS(2)}:${DIGITS(2)}.${DIGITS(3)}`;

/** `…T10:00:00.000+00:00` or `…T10:00:00.000Z`, nothing after it (the byte length rules out a hidden NUL). */
const STORED_UTC = `typeof(e.occurredAt) = 'text' AND (
  (octet_length(e.occurredAt) = 29 AND e.occurredAt GLOB '${UTC_PREFIX}+00:00')
  OR (octet_length(e.occurredAt) = 24 AND e.occurredAt GLOB '${UTC_PREFIX}Z'))`;

/**
 * The short fields joined as U+0001 field U+0001 field … U+0001, with half the arguments one concat of every field
 * and separator took. concat_ws leaves out a NULL field with its U+0001, and the SQLite inside libSQL 0.3.19 an empty
 * one too (SQLite's documentation names only NULL): either way such a field is empty in the record and needs no
 * check, and every other field still has a U+0001 in front of it.
 */
const joinedShort = (fields: readonly string[]) => `concat(char(1), concat_ws(char(1), ${fields.join(", ")}), char(1))`;

/**
 * The checks on short fields joined as joinedShort does — one event's, or a whole batch's one after another: every
 * check holds for the concatenation exactly when it holds for each event's part (each part starts and ends with
 * U+0001, so no character of one part is read as the start of a field of another).
 */
function joinedPlain(joined: string): string {
  // One character per byte: ASCII, and no NUL (text length stops at the first NUL, the byte length does not).
  const ascii = `length(${joined}) = octet_length(${joined})`;
  const unquoted = ['"', ",", "#", "' || char(13) || '", "' || char(10) || '"].map(
    (sign) => `${joined} NOT GLOB '*${sign}*'`,
  );
  // After each U+0001: another (an empty field) or a printable character that is not a formula sign.
  const plainStart = `${joined} NOT GLOB '*' || char(1) || '[^!-*,.-<>?A-~' || char(1) || ']*'`;
  return [ascii, ...unquoted, plainStart].join(" AND ");
}

/**
 * A free-text field the SQL below writes as csvField does. Without NUL: libSQL's binding hands JavaScript a text only
 * up to its first NUL, so the record JavaScript writes ends the field there.
 */
const freeTextPlain = (x: string) =>
  `(${x} IS NULL OR (${x} < x'' AND (${x} = '' OR (${x} GLOB '[!-~\u0400-\u04FF]*' AND instr(${x}, char(0)) = 0))))`;

/** csvField of free text that passed freeTextPlain: a leading `'` before a formula sign, quoted when needed. */
function freeTextField(x: string): string {
  const mark = `iif(${x} GLOB '[=+@-]*', '''', '')`;
  const quoted = `instr(${x}, '"') OR instr(${x}, ',') OR instr(${x}, '#') OR instr(${x}, char(13)) OR instr(${x}, char(10))`;
  return `CASE WHEN ${x} IS NULL THEN '' WHEN ${quoted} THEN concat('"', ${mark}, replace(${x}, '"', '""'), '"') ELSE concat(${mark}, ${x}) END`;
}

/** The short fields the SQL checks: with `withheld`, request id and IP are blank and need no check. */
const shortFields = (withheld: boolean) => SHORT_FIELDS.filter((x) => !(withheld && NETWORK_FIELDS.has(x)));

/** An event's CSV record with CRLF, as csvRecord writes it for an event that passes every check. */
function recordSql(withheld: boolean): string {
  const network = withheld ? ["''", "''"] : ["e.requestId", "e.ip"];
  const cells = [
    "e.seq",
    "concat(substr(e.occurredAt, 1, 23), 'Z')",
    ...SHORT_FIELDS.slice(0, 7),
    ...["e.reason", 'e."before"', 'e."after"'].map(freeTextField),
    ...network,
    "e.prevHash",
    "e.hash",
  ];
  return `concat(${cells.join(", ',', ")}, char(13, 10))`;
}

/** The checks that do not read the short fields' text: the time, no BLOB among the short fields, the free text. */
function rowPlain(withheld: boolean): string {
  const texts = ["e.reason", 'e."before"', 'e."after"'].map(freeTextPlain);
  return [STORED_UTC, ...shortFields(withheld).map(notBlob), ...texts].join(" AND ");
}

/**
 * `seq, csv`: the event's seq, and its CSV record with CRLF, or NULL where JavaScript must write it. Reads
 * AUDIT_CSV_FROM; with `withheld`, request id and IP are blank.
 */
export function auditCsvColumns(options: { withheld: boolean }): string {
  const plain = `${rowPlain(options.withheld)} AND ${joinedPlain(joinedShort(shortFields(options.withheld)))}`;
  return `e.seq AS seq, CASE WHEN ${plain} THEN ${recordSql(options.withheld)} END AS csv`;
}

/**
 * A before/after snapshot as the app writes it (JSON.stringify of a record: `{"` first), or NULL. Such text holds a
 * `"`, so csvField quotes it, and `{` is no formula sign: its field is the text quoted, quotes doubled. Any other
 * snapshot sends its batch event by event. `typeof` and `IS NULL` in a CASE read only the column's type; every
 * other mention of a column copies its value, which for a snapshot costs more than the check.
 */
const snapshotPlain = (x: string) => `CASE typeof(${x}) WHEN 'null' THEN 1 WHEN 'text' THEN ${x} GLOB '{"*' ELSE 0 END`;
/** The reason: as freeTextPlain (a NUL would be passed over by its quoting checks, and cut by printf). */
const reasonPlain = (x: string) =>
  `CASE typeof(${x}) WHEN 'null' THEN 1 WHEN 'text' THEN ${x} = '' OR (${x} GLOB '[!-~\u0400-\u04FF]*' AND instr(${x}, char(0)) = 0) ELSE 0 END`;

/** A snapshot's place in batchRecordSql's format: quoted, its quotes doubled (`%w`), or nothing for NULL. */
const snapshotFormat = (present: boolean) => (present ? '"%w"' : "%.0s");

/**
 * The record of a batch's event that passes batchRowPlain (its snapshots quoted without a check), written by one
 * printf: one buffer per record instead of a concat per field, and `%w` doubles a snapshot's quotes in one pass
 * (replace() grew its buffer again and again). The format is picked by which snapshots are NULL, a NULL one read
 * by `%.0s` to nothing. Like libSQL's binding, printf ends every text at its first NUL: a snapshot holding one is cut
 * where the record JavaScript writes cuts it (its first two characters, `{"`, hold no NUL), and a NUL in any other
 * field keeps its event off this path (reasonPlain, and the short fields' check).
 */
function batchRecordSql(withheld: boolean): string {
  const format = (before: boolean, after: boolean) =>
    `'%d,%.23sZ,${"%s,".repeat(8)}${snapshotFormat(before)},${snapshotFormat(after)},%s,%s,%s,%s' || char(13, 10)`;
  const formats = `CASE WHEN e."before" IS NULL
    THEN (CASE WHEN e."after" IS NULL THEN ${format(false, false)} ELSE ${format(false, true)} END)
    ELSE (CASE WHEN e."after" IS NULL THEN ${format(true, false)} ELSE ${format(true, true)} END) END`;
  const network = withheld ? ["''", "''"] : ["e.requestId", "e.ip"];
  const args = [
    "e.seq",
    "e.occurredAt",
    ...SHORT_FIELDS.slice(0, 7),
    freeTextField("e.reason"),
    'e."before"',
    'e."after"',
    ...network,
    "e.prevHash",
    "e.hash",
  ];
  return `printf(${formats}, ${args.join(", ")})`;
}

/** rowPlain for a batch: the snapshots as the app writes them. */
function batchRowPlain(withheld: boolean): string {
  const texts = [reasonPlain("e.reason"), ...['e."before"', 'e."after"'].map(snapshotPlain)];
  return [STORED_UTC, ...shortFields(withheld).map(notBlob), ...texts].join(" AND ");
}

/**
 * For a whole batch at once: `seq, plain, short, csv` per event — `plain` the checks of batchRowPlain (1 when they
 * hold), `short` its short fields joined, `csv` its record, built whether or not it passes (reads AUDIT_CSV_FROM).
 * The short fields are checked once per batch, on their concatenation (auditCsvBatch): SQLite evaluates an
 * expression again wherever it is named, and the eight checks of one event's joined fields cost more than building
 * its record.
 */
export function auditCsvBatchColumns(options: { withheld: boolean }): string {
  const { withheld } = options;
  return `e.seq AS seq, (${batchRowPlain(withheld)}) AS plain, ${joinedShort(shortFields(withheld))} AS short, ${batchRecordSql(withheld)} AS csv`;
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
  const short = "group_concat(short, '')";
  const records = "group_concat(csv, '')";
  const inOrder = "group_concat(seq) = group_concat(seq, ',' ORDER BY seq)";
  const plain = `total(plain IS NOT 1) = 0 AND ${joinedPlain(short)} AND ${inOrder}`;
  return `SELECT max(seq), count(*), iif(${plain}, 1, 0), CAST(${records} AS BLOB) FROM (${rows})`;
}

export const AUDIT_CSV_FROM = `"AuditEvent" e LEFT JOIN "Project" p ON p.id = e.projectId`;
