import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { MilestoneDetails } from "~/components/milestones/milestone-details";
import { MilestoneEditForm } from "~/components/milestones/milestone-edit-form";
import { UpdateHistory } from "~/components/milestones/update-history";
import { MilestoneUpdateForm } from "~/components/milestones/update-form";
import { useFormat } from "~/i18n/format";
import { auditContextFor, requireUser } from "~/lib/auth.server";
import type { AuditContext } from "~/models/audit.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { answerFieldErrors, forbidden, invariantResponse, requireParams, runAction } from "~/lib/http.server";
import { decideOnProject } from "~/lib/permissions";
import { requireAnyProjectPermission, requireProjectPermission } from "~/lib/permissions.server";
import { parseForm } from "~/lib/validation.server";
import { readFormWithEvidence, withEvidenceError, type EvidenceUpload } from "~/lib/evidence/upload.server";
import {
  getMilestoneUpdate,
  listMilestoneUpdates,
  resubmitMilestoneUpdate,
  submitMilestoneUpdate,
} from "~/models/milestone-update.server";
import { editMilestone, getProjectMilestone, listMilestoneOwnerOptions } from "~/models/milestone.server";
import { ErrorPanel } from "~/root";
import { MilestoneIntentSchema, milestoneEditSchema, milestoneUpdateSchema } from "~/schemas/milestone";
import { routeId, versionField } from "~/schemas/fields";
import { projectPageTitle } from "~/lib/meta";

const Params = z.object({ projectId: routeId, milestoneId: routeId });
const ResubmitTarget = z.object({ updateId: routeId, version: versionField });

/** This project's milestone, or a 404 (an id from another project is not found). */
async function requireMilestone(projectId: string, milestoneId: string) {
  const milestone = await getProjectMilestone({ projectId, milestoneId });
  invariantResponse(milestone, "Not found", { status: 404 });
  return milestone;
}

export const meta = projectPageTitle<SerializeFrom<typeof loader>>(
  "projects.tabs.milestones",
  (data) => data.milestone.title,
);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { projectId, milestoneId } = requireParams(Params, params);
  const scope = await requireProjectPermission(user, projectId, "project.view");
  const milestone = await requireMilestone(projectId, milestoneId);
  const canEdit = decideOnProject(user, "milestone.edit", scope) === "allow";
  const canSubmit = decideOnProject(user, "milestoneUpdate.submit", scope) === "allow";
  const [updates, owners] = await Promise.all([
    listMilestoneUpdates({ milestoneId }),
    canEdit ? listMilestoneOwnerOptions({ projectId }) : Promise.resolve([]),
  ]);
  const mine = updates.filter((u) => u.authorId === user.id);
  const latestMine = mine[0] ?? null;
  return {
    milestone,
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

type Target = { projectId: string; milestoneId: string; context: AuditContext; back: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { projectId, milestoneId } = requireParams(Params, params);
  await requireAnyProjectPermission(user, projectId, ["milestone.edit", "milestoneUpdate.submit"]);
  // Updates may carry evidence files: they are streamed to a temporary folder and removed once answered.
  const upload = await readFormWithEvidence(request);
  try {
    return await dispatch(user, { projectId, milestoneId }, upload);
  } finally {
    await upload.discard();
  }
}

async function dispatch(
  user: Awaited<ReturnType<typeof requireUser>>,
  { projectId, milestoneId }: { projectId: string; milestoneId: string },
  upload: EvidenceUpload,
) {
  const { formData } = upload;
  const intent = MilestoneIntentSchema.safeParse(formData.get("intent"));
  if (!intent.success) return answerFieldErrors({ intent: "unknown" }, { _form: "common.errors.badRequest" });
  const target: Target = {
    projectId,
    milestoneId,
    context: auditContextFor(user),
    back: `/projects/${projectId}/milestones/${milestoneId}`,
  };

  if (intent.data === "edit") {
    await requireProjectPermission(user, projectId, "milestone.edit");
    return editAction(target, formData);
  }
  // submitUpdate and resubmit: team members (officers) and managers.
  await requireProjectPermission(user, projectId, "milestoneUpdate.submit");
  return intent.data === "submitUpdate"
    ? submitAction(target, user.id, upload)
    : resubmitAction(target, user.id, upload);
}

async function editAction({ projectId, milestoneId, context, back }: Target, formData: FormData) {
  const milestone = await requireMilestone(projectId, milestoneId);
  const address = { intent: "edit" };
  const parsed = parseForm(milestoneEditSchema({ currentDueDate: milestone.currentDueDate }), formData, address);
  if (!parsed.ok) return parsed.response;
  const input = parsed.data;
  return runAction(address, async () => {
    await editMilestone({ projectId, milestoneId, input, context });
    return redirectWithFlash(back, { kind: "success", key: "workflow.flash.milestoneSaved" });
  });
}

async function submitAction(
  { projectId, milestoneId, context, back }: Target,
  authorId: string,
  upload: EvidenceUpload,
) {
  const milestone = await requireMilestone(projectId, milestoneId);
  const address = { intent: "submitUpdate" };
  const schema = milestoneUpdateSchema({ currentDueDate: milestone.currentDueDate });
  const parsed = parseForm(schema, upload.formData, address);
  const evidenceErrors = withEvidenceError(upload, parsed.ok ? {} : parsed.fieldErrors);
  if (evidenceErrors) return answerFieldErrors(address, evidenceErrors);
  if (!parsed.ok) return parsed.response;
  const input = parsed.data;
  return runAction(address, async () => {
    await submitMilestoneUpdate({
      milestone: { id: milestoneId, projectId },
      authorId,
      input,
      evidence: upload.files,
      context,
    });
    return redirectWithFlash(back, { kind: "success", key: "workflow.flash.updateSubmitted" });
  });
}

/** Only the author corrects a returned update, at the version they corrected. */
async function resubmitAction(
  { projectId, milestoneId, context, back }: Target,
  authorId: string,
  upload: EvidenceUpload,
) {
  const { formData } = upload;
  const milestone = await requireMilestone(projectId, milestoneId);
  const address = { intent: "resubmit" };
  const which = ResubmitTarget.safeParse({ updateId: formData.get("updateId"), version: formData.get("version") });
  if (!which.success) return answerFieldErrors(address, { _form: "workflow.errors.versionMissing" });
  const { updateId, version } = which.data;
  const update = await getMilestoneUpdate({ milestoneId, updateId });
  invariantResponse(update, "Not found", { status: 404 });
  if (update.authorId !== authorId) throw forbidden();
  const parsed = parseForm(milestoneUpdateSchema({ currentDueDate: milestone.currentDueDate }), formData, address);
  const evidenceErrors = withEvidenceError(upload, parsed.ok ? {} : parsed.fieldErrors);
  if (evidenceErrors) return answerFieldErrors(address, evidenceErrors);
  if (!parsed.ok) return parsed.response;
  const input = parsed.data;
  return runAction(address, async () => {
    await resubmitMilestoneUpdate({
      milestone: { id: milestoneId, projectId },
      updateId,
      authorId,
      expectedVersion: version,
      input,
      evidence: upload.files,
      context,
    });
    return redirectWithFlash(back, { kind: "success", key: "workflow.flash.updateResubmitted" });
  });
}

export default function MilestonePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const data = useLoaderData<typeof loader>();
  const { milestone, updates } = data;
  return (
    <article data-testid="milestone-page" data-milestone-id={milestone.id}>
      <p>
        <Link to={`/projects/${milestone.projectId}/milestones`}>← {t("workflow.milestone.backToList")}</Link>
      </p>
      <MilestoneDetails milestone={milestone} showHistory={data.showHistory} canReview={data.canReview} />
      {data.canEdit ? <MilestoneEditForm milestone={milestone} owners={data.owners} /> : null}
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
              title={t("workflow.milestone.resubmit")}
            />
          </>
        ) : data.myPending ? (
          <p className="muted" data-testid="pending-mine">
            {t("workflow.milestone.pendingMine")}
          </p>
        ) : (
          <MilestoneUpdateForm milestone={milestone} title={t("workflow.milestone.submitUpdate")} />
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
