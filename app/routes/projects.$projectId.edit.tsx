import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titled } from "~/lib/meta";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ArchiveForm } from "~/components/projects/archive-form";
import { ConflictNotice } from "~/components/projects/conflict-notice";
import { ProjectFormFields, useHydratedMarker, useIsSubmittingIntent } from "~/components/projects/project-form";
import { useRemixForm } from "~/components/ui/form";
import { auditContextFor, requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { decideOnProject } from "~/lib/permissions";
import { enforce, requireProjectPermission } from "~/lib/permissions.server";
import { parseForm } from "~/lib/validation.server";
import { VersionConflictError } from "~/lib/errors";
import { conflictResponse } from "~/models/concurrency.server";
import {
  archiveProject,
  restoreProject,
  describeProjectChangesSince,
  getProjectForEdit,
  listProjectFormOptions,
  requireProjectIdParam,
  resolveProjectConflict,
  updateProject,
} from "~/models/project.server";
import { ErrorPanel } from "~/root";
import {
  ArchiveProjectSchema,
  ProjectCreateSchema,
  ProjectEditIntentSchema,
  ProjectEditSchema,
  parseConflictBase,
  type ProjectFormValues,
} from "~/schemas/project";

export const meta = titled("common.titles.editProject");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const projectId = requireProjectIdParam(params);
  // An archived project is read-only: its edit page then only offers to restore it (project.archive).
  const viewable = await requireProjectPermission(user, projectId, "project.view");
  const scope = await requireProjectPermission(user, projectId, viewable.archived ? "project.archive" : "project.edit");
  const [project, options] = await Promise.all([getProjectForEdit(projectId), listProjectFormOptions(user)]);
  if (!project) enforce("not-found");
  return {
    projectId,
    project: project!,
    options,
    canArchive: decideOnProject(user, "project.archive", scope) === "allow",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const projectId = requireProjectIdParam(params);
  // Authorise before reading the body: out of scope is 404 whatever was posted, and nobody outside the project
  // gets the server to parse a form for them. Then the intent's own permission (403 when not allowed).
  await requireProjectPermission(user, projectId, "project.view");
  const formData = await request.formData();
  const intent = ProjectEditIntentSchema.safeParse(formData.get("intent"));
  const archiving = intent.data === "archive" || intent.data === "restore";
  await requireProjectPermission(user, projectId, archiving ? "project.archive" : "project.edit");
  if (!intent.success) throw new Response("Unknown intent", { status: 400, statusText: "Bad Request" });

  if (intent.data === "archive") {
    const parsed = parseForm(ArchiveProjectSchema, formData);
    if (!parsed.ok) return parsed.response;
    const result = await archiveProject({ context: auditContextFor(user), projectId, reason: parsed.data.reason });
    if (!result.ok)
      return data({ ok: false as const, fieldErrors: { reason: "projects.archive.already" } }, { status: 400 });
    return redirectWithFlash(`/projects/${projectId}`, { kind: "success", key: "projects.flash.archived" });
  }
  if (intent.data === "restore") {
    const parsed = parseForm(ArchiveProjectSchema, formData);
    if (!parsed.ok) return parsed.response;
    const result = await restoreProject({ context: auditContextFor(user), projectId, reason: parsed.data.reason });
    if (!result.ok)
      return data({ ok: false as const, fieldErrors: { reason: "projects.archive.notArchived" } }, { status: 400 });
    return redirectWithFlash(`/projects/${projectId}`, { kind: "success", key: "projects.flash.restored" });
  }

  const parsed = parseForm(ProjectEditSchema, formData);
  if (!parsed.ok) return parsed.response;
  const { version, ...input } = parsed.data;
  try {
    const result = await updateProject({
      actor: user,
      context: auditContextFor(user),
      projectId,
      expectedVersion: version,
      input,
    });
    if (!result.ok) {
      // Moving the project out of the manager's own scope (another institution or ministry) is refused.
      if (result.status === 403) enforce("forbidden");
      return data(
        { ok: false as const, fieldErrors: result.status === 400 ? result.fieldErrors : {} },
        { status: 400 },
      );
    }
  } catch (error) {
    if (!(error instanceof VersionConflictError)) throw error;
    const current = error.current as ProjectFormValues & { version: number };
    const [changes, stored] = await Promise.all([
      describeProjectChangesSince({ projectId, version }),
      getProjectForEdit(projectId),
    ]);
    const resolution = resolveProjectConflict({
      current,
      yours: input,
      base: parseConflictBase(formData.get("base")),
      changedFields: changes.changedFields,
    });
    return conflictResponse({
      values: current,
      changedBy: changes.changedBy,
      archivedAt: stored?.archivedAt ?? null,
      ...resolution,
    });
  }
  return redirectWithFlash(`/projects/${projectId}`, {
    kind: "success",
    key: "projects.flash.updated",
    values: { code: input.code },
  });
}

export default function EditProjectPage() {
  const { t } = useTranslation();
  const { projectId, project, options, canArchive } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const conflict = actionData && "conflict" in actionData ? actionData.conflict.current : null;
  const fieldErrors = actionData && "fieldErrors" in actionData ? actionData.fieldErrors : null;
  const { version: loadedVersion, ...loadedValues } = project.values;
  const { form, onSubmit } = useRemixForm<ProjectFormValues>(ProjectCreateSchema, {
    defaultValues: loadedValues,
    serverErrors: fieldErrors && !("reason" in fieldErrors) ? fieldErrors : null,
  });
  // After a refused save the form holds this user's input re-applied on top of the latest version (their values
  // taken where this user had changed nothing). Version and base travel outside react-hook-form: they become the
  // latest ones, so the next Save knowingly applies the form on top of the other person's changes.
  const { reset } = form;
  useEffect(() => {
    if (conflict) reset(conflict.merged);
  }, [conflict, reset]);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const latest = conflict ? conflict.values : project.values;
  const { version, ...base } = latest;
  const submitting = useIsSubmittingIntent("save");
  const formRef = useHydratedMarker<HTMLFormElement>();
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
        <ConflictNotice conflict={conflict} options={options} onUseTheirs={loadTheirs} />
      ) : null}
      {project.archivedAt ? null : (
        <Form
          method="post"
          className="project-form"
          onSubmit={onSubmit}
          noValidate
          aria-busy={submitting}
          ref={formRef}
          data-testid="project-form"
        >
          <input type="hidden" name="intent" value="save" />
          <input type="hidden" name="version" value={version ?? loadedVersion} data-testid="project-version" />
          <input type="hidden" name="base" value={JSON.stringify(base)} />
          <ProjectFormFields form={form} options={options} />
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
      {canArchive ? (
        <ArchiveForm
          archivedAt={project.archivedAt}
          serverErrors={fieldErrors && "reason" in fieldErrors ? { reason: fieldErrors.reason } : null}
        />
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
