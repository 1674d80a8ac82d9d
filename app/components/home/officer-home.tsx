import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ColourBadge, colourWords } from "~/components/board/status-badge";
import { useRemembered } from "~/i18n/remembered-labels";
import { useFormat } from "~/i18n/format";
import type { HomeData } from "~/models/home.server";

type OfficerData = NonNullable<HomeData["officer"]>;
type Submission = OfficerData["returned"][number];

function SubmissionKind({ kind }: { kind: Submission["kind"] }) {
  const { t } = useTranslation();
  return <span className="muted">{t(`home.officer.kinds.${kind}`)}</span>;
}

/** An officer's day: returned work first, then what is due, their projects and what awaits review. */
export function OfficerHome({ data }: { data: OfficerData }) {
  return (
    <div className="home-grid">
      <ReturnedSubmissions returned={data.returned} />
      <DueMilestones due={data.due} reportsDue={data.reportsDue} />
      <MyProjects projects={data.projects} />
      <PendingSubmissions pending={data.pending} />
    </div>
  );
}

/** Returned work, with the reviewer's comment and a link to correct it. */
function ReturnedSubmissions({ returned }: { returned: Submission[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="panel" aria-labelledby="home-returned" data-testid="returned-submissions">
      <h2 id="home-returned">
        {t("home.officer.returned")} <span className="muted">({returned.length})</span>
      </h2>
      {returned.length === 0 ? (
        <p className="muted">{t("home.officer.noReturned")}</p>
      ) : (
        <ul className="compact-list">
          {returned.map((s) => (
            <li key={s.id} data-submission-id={s.id}>
              <Link to={s.href}>{s.title}</Link> <span className="muted">({s.projectCode})</span>{" "}
              <SubmissionKind kind={s.kind} />
              <div>
                <span className="badge amber">{t("domain.reviewState.RETURNED")}</span>{" "}
                {t("home.officer.returnedBy", { name: s.reviewerName ?? "—", date: format.date(s.reviewedAt) })}
              </div>
              {s.comment ? <blockquote className="review-comment">{s.comment}</blockquote> : null}
              <Link to={s.href}>{t("home.officer.correct")}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Milestones due soon or overdue, and the count of reports the officer owes. */
function DueMilestones({ due, reportsDue }: Pick<OfficerData, "due" | "reportsDue">) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="panel" aria-labelledby="home-due" data-testid="due-items">
      <h2 id="home-due">{t("home.officer.due")}</h2>
      {due.length === 0 ? (
        <p className="muted">{t("home.officer.noDue")}</p>
      ) : (
        <ul className="compact-list">
          {due.map((m) => (
            <li key={m.id} data-milestone-id={m.id} data-overdue={m.overdue ? "true" : undefined}>
              <Link to={`/projects/${m.projectId}/milestones/${m.id}`}>{m.title}</Link>{" "}
              <span className="muted">({m.projectCode})</span>
              <div>
                {m.overdue ? <span className="badge red">{t("home.overdue")}</span> : null}{" "}
                {t("home.dueOn", { date: format.date(m.dueDate) })} · {t(`domain.milestoneStatus.${m.status}`)} ·{" "}
                {format.percent(m.percentComplete / 100)}
              </div>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/reporting?mine=1">{t("home.officer.reportsDue", { count: reportsDue })}</Link>
      </p>
      <p>
        <Link to="/import" data-testid="home-import-link">
          {t("import.openLink")}
        </Link>
      </p>
    </section>
  );
}

/** The projects the officer is a member of, with their board colour. */
function MyProjects({ projects }: Pick<OfficerData, "projects">) {
  const { t } = useTranslation();
  const colours = useRemembered(colourWords);
  return (
    <section className="panel" aria-labelledby="home-mine">
      <h2 id="home-mine">{t("home.yourProjects")}</h2>
      {projects.length === 0 ? (
        <p className="muted">{t("home.officer.noProjects")}</p>
      ) : (
        <ul className="compact-list" data-testid="my-projects">
          {projects.map((p) => (
            <li key={p.id} data-project-code={p.code}>
              <ColourBadge colour={p.colour} label={colours[p.colour]} /> <Link to={`/projects/${p.id}`}>{p.name}</Link>{" "}
              <span className="record-code">{p.code}</span>
              <div className="muted">{t(`domain.projectStatus.${p.status}`)}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Submissions awaiting review. */
function PendingSubmissions({ pending }: { pending: Submission[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="panel" aria-labelledby="home-pending" data-testid="pending-submissions">
      <h2 id="home-pending">
        {t("home.officer.pending")} <span className="muted">({pending.length})</span>
      </h2>
      {pending.length === 0 ? (
        <p className="muted">{t("home.officer.noPending")}</p>
      ) : (
        <ul className="compact-list">
          {pending.map((s) => (
            <li key={s.id}>
              <Link to={s.href}>{s.title}</Link> <span className="muted">({s.projectCode})</span>{" "}
              <SubmissionKind kind={s.kind} />
              <div className="muted">{t("home.officer.submittedOn", { date: format.date(s.submittedAt) })}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
