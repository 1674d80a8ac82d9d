import { randomBytes } from "node:crypto";
import { db } from "~/lib/db.server";
import type { EvidenceFileRecord } from "~/lib/evidence/limits";
import { evidenceStorage } from "~/lib/evidence/storage.server";
import type { StagedEvidence } from "~/lib/evidence/upload.server";
import { logger } from "~/lib/logger.server";
import type { Tx } from "~/models/audit.server";

/**
 * Evidence files as records: stored before the submission's transaction (storage is not part of the database), tied
 * to their submission inside it, and removed again when the transaction fails, so no row names a missing object
 * and no object outlives a refused submission.
 */

export type EvidenceSubjectType = "MilestoneUpdate" | "IndicatorValue";
export type StoredEvidence = StagedEvidence & { storageKey: string };
/** What the pages show of a file: its name, size and type; it downloads from /projects/<projectId>/evidence/<id>. */
export type EvidenceChip = { id: string; projectId: string; name: string; size: number; type: string };

/** Stores the staged files, runs `work` with them, and takes them out of storage again if `work` fails. */
export async function withStoredEvidence<T>(
  files: StagedEvidence[],
  work: (stored: StoredEvidence[]) => Promise<T>,
): Promise<T> {
  const storage = evidenceStorage();
  const stored: StoredEvidence[] = [];
  try {
    for (const file of files) {
      const storageKey = `ev-${randomBytes(16).toString("hex")}`;
      await storage.put(storageKey, file.path, file.type);
      stored.push({ ...file, storageKey });
    }
    return await work(stored);
  } catch (error) {
    const removed = await Promise.allSettled(stored.map((file) => storage.remove(file.storageKey)));
    for (const outcome of removed) {
      if (outcome.status === "rejected") logger.warn({ err: outcome.reason }, "an unused evidence file stayed stored");
    }
    throw error;
  }
}

/** Ties stored files to their submission; the answer is what its audit event seals. */
export async function attachEvidenceTx(
  tx: Tx,
  args: {
    subjectType: EvidenceSubjectType;
    subjectId: string;
    projectId: string;
    uploadedById: string;
    files: StoredEvidence[];
  },
): Promise<EvidenceFileRecord[]> {
  const records: EvidenceFileRecord[] = [];
  for (const file of args.files) {
    const row = await tx.evidenceFile.create({
      data: {
        projectId: args.projectId,
        subjectType: args.subjectType,
        subjectId: args.subjectId,
        name: file.name,
        size: file.size,
        type: file.type,
        sha256: file.sha256,
        storageKey: file.storageKey,
        uploadedById: args.uploadedById,
      },
      select: { id: true, name: true, size: true, type: true, sha256: true },
    });
    records.push(row);
  }
  return records;
}

const RECORD = { id: true, name: true, size: true, type: true, sha256: true } as const;

/** Every file of one submission, oldest first, as audit events record them. */
export function evidenceRecordsTx(tx: Tx, subjectType: EvidenceSubjectType, subjectId: string) {
  return tx.evidenceFile.findMany({
    where: { subjectType, subjectId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: RECORD,
  });
}

/** The files of many submissions, for lists (queue, history of updates, values table). */
export async function evidenceChipsFor(
  subjectType: EvidenceSubjectType,
  subjectIds: string[],
): Promise<Map<string, EvidenceChip[]>> {
  const chips = new Map<string, EvidenceChip[]>();
  if (subjectIds.length === 0) return chips;
  const rows = await db.evidenceFile.findMany({
    where: { subjectType, subjectId: { in: subjectIds } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, projectId: true, name: true, size: true, type: true, subjectId: true },
  });
  for (const { subjectId, ...chip } of rows) chips.set(subjectId, [...(chips.get(subjectId) ?? []), chip]);
  return chips;
}

/** One stored file with what serving it needs (its project decides who may have it). */
export function getEvidenceFile(id: string) {
  return db.evidenceFile.findUnique({
    where: { id },
    select: { id: true, projectId: true, name: true, size: true, type: true, sha256: true, storageKey: true },
  });
}
