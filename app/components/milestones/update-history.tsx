import { useTranslation } from "react-i18next";
import { EvidenceFileList } from "~/components/evidence/evidence-file-list";
import { EvidenceLinks } from "~/components/reviews/evidence-links";
import { ReviewStateBadge } from "~/components/reviews/review-state-badge";
import { useFormat } from "~/i18n/format";
import type { MilestoneUpdateView } from "~/models/milestone-update.server";

/**
 * Every update of the milestone with its state and, step by step, its review trail: submitted, returned (with
 * the reviewer's comment), resubmitted, approved.
 */
export function UpdateHistory({ updates }: { updates: MilestoneUpdateView[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (updates.length === 0) return <p className="panel muted">{t("workflow.milestone.noUpdates")}</p>;
  return (
    <ol className="update-history" data-testid="update-history">
      {updates.map((u) => (
        <li key={u.id} className="panel" data-update-id={u.id} data-state={u.reviewState}>
          <div className="update-head">
            <ReviewStateBadge state={u.reviewState} kind="reviewState" />{" "}
            <strong>
              {t("workflow.milestone.proposal", {
                status: t(`domain.milestoneStatus.${u.proposedStatus}`),
                percent: u.proposedPercent,
              })}
              {u.proposedDueDate
                ? `, ${t("workflow.milestone.proposalDate", { date: format.date(u.proposedDueDate) })}`
                : null}
            </strong>
          </div>
          <dl className="update-meta">
            <div>
              <dt>{t("workflow.milestone.author")}</dt>
              <dd>{u.authorName}</dd>
            </div>
            <div>
              <dt>{t("workflow.milestone.submittedAt")}</dt>
              <dd>{format.dateTime(u.submittedAt)}</dd>
            </div>
            {u.reviewerName ? (
              <div>
                <dt>{t("workflow.milestone.reviewer")}</dt>
                <dd>{u.reviewerName}</dd>
              </div>
            ) : null}
            {u.reviewedAt ? (
              <div>
                <dt>{t("workflow.milestone.reviewedAt")}</dt>
                <dd>{format.dateTime(u.reviewedAt)}</dd>
              </div>
            ) : null}
            {u.dueDateReason ? (
              <div>
                <dt>{t("workflow.milestone.reason")}</dt>
                <dd>{u.dueDateReason}</dd>
              </div>
            ) : null}
            {u.reviewComment ? (
              <div>
                <dt>{t("workflow.milestone.comment")}</dt>
                <dd data-testid="review-comment">{u.reviewComment}</dd>
              </div>
            ) : null}
          </dl>
          {u.narrative ? (
            <p className="narrative">
              <span className="visually-hidden">{t("workflow.milestone.narrative")}: </span>
              {u.narrative}
            </p>
          ) : null}
          {u.evidenceLinks.length > 0 ? (
            <div>
              {t("workflow.milestone.evidence")}: <EvidenceLinks links={u.evidenceLinks} />
            </div>
          ) : null}
          <EvidenceFileList files={u.evidenceFiles} />
          <ol className="trail" data-testid="update-trail">
            {u.trail.map((step, index) => (
              <li key={index} data-step={step.action}>
                <span>
                  {t(`workflow.milestone.trail.${step.action}`, {
                    name: step.actorName ?? t("workflow.milestone.trail.unknown"),
                  })}
                </span>{" "}
                <time className="muted" dateTime={step.at}>
                  {format.dateTime(step.at)}
                </time>
                {step.comment ? <q className="trail-comment">{step.comment}</q> : null}
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ol>
  );
}
