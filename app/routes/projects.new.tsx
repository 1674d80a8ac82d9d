import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titled } from "~/lib/meta";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProjectFormFields, useHydratedMarker } from "~/components/projects/project-form";
import { useRemixForm } from "~/components/ui/form";
import { useIsSubmitting } from "~/components/ui/form-hooks";
import { auditContextFor, requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { enforce, requireGlobalPermission } from "~/lib/permissions.server";
import { parseForm } from "~/lib/validation.server";
import { createProject, listProjectFormOptions } from "~/models/project.server";
import { ErrorPanel } from "~/root";
import { EMPTY_PROJECT_FORM, ProjectCreateSchema, type ProjectFormValues } from "~/schemas/project";

export const meta = titled("common.titles.newProject");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "project.create");
  return { options: await listProjectFormOptions(user) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "project.create");
  const parsed = parseForm(ProjectCreateSchema, await request.formData());
  if (!parsed.ok) return parsed.response;
  const result = await createProject({ actor: user, context: auditContextFor(user), input: parsed.data });
  if (!result.ok) {
    // Outside the manager's own scope (e.g. an IFC manager creating a WB project).
    if (result.status === 403) enforce("forbidden");
    return data({ ok: false as const, fieldErrors: result.status === 400 ? result.fieldErrors : {} }, { status: 400 });
  }
  return redirectWithFlash(`/projects/${result.id}`, {
    kind: "success",
    key: "projects.flash.created",
    values: { code: parsed.data.code },
  });
}

export default function NewProjectPage() {
  const { t } = useTranslation();
  const { options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const defaults: ProjectFormValues = {
    ...EMPTY_PROJECT_FORM,
    institution: (options.institutions[0] ?? "WB") as ProjectFormValues["institution"],
    implementingAgencyId: options.agencies.length === 1 ? options.agencies[0].id : "",
  };
  const { form, onSubmit } = useRemixForm<ProjectFormValues>(ProjectCreateSchema, {
    defaultValues: defaults,
    serverErrors: actionData && "fieldErrors" in actionData ? actionData.fieldErrors : null,
  });
  const submitting = useIsSubmitting();
  const formRef = useHydratedMarker<HTMLFormElement>();
  return (
    <div className="project-form-page">
      <h1>{t("projects.form.createTitle")}</h1>
      <Form
        method="post"
        className="project-form"
        onSubmit={onSubmit}
        noValidate
        aria-busy={submitting}
        ref={formRef}
        data-testid="project-form"
      >
        <ProjectFormFields form={form} options={options} />
        <div className="form-actions">
          <button type="submit" disabled={submitting} data-testid="save-project">
            {submitting ? t("common.actions.saving") : t("projects.form.create")}
          </button>
          <Link to="/projects" className="button secondary">
            {t("common.actions.cancel")}
          </Link>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
