import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLocalizedName } from "~/i18n/use-localized-name";
import type { LocalizedName } from "~/lib/localized-name";
import { useFormat } from "~/i18n/format";
import { daysBetween } from "~/lib/dates";
import { disbursementShare, expectedProgressShare, isMilestoneOverdue, progressTowardsTarget } from "~/lib/metrics";
import { RatingAlert, RatingBadge, RiskBadge } from "./rating-badge";

const MILESTONE_STATUSES_FOR_SUMMARY = ["NOT_STARTED", "IN_PROGRESS", "DELAYED", "COMPLETED", "CANCELLED"] as const;

type Dates = {
  approval: string | null;
  effectiveness: string | null;
  mtrPlanned: string | null;
  mtrActual: string | null;
  closingOriginal: string | null;
  closingRevised: string | null;
};

/** Days from `planned` to `actual`, shown only when both exist: "+184 days" late, "−10 days" early. */
function Slip({ planned, actual, testId }: { planned: string | null; actual: string | null; testId?: string }) {
  const { t } = useTranslation();
  if (!planned || !actual) return null;
  const days = daysBetween(planned, actual);
  if (days === 0) return <span className="badge green">{t("projects.overview.onSchedule")}</span>;
  return (
    <span className={`badge ${days > 0 ? "amber" : "green"}`} data-testid={testId}>
      {days > 0 ? t("projects.overview.lateBy", { count: days }) : t("projects.overview.earlyBy", { count: -days })}
    </span>
  );
}

export function KeyDatesPanel({ dates }: { dates: Dates }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="panel" aria-labelledby="key-dates-title">
      <h2 id="key-dates-title">{t("projects.overview.keyDates")}</h2>
      <div className="table-wrap">
        <table className="key-dates">
          <thead>
            <tr>
              <th scope="col">{t("projects.overview.milestone")}</th>
              <th scope="col">{t("projects.overview.planned")}</th>
              <th scope="col">{t("projects.overview.actual")}</th>
              <th scope="col">{t("projects.overview.difference")}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t("projects.fields.approvalDate")}</th>
              <td colSpan={2}>{format.date(dates.approval)}</td>
              <td />
            </tr>
            <tr>
              <th scope="row">{t("projects.fields.effectivenessDate")}</th>
              <td colSpan={2}>{format.date(dates.effectiveness)}</td>
              <td />
            </tr>
            <tr>
              <th scope="row">{t("projects.overview.mtr")}</th>
              <td>{format.date(dates.mtrPlanned)}</td>
              <td>{format.date(dates.mtrActual)}</td>
              <td>
                <Slip planned={dates.mtrPlanned} actual={dates.mtrActual} />
              </td>
            </tr>
            <tr>
              <th scope="row">{t("projects.overview.closing")}</th>
              <td>
                {format.date(dates.closingOriginal)}{" "}
                <span className="muted small">({t("projects.overview.original")})</span>
              </td>
              <td>
                {dates.closingRevised ? (
                  <>
                    {format.date(dates.closingRevised)}{" "}
                    <span className="muted small">({t("projects.overview.revised")})</span>
                  </>
                ) : (
                  "—"
                )}
              </td>
              <td>
                <Slip planned={dates.closingOriginal} actual={dates.closingRevised} testId="closing-slip" />
              </td>
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function FinancingPanel({
  financing,
}: {
  financing: { commitmentCents: number; disbursedCents: number; undisbursedCents: number };
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const share = disbursementShare(financing.commitmentCents, financing.disbursedCents);
  return (
    <section className="panel" aria-labelledby="financing-title">
      <h2 id="financing-title">{t("projects.overview.financing")}</h2>
      <dl className="figures">
        <div>
          <dt>{t("projects.fields.commitment")}</dt>
          <dd data-testid="commitment">{format.moneyFromCents(financing.commitmentCents)}</dd>
        </div>
        <div>
          <dt>{t("projects.fields.disbursed")}</dt>
          <dd>{format.moneyFromCents(financing.disbursedCents)}</dd>
        </div>
        <div>
          <dt>{t("projects.overview.undisbursed")}</dt>
          <dd>{format.moneyFromCents(financing.undisbursedCents)}</dd>
        </div>
        <div>
          <dt>{t("projects.fields.disbursedShare")}</dt>
          <dd data-testid="disbursed-share">{format.percent(share)}</dd>
        </div>
      </dl>
      {share !== null ? (
        <div
          className="progress-bar"
          role="img"
          aria-label={t("projects.overview.disbursedBar", { percent: format.percent(share) })}
        >
          <span style={{ width: `${Math.min(100, Math.max(0, share * 100))}%` }} />
        </div>
      ) : null}
    </section>
  );
}

type Rating = { pdoRating: string; ipRating: string; riskRating: string; ratedOn: string; justification: string };

export function CurrentRatingsPanel({ ratings, projectId }: { ratings: Rating[]; projectId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [current, previous] = ratings;
  return (
    <section className="panel" aria-labelledby="ratings-title" data-testid="current-ratings">
      <h2 id="ratings-title">{t("projects.overview.currentRatings")}</h2>
      {!current ? (
        <p className="muted">{t("projects.ratings.none")}</p>
      ) : (
        <>
          <p>
            <RatingAlert current={current} previous={previous} />
          </p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col" />
                  <th scope="col">{t("projects.ratings.current")}</th>
                  <th scope="col">{t("projects.ratings.previous")}</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{t("projects.ratings.pdo")}</th>
                  <td>
                    <RatingBadge value={current.pdoRating} />
                  </td>
                  <td>
                    <RatingBadge value={previous?.pdoRating} />
                  </td>
                </tr>
                <tr>
                  <th scope="row">{t("projects.ratings.ip")}</th>
                  <td>
                    <RatingBadge value={current.ipRating} />
                  </td>
                  <td>
                    <RatingBadge value={previous?.ipRating} />
                  </td>
                </tr>
                <tr>
                  <th scope="row">{t("projects.ratings.risk")}</th>
                  <td>
                    <RiskBadge value={current.riskRating} />
                  </td>
                  <td>
                    <RiskBadge value={previous?.riskRating} />
                  </td>
                </tr>
                <tr>
                  <th scope="row">{t("projects.ratings.ratedOn")}</th>
                  <td>{format.date(current.ratedOn)}</td>
                  <td>{format.date(previous?.ratedOn)}</td>
                </tr>
              </tbody>
            </table>
          </div>
          <p className="justification">{current.justification}</p>
        </>
      )}
      <p>
        <Link to={`/projects/${projectId}/ratings`}>{t("projects.overview.ratingHistory")}</Link>
      </p>
    </section>
  );
}

type Indicator = {
  baselineValue: number | null;
  baselineDate: string | null;
  targetValue: number | null;
  targetDate: string | null;
  ascending: boolean;
  latest: { value: number; periodEnd: string } | null;
};

/** An indicator is on track when its latest verified value is at or beyond where a straight line to the target says it should be. */
export function summariseIndicators(indicators: Indicator[], today = new Date()) {
  let onTrack = 0;
  let measured = 0;
  for (const i of indicators) {
    const progress = progressTowardsTarget({
      baseline: i.baselineValue,
      target: i.targetValue,
      actual: i.latest?.value ?? null,
      ascending: i.ascending,
    });
    const expected = expectedProgressShare({ baselineDate: i.baselineDate, targetDate: i.targetDate, on: today });
    if (progress === null || expected === null) continue;
    measured++;
    if (progress >= expected) onTrack++;
  }
  return { total: indicators.length, measured, onTrack };
}

export function WorkSummaryPanel({
  projectId,
  milestones,
  indicators,
}: {
  projectId: string;
  milestones: { status: string; currentDueDate: string }[];
  indicators: Indicator[];
}) {
  const { t } = useTranslation();
  const overdue = milestones.filter((m) => isMilestoneOverdue(m)).length;
  const byStatus = MILESTONE_STATUSES_FOR_SUMMARY.map((status) => ({
    status,
    count: milestones.filter((m) => m.status === status).length,
  })).filter((s) => s.count > 0);
  const kpi = summariseIndicators(indicators);
  return (
    <section className="panel" aria-labelledby="work-title" data-testid="work-summary">
      <h2 id="work-title">{t("projects.overview.work")}</h2>
      <h3>{t("projects.tabs.milestones")}</h3>
      {milestones.length === 0 ? (
        <p className="muted">{t("projects.overview.noMilestones")}</p>
      ) : (
        <ul className="inline-list">
          {byStatus.map((s) => (
            <li key={s.status}>
              {t(`domain.milestoneStatus.${s.status}`)}: <strong>{s.count}</strong>
            </li>
          ))}
          <li>
            <span className={`badge ${overdue > 0 ? "red" : "green"}`} data-testid="overdue-count">
              {t("projects.overview.overdue", { count: overdue })}
            </span>
          </li>
        </ul>
      )}
      <p>
        <Link to={`/projects/${projectId}/milestones`}>{t("projects.overview.seeMilestones")}</Link>
      </p>
      <h3>{t("projects.tabs.indicators")}</h3>
      {kpi.total === 0 ? (
        <p className="muted">{t("projects.overview.noIndicators")}</p>
      ) : (
        <p data-testid="indicator-summary">
          {t("projects.overview.indicatorCount", { count: kpi.total })} ·{" "}
          {t("projects.overview.onTrack", { onTrack: kpi.onTrack, measured: kpi.measured })}
        </p>
      )}
      <p>
        <Link to={`/projects/${projectId}/indicators`}>{t("projects.overview.seeIndicators")}</Link>
      </p>
    </section>
  );
}

export function TeamPanel({
  projectId,
  members,
}: {
  projectId: string;
  members: { id: string; name: string; organization: LocalizedName; capacity: string }[];
}) {
  const { t } = useTranslation();
  const ln = useLocalizedName();
  return (
    <section className="panel" aria-labelledby="team-title">
      <h2 id="team-title">{t("projects.tabs.team")}</h2>
      {members.length === 0 ? (
        <p className="muted">{t("projects.team.empty")}</p>
      ) : (
        <ul className="plain-list">
          {members.map((m) => (
            <li key={m.id}>
              <strong>{m.name}</strong> · {t(`projects.team.capacities.${m.capacity}`, { defaultValue: m.capacity })}{" "}
              <span className="muted">({ln(m.organization)})</span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={`/projects/${projectId}/team`}>{t("projects.overview.seeTeam")}</Link>
      </p>
    </section>
  );
}
