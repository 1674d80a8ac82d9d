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
import { useStoredPeriodLabel } from "~/components/indicators/period-label";
import { useFormat } from "~/i18n/format";
import { auditContextFor, requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { answerFieldErrors, invariantResponse, notFound, requireParams, runAction } from "~/lib/http.server";
import { decideOnProject, type Actor } from "~/lib/permissions";
import { requireAnyProjectPermission, requireProjectPermission } from "~/lib/permissions.server";
import { parseForm } from "~/lib/validation.server";
import type { AuditContext } from "~/models/audit.server";
import { readFormWithEvidence, withEvidenceError, type EvidenceUpload } from "~/lib/evidence/upload.server";
import { listIndicatorValues, reportIndicatorValue, type IndicatorValueView } from "~/models/indicator-value.server";
import { editIndicator, getProjectIndicator } from "~/models/indicator.server";
import { requireReviewableSubmission, reviewSubmissionsOrRefuse } from "~/models/review/decide.server";
import { ErrorPanel } from "~/root";
import { IndicatorIntentSchema, indicatorEditSchema, indicatorValueSchema, periodRulesOf } from "~/schemas/indicator";
import { dayOf, todayIsoDay } from "~/lib/dates";
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
  const canReport = allowed("indicatorValue.report");
  const correctableIds = openReturnedIds(values, user.id);
  const wanted = new URL(request.url).searchParams.get("correct");
  const firstOpen = values.find((v) => correctableIds.includes(v.id)) ?? null;
  return {
    indicator,
    values,
    periodRules: periodRulesOf(indicator, todayIsoDay()),
    takenPeriodEnds: values.filter((v) => v.state !== "RETURNED").map((v) => dayOf(v.periodEnd)),
    correctable: canReport ? correctableIds : [],
    correcting: canReport ? (values.find((v) => v.id === wanted && correctableIds.includes(v.id)) ?? firstOpen) : null,
    chartPoints: buildChartPoints(indicator),
    userId: user.id,
    canEdit: allowed("indicator.edit"),
    canReport,
    canReview: allowed("indicatorValue.review"),
    showHistory: allowed("history.view"),
    today: new Date().toISOString(),
  };
}

/**
 * The officer's returned values still to correct (a returned value is settled once a newer value for the same
 * period exists). The page corrects the one named by `?correct=` (the home page and the value table link to it),
 * else the latest period's.
 */
function openReturnedIds(values: IndicatorValueView[], userId: string): string[] {
  return values
    .filter(
      (v) =>
        v.state === "RETURNED" &&
        v.reporterId === userId &&
        !values.some((o) => o.id !== v.id && o.periodEnd === v.periodEnd && o.submittedAt > v.submittedAt),
    )
    .map((v) => v.id);
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
  // A reported value may carry evidence files: streamed to a temporary folder and removed once answered.
  const upload = await readFormWithEvidence(request);
  try {
    return await dispatch(user, { projectId, indicatorId }, upload);
  } finally {
    await upload.discard();
  }
}

async function dispatch(
  user: Awaited<ReturnType<typeof requireUser>>,
  { projectId, indicatorId }: { projectId: string; indicatorId: string },
  upload: EvidenceUpload,
) {
  const { formData } = upload;
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
      return reportAction(target, upload);
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

async function reportAction({ user, projectId, indicatorId, context, back }: Target, upload: EvidenceUpload) {
  const indicator = await requireIndicator(projectId, indicatorId);
  const address = { intent: "report" };
  // The same rules as the period list the form offers, against the server's own day.
  const parsed = parseForm(indicatorValueSchema(periodRulesOf(indicator, todayIsoDay())), upload.formData, address);
  const evidenceErrors = withEvidenceError(upload, parsed.ok ? {} : parsed.fieldErrors);
  if (evidenceErrors) return answerFieldErrors(address, evidenceErrors);
  if (!parsed.ok) return parsed.response;
  const input = parsed.data;
  return runAction(address, async () => {
    await reportIndicatorValue({
      indicator: { id: indicatorId, projectId },
      reporterId: user.id,
      input,
      evidence: upload.files,
      context,
    });
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
      <IndicatorSummaryPanel indicator={indicator} showHistory={data.showHistory} today={data.today} />
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
          frequency={indicator.frequency}
          correctable={data.correctable}
          canReview={data.canReview}
          userId={data.userId}
        />
      </section>
      <ReportSection />
      {data.canEdit ? <IndicatorForm indicator={indicator} /> : null}
    </article>
  );
}

/** Reporting a value, or correcting the officer's returned one beside the reviewer's comment. */
function ReportSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const { indicator, canReport, correcting, periodRules, takenPeriodEnds } = useLoaderData<typeof loader>();
  const periodLabel = useStoredPeriodLabel(indicator.frequency);
  return (
    <section className="panel" aria-labelledby="report-title" id="report">
      <h2 id="report-title">{correcting ? t("forms.correct.title") : t("workflow.indicator.report")}</h2>
      {!canReport ? (
        <p className="muted">{t("workflow.indicator.cannotReport")}</p>
      ) : (
        <>
          {correcting ? (
            <div className="returned-note" role="note" data-testid="returned-comment">
              <p>
                {t("forms.correct.returnedBy", {
                  name: correcting.verifierName ?? "—",
                  date: format.date(correcting.reviewedAt),
                })}
              </p>
              <blockquote>{correcting.reviewComment}</blockquote>
              <p className="muted">
                {t("forms.correct.intro", { period: periodLabel(correcting.periodStart, correcting.periodEnd) })}
              </p>
            </div>
          ) : null}
          <ValueForm
            key={correcting?.id ?? "new"}
            unit={indicator.unit}
            rules={periodRules}
            taken={takenPeriodEnds}
            draft={correcting}
            submitLabel={correcting ? t("forms.correct.submit") : undefined}
          />
        </>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
