import { useActionData, useNavigation } from "@remix-run/react";
import { useEffect, useSyncExternalStore } from "react";
import { answerFor, type ActionResult, type ConflictRecord } from "~/lib/action-result";

/**
 * The hooks every form uses to read its action's answer and its own submitting state. Several forms often share
 * one page and one action, so each asks by its `intent` (and, on pages listing many records, its record's id).
 */

const noSubscription = () => () => undefined;

/** false on the server and during hydration, true once React runs in the browser (client-side validation is live). */
export function useHydrated() {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/** True while the page's form with `intent` (and, for per-record forms, `id`) is being submitted. */
export function useSubmittingIntent(intent: string, id?: string | null) {
  const navigation = useNavigation();
  if (navigation.state !== "submitting" || !navigation.formData) return false;
  if (navigation.formData.get("intent") !== intent) return false;
  return id === undefined || id === null || navigation.formData.get("id") === id;
}

/** True while any form of the page (or the one posting to `action`) is being submitted. */
export function useIsSubmitting(action?: string) {
  const navigation = useNavigation();
  return navigation.state === "submitting" && (!action || navigation.formAction === action);
}

/** The route action's answer when it is addressed to this form, else null. */
export function useActionAnswer<Current = ConflictRecord>(
  intent: string,
  itemId?: string | null,
): ActionResult<Current> | null {
  // Every action answers with an ActionResult (or redirects), so this is the shape the data has.
  const answer = useActionData() as ActionResult<Current> | undefined;
  return answerFor(answer, intent, itemId);
}

/** After a 409 the form's hidden version becomes the current one, so the next save knowingly applies on top. */
export function useConflictVersion(version: number | null | undefined, setVersion: (version: number) => void) {
  useEffect(() => {
    if (typeof version === "number") setVersion(version);
  }, [version, setVersion]);
}
