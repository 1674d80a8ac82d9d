import type { LoaderFunctionArgs } from "@remix-run/node";
import { titled } from "~/lib/meta";
import { Form, Link, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ReportingTable } from "~/components/board/reporting-table";
import { ListPager, pageHref, ShowingRange } from "~/components/ui/list-pager";
import { useFormat } from "~/i18n/format";
import { requireUser } from "~/lib/auth.server";
import { DAY_MS } from "~/lib/dates";
import { requireGlobalPermission } from "~/lib/permissions.server";
import { parseSearchParams } from "~/lib/validation.server";
import { listReportingPage } from "~/models/reporting-page.server";
import { ErrorPanel } from "~/root";

export const meta = titled("common.nav.reporting");

const ReportingSearchSchema = z.object({
  groupBy: z.enum(["project", "officer"]).default("project"),
  mine: z.enum(["1"]).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "portfolio.view");
  const search = parseSearchParams(ReportingSearchSchema, new URL(request.url));
  const list = await listReportingPage({
    actor: user,
    groupBy: search.groupBy,
    mine: search.mine === "1",
    page: search.page,
  });
  return { search, ...list };
}

export default function ReportingPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { quarter, search, totals, groups, paging } = useLoaderData<typeof loader>();
  const href = (page: number) => pageHref("/reporting", { groupBy: search.groupBy, mine: search.mine }, page);
  const start = new Date(quarter.start);
  const lastDay = new Date(new Date(quarter.end).getTime() - DAY_MS);
  return (
    <div>
      <h1>{t("portfolio.reporting.title")}</h1>
      <p className="muted">
        {t("portfolio.reporting.period", {
          quarter: Math.floor(start.getUTCMonth() / 3) + 1,
          year: start.getUTCFullYear(),
          from: format.date(start),
          to: format.date(lastDay),
        })}
      </p>
      <p className="muted">{t("portfolio.reporting.definition")}</p>
      <Form method="get" className="filter-bar" aria-label={t("portfolio.reporting.filtersLabel")}>
        <div className="field">
          <label htmlFor="reporting-group">{t("portfolio.reporting.groupBy")}</label>
          <select id="reporting-group" name="groupBy" defaultValue={search.groupBy}>
            <option value="project">{t("portfolio.reporting.byProject")}</option>
            <option value="officer">{t("portfolio.reporting.byOfficer")}</option>
          </select>
        </div>
        <label className="checkbox">
          <input type="checkbox" name="mine" value="1" defaultChecked={search.mine === "1"} />{" "}
          {t("portfolio.reporting.onlyMine")}
        </label>
        <div className="filter-actions">
          <button type="submit">{t("common.actions.apply")}</button>
          <Link to="/reporting" className="button secondary">
            {t("common.actions.reset")}
          </Link>
        </div>
      </Form>
      <p data-testid="reporting-totals">{t("portfolio.reporting.totals", totals)}</p>
      <ShowingRange paging={paging} />
      {groups.length === 0 ? (
        <p className="panel muted" data-testid="reporting-empty">
          {t("portfolio.reporting.empty")}
        </p>
      ) : (
        groups.map((group) => (
          <section key={group.key} className="panel" data-group={group.key}>
            <h2>
              {group.key === "unassigned" ? t("portfolio.reporting.unassigned") : group.label}{" "}
              {group.code ? <span className="record-code">{group.code}</span> : null}{" "}
              <span className="muted">({group.total})</span>
            </h2>
            {group.responsible ? <p className="muted">{group.responsible.email}</p> : null}
            {group.to - group.from + 1 < group.total ? (
              <p className="muted small" data-testid="group-part">
                {t("queues.reporting.groupPart", { from: group.from, to: group.to, total: group.total })}
              </p>
            ) : null}
            <ReportingTable
              items={group.items}
              showProject={search.groupBy === "officer"}
              showResponsible={search.groupBy === "project"}
            />
          </section>
        ))
      )}
      <ListPager paging={paging} href={href} />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
