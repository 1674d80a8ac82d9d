import type { LoaderFunctionArgs } from "@remix-run/node";
import { titled } from "~/lib/meta";
import { useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/lib/auth.server";
import { decideGlobal } from "~/lib/permissions";
import { requireGlobalPermission } from "~/lib/permissions.server";
import { listHistoryFilterOptions, listHistoryProjects } from "~/models/history.server";
import { ErrorPanel } from "~/root";

export const meta = titled("common.nav.exports");

/** The exports and their stable URLs; the audit ones (with their filter form) only for those allowed. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "portfolio.export");
  const canExportHistory = decideGlobal(user, "history.export") === "allow";
  const [projects, options] = canExportHistory
    ? await Promise.all([listHistoryProjects(user), listHistoryFilterOptions()])
    : [[], { actions: [], entityTypes: [] }];
  return { canExportHistory, projects: projects.map(({ code, name }) => ({ code, name })), options };
}

const AUDIT_PARAMS = ["from", "to", "project", "entity", "entityId", "actor", "action", "bom"] as const;

export default function ExportsPage() {
  const { t } = useTranslation();
  const { canExportHistory, projects, options } = useLoaderData<typeof loader>();
  return (
    <div className="exports-page" data-testid="exports-page">
      <h1>{t("exports.title")}</h1>
      <p className="muted">{t("exports.intro")}</p>

      {canExportHistory ? (
        <section className="panel" aria-labelledby="exports-audit" data-testid="exports-audit">
          <h2 id="exports-audit">{t("exports.audit.title")}</h2>
          <p>{t("exports.audit.description")}</p>
          {/* A plain form: the browser downloads the file the chosen button points at. */}
          <form method="get" action="/exports/audit.csv" className="stack-wide">
            <div className="filter-grid">
              <div className="field">
                <label htmlFor="ex-from">{t("history.filters.from")}</label>
                <input id="ex-from" type="date" name="from" />
              </div>
              <div className="field">
                <label htmlFor="ex-to">{t("history.filters.to")}</label>
                <input id="ex-to" type="date" name="to" />
              </div>
              <div className="field">
                <label htmlFor="ex-project">{t("history.filters.project")}</label>
                <select id="ex-project" name="project" defaultValue="">
                  <option value="">{t("history.filters.allProjects")}</option>
                  {projects.map((p) => (
                    <option key={p.code} value={p.code}>
                      {p.code} — {p.name}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="ex-entity">{t("history.filters.entity")}</label>
                <input id="ex-entity" name="entity" list="ex-entity-types" autoComplete="off" />
                <datalist id="ex-entity-types">
                  {options.entityTypes.map((e) => (
                    <option key={e} value={e} />
                  ))}
                </datalist>
              </div>
              <div className="field">
                <label htmlFor="ex-actor">{t("history.filters.actor")}</label>
                <input id="ex-actor" type="email" name="actor" autoComplete="off" />
              </div>
              <div className="field">
                <label htmlFor="ex-action">{t("history.filters.action")}</label>
                <input id="ex-action" name="action" list="ex-actions" autoComplete="off" />
                <datalist id="ex-actions">
                  {options.actions.map((a) => (
                    <option key={a} value={a} />
                  ))}
                </datalist>
              </div>
            </div>
            <label className="checkbox">
              <input type="checkbox" name="bom" value="1" /> {t("exports.audit.bom")}
            </label>
            <div className="wf-buttons">
              <button type="submit" formAction="/exports/audit.csv" data-testid="export-csv">
                {t("exports.audit.downloadCsv")}
              </button>
              <button type="submit" formAction="/exports/audit.xlsx" data-testid="export-xlsx">
                {t("exports.audit.downloadXlsx")}
              </button>
              <button type="submit" formAction="/exports/audit.ndjson" data-testid="export-ndjson">
                {t("exports.audit.downloadNdjson")}
              </button>
            </div>
          </form>
        </section>
      ) : null}

      <section className="panel" aria-labelledby="exports-portfolio">
        <h2 id="exports-portfolio">{t("exports.portfolio.title")}</h2>
        <p>{t("exports.portfolio.description")}</p>
        <a className="button" href="/exports/portfolio.xlsx" download data-testid="export-portfolio">
          {t("exports.portfolio.download")}
        </a>
      </section>

      <section className="panel" aria-labelledby="exports-iati">
        <h2 id="exports-iati">{t("exports.iati.title")}</h2>
        <p>{t("exports.iati.description")}</p>
        <a className="button" href="/exports/iati.xml" download data-testid="export-iati">
          {t("exports.iati.download")}
        </a>
      </section>

      <section className="panel" aria-labelledby="exports-urls">
        <h2 id="exports-urls">{t("exports.urls.title")}</h2>
        <p>{t("exports.urls.intro")}</p>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("exports.urls.url")}</th>
                <th scope="col">{t("exports.urls.parameters")}</th>
                <th scope="col">{t("exports.urls.contents")}</th>
              </tr>
            </thead>
            <tbody>
              {canExportHistory
                ? (["csv", "xlsx", "ndjson"] as const).map((format) => (
                    <tr key={format}>
                      <td>
                        <code>/exports/audit.{format}</code>
                      </td>
                      <td>
                        {AUDIT_PARAMS.filter((p) => p !== "bom" || format === "csv").map((p) => (
                          <code key={p} className="param">
                            {p}
                          </code>
                        ))}
                      </td>
                      <td>
                        {t(`exports.urls.audit_${format}`)}
                        {format === "xlsx" ? <SheetNames names={["metadata", "events"]} /> : null}
                      </td>
                    </tr>
                  ))
                : null}
              <tr>
                <td>
                  <code>/exports/portfolio.xlsx</code>
                </td>
                <td>—</td>
                <td>
                  {t("exports.urls.portfolio")}
                  <SheetNames names={["metadata", "projects", "milestones", "indicators", "ratings"]} />
                </td>
              </tr>
              <tr>
                <td>
                  <code>/exports/iati.xml</code>
                </td>
                <td>—</td>
                <td>{t("exports.urls.iati")}</td>
              </tr>
            </tbody>
          </table>
        </div>
        {canExportHistory ? (
          <dl className="param-help">
            <dt>
              <code>from</code>, <code>to</code>
            </dt>
            <dd>{t("exports.params.dates")}</dd>
            <dt>
              <code>project</code>
            </dt>
            <dd>{t("exports.params.project")}</dd>
            <dt>
              <code>entity</code>, <code>entityId</code>
            </dt>
            <dd>
              {t("exports.params.entity")}{" "}
              <SheetNames
                names={["Project", "Milestone", "MilestoneUpdate", "Indicator", "IndicatorValue", "Rating", "User"]}
              />
            </dd>
            <dt>
              <code>actor</code>, <code>action</code>
            </dt>
            <dd>
              {t("exports.params.actor")}{" "}
              <SheetNames names={["project.edit", "milestone.edit", "rating.record", "export.audit_csv"]} />
            </dd>
            <dt>
              <code>bom=1</code>
            </dt>
            <dd>{t("exports.params.bom")}</dd>
          </dl>
        ) : null}
        <p className="muted">{t("exports.urls.metadata")}</p>
      </section>
    </div>
  );
}

/** Sheet names, entity types and actions are identifiers that scripts rely on: shown as code, never translated. */
function SheetNames({ names }: { names: string[] }) {
  return (
    <>
      {names.map((name) => (
        <code key={name} className="param">
          {" "}
          {name}
        </code>
      ))}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
