import { useTranslation } from "react-i18next";

const AUDIT_FORMATS = ["csv", "xlsx", "ndjson"] as const;
const AUDIT_PARAMS = ["from", "to", "project", "entity", "entityId", "actor", "action", "bom"] as const;

/** The stable export URLs, their parameters and contents (the audit ones only for those who may export history). */
export function ExportUrls({ canExportHistory }: { canExportHistory: boolean }) {
  const { t } = useTranslation();
  return (
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
            {canExportHistory ? <AuditUrlRows /> : null}
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
      {canExportHistory ? <AuditParamHelp /> : null}
      <p className="muted">{t("exports.urls.metadata")}</p>
    </section>
  );
}

/** One row per audit format: its URL, the filters it takes (`bom` is CSV's only), what it holds. */
function AuditUrlRows() {
  const { t } = useTranslation();
  return (
    <>
      {AUDIT_FORMATS.map((format) => (
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
      ))}
    </>
  );
}

/** What each audit-export parameter means, with identifiers scripts pass. */
function AuditParamHelp() {
  const { t } = useTranslation();
  return (
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
