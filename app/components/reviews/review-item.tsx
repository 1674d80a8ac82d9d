import { Form, Link } from "@remix-run/react";
import { EvidenceFileList } from "~/components/evidence/evidence-file-list";
import { messageKey } from "~/i18n/keys";
import { useNavigation } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/i18n/format";
import type { ReviewQueueItem } from "~/models/review/queue.server";
import { useActionAnswer } from "~/components/ui/form-hooks";
import { FormMessage } from "~/components/ui/form-message";
import { answerFor, fieldErrorsIn, type ActionResult } from "~/lib/action-result";
import { MILESTONE_STATUSES } from "~/schemas/milestone";
import { itemKey } from "~/schemas/review";
import { EvidenceLinks } from "./evidence-links";

export const BULK_FORM_ID = "bulk-approve";

function ChangeRow({ label, current, proposed }: { label: string; current: string; proposed: string }) {
  const changed = current !== proposed;
  return (
    <tr className={changed ? "changed" : undefined}>
      <th scope="row">{label}</th>
      <td>{current}</td>
      <td>{changed ? <strong>{proposed}</strong> : proposed}</td>
    </tr>
  );
}

/** What the item is about, by name: the milestone's title or the indicator's name (its code follows, quieter). */
export function reviewSubject(item: ReviewQueueItem): string {
  return item.kind === "milestoneUpdate" ? item.milestone.title : item.indicator.name;
}

/**
 * What every card of the list needs from the page, read once for the whole list (a page shows 25 cards): the
 * translator, the formatters, the action's answer and which item's decision is being submitted.
 */
export type CardTools = {
  t: TFunction;
  words: CardWords;
  format: ReturnType<typeof useFormat>;
  answer: ActionResult<unknown> | null;
  submitting: { intent: string; id: string } | null;
};

type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

/** The words every card repeats (headings, labels, buttons, statuses): the same for every card of a language. */
function cardWordsFor(t: TFunction) {
  const status = (code: MilestoneStatus) => t(`domain.milestoneStatus.${code}`);
  return {
    kind: {
      milestoneUpdate: t("workflow.reviews.milestoneUpdate"),
      indicatorValue: t("workflow.reviews.indicatorValue"),
    },
    approveHint: {
      milestoneUpdate: t("workflow.reviews.approveHint.milestoneUpdate"),
      indicatorValue: t("workflow.reviews.approveHint.indicatorValue"),
    },
    onlyThisProject: t("queues.reviews.onlyThisProject"),
    field: t("workflow.reviews.field"),
    current: t("workflow.reviews.current"),
    proposed: t("workflow.reviews.proposed"),
    status: t("workflow.reviews.status"),
    percent: t("workflow.reviews.percent"),
    dueDate: t("workflow.reviews.dueDate"),
    period: t("workflow.reviews.period"),
    value: t("workflow.reviews.value"),
    baselineTarget: t("workflow.reviews.baselineTarget"),
    reason: t("workflow.milestone.reason"),
    evidence: t("workflow.milestone.evidence"),
    ownSubmission: t("workflow.reviews.ownSubmission"),
    comment: t("workflow.reviews.comment"),
    working: t("workflow.reviews.working"),
    approve: t("workflow.reviews.approve"),
    return: t("workflow.reviews.return"),
    milestoneStatus: Object.fromEntries(MILESTONE_STATUSES.map((code) => [code, status(code)])) as Record<
      MilestoneStatus,
      string
    >,
  };
}
type CardWords = ReturnType<typeof cardWordsFor>;

/**
 * Card words per language, translated once: the strings are bundled, so a language's words never change while the
 * server runs (three languages: the map stays that small).
 */
const cardWords = new Map<string, CardWords>();
function rememberedCardWords(language: string, t: TFunction): CardWords {
  let words = cardWords.get(language);
  if (!words) {
    words = cardWordsFor(t);
    cardWords.set(language, words);
  }
  return words;
}

/** The tools of `CardTools`, once per list. */
export function useCardTools(): CardTools {
  const { t, i18n } = useTranslation();
  const words = rememberedCardWords(i18n.language, t);
  const format = useFormat();
  // A single decision's answer is addressed to its intent and item; each card picks its own below.
  const approveAnswer = useActionAnswer<unknown>("approve");
  const returnAnswer = useActionAnswer<unknown>("return");
  const answer = approveAnswer ?? returnAnswer;
  const navigation = useNavigation();
  const data = navigation.state === "submitting" ? navigation.formData : undefined;
  const intent = data?.get("intent");
  const id = data?.get("id");
  const submitting = (intent === "approve" || intent === "return") && typeof id === "string" ? { intent, id } : null;
  return { t, words, format, answer, submitting };
}

/** One pending submission: what it proposes next to what is there now, and the decision buttons. */
export function ReviewItemCard({
  item,
  tools,
  projectFilter = true,
}: {
  item: ReviewQueueItem;
  tools: CardTools;
  /** Offer "only this project" (not on a queue already showing one project). */
  projectFilter?: boolean;
}) {
  const { t, words, format } = tools;
  const headingId = `review-${item.id}`;
  const subject = reviewSubject(item);
  const subjectLink =
    item.kind === "milestoneUpdate"
      ? `/projects/${item.project.id}/milestones/${item.milestone.id}`
      : `/projects/${item.project.id}/indicators/${item.indicator.id}`;
  const narrative = item.kind === "milestoneUpdate" ? item.proposed.narrative : item.proposed.comment;

  return (
    <li
      className="panel review-item"
      aria-labelledby={headingId}
      data-testid="review-item"
      data-kind={item.kind}
      data-item-id={item.id}
    >
      <div className="review-item-head">
        {item.ownSubmission ? null : (
          <input
            type="checkbox"
            name="items"
            value={itemKey(item.kind, item.id, item.version)}
            form={BULK_FORM_ID}
            aria-label={t("workflow.reviews.select", { item: subject })}
            className="review-select"
          />
        )}
        <div>
          <p className="muted review-kind">
            {words.kind[item.kind]} · <Link to={`/projects/${item.project.id}`}>{item.project.name}</Link>{" "}
            <span className="record-code">{item.project.code}</span>
            {projectFilter ? (
              <>
                {" · "}
                <Link to={`/reviews?project=${encodeURIComponent(item.project.code)}`}>{words.onlyThisProject}</Link>
              </>
            ) : null}
          </p>
          {/* Focus lands here when the item before it has been decided (tabIndex -1: not a tab stop of its own). */}
          <h2 id={headingId} className="review-subject" tabIndex={-1}>
            <Link to={subjectLink}>{subject}</Link>
            {item.kind === "indicatorValue" ? (
              <>
                {" "}
                <span className="record-code">{item.indicator.code}</span>
              </>
            ) : null}
          </h2>
          <p className="muted">
            {t("workflow.reviews.submittedBy", { name: item.authorName, date: format.dateTime(item.submittedAt) })}
          </p>
        </div>
      </div>
      {item.kind === "milestoneUpdate" && item.resubmitted && item.previousComment ? (
        <p className="notice">{t("workflow.reviews.resubmitted", { comment: item.previousComment })}</p>
      ) : null}
      <ProposalTable item={item} tools={tools} />
      {item.kind === "milestoneUpdate" && item.proposed.dueDateReason ? (
        <p>
          <strong>{words.reason}:</strong> {item.proposed.dueDateReason}
        </p>
      ) : null}
      {narrative ? <p className="narrative">{narrative}</p> : null}
      {item.proposed.evidenceLinks.length > 0 ? (
        <div>
          {words.evidence}: <EvidenceLinks links={item.proposed.evidenceLinks} />
        </div>
      ) : null}
      {item.proposed.evidenceFiles.length > 0 ? <EvidenceFileList files={item.proposed.evidenceFiles} /> : null}
      {item.ownSubmission ? (
        <p className="muted" data-testid="own-submission">
          {words.ownSubmission}
        </p>
      ) : (
        <DecisionForm item={item} subject={subject} tools={tools} />
      )}
    </li>
  );
}

/** The proposal next to the record as it is now; changed values stand out. */
function ProposalTable({ item, tools }: { item: ReviewQueueItem; tools: CardTools }) {
  const { words, format } = tools;
  return (
    <div className="table-wrap">
      <table className="change-table">
        <thead>
          <tr>
            <th scope="col">{words.field}</th>
            <th scope="col">{words.current}</th>
            <th scope="col">{words.proposed}</th>
          </tr>
        </thead>
        <tbody>
          {item.kind === "milestoneUpdate" ? (
            <>
              <ChangeRow
                label={words.status}
                current={words.milestoneStatus[item.milestone.status]}
                proposed={words.milestoneStatus[item.proposed.status]}
              />
              <ChangeRow
                label={words.percent}
                current={`${item.milestone.percentComplete}%`}
                proposed={`${item.proposed.percent}%`}
              />
              <ChangeRow
                label={words.dueDate}
                current={format.date(item.milestone.currentDueDate)}
                proposed={format.date(item.proposed.dueDate ?? item.milestone.currentDueDate)}
              />
            </>
          ) : (
            <>
              <ChangeRow
                label={words.period}
                current={item.indicator.latestActual ? format.date(item.indicator.latestActual.periodEnd) : "—"}
                proposed={`${format.date(item.proposed.periodStart)} – ${format.date(item.proposed.periodEnd)}`}
              />
              <ChangeRow
                label={`${words.value} (${item.indicator.unit})`}
                current={format.number(item.indicator.latestActual?.value ?? null)}
                proposed={format.number(item.proposed.value)}
              />
              <tr>
                <th scope="row">{words.baselineTarget}</th>
                <td colSpan={2}>
                  {format.number(item.indicator.baselineValue)} → {format.number(item.indicator.targetValue)}
                </td>
              </tr>
            </>
          )}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Approve or return this item. Both kinds use the same two verbs; the line under the buttons says what each does
 * to this kind of item. The page keeps its scroll position after the decision (the queue moves focus on).
 */
function DecisionForm({ item, subject, tools }: { item: ReviewQueueItem; subject: string; tools: CardTools }) {
  const { t, words } = tools;
  const answer = answerFor(tools.answer, "approve", item.id) ?? answerFor(tools.answer, "return", item.id);
  const approving = tools.submitting?.intent === "approve" && tools.submitting.id === item.id;
  const returning = tools.submitting?.intent === "return" && tools.submitting.id === item.id;
  const commentError = fieldErrorsIn(answer)?.comment;
  const hintId = `decision-hint-${item.id}`;
  return (
    <Form method="post" preventScrollReset className="review-decision" aria-label={subject}>
      <input type="hidden" name="kind" value={item.kind} />
      <input type="hidden" name="id" value={item.id} />
      <input type="hidden" name="version" value={item.version} />
      {answer ? <FormMessage answer={answer} /> : null}
      <div className="field">
        <label htmlFor={`comment-${item.id}`}>{words.comment}</label>
        <textarea
          id={`comment-${item.id}`}
          name="comment"
          rows={2}
          maxLength={2000}
          aria-invalid={commentError ? true : undefined}
          aria-describedby={commentError ? `comment-${item.id}-error` : undefined}
        />
        {commentError ? (
          <p className="field-error" id={`comment-${item.id}-error`} role="alert">
            {t(messageKey(commentError))}
          </p>
        ) : null}
      </div>
      <div className="wf-buttons">
        <button
          type="submit"
          name="intent"
          value="approve"
          className="button approve-button"
          disabled={approving || returning}
          aria-describedby={hintId}
          data-testid="approve"
        >
          {approving ? words.working : words.approve}
        </button>
        <button
          type="submit"
          name="intent"
          value="return"
          className="button secondary return-button"
          disabled={approving || returning}
          aria-describedby={hintId}
          data-testid="return"
        >
          {returning ? words.working : words.return}
        </button>
      </div>
      <p className="muted small decision-hint" id={hintId}>
        {words.approveHint[item.kind]} {t("workflow.reviews.returnHint", { name: item.authorName })}
      </p>
    </Form>
  );
}
