import { useNavigation } from "@remix-run/react";
import { useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import type { WorkflowActionData } from "~/schemas/review";

const noSubscription = () => () => undefined;

/** false on the server and during hydration, true once React runs in the browser (client-side validation is live). */
export function useHydrated() {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/** True while this page's form with `intent` (and, for per-item forms, `id`) is being submitted. */
export function useSubmittingIntent(intent: string, id?: string) {
  const navigation = useNavigation();
  if (navigation.state !== "submitting" || !navigation.formData) return false;
  if (navigation.formData.get("intent") !== intent) return false;
  return id === undefined || navigation.formData.get("id") === id;
}

/** The action's answer when it is addressed to this form (several forms share one action). */
export function answerFor(
  actionData: WorkflowActionData | undefined | null,
  intent: string,
  itemId: string | null = null,
) {
  if (!actionData || actionData.intent !== intent) return null;
  if (itemId !== null && actionData.itemId !== itemId) return null;
  return actionData;
}

export function FormError({ answer }: { answer: WorkflowActionData | null }) {
  const { t } = useTranslation();
  if (!answer?.formError) return null;
  return (
    <p className="form-error" role="alert">
      {t(answer.formError, answer.formErrorValues)}
    </p>
  );
}

/**
 * A 409: someone saved first. Shows the record as it is now (labels come from `labels`, keyed by field),
 * while the form above keeps the user's unsaved input.
 */
export function ConflictNotice({
  answer,
  labels,
  format,
}: {
  answer: WorkflowActionData | null;
  labels: Record<string, string>;
  format?: (field: string, value: string | number | boolean | null) => string;
}) {
  const { t } = useTranslation();
  if (!answer?.conflict) return null;
  const rows = Object.entries(answer.conflict.values).filter(([field]) => field in labels);
  return (
    <div className="form-error conflict-notice" role="alert" data-testid="conflict-notice">
      <strong>{t("workflow.conflict.title")}</strong>
      <p>{t("workflow.conflict.body")}</p>
      <dl className="conflict-values">
        {rows.map(([field, value]) => (
          <div key={field}>
            <dt>{labels[field]}</dt>
            <dd>{format ? format(field, value) : value === null || value === "" ? "—" : String(value)}</dd>
          </div>
        ))}
      </dl>
      <p>{t("workflow.conflict.retry")}</p>
    </div>
  );
}

/** Evidence links open in a new tab without handing it our window. */
export function EvidenceLinks({ links }: { links: string[] }) {
  if (links.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="evidence-links">
      {links.map((link) => (
        <li key={link}>
          <a href={link} target="_blank" rel="noopener noreferrer nofollow">
            {shortUrl(link)}
          </a>
        </li>
      ))}
    </ul>
  );
}

function shortUrl(link: string): string {
  try {
    const url = new URL(link);
    const text = url.host + (url.pathname === "/" ? "" : url.pathname);
    return text.length > 48 ? `${text.slice(0, 45)}…` : text;
  } catch {
    return link;
  }
}

const REVIEW_TONE: Record<string, string> = {
  SUBMITTED: "amber",
  APPROVED: "green",
  VERIFIED: "green",
  RETURNED: "red",
};

/** State of a submission: awaiting review (amber), approved/verified (green), returned (red). */
export function ReviewStateBadge({ state, kind }: { state: string; kind: "reviewState" | "valueState" }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${REVIEW_TONE[state] ?? ""}`} data-state={state}>
      {t(`domain.${kind}.${state}`)}
    </span>
  );
}
