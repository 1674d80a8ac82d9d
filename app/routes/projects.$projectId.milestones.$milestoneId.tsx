import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { MilestoneDetails } from "~/components/milestones/milestone-details";
import { MilestoneEditForm } from "~/components/milestones/milestone-edit-form";
import { UpdateHistory } from "~/components/milestones/update-history";
import { MilestoneUpdateForm } from "~/components/milestones/update-form";
import { answerFor } from "~/components/reviews/shared";
import { useFormat } from "~/i18n/format";
import { auditContextFor, requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { decideOnProject } from "~/lib/permissions";
import { enforce, requireProjectPermission } from "~/lib/permissions.server";
import { parseForm } from "~/lib/validation.server";
import { VersionConflictError } from "~/lib/errors";
import {
  PendingUpdateExistsError,
  getMilestoneUpdate,
  listMilestoneUpdates,
  resubmitMilestoneUpdate,
  submitMilestoneUpdate,
} from "~/models/milestone-update.server";
import { editMilestone, getProjectMilestone, listMilestoneOwnerOptions } from "~/models/milestone.server";
import {
  conflictInput,
  invalidInput,
  readdressed,
  refusedInput,
  requireAnyProjectPermission,
} from "~/models/review.server";
import { ErrorPanel } from "~/root";
import { MilestoneIntentSchema, milestoneEditSchema, milestoneUpdateSchema } from "~/schemas/milestone";
import { type WorkflowActionData } from "~/schemas/review";
import { routeId, versionField } from "~/schemas/fields";
import { requireParams } from "~/lib/http.server";

const Params = z.object({ projectId: routeId, milestoneId: routeId });
const ResubmitTarget = z.object({ updateId: routeId, version: versionField });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { projectId, milestoneId } = requireParams(Params, params);
  const scope = await requireProjectPermission(user, projectId, "project.view");
  const milestone = await getProjectMilestone({ projectId, milestoneId });
  if (!milestone) enforce("not-found");
  const canEdit = decideOnProject(user, "milestone.edit", scope) === "allow";
  const canSubmit = decideOnProject(user, "milestoneUpdate.submit", scope) === "allow";
  const [updates, owners] = await Promise.all([
    listMilestoneUpdates({ milestoneId }),
    canEdit ? listMilestoneOwnerOptions({ projectId }) : Promise.resolve([]),
  ]);
  const mine = updates.filter((u) => u.authorId === user.id);
  const latestMine = mine[0] ?? null;
  return {
    milestone: milestone!,
    updates,
    owners,
    canEdit,
    canSubmit,
    canReview: decideOnProject(user, "milestoneUpdate.review", scope) === "allow",
    showHistory: decideOnProject(user, "history.view", scope) === "allow",
    myPending: mine.some((u) => u.reviewState === "SUBMITTED"),
    myReturned: latestMine?.reviewState === "RETURNED" ? latestMine : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { projectId, milestoneId } = requireParams(Params, params);
  await requireAnyProjectPermission(user, projectId, ["milestone.edit", "milestoneUpdate.submit"]);
  const formData = await request.formData();
  const intent = MilestoneIntentSchema.safeParse(formData.get("intent"));
  if (!intent.success) return invalidInput("unknown", { _form: "common.errors.badRequest" });
  const context = auditContextFor(user);
  const back = `/projects/${projectId}/milestones/${milestoneId}`;

  if (intent.data === "edit") {
    await requireProjectPermission(user, projectId, "milestone.edit");
    const milestone = await getProjectMilestone({ projectId, milestoneId });
    if (!milestone) enforce("not-found");
    const parsed = parseForm(milestoneEditSchema({ currentDueDate: milestone!.currentDueDate }), formData);
    if (!parsed.ok) return readdressed("edit", parsed);
    try {
      const result = await editMilestone({ projectId, milestoneId, input: parsed.data, context });
      if (!result.ok) return invalidInput("edit", { [result.field]: result.message });
    } catch (error) {
      if (error instanceof VersionConflictError) return conflictInput("edit", error.current);
      throw error;
    }
    return redirectWithFlash(back, { kind: "success", key: "workflow.flash.milestoneSaved" });
  }

  // submitUpdate and resubmit: team members (officers) and managers.
  await requireProjectPermission(user, projectId, "milestoneUpdate.submit");
  const milestone = await getProjectMilestone({ projectId, milestoneId });
  if (!milestone) enforce("not-found");
  const target = { id: milestoneId, projectId };
  const parsed = parseForm(milestoneUpdateSchema({ currentDueDate: milestone!.currentDueDate }), formData);

  if (intent.data === "submitUpdate") {
    if (!parsed.ok) return readdressed("submitUpdate", parsed);
    try {
      await submitMilestoneUpdate({ milestone: target, authorId: user.id, input: parsed.data, context });
    } catch (error) {
      if (error instanceof PendingUpdateExistsError)
        return refusedInput("submitUpdate", "workflow.errors.pendingExists");
      throw error;
    }
    return redirectWithFlash(back, { kind: "success", key: "workflow.flash.updateSubmitted" });
  }

  const which = ResubmitTarget.safeParse({ updateId: formData.get("updateId"), version: formData.get("version") });
  if (!which.success) return invalidInput("resubmit", { _form: "workflow.errors.versionMissing" });
  const update = await getMilestoneUpdate({ milestoneId, updateId: which.data.updateId });
  if (!update) enforce("not-found");
  if (update!.authorId !== user.id) enforce("forbidden");
  if (!parsed.ok) return readdressed("resubmit", parsed);
  try {
    await resubmitMilestoneUpdate({
      milestone: target,
      updateId: which.data.updateId,
      authorId: user.id,
      expectedVersion: which.data.version,
      input: parsed.data,
      context,
    });
  } catch (error) {
    if (error instanceof VersionConflictError) return conflictInput("resubmit", error.current);
    if (error instanceof PendingUpdateExistsError) return refusedInput("resubmit", "workflow.errors.pendingExists");
    throw error;
  }
  return redirectWithFlash(back, { kind: "success", key: "workflow.flash.updateResubmitted" });
}

export default function MilestonePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const data = useLoaderData<typeof loader>();
  const { milestone, updates } = data;
  const actionData = useActionData<typeof action>() as WorkflowActionData | undefined;
  return (
    <article data-testid="milestone-page" data-milestone-id={milestone.id}>
      <p>
        <Link to={`/projects/${milestone.projectId}/milestones`}>← {t("workflow.milestone.backToList")}</Link>
      </p>
      <MilestoneDetails milestone={milestone} showHistory={data.showHistory} canReview={data.canReview} />
      {data.canEdit ? (
        <MilestoneEditForm milestone={milestone} owners={data.owners} answer={answerFor(actionData, "edit")} />
      ) : null}
      <section aria-labelledby="submit-title" className="panel">
        <h2 id="submit-title">
          {data.myReturned ? t("workflow.milestone.resubmitTitle") : t("workflow.milestone.submitUpdate")}
        </h2>
        {!data.canSubmit ? (
          <p className="muted">{t("workflow.milestone.cannotSubmit")}</p>
        ) : data.myReturned ? (
          <>
            <div className="returned-note" role="note" data-testid="returned-comment">
              <p>
                {t("workflow.milestone.returnedBy", {
                  name: data.myReturned.reviewerName ?? t("workflow.milestone.trail.unknown"),
                  date: format.date(data.myReturned.reviewedAt),
                })}
              </p>
              <blockquote>{data.myReturned.reviewComment}</blockquote>
            </div>
            <MilestoneUpdateForm
              key={`${data.myReturned.id}-${data.myReturned.version}`}
              milestone={milestone}
              returned={data.myReturned}
              answer={answerFor(actionData, "resubmit")}
              title={t("workflow.milestone.resubmit")}
            />
          </>
        ) : data.myPending ? (
          <p className="muted" data-testid="pending-mine">
            {t("workflow.milestone.pendingMine")}
          </p>
        ) : (
          <MilestoneUpdateForm
            milestone={milestone}
            answer={answerFor(actionData, "submitUpdate")}
            title={t("workflow.milestone.submitUpdate")}
          />
        )}
      </section>
      <section aria-labelledby="updates-title">
        <h2 id="updates-title">{t("workflow.milestone.updates")}</h2>
        <UpdateHistory updates={updates} />
      </section>
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
