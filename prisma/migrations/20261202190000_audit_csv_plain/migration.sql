-- The audit CSV export writes in SQL the record of every event whose fields it can write exactly as JavaScript
-- would (app/models/audit-csv-sql.server.ts). Which events those are is now decided once, when an event is written,
-- by a generated column, instead of at every export (these checks were half of the export's SQL). STORED: SQLite
-- computes it on every insert, whoever writes the row. Prisma's schema does not name the column: the app never
-- reads or writes it through Prisma. Its expression is AUDIT_CSV_PLAIN in that module; a test compares the two.
-- SQLite cannot add a STORED column to a table, so the table is rebuilt with its indexes and append-only triggers
-- (an existing audit log is copied as it is: seq, hashes and every field unchanged).
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AuditEvent" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "occurredAt" DATETIME NOT NULL,
    "actorId" TEXT,
    "actorEmail" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "projectId" TEXT,
    "before" TEXT,
    "after" TEXT,
    "reason" TEXT,
    "requestId" TEXT,
    "ip" TEXT,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "csvPlain" INTEGER GENERATED ALWAYS AS (typeof("occurredAt") = 'text' AND ((length(CAST("occurredAt" AS BLOB)) = 29 AND "occurredAt" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]+00:00') OR (length(CAST("occurredAt" AS BLOB)) = 24 AND "occurredAt" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'))
    AND ("actorEmail" IS NULL OR (typeof("actorEmail") = 'text' AND length("actorEmail") = length(CAST("actorEmail" AS BLOB)) AND "actorEmail" NOT GLOB '*[",#' || char(13, 10) || ']*' AND "actorEmail" NOT GLOB '[^!-*,.-<>?A-~]*'))
    AND ("actorId" IS NULL OR (typeof("actorId") = 'text' AND length("actorId") = length(CAST("actorId" AS BLOB)) AND "actorId" NOT GLOB '*[",#' || char(13, 10) || ']*' AND "actorId" NOT GLOB '[^!-*,.-<>?A-~]*'))
    AND ("action" IS NULL OR (typeof("action") = 'text' AND length("action") = length(CAST("action" AS BLOB)) AND "action" NOT GLOB '*[",#' || char(13, 10) || ']*' AND "action" NOT GLOB '[^!-*,.-<>?A-~]*'))
    AND ("entityType" IS NULL OR (typeof("entityType") = 'text' AND length("entityType") = length(CAST("entityType" AS BLOB)) AND "entityType" NOT GLOB '*[",#' || char(13, 10) || ']*' AND "entityType" NOT GLOB '[^!-*,.-<>?A-~]*'))
    AND ("entityId" IS NULL OR (typeof("entityId") = 'text' AND length("entityId") = length(CAST("entityId" AS BLOB)) AND "entityId" NOT GLOB '*[",#' || char(13, 10) || ']*' AND "entityId" NOT GLOB '[^!-*,.-<>?A-~]*'))
    AND ("projectId" IS NULL OR (typeof("projectId") = 'text' AND length("projectId") = length(CAST("projectId" AS BLOB)) AND "projectId" NOT GLOB '*[",#' || char(13, 10) || ']*' AND "projectId" NOT GLOB '[^!-*,.-<>?A-~]*'))
    AND ("requestId" IS NULL OR (typeof("requestId") = 'text' AND length("requestId") = length(CAST("requestId" AS BLOB)) AND "requestId" NOT GLOB '*[",#' || char(13, 10) || ']*' AND "requestId" NOT GLOB '[^!-*,.-<>?A-~]*'))
    AND ("ip" IS NULL OR (typeof("ip") = 'text' AND length("ip") = length(CAST("ip" AS BLOB)) AND "ip" NOT GLOB '*[",#' || char(13, 10) || ']*' AND "ip" NOT GLOB '[^!-*,.-<>?A-~]*'))
    AND ("prevHash" IS NULL OR (typeof("prevHash") = 'text' AND length("prevHash") = length(CAST("prevHash" AS BLOB)) AND "prevHash" NOT GLOB '*[",#' || char(13, 10) || ']*' AND "prevHash" NOT GLOB '[^!-*,.-<>?A-~]*'))
    AND ("hash" IS NULL OR (typeof("hash") = 'text' AND length("hash") = length(CAST("hash" AS BLOB)) AND "hash" NOT GLOB '*[",#' || char(13, 10) || ']*' AND "hash" NOT GLOB '[^!-*,.-<>?A-~]*'))
    AND CASE typeof("reason") WHEN 'null' THEN 1 WHEN 'text' THEN "reason" = '' OR ("reason" GLOB '[!-~Ѐ-ӿ]*' AND instr("reason", char(0)) = 0) ELSE 0 END
    AND CASE typeof("before") WHEN 'null' THEN 1 WHEN 'text' THEN "before" GLOB '{"*' ELSE 0 END
    AND CASE typeof("after") WHEN 'null' THEN 1 WHEN 'text' THEN "after" GLOB '{"*' ELSE 0 END) STORED
);
INSERT INTO "new_AuditEvent" ("seq", "occurredAt", "actorId", "actorEmail", "action", "entityType", "entityId", "projectId", "before", "after", "reason", "requestId", "ip", "prevHash", "hash") SELECT "seq", "occurredAt", "actorId", "actorEmail", "action", "entityType", "entityId", "projectId", "before", "after", "reason", "requestId", "ip", "prevHash", "hash" FROM "AuditEvent";
-- Keep the AUTOINCREMENT counter where it was (it may be past the last seq).
UPDATE "sqlite_sequence" SET "seq" = max("seq", coalesce((SELECT "seq" FROM "sqlite_sequence" WHERE "name" = 'AuditEvent'), 0)) WHERE "name" = 'new_AuditEvent';
DROP TABLE "AuditEvent";
ALTER TABLE "new_AuditEvent" RENAME TO "AuditEvent";
CREATE UNIQUE INDEX "AuditEvent_hash_key" ON "AuditEvent"("hash");
CREATE INDEX "AuditEvent_projectId_seq_idx" ON "AuditEvent"("projectId", "seq");
CREATE INDEX "AuditEvent_entityType_entityId_seq_idx" ON "AuditEvent"("entityType", "entityId", "seq");
CREATE INDEX "AuditEvent_actorId_seq_idx" ON "AuditEvent"("actorId", "seq");
CREATE INDEX "AuditEvent_action_seq_idx" ON "AuditEvent"("action", "seq");
CREATE INDEX "AuditEvent_occurredAt_idx" ON "AuditEvent"("occurredAt");
-- The audit log is append-only: the database itself refuses to change or remove an event.
CREATE TRIGGER "AuditEvent_no_update" BEFORE UPDATE ON "AuditEvent"
BEGIN
    SELECT RAISE(ABORT, 'AuditEvent is append-only');
END;
CREATE TRIGGER "AuditEvent_no_delete" BEFORE DELETE ON "AuditEvent"
BEGIN
    SELECT RAISE(ABORT, 'AuditEvent is append-only');
END;
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
