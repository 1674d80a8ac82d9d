import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Applied } from "~/models/import/apply.server";

/** What was submitted, each with a link to where its review will show. */
export function AppliedNotice({ applied }: { applied: Applied }) {
  const { t } = useTranslation();
  return (
    <section className="panel flash success" role="status" aria-labelledby="applied-title" data-testid="applied">
      <h2 id="applied-title">{t("import.applied.title")}</h2>
      <p>{t("import.applied.summary", { values: applied.values.length, updates: applied.updates.length })}</p>
      <ul>
        {applied.values.map((v) => (
          <li key={v.id}>
            <Link to={`/projects/${v.projectId}/indicators/${v.itemId}`}>{v.name}</Link>{" "}
            <span className="muted">· {v.projectName}</span>
          </li>
        ))}
        {applied.updates.map((u) => (
          <li key={u.id}>
            <Link to={`/projects/${u.projectId}/milestones/${u.itemId}`}>{u.name}</Link>{" "}
            <span className="muted">· {u.projectName}</span>
          </li>
        ))}
      </ul>
      <p>{t("import.applied.next")}</p>
      <p>
        <Link to="/import" reloadDocument>
          {t("import.applied.another")}
        </Link>
      </p>
    </section>
  );
}
