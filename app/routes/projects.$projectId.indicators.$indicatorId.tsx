import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { buildChartPoints } from "~/components/indicators/chart-data";
import { ChartDataTable, IndicatorChart } from "~/components/indicators/indicator-chart";
import { IndicatorForm } from "~/components/indicators/indicator-form";
import { IndicatorSummaryPanel } from "~/components/indicators/indicator-summary";
import { ValueForm } from "~/components/indicators/value-form";
import { ValueTable } from "~/components/indicators/value-table";
import { auditContextFor, requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import {
  answerFieldErrors,
  invariantResponse,
  notFound,
  readFormData,
  requireParams,
  runAction,
} from "~/lib/http.server";
import { decideOnProject, type Actor } from "~/lib/permissions";
import { requireAnyProjectPermission, requireProjectPermission } from "~/lib/permissions.server";
import { parseForm } from "~/lib/validation.server";
import type { AuditContext } from "~/models/audit.server";
import { listIndicatorValues, reportIndicatorValue } from "~/models/indicator-value.server";
import { editIndicator, getProjectIndicator } from "~/models/indicator.server";
import { requireReviewableSubmission, reviewSubmissionsOrRefuse } from "~/models/review/decide.server";
import { ErrorPanel } from "~/root";
import { IndicatorIntentSchema, IndicatorValueSchema, indicatorEditSchema } from "~/schemas/indicator";
import { ApproveSchema, ReturnSchema } from "~/schemas/review";
import { routeId } from "~/schemas/fields";
import { projectPageTitle } from "~/lib/meta";

const Params = z.object({ projectId: routeId, indicatorId: routeId });

/** This project's indicator, or a 404 (an id from another project is not found). */
async function requireIndicator(projectId: string, indicatorId: string) {
  const indicator = await getProjectIndicator({ projectId, indicatorId });
  invariantResponse(indicator, "Not found", { status: 404 });
  return indicator;
}

export const meta = projectPageTitle<SerializeFrom<typeof loader>>(
  "projects.tabs.indicators",
  (data) => data.indicator.name,
);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { projectId, indicatorId } = requireParams(Params, params);
  const scope = await requireProjectPermission(user, projectId, "project.view");
  const indicator = await requireIndicator(projectId, indicatorId);
  const values = await listIndicatorValues({ indicatorId });
  const allowed = (action: Parameters<typeof decideOnProject>[1]) => decideOnProject(user, action, scope) === "allow";
  return {
    indicator,
    values,
    chartPoints: buildChartPoints(indicator),
    userId: user.id,
    canEdit: allowed("indicator.edit"),
    canReport: allowed("indicatorValue.report"),
    canReview: allowed("indicatorValue.review"),
    showHistory: allowed("history.view"),
    today: new Date().toISOString(),
  };
}

type Target = { user: Actor; projectId: string; indicatorId: string; context: AuditContext; back: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { projectId, indicatorId } = requireParams(Params, params);
  await requireAnyProjectPermission(user, projectId, [
    "indicator.edit",
    "indicatorValue.report",
    "indicatorValue.review",
  ]);
  const formData = await readFormData(request);
  const intent = IndicatorIntentSchema.safeParse(formData.get("intent"));
  if (!intent.success) return answerFieldErrors({ intent: "unknown" }, { _form: "common.errors.badRequest" });
  const target: Target = {
    user,
    projectId,
    indicatorId,
    context: auditContextFor(user),
    back: `/projects/${projectId}/indicators/${indicatorId}`,
  };
  switch (intent.data) {
    case "edit":
      await requireProjectPermission(user, projectId, "indicator.edit");
      return editAction(target, formData);
    case "report":
      await requireProjectPermission(user, projectId, "indicatorValue.report");
      return reportAction(target, formData);
    default:
      await requireProjectPermission(user, projectId, "indicatorValue.review");
      return reviewAction(target, intent.data, formData);
  }
}

async function editAction({ projectId, indicatorId, context, back }: Target, formData: FormData) {
  const indicator = await requireIndicator(projectId, indicatorId);
  const address = { intent: "edit" };
  const parsed = parseForm(indicatorEditSchema({ targetValue: indicator.targetValue }), formData, address);
  if (!parsed.ok) return parsed.response;
  const input = parsed.data;
  return runAction(address, async () => {
    await editIndicator({ projectId, indicatorId, input, context });
    return redirectWithFlash(back, { kind: "success", key: "workflow.flash.indicatorSaved" });
  });
}

async function reportAction({ user, projectId, indicatorId, context, back }: Target, formData: FormData) {
  await requireIndicator(projectId, indicatorId);
  const address = { intent: "report" };
  const parsed = parseForm(IndicatorValueSchema, formData, address);
  if (!parsed.ok) return parsed.response;
  const input = parsed.data;
  return runAction(address, async () => {
    await reportIndicatorValue({ indicator: { id: indicatorId, projectId }, reporterId: user.id, input, context });
    return redirectWithFlash(back, { kind: "success", key: "workflow.flash.valueReported" });
  });
}

/** Verify or return a value of THIS indicator: authorised like the review queue (manager in scope, not own). */
async function reviewAction(
  { user, indicatorId, context, back }: Target,
  intent: "verify" | "return",
  formData: FormData,
) {
  const itemId = formData.get("id");
  const address = { intent, itemId: typeof itemId === "string" ? itemId : null };
  const parsed = parseForm(intent === "verify" ? ApproveSchema : ReturnSchema, formData, address);
  if (!parsed.ok) return parsed.response;
  const { kind, id, version, comment } = parsed.data;
  const values = await listIndicatorValues({ indicatorId });
  if (kind !== "indicatorValue" || !values.some((v) => v.id === id)) throw notFound();
  return runAction({ intent, itemId: id }, async () => {
    await requireReviewableSubmission(user, "indicatorValue", id);
    await reviewSubmissionsOrRefuse({
      actor: user,
      items: [{ kind: "indicatorValue", id, version }],
      decision: intent === "verify" ? "approve" : "return",
      comment: comment || null,
      context,
    });
    return redirectWithFlash(back, {
      kind: "success",
      key: intent === "verify" ? "workflow.flash.verified" : "workflow.flash.returned",
    });
  });
}

export default function IndicatorPage() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const { indicator } = data;
  return (
    <article data-testid="indicator-page" data-indicator-id={indicator.id}>
      <p>
        <Link to={`/projects/${indicator.projectId}/indicators`}>← {t("workflow.indicator.backToList")}</Link>
      </p>
      <IndicatorSummaryPanel indicator={indicator} showHistory={data.showHistory} />
      <section className="panel" aria-labelledby="chart-title">
        <h2 id="chart-title">{t("workflow.indicator.chart")}</h2>
        <IndicatorChart points={data.chartPoints} name={indicator.name} unit={indicator.unit} today={data.today} />
        <ChartDataTable points={data.chartPoints} />
      </section>
      <section aria-labelledby="values-title">
        <h2 id="values-title">{t("workflow.indicator.values")}</h2>
        <ValueTable values={data.values} unit={indicator.unit} canReview={data.canReview} userId={data.userId} />
      </section>
      <section className="panel" aria-labelledby="report-title">
        <h2 id="report-title">{t("workflow.indicator.report")}</h2>
        {data.canReport ? (
          <ValueForm unit={indicator.unit} />
        ) : (
          <p className="muted">{t("workflow.indicator.cannotReport")}</p>
        )}
      </section>
      {data.canEdit ? <IndicatorForm indicator={indicator} /> : null}
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
