// Shared by the data-safety tests: the checks every drill ends with. The writer processes themselves live in
// scripts/drill-writer.ts, which the drill scripts use too.
import { db, type Db } from "~/lib/db.server";
import { verifyAuditChain } from "~/models/history-chain.server";
import { createDrillOrganization as createIn, startWriter, type WriterRun } from "../../scripts/drill-writer";

export { startWriter, type WriterRun };

/** A fresh organisation in the test's database for writers to edit. */
export async function createDrillOrganization() {
  const org = await createIn(process.env.DATABASE_URL ?? "");
  return db.organization.findUniqueOrThrow({ where: { id: org.id } });
}

/** What an auditor checks after any drill: the file is sound and the chain unbroken (`url`: the client's database). */
export async function checkDatabase(client: Db, url = process.env.DATABASE_URL) {
  const integrity = await client.$queryRawUnsafe<{ integrity_check: string }[]>("PRAGMA integrity_check");
  const chain = await verifyAuditChain({ url });
  return { integrity: integrity.map((row) => row.integrity_check).join("; "), chain };
}

/** The organisation's version and how many update events it has. */
export async function organizationHistory(client: Db, organizationId: string) {
  const org = await client.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { version: true } });
  const updates = await client.auditEvent.count({
    where: { entityId: organizationId, action: "organization.update" },
  });
  return { version: org.version, updates };
}
