import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { MilestoneCreateForm } from "~/components/milestones/milestone-create-form";
import { MilestoneTable } from "~/components/milestones/milestone-table";
import { MilestoneTimeline } from "~/components/milestones/milestone-timeline";
import { auditContextFor, requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { decideOnProject } from "~/lib/permissions";
import { requireProjectPermission } from "~/lib/permissions.server";
import { parseForm } from "~/lib/validation.server";
import { createMilestone, listMilestoneOwnerOptions, listProjectMilestones } from "~/models/milestone.server";
import { ErrorPanel } from "~/root";
import { MilestoneCreateSchema } from "~/schemas/milestone";
import { routeId } from "~/schemas/fields";
import { answerFieldErrors, readFormData, requireParams, runAction } from "~/lib/http.server";
import { projectPageTitle } from "~/lib/meta";

const Params = z.object({ projectId: routeId });

export const meta = projectPageTitle("projects.tabs.milestones");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { projectId } = requireParams(Params, params);
  const scope = await requireProjectPermission(user, projectId, "project.view");
  const canCreate = decideOnProject(user, "milestone.create", scope) === "allow";
  const [milestones, owners] = await Promise.all([
    listProjectMilestones({ projectId }),
    canCreate ? listMilestoneOwnerOptions({ projectId }) : Promise.resolve([]),
  ]);
  return { milestones, owners, canCreate, today: new Date().toISOString() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { projectId } = requireParams(Params, params);
  await requireProjectPermission(user, projectId, "milestone.create");
  const formData = await readFormData(request);
  const address = { intent: "create" };
  if (formData.get("intent") !== "create") return answerFieldErrors(address, { _form: "common.errors.badRequest" });
  const parsed = parseForm(MilestoneCreateSchema, formData, address);
  if (!parsed.ok) return parsed.response;
  const input = parsed.data;
  return runAction(address, async () => {
    const id = await createMilestone({ projectId, input, context: auditContextFor(user) });
    return redirectWithFlash(`/projects/${projectId}/milestones/${id}`, {
      kind: "success",
      key: "workflow.flash.milestoneCreated",
      values: { title: input.title },
    });
  });
}

export default function ProjectMilestones() {
  const { t } = useTranslation();
  const { milestones, owners, canCreate, today } = useLoaderData<typeof loader>();
  const overdue = milestones.filter((m) => m.overdue).length;
  return (
    <section aria-labelledby="milestones-title" data-testid="milestones-tab">
      <h2 id="milestones-title">
        {t("workflow.milestones.title")}{" "}
        {overdue > 0 ? (
          <span className="badge red">{t("workflow.milestones.overdueCount", { count: overdue })}</span>
        ) : null}
      </h2>
      <p className="muted">{t("workflow.milestones.intro")}</p>
      {milestones.length === 0 ? (
        <p className="panel muted" data-testid="milestones-empty">
          {canCreate ? t("workflow.milestones.emptyManager") : t("workflow.milestones.empty")}
        </p>
      ) : (
        <>
          <h3>{t("workflow.timeline.title")}</h3>
          <MilestoneTimeline milestones={milestones} today={today} />
          <MilestoneTable milestones={milestones} />
        </>
      )}
      {canCreate ? <MilestoneCreateForm owners={owners} /> : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
