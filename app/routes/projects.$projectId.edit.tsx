import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titled } from "~/lib/meta";
import { Form, Link, useLoaderData, useRouteError } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ArchiveForm } from "~/components/projects/archive-form";
import { ProjectConflictNotice } from "~/components/projects/conflict-notice";
import { ProjectFormFields, ReassignReasonField } from "~/components/projects/project-form";
import { useRemixForm } from "~/components/ui/form";
import { useActionAnswer, useHydrated, useSubmittingIntent } from "~/components/ui/form-hooks";
import { conflictIn, fieldErrorsIn } from "~/lib/action-result";
import { auditContextFor, requireUser, type SessionUser } from "~/lib/auth.server";
import { VersionConflictError } from "~/lib/errors";
import { redirectWithFlash } from "~/lib/flash.server";
import { answerConflict, badRequest, orNotFound, readFormData, requireParams, runAction } from "~/lib/http.server";
import { decideOnProject } from "~/lib/permissions";
import { requireProjectPermission } from "~/lib/permissions.server";
import { parseForm } from "~/lib/validation.server";
import { archiveProject, restoreProject } from "~/models/project/archive.server";
import { explainProjectConflict } from "~/models/project/conflict.server";
import { getProjectForEdit, listProjectFormOptions } from "~/models/project/form.server";
import { updateProject } from "~/models/project/write.server";
import { ErrorPanel } from "~/root";
import {
  ArchiveProjectSchema,
  ProjectCreateSchema,
  ProjectEditIntentSchema,
  ProjectEditSchema,
  ProjectIdParamsSchema,
  parseConflictBase,
  type ProjectConflict,
  type ProjectFormValues,
} from "~/schemas/project";

export const meta = titled("common.titles.editProject");

const SAVE = { intent: "save" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { projectId } = requireParams(ProjectIdParamsSchema, params);
  // An archived project is read-only: its edit page then only offers to restore it (project.archive).
  const viewable = await requireProjectPermission(user, projectId, "project.view");
  const scope = await requireProjectPermission(user, projectId, viewable.archived ? "project.archive" : "project.edit");
  const [project, options] = await Promise.all([
    orNotFound(() => getProjectForEdit(projectId)),
    // Only an administrator is offered other institutions and agencies; for anyone else both stay as stored.
    listProjectFormOptions(user, scope),
  ]);
  return { projectId, project, options, canArchive: decideOnProject(user, "project.archive", scope) === "allow" };
}

/** Saves on top of the version the form was loaded with; a 409 explains what someone else saved meanwhile. */
async function saveProject(user: SessionUser, projectId: string, formData: FormData) {
  const parsed = parseForm(ProjectEditSchema, formData, SAVE);
  if (!parsed.ok) return parsed.response;
  const { version, reassignReason, ...input } = parsed.data;
  // Moving the project to another institution or agency is an administrator's, with a reason: a 403 for anyone else.
  return runAction(SAVE, async () => {
    try {
      await updateProject({
        actor: user,
        context: auditContextFor(user),
        projectId,
        expectedVersion: version,
        input,
        reason: reassignReason,
      });
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
      const base = parseConflictBase(formData.get("base"));
      const conflict = await explainProjectConflict({ projectId, version, yours: input, base });
      return answerConflict(SAVE, conflict, conflict.values.version);
    }
    return redirectWithFlash(`/projects/${projectId}`, {
      kind: "success",
      key: "projects.flash.updated",
      values: { code: input.code },
    });
  });
}

/** Archiving and restoring both need a reason; doing either twice is refused (409). */
async function archiveOrRestore(
  user: SessionUser,
  projectId: string,
  intent: "archive" | "restore",
  formData: FormData,
) {
  const parsed = parseForm(ArchiveProjectSchema, formData, { intent });
  if (!parsed.ok) return parsed.response;
  const change = { context: auditContextFor(user), projectId, reason: parsed.data.reason };
  return runAction({ intent }, async () => {
    await (intent === "archive" ? archiveProject(change) : restoreProject(change));
    const key = intent === "archive" ? "projects.flash.archived" : "projects.flash.restored";
    return redirectWithFlash(`/projects/${projectId}`, { kind: "success", key });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { projectId } = requireParams(ProjectIdParamsSchema, params);
  // Authorise before reading the body: out of scope is 404 whatever was posted, and nobody outside the project
  // gets the server to parse a form for them. Then the intent's own permission (403 when not allowed).
  await requireProjectPermission(user, projectId, "project.view");
  const formData = await readFormData(request);
  const intent = ProjectEditIntentSchema.safeParse(formData.get("intent"));
  const archiving = intent.data === "archive" || intent.data === "restore";
  await requireProjectPermission(user, projectId, archiving ? "project.archive" : "project.edit");
  if (!intent.success) throw badRequest("Unknown intent");
  if (intent.data === "save") return saveProject(user, projectId, formData);
  return archiveOrRestore(user, projectId, intent.data, formData);
}

export default function EditProjectPage() {
  const { t } = useTranslation();
  const { projectId, project, options, canArchive } = useLoaderData<typeof loader>();
  const answer = useActionAnswer<ProjectConflict>(SAVE.intent);
  const conflict = conflictIn(answer);
  const { version: loadedVersion, ...loadedValues } = project.values;
  const { form, onSubmit } = useRemixForm<ProjectFormValues>(ProjectCreateSchema, {
    defaultValues: loadedValues,
    serverErrors: fieldErrorsIn(answer),
  });
  // After a refused save the form holds this user's input re-applied on top of the latest version (their values
  // taken where this user had changed nothing). Version and base travel outside react-hook-form: they become the
  // latest ones, so the next Save knowingly applies the form on top of the other person's changes.
  const { reset } = form;
  useEffect(() => {
    if (conflict) reset(conflict.merged);
  }, [conflict, reset]);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const stored = conflict ? conflict.values : project.values;
  const { version, ...base } = stored;
  const submitting = useSubmittingIntent(SAVE.intent);
  const hydrated = useHydrated();
  const loadTheirs = () => {
    if (!conflict) return;
    const { version: _v, ...theirs } = conflict.values;
    reset(theirs);
    setDismissed(conflict.values.version);
  };
  return (
    <div className="project-form-page">
      <h2>{t("projects.form.editTitle", { code: project.code })}</h2>
      {conflict && dismissed !== conflict.values.version ? (
        <ProjectConflictNotice conflict={conflict} options={options} onUseTheirs={loadTheirs} />
      ) : null}
      {project.archivedAt ? null : (
        <Form
          method="post"
          className="project-form"
          onSubmit={onSubmit}
          noValidate
          aria-busy={submitting}
          data-hydrated={hydrated}
          data-testid="project-form"
        >
          <input type="hidden" name="intent" value="save" />
          <input type="hidden" name="version" value={version ?? loadedVersion} data-testid="project-version" />
          <input type="hidden" name="base" value={JSON.stringify(base)} />
          <ProjectFormFields form={form} options={options} />
          {options.locked ? null : (
            <ReassignReasonField form={form} stored={stored} error={fieldErrorsIn(answer)?.reassignReason} />
          )}
          <div className="form-actions">
            <button type="submit" disabled={submitting} data-testid="save-project">
              {submitting ? t("common.actions.saving") : t("common.actions.save")}
            </button>
            <Link to={`/projects/${projectId}`} className="button secondary">
              {t("common.actions.cancel")}
            </Link>
          </div>
        </Form>
      )}
      {canArchive ? <ArchiveForm archivedAt={project.archivedAt} /> : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
