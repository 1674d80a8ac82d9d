import { dayToDate } from "~/lib/dates";
import { RATING_SCALE } from "~/lib/metrics";
import { cell, readRows } from "~/lib/sql.server";
import { auditedTransaction, type AuditContext } from "~/models/audit.server";
import { RISK_RATINGS, type RatingInput } from "~/schemas/rating";

/** The project's rating history, newest first, with who recorded each rating. */
export async function listRatings(options: { projectId: string }) {
  // Plain SQL (lib/sql.server.ts): one statement where Prisma's client sent two, on every view of the tab.
  const rows = await readRows(
    `SELECT r.id, r.ratedOn, r.pdoRating, r.ipRating, r.riskRating, r.justification, r.createdAt, u.name AS author
     FROM "Rating" r JOIN "User" u ON u.id = r.authorId
     WHERE r.projectId = ? ORDER BY r.ratedOn DESC, r.createdAt DESC`,
    [options.projectId],
  );
  return rows.map((r) => ({
    id: cell.text(r, "id"),
    ratedOn: cell.date(r, "ratedOn").toISOString(),
    pdoRating: cell.oneOf(r, "pdoRating", RATING_SCALE),
    ipRating: cell.oneOf(r, "ipRating", RATING_SCALE),
    riskRating: cell.oneOf(r, "riskRating", RISK_RATINGS),
    justification: cell.text(r, "justification"),
    recordedAt: cell.date(r, "createdAt").toISOString(),
    author: cell.text(r, "author"),
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
