import { dayToDate } from "~/lib/dates";
import { db } from "~/lib/db.server";
import { auditedTransaction, type AuditContext } from "~/models/audit.server";
import type { RatingInput } from "~/schemas/rating";

/** The project's rating history, newest first, with who recorded each rating. */
export async function listRatings(options: { projectId: string }) {
  const rows = await db.rating.findMany({
    where: { projectId: options.projectId },
    orderBy: [{ ratedOn: "desc" }, { createdAt: "desc" }],
    select: {
      id: true,
      ratedOn: true,
      pdoRating: true,
      ipRating: true,
      riskRating: true,
      justification: true,
      createdAt: true,
      author: { select: { name: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    ratedOn: r.ratedOn.toISOString(),
    pdoRating: r.pdoRating,
    ipRating: r.ipRating,
    riskRating: r.riskRating,
    justification: r.justification,
    recordedAt: r.createdAt.toISOString(),
    author: r.author.name,
  }));
}

/** Records a new rating (ratings are never edited: a correction is a new rating with its own justification). */
export async function recordRating(options: {
  context: AuditContext;
  projectId: string;
  authorId: string;
  input: RatingInput;
}) {
  const { context, projectId, authorId, input } = options;
  return auditedTransaction(context, async (tx, audit) => {
    const rating = await tx.rating.create({
      data: {
        projectId,
        authorId,
        ratedOn: dayToDate(input.ratedOn),
        pdoRating: input.pdoRating,
        ipRating: input.ipRating,
        riskRating: input.riskRating,
        justification: input.justification,
      },
    });
    await audit({ action: "rating.record", entityType: "Rating", entityId: rating.id, projectId, after: rating });
    return rating;
  });
}
