import type { LoaderFunctionArgs } from "@remix-run/node";
import { titled } from "~/lib/meta";
import { Form, Link, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ReportingTable } from "~/components/board/reporting-table";
import { useFormat } from "~/i18n/format";
import { requireUser } from "~/lib/auth.server";
import { DAY_MS } from "~/lib/dates";
import { requireGlobalPermission } from "~/lib/permissions.server";
import { parseSearchParams } from "~/lib/validation.server";
import { groupByOfficer, groupByProject, listMissingReports } from "~/models/reporting.server";
import { ErrorPanel } from "~/root";

export const meta = titled("common.nav.reporting");

const ReportingSearchSchema = z.object({
  groupBy: z.enum(["project", "officer"]).default("project"),
  mine: z.enum(["1"]).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

/** Groups (projects or officers) per page: a large portfolio owes thousands of reports at once. */
const GROUPS_PER_PAGE = 25;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "portfolio.view");
  const search = parseSearchParams(ReportingSearchSchema, new URL(request.url));
  const { quarter, items: all } = await listMissingReports({ actor: user });
  const items = search.mine ? all.filter((i) => i.responsible.some((p) => p.id === user.id)) : all;
  const groups =
    search.groupBy === "officer"
      ? // "Only mine" by officer is the user's own group, not their co-responsible colleagues' too.
        groupByOfficer(items).filter((g) => !search.mine || g.key === user.id)
      : groupByProject(items);
  const pages = Math.max(1, Math.ceil(groups.length / GROUPS_PER_PAGE));
  const page = Math.min(search.page, pages);
  const from = (page - 1) * GROUPS_PER_PAGE;
  return {
    quarter,
    search,
    paging: { page, pages, from: from + 1, to: Math.min(from + GROUPS_PER_PAGE, groups.length), total: groups.length },
    totals: {
      milestones: items.filter((i) => i.kind === "milestone").length,
      indicators: items.filter((i) => i.kind === "indicator").length,
      overdue: items.filter((i) => i.overdue).length,
    },
    groups: groups.slice(from, from + GROUPS_PER_PAGE).map((g) => ({
      ...g,
      items: g.items.map((i) => ({ ...i, responsible: i.responsible.map((p) => ({ id: p.id, name: p.name })) })),
    })),
  };
}

export default function ReportingPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { quarter, search, totals, groups, paging } = useLoaderData<typeof loader>();
  const pageHref = (page: number) =>
    `/reporting?${new URLSearchParams({ groupBy: search.groupBy, ...(search.mine ? { mine: search.mine } : {}), page: String(page) }).toString()}`;
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
      {paging.pages > 1 ? (
        <p className="muted" data-testid="showing-note">
          {t("lists.showingRange", { from: paging.from, to: paging.to, total: paging.total })}
        </p>
      ) : null}
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
              <span className="muted">({group.items.length})</span>
            </h2>
            {group.responsible ? <p className="muted">{group.responsible.email}</p> : null}
            <ReportingTable
              items={group.items}
              showProject={search.groupBy === "officer"}
              showResponsible={search.groupBy === "project"}
            />
          </section>
        ))
      )}
      {paging.pages > 1 ? (
        <nav className="pager" aria-label={t("lists.pagination")}>
          {paging.page > 1 ? <Link to={pageHref(paging.page - 1)}>{t("lists.previous")}</Link> : null}
          <span>{t("lists.pageOf", { page: paging.page, pages: paging.pages })}</span>
          {paging.page < paging.pages ? <Link to={pageHref(paging.page + 1)}>{t("lists.next")}</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
