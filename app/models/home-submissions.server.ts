import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import type { Actor } from "~/lib/permissions";
import { boardWhere } from "./board.server";

/**
 * The officer's own submissions on the home page: returned ones (not yet corrected) with the reviewer's comment,
 * and pending ones.
 */

export type Submission = {
  kind: "milestoneUpdate" | "indicatorValue";
  id: string;
  state: string;
  title: string;
  href: string;
  projectCode: string;
  submittedAt: string;
  reviewedAt: string | null;
  reviewerName: string | null;
  comment: string | null;
};

const OPEN_STATES = ["RETURNED", "SUBMITTED"] as const;

function listOwnUpdates(actor: Actor, visible: Prisma.ProjectWhereInput) {
  return db.milestoneUpdate.findMany({
    where: { authorId: actor.id, reviewState: { in: [...OPEN_STATES] }, milestone: { project: visible } },
    orderBy: { submittedAt: "desc" },
    take: 50,
    select: {
      id: true,
      reviewState: true,
      reviewComment: true,
      submittedAt: true,
      reviewedAt: true,
      reviewer: { select: { name: true } },
      milestone: {
        select: {
          id: true,
          title: true,
          project: { select: { id: true, code: true } },
          updates: { orderBy: { submittedAt: "desc" }, take: 1, select: { id: true } },
        },
      },
    },
  });
}

function listOwnValues(actor: Actor, visible: Prisma.ProjectWhereInput) {
  return db.indicatorValue.findMany({
    where: { reporterId: actor.id, state: { in: [...OPEN_STATES] }, indicator: { project: visible } },
    orderBy: { submittedAt: "desc" },
    take: 50,
    select: {
      id: true,
      state: true,
      reviewComment: true,
      submittedAt: true,
      reviewedAt: true,
      periodEnd: true,
      indicatorId: true,
      verifier: { select: { name: true } },
      indicator: { select: { id: true, code: true, name: true, project: { select: { id: true, code: true } } } },
    },
  });
}

type OwnUpdate = Awaited<ReturnType<typeof listOwnUpdates>>[number];
type OwnValue = Awaited<ReturnType<typeof listOwnValues>>[number];

/** A returned value is settled once a newer value for the same indicator and period exists: their ids. */
async function settledValueIds(values: OwnValue[]): Promise<Set<string>> {
  const settled = new Set<string>();
  if (!values.some((v) => v.state === "RETURNED")) return settled;
  const later = await db.indicatorValue.findMany({
    where: { indicatorId: { in: values.map((v) => v.indicatorId) } },
    select: { id: true, indicatorId: true, periodEnd: true, submittedAt: true },
  });
  for (const v of values) {
    const newer = later.some(
      (l) =>
        l.id !== v.id &&
        l.indicatorId === v.indicatorId &&
        +l.periodEnd === +v.periodEnd &&
        l.submittedAt > v.submittedAt,
    );
    if (newer) settled.add(v.id);
  }
  return settled;
}

function updateSubmission(u: OwnUpdate): Submission {
  return {
    kind: "milestoneUpdate",
    id: u.id,
    state: u.reviewState,
    title: u.milestone.title,
    href: `/projects/${u.milestone.project.id}/milestones/${u.milestone.id}`,
    projectCode: u.milestone.project.code,
    submittedAt: u.submittedAt.toISOString(),
    reviewedAt: u.reviewedAt?.toISOString() ?? null,
    reviewerName: u.reviewer?.name ?? null,
    comment: u.reviewComment,
  };
}

function valueSubmission(v: OwnValue): Submission {
  return {
    kind: "indicatorValue",
    id: v.id,
    state: v.state,
    title: v.indicator.name,
    // A returned value opens the indicator page with the form filled with it, next to the reviewer's comment.
    href: `/projects/${v.indicator.project.id}/indicators/${v.indicator.id}${v.state === "RETURNED" ? `?correct=${v.id}#report` : ""}`,
    projectCode: v.indicator.project.code,
    submittedAt: v.submittedAt.toISOString(),
    reviewedAt: v.reviewedAt?.toISOString() ?? null,
    reviewerName: v.verifier?.name ?? null,
    comment: v.reviewComment,
  };
}

export async function listOwnSubmissions(actor: Actor) {
  const visible = boardWhere(actor);
  const [updates, values] = await Promise.all([listOwnUpdates(actor, visible), listOwnValues(actor, visible)]);
  const settled = await settledValueIds(values);
  const all: Submission[] = [
    ...updates
      // A returned update is settled once a newer update on the same milestone exists.
      .filter((u) => u.reviewState !== "RETURNED" || u.milestone.updates[0]?.id === u.id)
      .map(updateSubmission),
    ...values.filter((v) => !settled.has(v.id)).map(valueSubmission),
  ];
  return {
    returned: all
      .filter((s) => s.state === "RETURNED")
      .sort((a, b) => (b.reviewedAt ?? "").localeCompare(a.reviewedAt ?? "")),
    pending: all.filter((s) => s.state === "SUBMITTED").sort((a, b) => a.submittedAt.localeCompare(b.submittedAt)),
  };
}
