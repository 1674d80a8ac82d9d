import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titled } from "~/lib/meta";
import { Form, Link, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProjectFormFields } from "~/components/projects/project-form";
import { useRemixForm } from "~/components/ui/form";
import { useActionAnswer, useHydrated, useIsSubmitting } from "~/components/ui/form-hooks";
import { fieldErrorsIn } from "~/lib/action-result";
import { auditContextFor, requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { readFormData, runAction } from "~/lib/http.server";
import { requireGlobalPermission } from "~/lib/permissions.server";
import { parseForm } from "~/lib/validation.server";
import { listProjectFormOptions } from "~/models/project/form.server";
import { createProject } from "~/models/project/write.server";
import { ErrorPanel } from "~/root";
import { EMPTY_PROJECT_FORM, ProjectCreateSchema, type ProjectFormValues } from "~/schemas/project";

export const meta = titled("common.titles.newProject");

/** The create form posts no intent: its answers are addressed to this one. */
const CREATE = { intent: "create" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "project.create");
  return { options: await listProjectFormOptions(user) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "project.create");
  const parsed = parseForm(ProjectCreateSchema, await readFormData(request), CREATE);
  if (!parsed.ok) return parsed.response;
  const input = parsed.data;
  // Outside the manager's own scope (e.g. an IFC manager creating a WB project) is a 403; a taken code a field error.
  return runAction(CREATE, async () => {
    const id = await createProject({ actor: user, context: auditContextFor(user), input });
    return redirectWithFlash(`/projects/${id}`, {
      kind: "success",
      key: "projects.flash.created",
      values: { code: input.code },
    });
  });
}

export default function NewProjectPage() {
  const { t } = useTranslation();
  const { options } = useLoaderData<typeof loader>();
  const answer = useActionAnswer(CREATE.intent);
  const defaults: ProjectFormValues = {
    ...EMPTY_PROJECT_FORM,
    institution: options.institutions.at(0) ?? "WB",
    implementingAgencyId: options.agencies.length === 1 ? options.agencies[0].id : "",
  };
  const { form, onSubmit } = useRemixForm<ProjectFormValues>(ProjectCreateSchema, {
    defaultValues: defaults,
    serverErrors: fieldErrorsIn(answer),
  });
  const submitting = useIsSubmitting();
  const hydrated = useHydrated();
  return (
    <div className="project-form-page">
      <h1>{t("projects.form.createTitle")}</h1>
      <Form
        method="post"
        className="project-form"
        onSubmit={onSubmit}
        noValidate
        aria-busy={submitting}
        data-hydrated={hydrated}
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
