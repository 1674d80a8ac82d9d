import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/lib/meta";
import { useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  BoardStanding,
  KeyDates,
  Milestones,
  Narrative,
  PrintButton,
  Ratings,
  ReportHeader,
  ResultsFramework,
} from "~/components/history/report-sections";
import { requireUser } from "~/lib/auth.server";
import { invariantResponse, orNotFound, requireParams } from "~/lib/http.server";
import { requireProjectPermission } from "~/lib/permissions.server";
import { getProjectHeading } from "~/models/project/status.server";
import { getProjectReport } from "~/models/report.server";
import { ProjectIdParamsSchema } from "~/schemas/project";
import { ErrorPanel } from "~/root";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, "common.titles.report", data ? `${data.report.code} · ${data.report.name}` : undefined) },
];

/** A printable, ISR-shaped report of one project (everyone who can see the project). Print CSS: styles/history.css. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { projectId } = requireParams(ProjectIdParamsSchema, params);
  await requireProjectPermission(user, projectId, "report.print");
  const today = new Date();
  // The heading's board colour: the layout above this page reads the same one (once per request, cached exactly).
  const [report, { board }] = await Promise.all([
    getProjectReport(projectId, today),
    orNotFound(() => getProjectHeading(projectId, today)),
  ]);
  invariantResponse(report, "Not found", { status: 404 });
  return { report, board, generatedAt: today.toISOString() };
}

export default function ProjectReportPage() {
  const { t } = useTranslation();
  const { report, board, generatedAt } = useLoaderData<typeof loader>();
  return (
    <article className="isr-report" data-testid="project-report" aria-label={t("exports.report.kicker")}>
      <div className="isr-toolbar no-print">
        <PrintButton />
        <span className="muted">{t("exports.report.printHint")}</span>
      </div>
      <ReportHeader report={report} generatedAt={generatedAt} />
      {board ? <BoardStanding board={board} /> : null}
      <KeyDates report={report} generatedAt={generatedAt} />
      <Ratings report={report} />
      <ResultsFramework report={report} />
      <Milestones report={report} />
      <Narrative report={report} />
      <p className="notice">{t("common.illustrative")}</p>
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
