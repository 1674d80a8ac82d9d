// The reminder job against a real database: one runner among several, and a run repeated after a crash writes
// what is missing and nothing twice. Event notifications commit (or roll back) with the decision that causes them.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { SYSTEM_CONTEXT } from "~/models/audit.server";
import { releaseLease, takeLease } from "~/models/notify/lease.server";
import { REMINDER_LEASE, runReminders } from "~/models/notify/run.server";
import { reviewSubmissions } from "~/models/review/decide.server";
import {
  addMember,
  createMilestone,
  createMilestoneUpdate,
  createProject,
  createUser,
  day,
} from "../helpers/factories";

/** Thursday 24 December 2026. */
const TODAY = new Date("2026-12-24T06:00:00Z");

let officerId = "";
let managerId = "";

beforeAll(async () => {
  const officer = await createUser({ role: "OFFICER", name: "Aigerim Officer", locale: "kk" });
  const manager = await createUser({ role: "MANAGER", name: "Marat Manager", locale: "ru" });
  await createUser({ role: "AUDITOR", name: "Anna Auditor", locale: "en" });
  officerId = officer.id;
  managerId = manager.id;
  const project = await createProject();
  await addMember(project.id, officer.id);
  await addMember(project.id, manager.id, "TASK_TEAM_LEADER");
  await createMilestone(project.id, {
    title: "Bridge design approved",
    baselineDueDate: day("2026-12-28"),
    ownerId: officer.id,
  });
  await createMilestone(project.id, {
    title: "Tender launched",
    baselineDueDate: day("2026-12-10"),
    ownerId: officer.id,
  });
  const waiting = await createMilestone(project.id, { title: "Land acquired", baselineDueDate: day("2027-03-01") });
  await createMilestoneUpdate(waiting.id, officer.id, { submittedAt: new Date("2026-12-15T09:00:00Z") });
});

describe("the lease: one runner among several", () => {
  it("of two instances taking a free lease at once, exactly one wins", async () => {
    const results = await Promise.all([
      takeLease("test-job", "instance-a", 60_000),
      takeLease("test-job", "instance-b", 60_000),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("a held lease is refused to others, renewed for its holder, and taken over once it expired", async () => {
    const now = new Date("2026-12-24T06:00:00Z");
    expect(await takeLease("crash-job", "crashed", 60_000, { now })).toBe(true);
    expect(await takeLease("crash-job", "other", 60_000, { now: new Date(now.getTime() + 59_000) })).toBe(false);
    expect(await takeLease("crash-job", "crashed", 60_000, { now: new Date(now.getTime() + 30_000) })).toBe(true);
    expect(await takeLease("crash-job", "other", 60_000, { now: new Date(now.getTime() + 91_000) })).toBe(true);
    expect((await db.jobLease.findUniqueOrThrow({ where: { name: "crash-job" } })).holder).toBe("other");
  });

  it("a released lease is free at once", async () => {
    expect(await takeLease("release-job", "a", 60_000)).toBe(true);
    await releaseLease("release-job", "a");
    expect(await takeLease("release-job", "b", 60_000)).toBe(true);
  });
});

describe("a reminder run", () => {
  it("two runs started together: one runs, the other is told it is busy", async () => {
    const outcomes = await Promise.all([
      runReminders({ trigger: "cli", today: new Date("2026-01-05T06:00:00Z"), holder: "one" }),
      runReminders({ trigger: "cli", today: new Date("2026-01-05T06:00:00Z"), holder: "two" }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["busy", "done"]);
  });

  it("a run still holding the lease (crashed) blocks others until the lease expires", async () => {
    await db.jobLease.update({
      where: { name: REMINDER_LEASE },
      data: { holder: "crashed", expiresAt: new Date(Date.now() + 60_000) },
    });
    expect((await runReminders({ trigger: "cli", today: TODAY })).status).toBe("busy");
    await db.jobLease.update({ where: { name: REMINDER_LEASE }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await runReminders({ trigger: "cli", today: new Date("2026-01-06T06:00:00Z") })).status).toBe("done");
  });

  it("interrupted after its first digest, then repeated: every digest once, none twice", async () => {
    const crashed = await runReminders({
      trigger: "schedule",
      today: TODAY,
      onDigestWritten: () => {
        throw new Error("simulated crash");
      },
    });
    expect(crashed.status).toBe("failed");
    const period = "2026-W52";
    expect(await db.reminderDigest.count({ where: { period } })).toBe(1);

    const repeated = await runReminders({ trigger: "schedule", today: TODAY });
    expect(repeated.status).toBe("done");
    const rows = await db.reminderDigest.findMany({ where: { period }, select: { userId: true, kind: true } });
    const keys = rows.map((r) => `${r.kind}:${r.userId}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(expect.arrayContaining([`officer:${officerId}`, `manager:${managerId}`]));
    expect(keys.some((k) => k.startsWith("auditor:"))).toBe(true);

    const again = await runReminders({ trigger: "admin", today: TODAY });
    expect(again).toMatchObject({ status: "done", digests: 0, notifications: 0 });
    expect(await db.reminderDigest.count({ where: { period } })).toBe(rows.length);

    const due = await db.notification.findMany({ where: { userId: officerId, kind: "dueSoon" } });
    expect(due.map((n) => n.subject).sort()).toEqual(["Bridge design approved", "Tender launched"]);

    const runs = await db.auditEvent.findMany({
      where: { action: { in: ["reminderRun.start", "reminderRun.finish"] } },
      orderBy: { seq: "asc" },
      select: { action: true, entityId: true },
    });
    for (const outcome of [crashed, repeated, again]) {
      if (outcome.status === "busy") continue;
      expect(runs.filter((r) => r.entityId === outcome.runId).map((r) => r.action)).toEqual([
        "reminderRun.start",
        "reminderRun.finish",
      ]);
    }
  });
});

describe("event notifications share the decision's transaction", () => {
  it("a return notifies the author with the comment; a decision that fails notifies nobody", async () => {
    const project = await createProject();
    await addMember(project.id, officerId);
    const m1 = await createMilestone(project.id);
    const m2 = await createMilestone(project.id);
    const u1 = await createMilestoneUpdate(m1.id, officerId);
    const u2 = await createMilestoneUpdate(m2.id, officerId);
    const manager = await db.user.findUniqueOrThrow({ where: { id: managerId }, include: { organization: true } });
    const actor = { ...manager, organizationKind: manager.organization.kind };

    await expect(
      reviewSubmissions({
        actor,
        items: [
          { kind: "milestoneUpdate", id: u1.id, version: u1.version },
          { kind: "milestoneUpdate", id: u2.id, version: u2.version + 5 },
        ],
        decision: "return",
        comment: "Attach the signed protocol.",
        context: SYSTEM_CONTEXT,
      }),
    ).rejects.toThrow();
    expect(await db.notification.count({ where: { projectId: project.id } })).toBe(0);

    await reviewSubmissions({
      actor,
      items: [{ kind: "milestoneUpdate", id: u1.id, version: u1.version }],
      decision: "return",
      comment: "Attach the signed protocol.",
      context: SYSTEM_CONTEXT,
    });
    const notes = await db.notification.findMany({ where: { projectId: project.id } });
    expect(notes).toMatchObject([
      {
        userId: officerId,
        kind: "returned",
        detail: "Attach the signed protocol.",
        link: `/projects/${project.id}/milestones/${m1.id}`,
      },
    ]);
  });
});
