import { useTranslation } from "react-i18next";
import { useLabel } from "~/i18n/keys";
import { useLocalizedName } from "~/i18n/use-localized-name";
import { RatingAlert, RatingBadge, RiskBadge } from "~/components/projects/rating-badge";
import { useFormat } from "~/i18n/format";
import type { ProjectReport } from "~/models/report.server";
import type { StatusAssessment } from "~/lib/status-rules";
import { ReasonList } from "~/components/board/reason-text";
import { StatusBadge } from "~/components/board/status-badge";

/** The sections of the printable, ISR-shaped project report (see the report route). */

export function PrintButton() {
  const { t } = useTranslation();
  return (
    <button type="button" className="button no-print" onClick={() => window.print()} data-testid="print-report">
      {t("exports.report.print")}
    </button>
  );
}

export function ReportHeader({ report, generatedAt }: { report: ProjectReport; generatedAt: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const ln = useLocalizedName();
  return (
    <header className="isr-header">
      <p className="isr-kicker">{t("exports.report.kicker")}</p>
      <h2 className="isr-title">{report.name}</h2>
      <dl className="isr-facts">
        <div>
          <dt>{t("exports.report.projectId")}</dt>
          <dd>
            <code>{report.code}</code>
          </dd>
        </div>
        <div>
          <dt>{t("projects.fields.instrument")}</dt>
          <dd>{t(`projects.instruments.${report.instrument}`, { defaultValue: report.instrument })}</dd>
        </div>
        <div>
          <dt>{t("projects.fields.institution")}</dt>
          <dd>{t(`domain.institution.${report.institution}`)}</dd>
        </div>
        <div>
          <dt>{t("projects.fields.implementingAgency")}</dt>
          <dd>{ln(report.agency)}</dd>
        </div>
        <div>
          <dt>{t("projects.fields.status")}</dt>
          <dd>{t(`domain.projectStatus.${report.status}`)}</dd>
        </div>
        <div>
          <dt>{t("projects.fields.priorityArea")}</dt>
          <dd>
            {report.priorityArea.framework.code} · {report.priorityArea.code} {ln(report.priorityArea)}
          </dd>
        </div>
      </dl>
      <p className="muted">
        {t("exports.report.asOf", { date: format.date(report.asOf) })} ·{" "}
        {t("exports.report.generated", { date: format.dateTime(generatedAt) })}
      </p>
    </header>
  );
}

/** The board's colour and reasons, from the board's own assessment (printed in colour-independent words too). */
export function BoardStanding({ board }: { board: StatusAssessment }) {
  const { t } = useTranslation();
  return (
    <section className="isr-section" aria-labelledby="isr-board" data-testid="report-board-status">
      <h3 id="isr-board">
        {t("projectStatus.reportTitle")} <StatusBadge colour={board.colour} />
      </h3>
      <p className="muted">{t("projectStatus.reportIntro")}</p>
      <ReasonList reasons={board.reasons} />
    </section>
  );
}

export function KeyDates({ report, generatedAt }: { report: ProjectReport; generatedAt: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const d = report.dates;
  // Approval and effectiveness have one date each: actual once it has passed, planned while it is ahead.
  const once = (date: string | null): [string | null, string | null] =>
    date && date <= generatedAt ? [null, date] : [date, null];
  const rows: Array<[string, string | null, string | null]> = [
    [t("projects.fields.approvalDate"), ...once(d.approval)],
    [t("projects.fields.effectivenessDate"), ...once(d.effectiveness)],
    [t("projects.overview.mtr"), d.mtrPlanned, d.mtrActual],
    [t("projects.overview.closing"), d.closingOriginal, d.closingRevised],
  ];
  return (
    <section className="isr-section" aria-labelledby="isr-dates">
      <h3 id="isr-dates">{t("projects.overview.keyDates")}</h3>
      <div className="table-wrap">
        <table className="isr-table">
          <thead>
            <tr>
              <th scope="col">{t("projects.overview.milestone")}</th>
              <th scope="col">{t("projects.overview.planned")}</th>
              <th scope="col">{t("projects.overview.actual")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, planned, actual]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{format.date(planned)}</td>
                <td>{format.date(actual)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        {t("projects.fields.commitment")}: <strong>{format.moneyFromCents(report.financing.commitmentCents)}</strong> ·{" "}
        {t("projects.fields.disbursed")}: <strong>{format.moneyFromCents(report.financing.disbursedCents)}</strong> (
        {format.percent(report.financing.share)}) · {t("projects.overview.undisbursed")}:{" "}
        <strong>{format.moneyFromCents(report.financing.undisbursedCents)}</strong>
      </p>
    </section>
  );
}

export function Ratings({ report }: { report: ProjectReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { current, previous } = report.ratings;
  return (
    <section className="isr-section" aria-labelledby="isr-ratings">
      <h3 id="isr-ratings">{t("exports.report.ratings")}</h3>
      {current ? (
        <>
          <div className="table-wrap">
            <table className="isr-table">
              <thead>
                <tr>
                  <th scope="col">{t("exports.report.rating")}</th>
                  <th scope="col">
                    {t("exports.report.previous")} {previous ? `(${format.date(previous.ratedOn)})` : ""}
                  </th>
                  <th scope="col">
                    {t("exports.report.current")} ({format.date(current.ratedOn)})
                  </th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{t("exports.report.pdoRating")}</th>
                  <td>{previous ? <RatingBadge value={previous.pdo} /> : "—"}</td>
                  <td>
                    <RatingBadge value={current.pdo} />
                  </td>
                </tr>
                <tr>
                  <th scope="row">{t("exports.report.ipRating")}</th>
                  <td>{previous ? <RatingBadge value={previous.ip} /> : "—"}</td>
                  <td>
                    <RatingBadge value={current.ip} />
                  </td>
                </tr>
                <tr>
                  <th scope="row">{t("exports.report.riskRating")}</th>
                  <td>{previous ? <RiskBadge value={previous.risk} /> : "—"}</td>
                  <td>
                    <RiskBadge value={current.risk} />
                  </td>
                </tr>
              </tbody>
            </table>
          </div>
          <RatingAlert
            current={{ pdoRating: current.pdo, ipRating: current.ip }}
            previous={previous ? { pdoRating: previous.pdo, ipRating: previous.ip } : null}
          />
          <p>
            <strong>{t("exports.report.justification")}:</strong> {current.justification}{" "}
            <span className="muted">— {current.author}</span>
          </p>
        </>
      ) : (
        <p className="muted">{t("exports.report.notRated")}</p>
      )}
    </section>
  );
}

type Indicator = ProjectReport["indicators"][number];

function IndicatorTable({ caption, indicators }: { caption: string; indicators: Indicator[] }) {
  const { t } = useTranslation();
  const codeLabel = useLabel();
  const format = useFormat();
  const valueAt = (value: number | null, date: string | null) =>
    value === null ? "—" : `${format.number(value)}${date ? ` (${format.date(date)})` : ""}`;
  return (
    <div className="table-wrap">
      <table className="isr-table" data-testid={`isr-indicators-${caption}`}>
        <caption>{codeLabel("exports.report", caption)}</caption>
        <thead>
          <tr>
            <th scope="col">{t("exports.report.indicator")}</th>
            <th scope="col">{t("exports.report.baseline")}</th>
            <th scope="col">{t("exports.report.latestActual")}</th>
            <th scope="col">{t("exports.report.endTarget")}</th>
            <th scope="col" className="num">
              {t("exports.report.progress")}
            </th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((i) => (
            <tr key={i.id}>
              <th scope="row">
                {i.name} <span className="muted">({i.unit})</span>
              </th>
              <td>{valueAt(i.baseline, i.baselineDate)}</td>
              <td>{valueAt(i.actual, i.actualDate)}</td>
              <td>
                {valueAt(i.target, i.targetDate)}
                {i.originalTarget !== null ? (
                  <div className="muted">
                    {t("exports.report.originalTarget", { value: format.number(i.originalTarget) })}
                  </div>
                ) : null}
              </td>
              <td className="num">{format.percent(i.progress)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ResultsFramework({ report }: { report: ProjectReport }) {
  const { t } = useTranslation();
  const pdo = report.indicators.filter((i) => i.type === "PDO");
  const intermediate = report.indicators.filter((i) => i.type === "INTERMEDIATE");
  return (
    <section className="isr-section" aria-labelledby="isr-results">
      <h3 id="isr-results">{t("exports.report.results")}</h3>
      {report.indicators.length === 0 ? <p className="muted">{t("projects.overview.noIndicators")}</p> : null}
      {pdo.length ? <IndicatorTable caption="pdoIndicators" indicators={pdo} /> : null}
      {intermediate.length ? <IndicatorTable caption="intermediateIndicators" indicators={intermediate} /> : null}
    </section>
  );
}

export function Milestones({ report }: { report: ProjectReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="isr-section" aria-labelledby="isr-milestones">
      <h3 id="isr-milestones">{t("exports.report.milestones")}</h3>
      {report.milestones.length === 0 ? (
        <p className="muted">{t("projects.overview.noMilestones")}</p>
      ) : (
        <div className="table-wrap">
          <table className="isr-table">
            <thead>
              <tr>
                <th scope="col">{t("exports.report.milestone")}</th>
                <th scope="col">{t("exports.report.baselineDue")}</th>
                <th scope="col">{t("exports.report.currentDue")}</th>
                <th scope="col" className="num">
                  {t("exports.report.slip")}
                </th>
                <th scope="col">{t("projects.fields.status")}</th>
                <th scope="col" className="num">
                  {t("exports.report.complete")}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.milestones.map((m) => (
                <tr key={m.id} className={m.overdue ? "row-overdue" : undefined}>
                  <th scope="row">{m.title}</th>
                  <td>{format.date(m.baselineDueDate)}</td>
                  <td>{format.date(m.currentDueDate)}</td>
                  <td className="num">{m.slipDays === 0 ? "0" : format.number(m.slipDays)}</td>
                  <td>
                    {t(`domain.milestoneStatus.${m.status}`)}
                    {m.overdue ? (
                      <>
                        {" "}
                        <span className="badge red">{t("exports.report.overdue")}</span>
                      </>
                    ) : null}
                  </td>
                  <td className="num">{m.percentComplete}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function Narrative({ report }: { report: ProjectReport }) {
  const { t } = useTranslation();
  return (
    <section className="isr-section" aria-labelledby="isr-narrative">
      <h3 id="isr-narrative">{t("projects.fields.narrative")}</h3>
      {report.narrative ? (
        <p className="isr-narrative">{report.narrative}</p>
      ) : (
        <p className="muted">{t("projects.overview.noNarrative")}</p>
      )}
      {report.description ? (
        <>
          <h4>{t("projects.fields.description")}</h4>
          <p className="isr-narrative">{report.description}</p>
        </>
      ) : null}
    </section>
  );
}
