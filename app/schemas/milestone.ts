import { z } from "zod";
import { dayOf } from "~/lib/dates";
import {
  evidenceLinksField,
  isoDay,
  optionalIsoDay,
  optionalText,
  percentField,
  versionField,
  idField,
  refineAcross,
} from "./fields";

/**
 * Milestone forms, shared by the browser (react-hook-form + zodResolver) and the route actions. Rules that
 * depend on the milestone as it is (e.g. "a reason is required when the date slips") take it as a parameter,
 * so the client checks against what it was shown and the server against the database.
 */

export const MILESTONE_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "COMPLETED", "DELAYED", "CANCELLED"] as const;

const status = z.enum(MILESTONE_STATUSES, "workflow.errors.statusInvalid");
const title = z
  .string("workflow.errors.titleRequired")
  .trim()
  .min(1, "workflow.errors.titleRequired")
  .max(200, "workflow.errors.tooLong");
const ownerId = z.preprocess((v) => (v === "" || v === null ? undefined : v), idField.optional());
const reason = optionalText(2000);

export const MilestoneCreateSchema = z.object({
  title,
  description: optionalText(4000),
  baselineDueDate: isoDay(),
  ownerId,
  status,
});
export type MilestoneCreateData = z.infer<typeof MilestoneCreateSchema>;

/** The edit form: the baseline is not part of it (fixed once set); moving the current due date needs a reason. */
export function milestoneEditSchema(current: { currentDueDate: string }) {
  return refineAcross(
    z.object({
      version: versionField,
      title,
      description: optionalText(4000),
      ownerId,
      status,
      percentComplete: percentField,
      currentDueDate: isoDay(),
      dueDateReason: reason,
    }),
    (v, ctx) => {
      if (v.currentDueDate !== undefined && v.currentDueDate !== dayOf(current.currentDueDate) && !v.dueDateReason) {
        ctx.addIssue({ code: "custom", path: ["dueDateReason"], message: "workflow.errors.moveReasonRequired" });
      }
      if (v.status === "COMPLETED" && v.percentComplete !== 100) {
        ctx.addIssue({ code: "custom", path: ["percentComplete"], message: "workflow.errors.completedNeedsFull" });
      }
    },
  );
}
export type MilestoneEditData = z.infer<ReturnType<typeof milestoneEditSchema>>;

/**
 * An officer's update on a milestone. A revised date later than the current due date is a slip and needs a
 * reason; evidence links must be http(s).
 */
export function milestoneUpdateSchema(current: { currentDueDate: string }) {
  return refineAcross(
    z.object({
      proposedStatus: status,
      proposedPercent: percentField,
      proposedDueDate: optionalIsoDay(),
      dueDateReason: reason,
      narrative: optionalText(5000),
      evidenceLinks: evidenceLinksField,
    }),
    (v, ctx) => {
      if (v.proposedDueDate && v.proposedDueDate > dayOf(current.currentDueDate) && !v.dueDateReason) {
        ctx.addIssue({ code: "custom", path: ["dueDateReason"], message: "workflow.errors.slipReasonRequired" });
      }
      if (v.proposedStatus === "COMPLETED" && v.proposedPercent !== 100) {
        ctx.addIssue({ code: "custom", path: ["proposedPercent"], message: "workflow.errors.completedNeedsFull" });
      }
    },
  );
}
export type MilestoneUpdateData = z.infer<ReturnType<typeof milestoneUpdateSchema>>;

export const MilestoneIntentSchema = z.enum(["edit", "submitUpdate", "resubmit"], "common.errors.badRequest");

/** What the forms hold (every input is a string until the schema parses it). */
export type MilestoneUpdateForm = {
  proposedStatus: string;
  proposedPercent: string;
  proposedDueDate: string;
  dueDateReason: string;
  narrative: string;
  evidenceLinks: string;
};
export type MilestoneEditForm = {
  version: string;
  title: string;
  description: string;
  ownerId: string;
  status: string;
  percentComplete: string;
  currentDueDate: string;
  dueDateReason: string;
};
export type MilestoneCreateForm = {
  title: string;
  description: string;
  baselineDueDate: string;
  ownerId: string;
  status: string;
};
