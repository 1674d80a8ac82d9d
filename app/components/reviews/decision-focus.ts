import { useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import type { ReviewQueueItem } from "~/models/review/queue.server";
import { BULK_FORM_ID, reviewSubject } from "./review-item";

/** A decision just taken in the queue: what was decided, and where in the list it was. */
export type QueueDecision = {
  intent: "approve" | "return" | "bulkApprove";
  /** The decided items' ids (one, or every ticked item of a bulk approval). */
  ids: string[];
  /** The position of the (first) decided item: the next item moves up into it. */
  index: number;
  /** The single item's name, for the note left in its place. */
  subject: string;
  authorName: string;
};

export const QUEUE_DONE_ID = "review-queue-done";
export const DECISION_NOTE_ID = "review-decision-note";

/** The decision a submission of the queue's forms is taking, read from what it posts. */
function decisionOf(formData: FormData | undefined, items: ReviewQueueItem[]): QueueDecision | null {
  const intent = formData?.get("intent");
  if (!formData || (intent !== "approve" && intent !== "return" && intent !== "bulkApprove")) return null;
  const ids =
    intent === "bulkApprove"
      ? formData.getAll("items").map((key) => String(key).split(":")[1] ?? "")
      : [String(formData.get("id"))];
  const positions = ids.map((id) => items.findIndex((item) => item.id === id)).filter((index) => index >= 0);
  if (positions.length === 0) return null;
  const index = Math.min(...positions);
  const first = items[index];
  return { intent, ids, index, subject: reviewSubject(first), authorName: first.authorName };
}

/**
 * Keeps the manager's place in the queue. The forms do not scroll the page back to the top (preventScrollReset);
 * once a decision has been taken and the queue reloaded without the decided item, the decision is returned (the
 * page leaves a short note in the item's place) and focus moves to the item that took its place — the next one —
 * or to the "all done" note when nothing is left. A decision that was refused (the item is still listed, its form
 * shows why) moves nothing.
 */
export function useDecisionFocus(items: ReviewQueueItem[]): QueueDecision | null {
  const navigation = useNavigation();
  const [pending, setPending] = useState<QueueDecision | null>(null);
  const [done, setDone] = useState<QueueDecision | null>(null);

  // State that follows the navigation, adjusted while rendering (React's pattern for derived state): remember the
  // decision while it is submitted, settle it once the page is idle again with the reloaded queue.
  const submitting = navigation.state === "idle" ? null : decisionOf(navigation.formData, items);
  if (submitting && submitting.ids.join() !== pending?.ids.join()) setPending(submitting);
  if (navigation.state === "idle" && pending) {
    setPending(null);
    const stillListed = pending.ids.some((id) => items.some((item) => item.id === id));
    if (!stillListed) setDone(pending);
  }

  useEffect(() => {
    if (!done) return;
    const next = items[Math.min(done.index, items.length - 1)];
    const target = document.getElementById(next ? `review-${next.id}` : QUEUE_DONE_ID);
    // The note and the next item's heading start where the decided item did. When that was above the screen (a
    // long item read to its buttons, typical on a phone), bring the note to the top, just under the sticky bar.
    const note = document.getElementById(DECISION_NOTE_ID);
    const bar = document.getElementById(BULK_FORM_ID);
    const noteHidden = note && note.getBoundingClientRect().top < (bar?.getBoundingClientRect().bottom ?? 0);
    if (noteHidden) note.scrollIntoView({ block: "start" });
    target?.focus({ preventScroll: Boolean(noteHidden) });
    // Only a new decision moves focus; a later reload of the same list must leave the reader where they are.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [done]);

  return done;
}
