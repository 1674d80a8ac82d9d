import type { Prisma } from "~/generated/prisma/client";
import { dayOf } from "~/lib/dates";
import { canViewProject } from "~/lib/permissions";
import { itemLink, type ProjectFacts } from "~/lib/reminder-rules";
import { queueMail } from "./mail-port.server";
import { renderEventMail, type EventMail } from "./messages.server";
import { loadRecipients, projectFactsSelect, toProjectFacts, type NotifiedPerson } from "./recipients.server";

/**
 * Event notifications, written inside the transaction of the decision or submission that causes them: the
 * notification (and its e-mail in the outbox) exists if and only if the change is committed. Each carries a key
 * naming the event (the submission and its version), so writing it twice writes it once.
 *
 * - A return or an approval: its author hears, when active and still able to see the project.
 * - A submission or resubmission: the managers who can review it hear — the managers on the project's team, or,
 *   when the team has none, every active manager who can see the project (never its author).
 */

type Tx = Prisma.TransactionClient;
export type SubmissionRef = { kind: "milestoneUpdate" | "indicatorValue"; id: string };

type SubmissionFacts = {
  kind: SubmissionRef["kind"];
  id: string;
  version: number;
  authorId: string;
  authorName: string;
  reviewerName: string | null;
  comment: string | null;
  subject: string;
  link: string;
  project: ProjectFacts;
};

async function loadSubmission(tx: Tx, ref: SubmissionRef): Promise<SubmissionFacts> {
  if (ref.kind === "milestoneUpdate") {
    const row = await tx.milestoneUpdate.findUniqueOrThrow({
      where: { id: ref.id },
      select: {
        version: true,
        authorId: true,
        reviewComment: true,
        author: { select: { name: true } },
        reviewer: { select: { name: true } },
        milestone: { select: { id: true, title: true, project: { select: projectFactsSelect } } },
      },
    });
    const project = toProjectFacts(row.milestone.project);
    return {
      ...ref,
      version: row.version,
      authorId: row.authorId,
      authorName: row.author.name,
      reviewerName: row.reviewer?.name ?? null,
      comment: row.reviewComment,
      subject: row.milestone.title,
      link: itemLink({ kind: "milestone", id: row.milestone.id, projectId: project.id }),
      project,
    };
  }
  const row = await tx.indicatorValue.findUniqueOrThrow({
    where: { id: ref.id },
    select: {
      version: true,
      reporterId: true,
      reviewComment: true,
      periodEnd: true,
      reporter: { select: { name: true } },
      verifier: { select: { name: true } },
      indicator: { select: { id: true, code: true, name: true, project: { select: projectFactsSelect } } },
    },
  });
  const project = toProjectFacts(row.indicator.project);
  return {
    ...ref,
    version: row.version,
    authorId: row.reporterId,
    authorName: row.reporter.name,
    reviewerName: row.verifier?.name ?? null,
    comment: row.reviewComment,
    subject: `${row.indicator.code} — ${row.indicator.name} (${dayOf(row.periodEnd)})`,
    link: itemLink({ kind: "indicator", id: row.indicator.id, projectId: project.id }),
    project,
  };
}

type NotificationKind = "returned" | "approved" | "awaitingReview";

async function notify(
  tx: Tx,
  person: NotifiedPerson,
  facts: SubmissionFacts,
  kind: NotificationKind,
  link: string,
  mail: Omit<EventMail, "what" | "subject" | "project" | "link">,
) {
  if (!person.active || facts.project.archived || !canViewProject(person, facts.project)) return;
  const key = `${kind}:${facts.kind}:${facts.id}:v${facts.version}:${person.id}`;
  await tx.notification.upsert({
    where: { key },
    create: {
      key,
      userId: person.id,
      kind,
      projectId: facts.project.id,
      subject: facts.subject,
      detail: kind === "returned" ? facts.comment : null,
      link,
    },
    update: {},
  });
  if (!person.preferences.eventMessages) return;
  const rendered = renderEventMail(person.language, person.name, {
    ...mail,
    what: facts.kind,
    subject: facts.subject,
    project: `${facts.project.name} (${facts.project.code})`,
    link,
  });
  await queueMail(tx, {
    to: person.email,
    userId: person.id,
    locale: person.language,
    kind: `notification.${kind}`,
    idempotencyKey: `notification:${key}`,
    ...rendered,
  });
}

/** The author hears that their submission was returned (with the comment) or approved. */
export async function notifyDecisionTx(tx: Tx, ref: SubmissionRef, decision: "returned" | "approved") {
  const facts = await loadSubmission(tx, ref);
  const [author] = await loadRecipients(tx, { id: facts.authorId });
  if (!author) return;
  await notify(tx, author, facts, decision, facts.link, {
    event: decision,
    actorName: facts.reviewerName ?? "",
    comment: facts.comment,
  });
}

/** The managers who can review a (re)submission hear that it waits for them. */
export async function notifySubmittedTx(tx: Tx, ref: SubmissionRef) {
  const facts = await loadSubmission(tx, ref);
  const base = { role: "MANAGER" as const, active: true, id: { not: facts.authorId } };
  let reviewers = await loadRecipients(tx, { ...base, memberships: { some: { projectId: facts.project.id } } });
  if (reviewers.length === 0) reviewers = await loadRecipients(tx, base);
  for (const reviewer of reviewers) {
    await notify(tx, reviewer, facts, "awaitingReview", "/reviews", {
      event: "submitted",
      actorName: facts.authorName,
      comment: null,
    });
  }
}
