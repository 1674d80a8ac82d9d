import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titled } from "~/lib/meta";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { Form, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { QueueLimitNotice } from "~/components/reviews/queue-limit";
import { BULK_FORM_ID, ReviewItemCard } from "~/components/reviews/review-item";
import { answerFor, FormError, useSubmittingIntent } from "~/components/reviews/shared";
import { auditContextFor, requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { requireGlobalPermission } from "~/lib/permissions.server";
import { parseForm } from "~/lib/validation.server";
import { VersionConflictError } from "~/lib/errors";
import {
  describeSubmission,
  invalidInput,
  listReviewQueue,
  readdressed,
  refusedInput,
  reviewSubmissions,
  type ReviewConflict,
} from "~/models/review.server";
import { ErrorPanel } from "~/root";
import {
  ApproveSchema,
  BulkApproveSchema,
  ReturnSchema,
  ReviewIntentSchema,
  type WorkflowActionData,
} from "~/schemas/review";

export const meta = titled("common.nav.reviews");

/** After a 409 (someone reviewed first) reload the queue, so it shows the current state. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 ? true : defaultShouldRevalidate;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "reviewQueue.view");
  return listReviewQueue({ actor: user });
}

/**
 * approve | return: one item. bulkApprove: every selected item, authorised one by one, then approved together
 * in one transaction (all or nothing). Each item is checked against its own project (scope, manager role, and
 * never the reviewer's own submission: 403).
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "reviewQueue.view");
  const formData = await request.formData();
  const intent = ReviewIntentSchema.safeParse(formData.get("intent"));
  if (!intent.success) return invalidInput("unknown", { _form: "common.errors.badRequest" });
  const context = auditContextFor(user);

  if (intent.data === "bulkApprove") {
    const parsed = parseForm(BulkApproveSchema, formData);
    if (!parsed.ok)
      return refusedInput("bulkApprove", parsed.fieldErrors.items ?? "workflow.errors.selectItems", {
        status: 400,
      });
    try {
      const done = await reviewSubmissions({
        actor: user,
        items: parsed.data.items,
        decision: "approve",
        comment: null,
        context,
      });
      return redirectWithFlash("/reviews", {
        kind: "success",
        key: "workflow.flash.bulkApproved",
        values: { count: done.length },
      });
    } catch (error) {
      if (error instanceof VersionConflictError) {
        const conflict = error.current as ReviewConflict;
        const item = await describeSubmission(conflict.kind, conflict.id);
        return refusedInput("bulkApprove", "workflow.reviews.conflict", { values: { item } });
      }
      throw error;
    }
  }

  const schema = intent.data === "approve" ? ApproveSchema : ReturnSchema;
  const itemId = typeof formData.get("id") === "string" ? String(formData.get("id")) : null;
  const parsed = parseForm(schema, formData);
  if (!parsed.ok) return readdressed(intent.data, parsed, itemId);
  const { kind, id, version, comment } = parsed.data;
  try {
    await reviewSubmissions({
      actor: user,
      items: [{ kind, id, version }],
      decision: intent.data,
      comment: comment || null,
      context,
    });
  } catch (error) {
    if (error instanceof VersionConflictError) {
      const item = await describeSubmission(kind, id);
      return refusedInput(intent.data, "workflow.reviews.conflict", { itemId: id, values: { item } });
    }
    throw error;
  }
  const key =
    intent.data === "return"
      ? "workflow.flash.returned"
      : kind === "indicatorValue"
        ? "workflow.flash.verified"
        : "workflow.flash.approved";
  return redirectWithFlash("/reviews", { kind: "success", key });
}

export default function ReviewQueue() {
  const { t } = useTranslation();
  const { items, total, truncated } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as WorkflowActionData | undefined;
  const bulkAnswer = answerFor(actionData, "bulkApprove");
  const bulkSubmitting = useSubmittingIntent("bulkApprove");
  const selectable = items.filter((i) => !i.ownSubmission).length;
  // A conflict on a single item is shown at the top too: that item has been reloaded below.
  const itemConflict = actionData && actionData.intent !== "bulkApprove" && actionData.formError ? actionData : null;
  return (
    <div data-testid="review-queue">
      <h1>{t("workflow.reviews.title")}</h1>
      <p className="muted">{t("workflow.reviews.intro")}</p>
      {items.length === 0 ? (
        <p className="panel muted" data-testid="review-empty">
          {t("workflow.reviews.empty")}
        </p>
      ) : (
        <>
          <p>
            <strong>{t("workflow.reviews.count", { count: total })}</strong>
          </p>
          <QueueLimitNotice truncated={truncated} />
          <FormError answer={itemConflict} />
          {selectable > 0 ? (
            <Form
              method="post"
              id={BULK_FORM_ID}
              className="panel bulk-bar"
              aria-label={t("workflow.reviews.bulkApprove")}
            >
              <input type="hidden" name="intent" value="bulkApprove" />
              <FormError answer={bulkAnswer} />
              <SelectAll />
              <button type="submit" disabled={bulkSubmitting} data-testid="bulk-approve">
                {bulkSubmitting ? t("workflow.reviews.bulkApproving") : t("workflow.reviews.bulkApprove")}
              </button>
              <small className="muted">{t("workflow.reviews.bulkHint")}</small>
            </Form>
          ) : null}
          <ol className="review-list">
            {items.map((item) => (
              <ReviewItemCard
                key={`${item.kind}-${item.id}`}
                item={item}
                answer={answerFor(actionData, actionData?.intent ?? "", item.id)}
              />
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

/** Ticks every selectable item (progressive enhancement: without JavaScript, tick them one by one). */
function SelectAll() {
  const { t } = useTranslation();
  return (
    <label className="select-all">
      <input
        type="checkbox"
        onChange={(event) => {
          const checked = event.currentTarget.checked;
          document.querySelectorAll<HTMLInputElement>(`input.review-select[form="${BULK_FORM_ID}"]`).forEach((box) => {
            box.checked = checked;
          });
        }}
      />{" "}
      {t("workflow.reviews.selectAll")}
    </label>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
