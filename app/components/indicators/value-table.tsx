import { Form, Link } from "@remix-run/react";
import { EvidenceFileList } from "~/components/evidence/evidence-file-list";
import { messageKey } from "~/i18n/keys";
import { useTranslation } from "react-i18next";
import { EvidenceLinks } from "~/components/reviews/evidence-links";
import { ReviewStateBadge } from "~/components/reviews/review-state-badge";
import { useActionAnswer, useSubmittingIntent } from "~/components/ui/form-hooks";
import { FormMessage } from "~/components/ui/form-message";
import { useFormat } from "~/i18n/format";
import { fieldErrorsIn } from "~/lib/action-result";
import type { IndicatorValueView } from "~/models/indicator-value.server";
import { useStoredPeriodLabel } from "./period-label";

/** A manager verifies or returns one value; the action's answer is addressed to this value's form. */
function ReviewValueForm({ value }: { value: IndicatorValueView }) {
  const { t } = useTranslation();
  const verifyAnswer = useActionAnswer("verify", value.id);
  const returnAnswer = useActionAnswer("return", value.id);
  const answer = verifyAnswer ?? returnAnswer;
  const verifying = useSubmittingIntent("verify", value.id);
  const returning = useSubmittingIntent("return", value.id);
  const error = fieldErrorsIn(answer)?.comment;
  const commentId = `value-comment-${value.id}`;
  return (
    <Form method="post" className="value-review" aria-label={t("workflow.indicator.columns.actions")}>
      <input type="hidden" name="kind" value="indicatorValue" />
      <input type="hidden" name="id" value={value.id} />
      <input type="hidden" name="version" value={value.version} />
      <FormMessage answer={answer} />
      <label htmlFor={commentId} className="visually-hidden">
        {t("workflow.indicator.reviewComment")}
      </label>
      <input
        id={commentId}
        name="comment"
        placeholder={t("workflow.indicator.reviewComment")}
        maxLength={2000}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${commentId}-error` : undefined}
      />
      {error ? (
        <p className="field-error" id={`${commentId}-error`} role="alert">
          {t(messageKey(error))}
        </p>
      ) : null}
      <div className="wf-buttons">
        {/* The review queue's two verbs and looks: approving a value is what verifies it. */}
        <button type="submit" name="intent" value="verify" className="button" disabled={verifying || returning}>
          {verifying ? t("workflow.reviews.working") : t("workflow.reviews.approve")}
        </button>
        <button
          type="submit"
          name="intent"
          value="return"
          className="button secondary return-button"
          disabled={verifying || returning}
        >
          {returning ? t("workflow.reviews.working") : t("workflow.reviews.return")}
        </button>
      </div>
    </Form>
  );
}

/** Every reported value with its state, who reported and verified it, comments and evidence; managers review here too. */
export function ValueTable({
  values,
  unit,
  frequency,
  correctable,
  canReview,
  userId,
}: {
  values: IndicatorValueView[];
  unit: string;
  frequency: string;
  /** The viewer's returned values still to correct: each links to the prefilled form. */
  correctable: string[];
  canReview: boolean;
  userId: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const periodLabel = useStoredPeriodLabel(frequency);
  if (values.length === 0) return <p className="panel muted">{t("workflow.indicator.noValues")}</p>;
  return (
    <div className="table-wrap">
      <table data-testid="value-table">
        <thead>
          <tr>
            <th scope="col">{t("workflow.indicator.columns.period")}</th>
            <th scope="col" className="num">
              {t("workflow.indicator.columns.value")} ({unit})
            </th>
            <th scope="col">{t("workflow.indicator.columns.state")}</th>
            <th scope="col">{t("workflow.indicator.columns.reporter")}</th>
            <th scope="col">{t("workflow.indicator.columns.verifier")}</th>
            <th scope="col">{t("workflow.indicator.columns.comment")}</th>
            <th scope="col">{t("workflow.indicator.columns.evidence")}</th>
            {canReview ? <th scope="col">{t("workflow.indicator.columns.actions")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {values.map((v) => (
            <tr key={v.id} data-value-id={v.id} data-state={v.state}>
              <td>
                {periodLabel(v.periodStart, v.periodEnd)}
                {correctable.includes(v.id) ? (
                  <>
                    <br />
                    <Link to={`?correct=${v.id}#report`} data-testid="correct-value">
                      {t("forms.correct.link")}
                    </Link>
                  </>
                ) : null}
              </td>
              <td className="num" data-testid="value-cell">
                {format.number(v.value)}
              </td>
              <td>
                <ReviewStateBadge state={v.state} kind="valueState" />
              </td>
              <td>
                {v.reporterName}
                <br />
                <small className="muted">{format.date(v.submittedAt)}</small>
              </td>
              <td>
                {v.verifierName ?? "—"}
                {v.reviewedAt ? (
                  <>
                    <br />
                    <small className="muted">{format.date(v.reviewedAt)}</small>
                  </>
                ) : null}
              </td>
              <td>
                {v.comment || (v.reviewComment ? null : "—")}
                {v.reviewComment ? (
                  <p className="review-comment">
                    <strong>{v.verifierName ?? ""}:</strong> {v.reviewComment}
                  </p>
                ) : null}
              </td>
              <td>
                {v.evidenceLinks.length > 0 || v.evidenceFiles.length === 0 ? (
                  <EvidenceLinks links={v.evidenceLinks} />
                ) : null}
                <EvidenceFileList files={v.evidenceFiles} />
              </td>
              {canReview ? (
                <td>
                  {v.state !== "SUBMITTED" ? null : v.reporterId === userId ? (
                    <span className="muted">{t("workflow.indicator.ownValue")}</span>
                  ) : (
                    <ReviewValueForm value={v} />
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
