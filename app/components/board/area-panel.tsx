import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLabel } from "~/i18n/keys";
import { useLocalizedName } from "~/i18n/use-localized-name";
import type { LocalizedName } from "~/lib/localized-name";
import { useFormat } from "~/i18n/format";
import { STATUS_COLOURS, type StatusColour } from "~/lib/status-rules";
import { ShowingNote } from "~/components/ui/showing-note";
import { EnvelopeBar } from "./envelope-bar";
import { StatusBadge } from "./status-badge";

export type AreaView = LocalizedName & {
  id: string;
  code: string;
  description: string;
  committedCents: number;
  pipelineCents: number;
  byStatus: Record<"PIPELINE" | "ACTIVE" | "CLOSED" | "CANCELLED", number>;
  byColour: Record<StatusColour, number>;
  indicatorProgress: number | null;
  indicatorCount: number;
  /** How many visible projects the area has; `projects` holds the first of them. */
  projectTotal: number;
  projects: {
    id: string;
    code: string;
    name: string;
    institution: string;
    status: string;
    colour: StatusColour;
    commitmentCents: number;
    disbursedShare: number | null;
  }[];
};

/** One priority area of a CPF: money against the framework's envelope, projects by status, PDO progress, projects. */
export function AreaPanel({ area, totalEnvelopeCents }: { area: AreaView; totalEnvelopeCents: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const ln = useLocalizedName();
  return (
    <section className="panel" aria-labelledby={`area-${area.id}`} data-area-code={area.code}>
      <h2 id={`area-${area.id}`}>
        {ln(area)} <span className="record-code">{area.code}</span>
      </h2>
      {area.description ? <p className="muted">{area.description}</p> : null}
      <div className="grid">
        <div>
          <h3>{t("portfolio.cpf.money")}</h3>
          <EnvelopeBar
            totalEnvelopeCents={totalEnvelopeCents}
            committedCents={area.committedCents}
            pipelineCents={area.pipelineCents}
          />
        </div>
        <div>
          <h3>{t("portfolio.cpf.byStatus")}</h3>
          <ul className="inline-list">
            {(Object.keys(area.byStatus) as (keyof AreaView["byStatus"])[]).map((status) => (
              <li key={status}>
                {t(`domain.projectStatus.${status}`)}: <strong>{area.byStatus[status]}</strong>
              </li>
            ))}
          </ul>
          <ul className="inline-list">
            {STATUS_COLOURS.map((colour) => (
              <li key={colour}>
                <StatusBadge colour={colour} /> <strong>{area.byColour[colour]}</strong>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3>{t("portfolio.cpf.indicators")}</h3>
          {area.indicatorProgress === null ? (
            <p className="muted">{t("portfolio.cpf.noIndicators")}</p>
          ) : (
            <p data-testid="area-progress">
              <strong>{format.percent(area.indicatorProgress)}</strong>{" "}
              <span className="muted">{t("portfolio.cpf.indicatorCount", { count: area.indicatorCount })}</span>
            </p>
          )}
        </div>
      </div>
      {area.projects.length === 0 ? (
        <p className="muted">{t("portfolio.cpf.noProjects")}</p>
      ) : (
        <>
          <AreaProjectsTable projects={area.projects} />
          <ShowingNote
            shown={area.projects.length}
            total={area.projectTotal}
            to={`/projects?priorityArea=${area.id}`}
            label={t("lists.seeAllProjects")}
          />
        </>
      )}
    </section>
  );
}

/** The area's visible projects: institution, status, board colour, commitment and disbursement. */
function AreaProjectsTable({ projects }: { projects: AreaView["projects"] }) {
  const { t } = useTranslation();
  const codeLabel = useLabel();
  const format = useFormat();
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th>{t("portfolio.columns.project")}</th>
            <th>{t("portfolio.columns.institution")}</th>
            <th>{t("portfolio.columns.status")}</th>
            <th>{t("portfolio.columns.board")}</th>
            <th className="num">{t("portfolio.columns.commitment")}</th>
            <th className="num">{t("portfolio.columns.disbursed")}</th>
          </tr>
        </thead>
        <tbody>
          {projects.map((p) => (
            <tr key={p.id} data-project-code={p.code}>
              <td>
                <Link to={`/projects/${p.id}`}>{p.name}</Link> <span className="record-code">{p.code}</span>
              </td>
              <td>{codeLabel("domain.institution", p.institution)}</td>
              <td>{codeLabel("domain.projectStatus", p.status)}</td>
              <td>
                <StatusBadge colour={p.colour} />
              </td>
              <td className="num">{format.moneyFromCents(p.commitmentCents)}</td>
              <td className="num">{format.percent(p.disbursedShare)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
