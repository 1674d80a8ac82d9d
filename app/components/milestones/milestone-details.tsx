import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { HistoryLink } from "~/components/history/history-link";
import { useFormat } from "~/i18n/format";
import type { MilestoneView } from "~/models/milestone.server";
import { MilestoneStatusBadge, SlipBadge } from "./milestone-status-badge";

export function MilestoneDetails({
  milestone,
  showHistory,
  canReview,
}: {
  milestone: MilestoneView;
  showHistory: boolean;
  canReview: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const m = milestone;
  return (
    <section className="panel" aria-labelledby="milestone-title">
      <h1 id="milestone-title">{m.title}</h1>
      {m.description ? <p>{m.description}</p> : null}
      <dl className="details-grid" data-testid="milestone-details">
        <div>
          <dt>{t("workflow.milestones.fields.status")}</dt>
          <dd data-testid="milestone-status">
            <MilestoneStatusBadge status={m.status} />
            {m.overdue ? (
              <>
                {" "}
                <span className="badge red">{t("workflow.milestones.overdue")}</span>
              </>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t("workflow.milestones.fields.percentComplete")}</dt>
          <dd data-testid="milestone-percent">
            <progress max={100} value={m.percentComplete} aria-hidden="true" className="percent-bar" />{" "}
            {m.percentComplete}%
          </dd>
        </div>
        <div>
          <dt>{t("workflow.milestones.fields.baselineDueDate")}</dt>
          <dd data-testid="milestone-baseline">{format.date(m.baselineDueDate)}</dd>
        </div>
        <div>
          <dt>{t("workflow.milestones.fields.currentDueDate")}</dt>
          <dd data-testid="milestone-current">{format.date(m.currentDueDate)}</dd>
        </div>
        <div>
          <dt>{t("workflow.milestones.columns.slip")}</dt>
          <dd data-testid="milestone-slip">
            <SlipBadge days={m.slipDays} />
          </dd>
        </div>
        <div>
          <dt>{t("workflow.milestones.fields.owner")}</dt>
          <dd>{m.ownerName ?? t("workflow.milestones.noOwner")}</dd>
        </div>
        {m.completedOn ? (
          <div>
            <dt>{t("workflow.milestones.fields.completedOn")}</dt>
            <dd>{format.date(m.completedOn)}</dd>
          </div>
        ) : null}
      </dl>
      <p className="detail-links">
        {showHistory ? <HistoryLink entityType="Milestone" entityId={m.id} /> : null}
        {canReview ? <Link to="/reviews">{t("workflow.reviews.title")}</Link> : null}
      </p>
    </section>
  );
}
