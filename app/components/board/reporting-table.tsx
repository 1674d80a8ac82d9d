import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/i18n/format";
import type { ReportingItem } from "~/models/reporting.server";
import { isIndicatorFrequency, type IndicatorFrequency } from "~/schemas/indicator";

type Item = Omit<ReportingItem, "responsible"> & { responsible: { id: string; name: string }[] };

export function itemHref(item: Pick<ReportingItem, "kind" | "projectId" | "id">): string {
  return `/projects/${item.projectId}/${item.kind === "milestone" ? "milestones" : "indicators"}/${item.id}`;
}

/** The missing reports of one group; overdue rows are highlighted and labelled (not by colour alone). */
export function ReportingTable({
  items,
  showProject,
  showResponsible,
}: {
  items: Item[];
  showProject: boolean;
  showResponsible: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th>{t("portfolio.reporting.columns.item")}</th>
            {showProject ? <th>{t("portfolio.columns.project")}</th> : null}
            <th>{t("portfolio.reporting.columns.kind")}</th>
            <th>{t("portfolio.reporting.columns.due")}</th>
            <th>{t("portfolio.reporting.columns.last")}</th>
            {showResponsible ? <th>{t("portfolio.reporting.columns.responsible")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <ReportingRow
              key={`${item.kind}-${item.id}`}
              item={item}
              showProject={showProject}
              showResponsible={showResponsible}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

type RowProps = { item: Item; showProject: boolean; showResponsible: boolean };

function ReportingRow({ item, showProject, showResponsible }: RowProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <tr
      className={item.overdue ? "row-overdue" : undefined}
      data-item-kind={item.kind}
      data-item-id={item.id}
      data-overdue={item.overdue ? "true" : undefined}
    >
      <td>
        <Link to={itemHref(item)}>{item.title}</Link>
        {item.code ? (
          <>
            {" "}
            <span className="record-code">{item.code}</span>
          </>
        ) : null}
        {item.overdue ? (
          <>
            {" "}
            <span className="badge red">{t("portfolio.reporting.overdue")}</span>
          </>
        ) : null}
      </td>
      {showProject ? (
        <td>
          <Link to={`/projects/${item.projectId}`}>{item.projectName}</Link>{" "}
          <span className="record-code">{item.projectCode}</span>
        </td>
      ) : null}
      <td>
        {item.kind === "milestone"
          ? t("portfolio.reporting.milestone")
          : t("portfolio.reporting.indicator", {
              frequency: t(`portfolio.frequency.${frequencyKey(item.frequency)}`),
            })}
      </td>
      <td>{format.date(item.dueDate)}</td>
      <td>
        {item.last ? (
          <>
            {format.date(item.last.at)}
            {item.last.state === "RETURNED" ? (
              <>
                {" "}
                <span className="badge amber">{t("domain.reviewState.RETURNED")}</span>
              </>
            ) : null}
          </>
        ) : (
          <span className="muted">{t("portfolio.reporting.never")}</span>
        )}
      </td>
      {showResponsible ? (
        <td>
          {item.responsible.length === 0 ? (
            <span className="muted">{t("portfolio.reporting.unassigned")}</span>
          ) : (
            item.responsible.map((p) => p.name).join(", ")
          )}
        </td>
      ) : null}
    </tr>
  );
}

export function frequencyKey(frequency: string | null): IndicatorFrequency {
  return isIndicatorFrequency(frequency) ? frequency : "ANNUAL";
}
