import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { UserProfileSelects } from "~/components/admin/user-fields";
import { Field, useRemixForm } from "~/components/ui/form";
import { useActionAnswer, useIsSubmitting } from "~/components/ui/form-hooks";
import { fieldErrorsIn } from "~/lib/action-result";
import { auditContextFor, requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { readFormData, runAction } from "~/lib/http.server";
import { requireGlobalPermission } from "~/lib/permissions.server";
import { parseForm } from "~/lib/validation.server";
import { listOrganizationOptions } from "~/models/admin/organizations.server";
import { createUser } from "~/models/admin/users.server";
import { ErrorPanel } from "~/root";
import { CreateUserSchema, type CreateUserInput } from "~/schemas/admin";
import { titled } from "~/lib/meta";

export const meta = titled("admin.users.newTitle", "admin.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "admin.users");
  return { organizations: await listOrganizationOptions() };
}

/** The page's one form has no intent field: its answers are addressed by this name. */
const CREATE = { intent: "createUser" };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "admin.users");
  const parsed = parseForm(CreateUserSchema, await readFormData(request), CREATE);
  if (!parsed.ok) return parsed.response;
  const input = parsed.data;
  return runAction(CREATE, async () => {
    const created = await createUser({ context: auditContextFor(user), input });
    return redirectWithFlash(`/admin/users/${created.id}`, {
      kind: "success",
      key: "mail.userInvitation.createdFlash",
      values: { email: input.email },
    });
  });
}

export default function NewUserPage() {
  const { t } = useTranslation();
  const { organizations } = useLoaderData<typeof loader>();
  const answer = useActionAnswer(CREATE.intent);
  const { form, onSubmit } = useRemixForm<CreateUserInput>(CreateUserSchema, {
    defaultValues: { email: "", name: "", organizationId: "", role: "OFFICER", locale: "en" },
    serverErrors: fieldErrorsIn(answer),
  });
  const submitting = useIsSubmitting();
  return (
    <div className="panel">
      <p>
        <Link to="/admin/users">← {t("admin.users.title")}</Link>
      </p>
      <h2>{t("admin.users.newTitle")}</h2>
      <Form method="post" className="stack" onSubmit={onSubmit} noValidate data-testid="create-user-form">
        <Field form={form} name="email" type="email" label={t("admin.fields.email")} autoComplete="off" />
        <Field form={form} name="name" label={t("admin.fields.name")} autoComplete="off" />
        <UserProfileSelects form={form} organizations={organizations} />
        <p className="muted" data-testid="invitation-hint">
          {t("mail.userInvitation.createdHint")}
        </p>
        <div className="button-row">
          <button type="submit" disabled={submitting}>
            {submitting ? t("common.actions.saving") : t("admin.users.create")}
          </button>
          <Link to="/admin/users" className="button secondary">
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
