import { Form, useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Field, useRemixForm } from "~/components/ui/form";
import { MIN_PASSWORD_LENGTH } from "~/schemas/auth";
import { ResetPasswordSchema, UpdateUserSchema, type ResetPasswordInput, type UpdateUserInput } from "~/schemas/admin";
import { ConflictNotice } from "./conflict-notice";
import { UserProfileSelects } from "./user-fields";

export type AdminActionData =
  | {
      ok: false;
      intent: string;
      /** The record (or, for a new area, the framework) the answer is about. */
      id?: string | null;
      fieldErrors?: Record<string, string>;
      conflict?: { current: Record<string, unknown> | null };
    }
  | undefined;

type EditableUser = { id: string; name: string; organizationId: string; role: string; locale: string; version: number };

function useIntentSubmitting(intent: string) {
  const navigation = useNavigation();
  return navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
}

export function ProfileForm({
  user,
  organizations,
  isSelf,
  actionData,
}: {
  user: EditableUser;
  organizations: { id: string; name: string; nameRu: string | null; nameKk: string | null }[];
  isSelf: boolean;
  actionData: AdminActionData;
}) {
  const { t } = useTranslation();
  const mine = actionData?.intent === "update" ? actionData : undefined;
  const { form, onSubmit } = useRemixForm<UpdateUserInput>(UpdateUserSchema, {
    defaultValues: {
      intent: "update",
      version: user.version,
      name: user.name,
      organizationId: user.organizationId,
      role: user.role as UpdateUserInput["role"],
      locale: user.locale as UpdateUserInput["locale"],
    },
    serverErrors: mine?.fieldErrors ?? null,
  });
  const conflictVersion = mine?.conflict?.current?.version;
  useEffect(() => {
    if (typeof conflictVersion === "number") form.setValue("version", conflictVersion);
  }, [conflictVersion, form]);
  const submitting = useIntentSubmitting("update");
  return (
    <Form method="post" className="stack" onSubmit={onSubmit} noValidate data-testid="profile-form">
      {mine?.conflict ? (
        <ConflictNotice
          current={mine.conflict.current}
          labels={{ name: t("admin.fields.name"), role: t("admin.fields.role"), locale: t("admin.fields.locale") }}
        />
      ) : null}
      {mine?.fieldErrors?._form ? (
        <p className="form-error" role="alert">
          {t(mine.fieldErrors._form)}
        </p>
      ) : null}
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

export function ActiveForm({
  user,
  isSelf,
  actionData,
}: {
  user: { active: boolean; version: number };
  isSelf: boolean;
  actionData: AdminActionData;
}) {
  const { t } = useTranslation();
  const intent = user.active ? "deactivate" : "reactivate";
  const mine = actionData?.intent === "deactivate" || actionData?.intent === "reactivate" ? actionData : undefined;
  const submitting = useIntentSubmitting(intent);
  return (
    <Form method="post" className="stack" data-testid="active-form">
      {mine?.fieldErrors?._form ? (
        <p className="form-error" role="alert">
          {t(mine.fieldErrors._form)}
        </p>
      ) : null}
      {mine?.conflict ? (
        <p className="form-error" role="alert">
          {t("admin.conflict.message")}
        </p>
      ) : null}
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="version" value={user.version} />
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

export function ResetPasswordForm({
  user,
  isSelf,
  actionData,
}: {
  user: { version: number };
  isSelf: boolean;
  actionData: AdminActionData;
}) {
  const { t } = useTranslation();
  const mine = actionData?.intent === "resetPassword" ? actionData : undefined;
  const { form, onSubmit } = useRemixForm<ResetPasswordInput>(ResetPasswordSchema, {
    defaultValues: { intent: "resetPassword", version: user.version, password: "" },
    serverErrors: mine?.fieldErrors ?? null,
  });
  const submitting = useIntentSubmitting("resetPassword");
  if (isSelf) return <p className="muted">{t("admin.errors.ownPassword")}</p>;
  return (
    <Form method="post" className="stack" onSubmit={onSubmit} noValidate data-testid="reset-password-form">
      {mine?.conflict ? (
        <p className="form-error" role="alert">
          {t("admin.conflict.message")}
        </p>
      ) : null}
      <input type="hidden" {...form.register("intent")} />
      <input type="hidden" {...form.register("version")} />
      <Field
        form={form}
        name="password"
        type="password"
        label={t("admin.fields.initialPassword")}
        hint={t("admin.users.passwordHint", { min: MIN_PASSWORD_LENGTH })}
        autoComplete="new-password"
      />
      <div>
        <button type="submit" disabled={submitting}>
          {submitting ? t("common.actions.saving") : t("admin.users.resetPassword")}
        </button>
      </div>
    </Form>
  );
}
