import { RefusedError } from "~/lib/errors";
import type { Plan } from "~/lib/import/plan";
import type { Actor } from "~/lib/permissions";
import { auditedTransaction, type AuditContext } from "~/models/audit.server";
import { reportIndicatorValueTx } from "~/models/indicator-value.server";
import { submitMilestoneUpdateTx } from "~/models/milestone-update.server";

export type AppliedItem = { id: string; itemId: string; projectId: string; name: string; projectName: string };
export type Applied = { values: AppliedItem[]; updates: AppliedItem[] };

/**
 * Writes what the dry run planned, through the forms' own model functions (same checks, same audit events, same
 * notifications), in ONE transaction: if any row is refused on the way (someone reported the period meanwhile),
 * nothing is written. A plan with an error writes nothing at all; rows already sent are "unchanged" and skipped,
 * so applying the same file twice creates nothing new.
 */
export async function applyImport({ actor, plan, context }: { actor: Actor; plan: Plan; context: AuditContext }) {
  if (plan.rows.some((row) => row.outcome === "error")) throw new RefusedError("import.refused.hasErrors", {}, 422);
  return auditedTransaction(context, async (tx, audit) => {
    const applied: Applied = { values: [], updates: [] };
    for (const row of plan.rows) {
      const submission = row.write ? row.submission : null;
      if (!submission) continue;
      const names = { name: row.itemName ?? "", projectName: row.projectName ?? "" };
      if (submission.kind === "indicator") {
        const id = await reportIndicatorValueTx(tx, audit, {
          indicator: { id: submission.indicatorId, projectId: submission.projectId },
          reporterId: actor.id,
          input: submission.input,
        });
        applied.values.push({ id, itemId: submission.indicatorId, projectId: submission.projectId, ...names });
      } else {
        const id = await submitMilestoneUpdateTx(tx, audit, {
          milestone: { id: submission.milestoneId, projectId: submission.projectId },
          authorId: actor.id,
          input: submission.input,
        });
        applied.updates.push({ id, itemId: submission.milestoneId, projectId: submission.projectId, ...names });
      }
    }
    return applied;
  });
}
