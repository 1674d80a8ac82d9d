import { createHash } from "node:crypto";
import type { Db } from "~/lib/db.server";
import { evidenceFileRecord } from "~/lib/audit-snapshots";
import { evidenceStorage } from "~/lib/evidence/storage.server";

/**
 * `npm run audit:verify -- --evidence`: every file the audit log seals is re-hashed from storage. The expected
 * SHA-256 is the one in the sealing event (the chain vouches for it), not the file's row, which could be edited.
 */

export type EvidenceProblem = { id: string; name: string; problem: "missing" | "changed" | "unsealed" };

export async function verifyEvidenceFiles(client: Db): Promise<{ checked: number; problems: EvidenceProblem[] }> {
  const sealed = new Map<string, { name: string; sha256: string }>();
  let after = 0;
  for (;;) {
    const events = await client.auditEvent.findMany({
      where: { seq: { gt: after }, entityType: { in: ["MilestoneUpdate", "IndicatorValue"] } },
      orderBy: { seq: "asc" },
      take: 2000,
      select: { seq: true, before: true, after: true },
    });
    if (events.length === 0) break;
    after = events[events.length - 1].seq;
    for (const event of events) {
      for (const side of [event.before, event.after]) {
        if (!side?.includes("evidenceFiles")) continue;
        const snapshot: unknown = JSON.parse(side);
        if (!snapshot || typeof snapshot !== "object" || !("evidenceFiles" in snapshot)) continue;
        const files = evidenceFileRecord.array().safeParse(snapshot.evidenceFiles);
        if (files.success) for (const f of files.data) sealed.set(f.id, { name: f.name, sha256: f.sha256 });
      }
    }
  }
  const rows = await client.evidenceFile.findMany({ select: { id: true, name: true, storageKey: true } });
  const storage = evidenceStorage();
  const problems: EvidenceProblem[] = [];
  const keyOf = new Map(rows.map((row) => [row.id, row.storageKey]));
  for (const row of rows) if (!sealed.has(row.id)) problems.push({ id: row.id, name: row.name, problem: "unsealed" });
  for (const [id, file] of sealed) {
    const key = keyOf.get(id);
    const stream = key ? await storage.open(key) : null;
    if (!stream) {
      problems.push({ id, name: file.name, problem: "missing" });
      continue;
    }
    const hash = createHash("sha256");
    for await (const chunk of stream) hash.update(chunk as Buffer);
    if (hash.digest("hex") !== file.sha256) problems.push({ id, name: file.name, problem: "changed" });
  }
  return { checked: sealed.size, problems };
}
