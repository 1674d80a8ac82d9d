import type { Locale } from "~/i18n/config";
import { db } from "~/lib/db.server";
import {
  auditorDigest,
  digestPeriod,
  managerDigest,
  managerDigestHasNews,
  officerDigest,
  type ChainFacts,
  type DigestItem,
  type PendingSubmission,
  type ProjectFacts,
} from "~/lib/reminder-rules";
import { getChainHead } from "~/models/audit.server";
import { assessProjects } from "~/models/board.server";
import { verifyAuditChain } from "~/models/history-chain.server";
import { missingReportsOf, reportingSelect } from "~/models/reporting.server";
import { renderAuditorDigest, renderManagerDigest, renderOfficerDigest, type RenderedMail } from "./messages.server";
import { loadRecipients, projectFactsSelect, toProjectFacts, type NotifiedPerson } from "./recipients.server";

/**
 * What a reminder run would write today: one plan per person and digest kind. Loading is here; deciding is in
 * app/lib/reminder-rules.ts (pure). Nothing is written: `run.server.ts` writes a plan, the dry run prints it.
 */

export type DigestKind = "officer" | "manager" | "auditor";

export type DigestPlan = {
  user: NotifiedPerson;
  kind: DigestKind;
  /** The period this digest belongs to; null when the person chose no digests (nothing is mailed or recorded). */
  period: string | null;
  /** The e-mail, when there is something to say (a manager with nothing waiting and nothing turned red gets none). */
  mail: RenderedMail | null;
  /** What the next digest compares with. */
  state: Record<string, unknown>;
  /** An officer's due items, for in-app "due soon" notifications (whatever their e-mail choice). */
  dueItems: Array<DigestItem & { projectId: string }>;
};

async function pendingSubmissions(): Promise<PendingSubmission[]> {
  const [updates, values] = await Promise.all([
    db.milestoneUpdate.findMany({
      where: { reviewState: "SUBMITTED" },
      select: {
        id: true,
        submittedAt: true,
        authorId: true,
        author: { select: { name: true } },
        milestone: { select: { title: true, projectId: true } },
      },
    }),
    db.indicatorValue.findMany({
      where: { state: "SUBMITTED" },
      select: {
        id: true,
        submittedAt: true,
        reporterId: true,
        reporter: { select: { name: true } },
        indicator: { select: { code: true, name: true, projectId: true } },
      },
    }),
  ]);
  return [
    ...updates.map((u) => ({
      kind: "milestoneUpdate" as const,
      id: u.id,
      projectId: u.milestone.projectId,
      title: u.milestone.title,
      authorId: u.authorId,
      authorName: u.author.name,
      submittedAt: u.submittedAt.toISOString(),
    })),
    ...values.map((v) => ({
      kind: "indicatorValue" as const,
      id: v.id,
      projectId: v.indicator.projectId,
      title: `${v.indicator.code} — ${v.indicator.name}`,
      authorId: v.reporterId,
      authorName: v.reporter.name,
      submittedAt: v.submittedAt.toISOString(),
    })),
  ];
}

async function chainFacts(): Promise<ChainFacts> {
  const [head, verdict] = await Promise.all([getChainHead(), verifyAuditChain()]);
  return {
    head: head ? { seq: head.seq, hash: head.hash } : null,
    verification: verdict.ok
      ? { ok: true, count: verdict.count }
      : { ok: false, count: verdict.count, problem: `${verdict.problem.kind}: ${verdict.problem.detail}` },
  };
}

/** The state each person's latest digest of each kind recorded (red projects, the chain head's seq). */
async function previousStates(userIds: string[]) {
  const rows = await db.reminderDigest.findMany({
    where: { userId: { in: userIds } },
    orderBy: { createdAt: "desc" },
    select: { userId: true, kind: true, state: true },
  });
  const latest = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    const key = `${row.userId}:${row.kind}`;
    if (latest.has(key)) continue;
    const parsed: unknown = JSON.parse(row.state);
    latest.set(key, parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {});
  }
  return latest;
}

const stringList = (value: unknown): string[] | null =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : null;

/** Every digest a run on `today` would write, for every active officer, manager and auditor. */
export async function planDigests(today: Date): Promise<DigestPlan[]> {
  const [projectRows, reporting, pending, assessed, chain, people] = await Promise.all([
    db.project.findMany({ where: { archivedAt: null }, select: projectFactsSelect }),
    db.project.findMany({
      where: { archivedAt: null, status: "ACTIVE" },
      orderBy: { code: "asc" },
      select: reportingSelect,
    }),
    pendingSubmissions(),
    assessProjects({ archivedAt: null }, today),
    chainFacts(),
    loadRecipients(db, { active: true, role: { in: ["OFFICER", "MANAGER", "AUDITOR"] } }),
  ]);
  const projects = new Map<string, ProjectFacts>(projectRows.map((row) => [row.id, toProjectFacts(row)]));
  const items = missingReportsOf(reporting, today);
  const redProjectIds = assessed.filter((p) => p.colour === "RED").map((p) => p.id);
  const previous = await previousStates(people.map((p) => p.id));
  const plans: DigestPlan[] = [];
  for (const user of people) {
    const period = digestPeriod(user.preferences.digest, today);
    const language: Locale = user.language;
    const officer = officerDigest({ user, items, projects, today });
    if (officer) {
      plans.push({
        user,
        kind: "officer",
        period,
        mail: renderOfficerDigest(language, user.name, officer),
        state: { counts: officer.counts },
        dueItems: officer.projects.flatMap((p) => p.items.map((item) => ({ ...item, projectId: p.id }))),
      });
    }
    const before = previous.get(`${user.id}:manager`);
    const manager = managerDigest({
      user,
      pending,
      redProjectIds,
      previousRed: before ? stringList(before.redNow) : null,
      projects,
      today,
    });
    if (manager) {
      plans.push({
        user,
        kind: "manager",
        period,
        mail: managerDigestHasNews(manager) ? renderManagerDigest(language, user.name, manager) : null,
        state: { redNow: manager.redNow, waiting: manager.waiting.length },
        dueItems: [],
      });
    }
    const seq = previous.get(`${user.id}:auditor`)?.headSeq;
    const auditor = auditorDigest({ user, chain, previousSeq: typeof seq === "number" ? seq : null });
    if (auditor) {
      plans.push({
        user,
        kind: "auditor",
        period,
        mail: renderAuditorDigest(language, user.name, auditor),
        state: { headSeq: auditor.head?.seq ?? 0, headHash: auditor.head?.hash ?? null },
        dueItems: [],
      });
    }
  }
  return plans;
}
