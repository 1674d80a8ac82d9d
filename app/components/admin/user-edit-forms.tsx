import { Form } from "@remix-run/react";
import { messageKey } from "~/i18n/keys";
import { useTranslation } from "react-i18next";
import { ConflictNotice } from "~/components/ui/conflict-notice";
import { Field, useRemixForm } from "~/components/ui/form";
import { useActionAnswer, useConflictVersion, useSubmittingIntent } from "~/components/ui/form-hooks";
import { conflictIn, fieldErrorsIn } from "~/lib/action-result";
import type { Role } from "~/lib/permissions";
import { UpdateUserSchema, toAdminLocale, type UpdateUserInput } from "~/schemas/admin";
import { conflictVersionOf } from "./form-state";
import { UserProfileSelects } from "./user-fields";

type EditableUser = {
  id: string;
  name: string;
  organizationId: string;
  role: Role;
  locale: string;
  version: number;
};

/** The fields of the user a conflict notice shows: what another admin may have changed meanwhile. */
function useUserConflictLabels() {
  const { t } = useTranslation();
  return { name: t("admin.fields.name"), role: t("admin.fields.role"), locale: t("admin.fields.locale") };
}

/** A message for the whole form (e.g. "you cannot deactivate yourself"), answered as the `_form` field error. */
function FormError({ message }: { message: string | undefined }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <p className="form-error" role="alert">
      {t(messageKey(message))}
    </p>
  );
}

export function ProfileForm({
  user,
  organizations,
  isSelf,
}: {
  user: EditableUser;
  organizations: { id: string; name: string; nameRu: string | null; nameKk: string | null }[];
  isSelf: boolean;
}) {
  const { t } = useTranslation();
  const answer = useActionAnswer("update");
  const fieldErrors = fieldErrorsIn(answer);
  const { form, onSubmit } = useRemixForm<UpdateUserInput>(UpdateUserSchema, {
    defaultValues: {
      intent: "update",
      version: user.version,
      name: user.name,
      organizationId: user.organizationId,
      role: user.role,
      locale: toAdminLocale(user.locale),
    },
    serverErrors: fieldErrors,
  });
  const { setValue } = form;
  useConflictVersion(conflictVersionOf(answer), (v) => setValue("version", v));
  const labels = useUserConflictLabels();
  const submitting = useSubmittingIntent("update");
  return (
    <Form method="post" className="stack" onSubmit={onSubmit} noValidate data-testid="profile-form">
      <ConflictNotice current={conflictIn(answer)} labels={labels} />
      <FormError message={fieldErrors?._form} />
      <input type="hidden" {...form.register("intent")} />
      <input type="hidden" {...form.register("version")} />
      {/* A disabled select is not submitted: keep the current values for self-edits. */}
      {isSelf ? (
        <>
          <input type="hidden" name="organizationId" value={user.organizationId} />
          <input type="hidden" name="role" value={user.role} />
        </>
      ) : null}
      <Field form={form} name="name" label={t("admin.fields.name")} />
      <UserProfileSelects form={form} organizations={organizations} lockRoleAndOrganization={isSelf} />
      <p className="muted">{t("admin.users.sessionsNote")}</p>
      <div>
        <button type="submit" disabled={submitting}>
          {submitting ? t("common.actions.saving") : t("common.actions.save")}
        </button>
      </div>
    </Form>
  );
}

export function ActiveForm({ user, isSelf }: { user: { active: boolean; version: number }; isSelf: boolean }) {
  const { t } = useTranslation();
  const intent = user.active ? "deactivate" : "reactivate";
  // Either answer: the page shows the other button once the status changed.
  const deactivated = useActionAnswer("deactivate");
  const reactivated = useActionAnswer("reactivate");
  const answer = deactivated ?? reactivated;
  const labels = useUserConflictLabels();
  const submitting = useSubmittingIntent(intent);
  // After a conflict the next click applies on top of the record as it is now, as the other forms do.
  const version = conflictVersionOf(answer) ?? user.version;
  return (
    <Form method="post" className="stack" data-testid="active-form">
      <FormError message={fieldErrorsIn(answer)?._form} />
      <ConflictNotice current={conflictIn(answer)} labels={labels} />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="version" value={version} />
      <p className="muted">{user.active ? t("admin.users.deactivateHelp") : t("admin.users.reactivateHelp")}</p>
      {isSelf && user.active ? (
        <p className="muted">{t("admin.errors.ownDeactivation")}</p>
      ) : (
        <div>
          <button type="submit" className={user.active ? "danger" : undefined} disabled={submitting}>
            {submitting
              ? t("common.actions.saving")
              : user.active
                ? t("admin.users.deactivate")
                : t("admin.users.reactivate")}
          </button>
        </div>
      )}
    </Form>
  );
}
