import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { IndicatorForm } from "~/components/indicators/indicator-form";
import { IndicatorTable } from "~/components/indicators/indicator-table";
import { auditContextFor, requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { decideOnProject } from "~/lib/permissions";
import { requireProjectPermission } from "~/lib/permissions.server";
import { parseForm } from "~/lib/validation.server";
import { createIndicator, listProjectIndicators } from "~/models/indicator.server";
import { ErrorPanel } from "~/root";
import { INDICATOR_TYPES, IndicatorCreateSchema } from "~/schemas/indicator";
import { routeId } from "~/schemas/fields";
import { answerFieldErrors, readFormData, requireParams, runAction } from "~/lib/http.server";
import { projectPageTitle } from "~/lib/meta";

const Params = z.object({ projectId: routeId });

export const meta = projectPageTitle("projects.tabs.indicators");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { projectId } = requireParams(Params, params);
  const scope = await requireProjectPermission(user, projectId, "project.view");
  return {
    indicators: await listProjectIndicators({ projectId }),
    canCreate: decideOnProject(user, "indicator.create", scope) === "allow",
    canReport: decideOnProject(user, "indicatorValue.report", scope) === "allow",
    projectId,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { projectId } = requireParams(Params, params);
  await requireProjectPermission(user, projectId, "indicator.create");
  const formData = await readFormData(request);
  const address = { intent: "create" };
  if (formData.get("intent") !== "create") return answerFieldErrors(address, { _form: "common.errors.badRequest" });
  const parsed = parseForm(IndicatorCreateSchema, formData, address);
  if (!parsed.ok) return parsed.response;
  const input = parsed.data;
  return runAction(address, async () => {
    const id = await createIndicator({ projectId, input, context: auditContextFor(user) });
    return redirectWithFlash(`/projects/${projectId}/indicators/${id}`, {
      kind: "success",
      key: "workflow.flash.indicatorCreated",
      values: { code: input.code },
    });
  });
}

export default function ProjectIndicators() {
  const { t } = useTranslation();
  const { indicators, canCreate, canReport, projectId } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="indicators-title" data-testid="indicators-tab">
      <h2 id="indicators-title">{t("workflow.indicators.title")}</h2>
      <p className="muted">{t("workflow.indicators.intro")}</p>
      {canReport && indicators.length > 0 ? (
        <p>
          <Link to={`/import?project=${projectId}`} data-testid="import-link">
            {t("import.openLink")}
          </Link>
        </p>
      ) : null}
      {indicators.length === 0 ? (
        <p className="panel muted" data-testid="indicators-empty">
          {canCreate ? t("workflow.indicators.emptyManager") : t("workflow.indicators.empty")}
        </p>
      ) : (
        INDICATOR_TYPES.map((type) => {
          const group = indicators.filter((i) => i.type === type);
          return group.length > 0 ? <IndicatorTable key={type} type={type} indicators={group} /> : null;
        })
      )}
      {canCreate ? <IndicatorForm /> : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
