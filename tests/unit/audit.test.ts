// The audit log against a real SQLite file: same-transaction writes, the hash chain, the append-only triggers,
// and the verifier's diagnosis of each kind of tampering.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { canonicalEvent, CHAIN_FIELDS, chainHash, verifyChain, type ChainedFields } from "~/lib/audit-chain.server";
import { db } from "~/lib/db.server";
import { auditedTransaction, getChainHead, snapshot, type AuditContext } from "~/models/audit.server";

const context: AuditContext = {
  actorId: null,
  actorEmail: "tester@qadam.test",
  requestId: "req-audit-test",
  ip: "10.0.0.1",
};

async function events() {
  return db.auditEvent.findMany({ orderBy: { seq: "asc" } });
}

let counter = 0;
/** One audited write: an organisation created together with its event. */
async function createOrganization(name = `Org ${++counter}`) {
  const code = `ORG-${counter}-${Math.random().toString(36).slice(2, 8)}`;
  return auditedTransaction(context, async (tx, audit) => {
    const org = await tx.organization.create({ data: { code, name, kind: "MINISTRY" } });
    await audit({ action: "organization.create", entityType: "Organization", entityId: org.id, after: org });
    return org;
  });
}

/** A rename with before/after snapshots, as the app's edits do. */
async function renameOrganization(id: string, name: string) {
  return auditedTransaction(context, async (tx, audit) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id } });
    const after = await tx.organization.update({ where: { id }, data: { name, version: { increment: 1 } } });
    await audit({
      action: "organization.update",
      entityType: "Organization",
      entityId: id,
      before,
      after,
      reason: "typo",
    });
  });
}

describe("auditedTransaction", () => {
  it("records the change and its event together", async () => {
    const before = await db.auditEvent.count();
    const org = await createOrganization("Ministry of Testing");
    expect(await db.organization.findUnique({ where: { id: org.id } })).not.toBeNull();
    const [event] = await db.auditEvent.findMany({ where: { entityId: org.id } });
    expect(await db.auditEvent.count()).toBe(before + 1);
    expect(event).toMatchObject({
      action: "organization.create",
      entityType: "Organization",
      actorEmail: "tester@qadam.test",
      requestId: "req-audit-test",
      ip: "10.0.0.1",
      before: null,
    });
    expect(JSON.parse(event.after!)).toMatchObject({ id: org.id, name: "Ministry of Testing" });
  });

  it("a write that throws after auditing leaves neither the data nor the event", async () => {
    const eventsBefore = await db.auditEvent.count();
    const orgsBefore = await db.organization.count();
    await expect(
      auditedTransaction(context, async (tx, audit) => {
        const org = await tx.organization.create({ data: { code: "ROLLED-BACK", name: "Never", kind: "IFC" } });
        await audit({ action: "organization.create", entityType: "Organization", entityId: org.id, after: org });
        throw new Error("boom after the audit event");
      }),
    ).rejects.toThrow("boom after the audit event");
    expect(await db.organization.count()).toBe(orgsBefore);
    expect(await db.organization.findUnique({ where: { code: "ROLLED-BACK" } })).toBeNull();
    expect(await db.auditEvent.count()).toBe(eventsBefore);
  });

  it("a write the database refuses (unique violation) leaves neither the data nor the event", async () => {
    const existing = await createOrganization();
    const eventsBefore = await db.auditEvent.count();
    const orgsBefore = await db.organization.count();
    await expect(
      auditedTransaction(context, async (tx, audit) => {
        const org = await tx.organization.create({ data: { code: "FIRST-OK", name: "First", kind: "IFC" } });
        await audit({ action: "organization.create", entityType: "Organization", entityId: org.id, after: org });
        await tx.organization.create({ data: { code: existing.code, name: "Duplicate", kind: "IFC" } });
      }),
    ).rejects.toThrow();
    expect(await db.organization.count()).toBe(orgsBefore);
    expect(await db.auditEvent.count()).toBe(eventsBefore);
    // The chain head is untouched: the next write continues it.
    await createOrganization();
    expect(verifyChain(await events()).ok).toBe(true);
  });

  it("snapshots BigInt money as strings", () => {
    expect(snapshot({ commitmentMinor: 12_345_678_901_234n, at: new Date("2026-01-01T00:00:00Z") })).toBe(
      '{"commitmentMinor":"12345678901234","at":"2026-01-01T00:00:00.000Z"}',
    );
    expect(snapshot(undefined)).toBeNull();
  });
});

describe("the hash chain", () => {
  it("verifies after several writes, with consecutive seqs and linked hashes", async () => {
    const a = await createOrganization();
    await renameOrganization(a.id, "Renamed once");
    await renameOrganization(a.id, "Renamed twice");
    await Promise.all([createOrganization(), createOrganization(), createOrganization()]);
    const all = await events();
    expect(all.length).toBeGreaterThanOrEqual(6);
    all.forEach((event, i) => {
      expect(event.seq).toBe(i + 1);
      if (i > 0) expect(event.prevHash).toBe(all[i - 1].hash);
      expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
    });
    const verdict = verifyChain(all);
    expect(verdict).toEqual({ ok: true, count: all.length, headHash: all.at(-1)!.hash, headSeq: all.at(-1)!.seq });
    expect((await getChainHead())?.hash).toBe(all.at(-1)!.hash);
  });
});

describe("the database refuses to change history", () => {
  beforeAll(async () => {
    if ((await db.auditEvent.count()) === 0) await createOrganization();
  });

  it("has both append-only triggers", async () => {
    const triggers = await db.$queryRawUnsafe<Array<{ name: string }>>(
      `SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'AuditEvent' ORDER BY name`,
    );
    expect(triggers.map((t) => t.name)).toEqual(["AuditEvent_no_delete", "AuditEvent_no_update"]);
  });

  it("refuses UPDATE through raw SQL and through Prisma; the row stays as it was", async () => {
    const [first] = await events();
    await expect(
      db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "reason" = 'rewritten' WHERE "seq" = ${first.seq}`),
    ).rejects.toThrow(/append-only/);
    await expect(
      db.auditEvent.update({ where: { seq: first.seq }, data: { actorEmail: "someone-else@x" } }),
    ).rejects.toThrow();
    await expect(db.auditEvent.updateMany({ data: { ip: "0.0.0.0" } })).rejects.toThrow();
    expect(await db.auditEvent.findUnique({ where: { seq: first.seq } })).toEqual(first);
  });

  it("refuses DELETE through raw SQL and through Prisma; the row stays", async () => {
    const count = await db.auditEvent.count();
    const [first] = await events();
    await expect(db.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE "seq" = ${first.seq}`)).rejects.toThrow(
      /append-only/,
    );
    await expect(db.auditEvent.delete({ where: { seq: first.seq } })).rejects.toThrow();
    await expect(db.auditEvent.deleteMany({})).rejects.toThrow();
    expect(await db.auditEvent.count()).toBe(count);
    expect(await db.auditEvent.findUnique({ where: { seq: first.seq } })).toEqual(first);
  });
});

describe("tamper detection (triggers dropped to play the attacker)", () => {
  const CHAIN_LENGTH = 6;

  beforeAll(async () => {
    await db.$executeRawUnsafe(`DROP TRIGGER "AuditEvent_no_update"`);
    await db.$executeRawUnsafe(`DROP TRIGGER "AuditEvent_no_delete"`);
  });

  beforeEach(async () => {
    // A fresh, valid chain of CHAIN_LENGTH events for each attack.
    await db.$executeRawUnsafe(`DELETE FROM "AuditEvent"`);
    const org = await createOrganization();
    for (let i = 1; i < CHAIN_LENGTH; i++) await renameOrganization(org.id, `Name ${i}`);
    const verdict = verifyChain(await events());
    expect(verdict).toMatchObject({ ok: true, count: CHAIN_LENGTH, headSeq: CHAIN_LENGTH });
  });

  it("an edited `after` is reported as edited at that seq", async () => {
    await db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "after" = '{"name":"Forged"}' WHERE "seq" = 3`);
    expect(verifyChain(await events())).toMatchObject({ ok: false, problem: { kind: "edited", seq: 3 } });
  });

  it("an edited reason or actor is reported as edited", async () => {
    await db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "actorEmail" = 'scapegoat@qadam.test' WHERE "seq" = 5`);
    expect(verifyChain(await events())).toMatchObject({ ok: false, problem: { kind: "edited", seq: 5 } });
  });

  it("a deleted event is reported as deleted at that seq", async () => {
    await db.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE "seq" = 3`);
    expect(verifyChain(await events())).toMatchObject({ ok: false, problem: { kind: "deleted", seq: 3 } });
  });

  it("a deleted event with the later events renumbered is still reported as deleted at that seq", async () => {
    await db.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE "seq" = 3`);
    for (let seq = 4; seq <= CHAIN_LENGTH; seq++) {
      await db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "seq" = ${seq - 1} WHERE "seq" = ${seq}`);
    }
    expect(verifyChain(await events())).toMatchObject({ ok: false, problem: { kind: "deleted", seq: 3 } });
  });

  it("a forged, self-consistent event inserted in the middle is reported as inserted at its seq", async () => {
    const at = 4;
    for (let seq = CHAIN_LENGTH; seq >= at; seq--) {
      await db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "seq" = ${seq + 1} WHERE "seq" = ${seq}`);
    }
    const predecessor = await db.auditEvent.findUniqueOrThrow({ where: { seq: at - 1 } });
    const forged: ChainedFields = {
      seq: at,
      occurredAt: new Date(predecessor.occurredAt.getTime() + 1000),
      actorId: null,
      actorEmail: "admin@qadam.test",
      action: "organization.update",
      entityType: "Organization",
      entityId: predecessor.entityId,
      projectId: null,
      before: null,
      after: '{"name":"Backdated"}',
      reason: "forged",
      requestId: null,
      ip: null,
    };
    await db.auditEvent.create({
      data: { ...forged, prevHash: predecessor.hash, hash: chainHash(predecessor.hash, forged) },
    });
    const all = await events();
    expect(all).toHaveLength(CHAIN_LENGTH + 1);
    expect(verifyChain(all)).toMatchObject({ ok: false, problem: { kind: "inserted", seq: at } });
  });

  it("two adjacent events swapped are reported as reordered at the first of them", async () => {
    await db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "seq" = 1000 WHERE "seq" = 3`);
    await db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "seq" = 3 WHERE "seq" = 4`);
    await db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "seq" = 4 WHERE "seq" = 1000`);
    expect(verifyChain(await events())).toMatchObject({ ok: false, problem: { kind: "reordered", seq: 3 } });
  });

  it("an untouched chain still verifies (the attacks above did not leak into each other)", async () => {
    expect(verifyChain(await events())).toMatchObject({ ok: true, count: CHAIN_LENGTH });
  });
});

describe("the canonical form's named fields", () => {
  it("are the fields canonicalEvent hashes, in its order (exports state this list as the form's definition)", () => {
    const event: ChainedFields = {
      seq: 7,
      occurredAt: new Date("2026-12-01T09:30:00.000Z"),
      actorId: "actor-id",
      actorEmail: "a@qadam.test",
      action: "project.update",
      entityType: "Project",
      entityId: "entity-id",
      projectId: "project-id",
      before: '{"a":1}',
      after: '{"a":2}',
      reason: "why",
      requestId: "request-id",
      ip: "127.0.0.1",
    };
    const byName = CHAIN_FIELDS.map((field) =>
      field === "occurredAt" ? event.occurredAt.toISOString() : event[field],
    );
    expect(canonicalEvent(event)).toBe(JSON.stringify(byName));
  });
});
