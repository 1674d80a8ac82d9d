import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titled } from "~/lib/meta";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { Form, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { Fragment, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import {
  DECISION_NOTE_ID,
  QUEUE_DONE_ID,
  useDecisionFocus,
  type QueueDecision,
} from "~/components/reviews/decision-focus";
import { BULK_FORM_ID, ReviewItemCard, useCardTools } from "~/components/reviews/review-item";
import { useActionAnswer, useSubmittingIntent } from "~/components/ui/form-hooks";
import { ListPager, pageHref, ShowingRange } from "~/components/ui/list-pager";
import { FormMessage } from "~/components/ui/form-message";
import type { ActionResult } from "~/lib/action-result";
import { auditContextFor, requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { answerFieldErrors, answerRefused, notFound, readFormData, runAction } from "~/lib/http.server";
import { requireGlobalPermission } from "~/lib/permissions.server";
import { parseForm, parseSearchParams } from "~/lib/validation.server";
import { reviewSubmissionsOrRefuse } from "~/models/review/decide.server";
import { listReviewQueuePage, reviewProjectByCode } from "~/models/review/queue-page.server";
import { ErrorPanel } from "~/root";
import { ApproveSchema, BulkApproveSchema, ReturnSchema, ReviewIntentSchema } from "~/schemas/review";
import { z } from "zod";

export const meta = titled("common.nav.reviews");

/** After a 409 (someone reviewed first) reload the queue, so it shows the current state. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 ? true : defaultShouldRevalidate;

const ReviewSearchSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  /** A project's code: only that project's items. */
  project: z.string().trim().min(1).max(64).optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "reviewQueue.view");
  const { page, project: code } = parseSearchParams(ReviewSearchSchema, new URL(request.url));
  // A project the manager cannot see answers like one that does not exist.
  const project = code ? await reviewProjectByCode(user, code) : null;
  if (code && !project) throw notFound();
  const queue = await listReviewQueuePage({ actor: user, page, projectId: project?.id });
  return { ...queue, project };
}

/** After a decision the manager comes back to the page of the queue they were on (or the last one left). */
function queueAddress(request: Request) {
  const url = new URL(request.url);
  const { page, project } = ReviewSearchSchema.catch({ page: 1 }).parse({
    page: url.searchParams.get("page") ?? undefined,
    project: url.searchParams.get("project") ?? undefined,
  });
  return pageHref("/reviews", { project }, page);
}

/**
 * approve | return: one item. bulkApprove: every selected item, authorised one by one, then approved together
 * in one transaction (all or nothing). Each item is checked against its own project (scope, manager role, and
 * never the reviewer's own submission: 403).
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "reviewQueue.view");
  const formData = await readFormData(request);
  const intent = ReviewIntentSchema.safeParse(formData.get("intent"));
  if (!intent.success) return answerFieldErrors({ intent: "unknown" }, { _form: "common.errors.badRequest" });
  const context = auditContextFor(user);

  if (intent.data === "bulkApprove") {
    const address = { intent: "bulkApprove" };
    const parsed = parseForm(BulkApproveSchema, formData, address);
    // The selection has no field of its own to show an error next to: the message is for the whole form.
    if (!parsed.ok)
      return answerRefused(address, parsed.fieldErrors.items ?? "workflow.errors.selectItems", { status: 400 });
    const { items } = parsed.data;
    return runAction(address, async () => {
      const done = await reviewSubmissionsOrRefuse({ actor: user, items, decision: "approve", comment: null, context });
      return redirectWithFlash(queueAddress(request), {
        kind: "success",
        key: "workflow.flash.bulkApproved",
        values: { count: done.length },
      });
    });
  }

  const decision = intent.data;
  const itemId = formData.get("id");
  const address = { intent: decision, itemId: typeof itemId === "string" ? itemId : null };
  const parsed = parseForm(decision === "approve" ? ApproveSchema : ReturnSchema, formData, address);
  if (!parsed.ok) return parsed.response;
  const { kind, id, version, comment } = parsed.data;
  return runAction({ intent: decision, itemId: id }, async () => {
    await reviewSubmissionsOrRefuse({
      actor: user,
      items: [{ kind, id, version }],
      decision,
      comment: comment || null,
      context,
    });
    const key =
      decision === "return"
        ? "workflow.flash.returned"
        : kind === "indicatorValue"
          ? "workflow.flash.verified"
          : "workflow.flash.approved";
    return redirectWithFlash(queueAddress(request), { kind: "success", key });
  });
}

export default function ReviewQueue() {
  const { t } = useTranslation();
  const { items, totals, paging, project } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const done = useDecisionFocus(items);
  const selectable = items.filter((i) => !i.ownSubmission).length;
  // A refusal of a single item (someone reviewed it first): the item has been reloaded away, so the refusal is
  // shown in its place when the page followed the decision, at the top otherwise.
  const itemRefusal = answer && answer.intent !== "bulkApprove" && answer.status === "refused" ? answer : null;
  const doneIndex = done ? Math.min(done.index, items.length) : -1;
  const tools = useCardTools();
  return (
    <div data-testid="review-queue">
      <h1>{t("workflow.reviews.title")}</h1>
      <p className="muted">{t("workflow.reviews.intro")}</p>
      {project ? (
        <p className="panel" data-testid="review-project-filter">
          {t("queues.reviews.onlyProject", { name: project.name, code: project.code })}{" "}
          <Link to="/reviews">{t("queues.reviews.showAll")}</Link>
        </p>
      ) : null}
      {items.length === 0 ? (
        <p className="panel muted" data-testid="review-empty" id={QUEUE_DONE_ID} tabIndex={-1}>
          {done ? t("workflow.reviews.allDone") : t("workflow.reviews.empty")}
        </p>
      ) : (
        <>
          <p data-testid="review-count">
            <strong>{t("workflow.reviews.count", { count: paging.total })}</strong>{" "}
            <span className="muted">
              {t("queues.reviews.byKind", { updates: totals.milestoneUpdate, values: totals.indicatorValue })}
            </span>
          </p>
          <ShowingRange paging={paging} />
          {done ? null : <FormMessage answer={itemRefusal} />}
          {selectable > 0 ? <BulkBar /> : null}
          <ol className="review-list">
            {items.map((item, index) => (
              <Fragment key={`${item.kind}-${item.id}`}>
                {index === doneIndex && done ? <DecisionNote done={done} refusal={itemRefusal} /> : null}
                <ReviewItemCard item={item} tools={tools} projectFilter={!project} />
              </Fragment>
            ))}
            {doneIndex === items.length && done ? <DecisionNote done={done} refusal={itemRefusal} /> : null}
          </ol>
          <ListPager paging={paging} href={(page) => pageHref("/reviews", { project: project?.code }, page)} />
        </>
      )}
    </div>
  );
}

/**
 * Select all and "Approve selected", sticky at the top of the screen while the list scrolls. Kept to one short row
 * (its explanation stays above it, out of the sticky part) and its height is given to the page's scroll padding,
 * so an item scrolled or focused into view never sits underneath it.
 */
function BulkBar() {
  const { t } = useTranslation();
  const bulkAnswer = useActionAnswer("bulkApprove");
  const bulkSubmitting = useSubmittingIntent("bulkApprove");
  const bar = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const element = bar.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => {
      root.style.setProperty("--bulk-bar-space", `${Math.ceil(element.getBoundingClientRect().height) + 12}px`);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty("--bulk-bar-space");
    };
  }, []);
  return (
    <>
      <p className="muted small" id="bulk-hint">
        {t("workflow.reviews.bulkHint")}
      </p>
      <Form
        method="post"
        preventScrollReset
        id={BULK_FORM_ID}
        ref={bar}
        className="panel bulk-bar"
        aria-label={t("workflow.reviews.bulkApprove")}
      >
        <input type="hidden" name="intent" value="bulkApprove" />
        <FormMessage answer={bulkAnswer} />
        <SelectAll />
        <button type="submit" disabled={bulkSubmitting} data-testid="bulk-approve" aria-describedby="bulk-hint">
          {bulkSubmitting ? t("workflow.reviews.bulkApproving") : t("workflow.reviews.bulkApprove")}
        </button>
      </Form>
    </>
  );
}

/** What was just decided, left where the item was (the root flash says it at the top of the page too). */
function DecisionNote({ done, refusal }: { done: QueueDecision; refusal: ActionResult<unknown> | null }) {
  const { t } = useTranslation();
  const refused = refusal && done.ids.includes(refusal.itemId ?? "") ? refusal : null;
  return (
    <li className="review-done" id={DECISION_NOTE_ID} data-testid="review-done">
      {refused ? (
        <FormMessage answer={refused} />
      ) : (
        <p>
          {done.intent === "bulkApprove"
            ? t("workflow.reviews.done.bulkApprove", { count: done.ids.length })
            : done.intent === "approve"
              ? t("workflow.reviews.done.approve", { item: done.subject })
              : t("workflow.reviews.done.return", { item: done.subject, name: done.authorName })}
        </p>
      )}
    </li>
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
