import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { buildChartPoints } from "~/components/indicators/chart-data";
import { ChartDataTable, IndicatorChart } from "~/components/indicators/indicator-chart";
import { IndicatorForm } from "~/components/indicators/indicator-form";
import { IndicatorSummaryPanel } from "~/components/indicators/indicator-summary";
import { ValueForm } from "~/components/indicators/value-form";
import { ValueTable } from "~/components/indicators/value-table";
import { answerFor } from "~/components/reviews/shared";
import { auditContextFor, requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { decideOnProject } from "~/lib/permissions";
import { enforce, requireProjectPermission } from "~/lib/permissions.server";
import { parseForm } from "~/lib/validation.server";
import { VersionConflictError } from "~/lib/errors";
import { PeriodTakenError, listIndicatorValues, reportIndicatorValue } from "~/models/indicator-value.server";
import { editIndicator, getProjectIndicator } from "~/models/indicator.server";
import {
  conflictInput,
  describeSubmission,
  invalidInput,
  readdressed,
  refusedInput,
  requireAnyProjectPermission,
  requireReviewableSubmission,
  reviewSubmissions,
} from "~/models/review.server";
import { ErrorPanel } from "~/root";
import { IndicatorIntentSchema, IndicatorValueSchema, indicatorEditSchema } from "~/schemas/indicator";
import { ApproveSchema, ReturnSchema, type WorkflowActionData } from "~/schemas/review";
import { routeId } from "~/schemas/fields";
import { requireParams } from "~/lib/http.server";

const Params = z.object({ projectId: routeId, indicatorId: routeId });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { projectId, indicatorId } = requireParams(Params, params);
  const scope = await requireProjectPermission(user, projectId, "project.view");
  const indicator = await getProjectIndicator({ projectId, indicatorId });
  if (!indicator) enforce("not-found");
  const values = await listIndicatorValues({ indicatorId });
  const allowed = (action: Parameters<typeof decideOnProject>[1]) => decideOnProject(user, action, scope) === "allow";
  return {
    indicator: indicator!,
    values,
    chartPoints: buildChartPoints(indicator!),
    userId: user.id,
    canEdit: allowed("indicator.edit"),
    canReport: allowed("indicatorValue.report"),
    canReview: allowed("indicatorValue.review"),
    showHistory: allowed("history.view"),
    today: new Date().toISOString(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { projectId, indicatorId } = requireParams(Params, params);
  await requireAnyProjectPermission(user, projectId, [
    "indicator.edit",
    "indicatorValue.report",
    "indicatorValue.review",
  ]);
  const formData = await request.formData();
  const intent = IndicatorIntentSchema.safeParse(formData.get("intent"));
  if (!intent.success) return invalidInput("unknown", { _form: "common.errors.badRequest" });
  const context = auditContextFor(user);
  const back = `/projects/${projectId}/indicators/${indicatorId}`;

  if (intent.data === "edit") {
    await requireProjectPermission(user, projectId, "indicator.edit");
    const indicator = await getProjectIndicator({ projectId, indicatorId });
    if (!indicator) enforce("not-found");
    const parsed = parseForm(indicatorEditSchema({ targetValue: indicator!.targetValue }), formData);
    if (!parsed.ok) return readdressed("edit", parsed);
    try {
      await editIndicator({ projectId, indicatorId, input: parsed.data, context });
    } catch (error) {
      if (error instanceof VersionConflictError) return conflictInput("edit", error.current);
      throw error;
    }
    return redirectWithFlash(back, { kind: "success", key: "workflow.flash.indicatorSaved" });
  }

  if (intent.data === "report") {
    await requireProjectPermission(user, projectId, "indicatorValue.report");
    const indicator = await getProjectIndicator({ projectId, indicatorId });
    if (!indicator) enforce("not-found");
    const parsed = parseForm(IndicatorValueSchema, formData);
    if (!parsed.ok) return readdressed("report", parsed);
    try {
      await reportIndicatorValue({
        indicator: { id: indicatorId, projectId },
        reporterId: user.id,
        input: parsed.data,
        context,
      });
    } catch (error) {
      if (error instanceof PeriodTakenError) return refusedInput("report", "workflow.errors.periodTaken");
      throw error;
    }
    return redirectWithFlash(back, { kind: "success", key: "workflow.flash.valueReported" });
  }

  // verify | return a value of THIS indicator: authorised like the review queue (manager in scope, not own).
  await requireProjectPermission(user, projectId, "indicatorValue.review");
  const itemId = typeof formData.get("id") === "string" ? String(formData.get("id")) : null;
  const parsed = parseForm(intent.data === "verify" ? ApproveSchema : ReturnSchema, formData);
  if (!parsed.ok) return readdressed(intent.data, parsed, itemId);
  const { id, version, comment } = parsed.data;
  const values = await listIndicatorValues({ indicatorId });
  if (parsed.data.kind !== "indicatorValue" || !values.some((v) => v.id === id)) enforce("not-found");
  await requireReviewableSubmission(user, "indicatorValue", id);
  try {
    await reviewSubmissions({
      actor: user,
      items: [{ kind: "indicatorValue", id, version }],
      decision: intent.data === "verify" ? "approve" : "return",
      comment: comment || null,
      context,
    });
  } catch (error) {
    if (error instanceof VersionConflictError) {
      const item = await describeSubmission("indicatorValue", id);
      return refusedInput(intent.data, "workflow.reviews.conflict", { itemId: id, values: { item } });
    }
    throw error;
  }
  return redirectWithFlash(back, {
    kind: "success",
    key: intent.data === "verify" ? "workflow.flash.verified" : "workflow.flash.returned",
  });
}

export default function IndicatorPage() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const { indicator } = data;
  const actionData = useActionData<typeof action>() as WorkflowActionData | undefined;
  const reviewAnswer =
    actionData && (actionData.intent === "verify" || actionData.intent === "return") ? actionData : null;
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
        <ValueTable
          values={data.values}
          unit={indicator.unit}
          canReview={data.canReview}
          userId={data.userId}
          actionData={reviewAnswer}
        />
      </section>
      <section className="panel" aria-labelledby="report-title">
        <h2 id="report-title">{t("workflow.indicator.report")}</h2>
        {data.canReport ? (
          <ValueForm answer={answerFor(actionData, "report")} unit={indicator.unit} />
        ) : (
          <p className="muted">{t("workflow.indicator.cannotReport")}</p>
        )}
      </section>
      {data.canEdit ? (
        <IndicatorForm
          indicator={indicator}
          answer={answerFor(actionData, "edit")}
          open={!!answerFor(actionData, "edit")}
        />
      ) : null}
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
