import { z } from "zod";
import { DIGEST_FREQUENCIES } from "~/lib/reminder-rules";
import { idField } from "./fields";

/** The notifications page's two actions. */
export const NotificationIntentSchema = z.discriminatedUnion(
  "intent",
  [z.object({ intent: z.literal("markRead"), id: idField }), z.object({ intent: z.literal("markAllRead") })],
  { error: "common.errors.badRequest" },
);

/** A checkbox sends "on" when ticked and nothing when not. */
const checkbox = z.preprocess((value) => value === "on" || value === "true", z.boolean());

export const NotificationPreferencesSchema = z.object({
  digest: z.enum(DIGEST_FREQUENCIES, "common.errors.badRequest"),
  eventMessages: checkbox,
});
export type NotificationPreferencesInput = z.infer<typeof NotificationPreferencesSchema>;
