import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLabel } from "~/i18n/keys";
import { useFormat } from "~/i18n/format";
import { MilestoneStatusBadge, SlipBadge } from "./milestone-status-badge";

export type MilestoneListRow = {
  id: string;
  title: string;
  baselineDueDate: string;
  currentDueDate: string;
  slipDays: number;
  status: string;
  percentComplete: number;
  ownerName: string | null;
  overdue: boolean;
  pendingCount: number;
  latestPending: {
    proposedStatus: string;
    proposedPercent: number;
    submittedAt: string;
    authorName: string;
  } | null;
};

/** The milestone list: also the table alternative to the timeline. */
export function MilestoneTable({ milestones }: { milestones: MilestoneListRow[] }) {
  const { t } = useTranslation();
  const codeLabel = useLabel();
  const format = useFormat();
  return (
    <div className="table-wrap">
      <table data-testid="milestone-table">
        <caption className="visually-hidden">{t("workflow.timeline.tableCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("workflow.milestones.columns.title")}</th>
            <th scope="col">{t("workflow.milestones.columns.baseline")}</th>
            <th scope="col">{t("workflow.milestones.columns.current")}</th>
            <th scope="col">{t("workflow.milestones.columns.slip")}</th>
            <th scope="col">{t("workflow.milestones.columns.status")}</th>
            <th scope="col" className="num">
              {t("workflow.milestones.columns.percent")}
            </th>
            <th scope="col">{t("workflow.milestones.columns.owner")}</th>
            <th scope="col">{t("workflow.milestones.columns.pending")}</th>
          </tr>
        </thead>
        <tbody>
          {milestones.map((m) => (
            <tr
              key={m.id}
              className={m.overdue ? "row-overdue" : undefined}
              data-milestone-id={m.id}
              data-overdue={m.overdue || undefined}
            >
              <th scope="row">
                <Link to={m.id}>{m.title}</Link>
                {m.overdue ? (
                  <>
                    {" "}
                    <span className="badge red">{t("workflow.milestones.overdue")}</span>
                  </>
                ) : null}
              </th>
              <td>{format.date(m.baselineDueDate)}</td>
              <td>{format.date(m.currentDueDate)}</td>
              <td>
                <SlipBadge days={m.slipDays} />
              </td>
              <td>
                <MilestoneStatusBadge status={m.status} />
              </td>
              <td className="num">
                <progress max={100} value={m.percentComplete} aria-hidden="true" className="percent-bar" />{" "}
                {m.percentComplete}%
              </td>
              <td>{m.ownerName ?? <span className="muted">{t("workflow.milestones.noOwner")}</span>}</td>
              <td>
                {m.latestPending ? (
                  <span className="pending-summary">
                    {t("workflow.milestones.pendingSummary", {
                      status: codeLabel("domain.milestoneStatus", m.latestPending.proposedStatus),
                      percent: m.latestPending.proposedPercent,
                      author: m.latestPending.authorName,
                      date: format.date(m.latestPending.submittedAt),
                    })}
                    {m.pendingCount > 1
                      ? ` ${t("workflow.milestones.morePending", { count: m.pendingCount - 1 })}`
                      : null}
                  </span>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
