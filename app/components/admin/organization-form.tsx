import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, useRemixForm } from "~/components/ui/form";
import { ORGANIZATION_KINDS } from "~/lib/permissions";
import { CreateOrganizationSchema, UpdateOrganizationSchema, type UpdateOrganizationInput } from "~/schemas/admin";
import { ConflictNotice } from "./conflict-notice";
import { TranslatedNameFields, answerFor, useConflictVersion, useSubmittingIntent } from "./form-state";
import { SelectField } from "./select-field";
import type { AdminActionData } from "./user-edit-forms";

type Org = {
  id: string;
  code: string;
  name: string;
  nameRu: string | null;
  nameKk: string | null;
  kind: string;
  version: number;
};

/** Creates an organisation (no `organization`) or edits one (with its version). */
export function OrganizationForm({ organization, actionData }: { organization?: Org; actionData: AdminActionData }) {
  const { t } = useTranslation();
  const intent = organization ? "update" : "create";
  const mine = answerFor(actionData, intent);
  const { form, onSubmit } = useRemixForm<UpdateOrganizationInput>(
    organization ? UpdateOrganizationSchema : CreateOrganizationSchema,
    {
      defaultValues: organization
        ? {
            intent: "update",
            id: organization.id,
            version: organization.version,
            code: organization.code,
            name: organization.name,
            nameRu: organization.nameRu ?? "",
            nameKk: organization.nameKk ?? "",
            kind: organization.kind as UpdateOrganizationInput["kind"],
          }
        : ({
            intent: "create",
            code: "",
            name: "",
            nameRu: "",
            nameKk: "",
            kind: "MINISTRY",
          } as unknown as UpdateOrganizationInput),
      serverErrors: mine?.fieldErrors ?? null,
    },
  );
  const { setValue } = form;
  useConflictVersion(mine?.conflict?.current, (v) => setValue("version", v));
  const submitting = useSubmittingIntent(intent);
  return (
    <Form method="post" className="stack" onSubmit={onSubmit} noValidate data-testid={`organization-${intent}-form`}>
      {mine?.conflict ? (
        <ConflictNotice
          current={mine.conflict.current}
          labels={{
            code: t("admin.fields.code"),
            name: t("admin.fields.name"),
            nameRu: t("admin.fields.nameRu"),
            nameKk: t("admin.fields.nameKk"),
            kind: t("admin.fields.kind"),
          }}
        />
      ) : null}
      <input type="hidden" {...form.register("intent")} />
      {organization ? (
        <>
          <input type="hidden" {...form.register("id")} />
          <input type="hidden" {...form.register("version")} />
        </>
      ) : null}
      <Field form={form} name="code" label={t("admin.fields.code")} hint={t("admin.organizations.codeHint")} />
      <Field form={form} name="name" label={t("admin.fields.name")} />
      <TranslatedNameFields form={form} />
      <SelectField
        form={form}
        name="kind"
        label={t("admin.fields.kind")}
        options={ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`common.orgKinds.${k}`) }))}
      />
      <div className="button-row">
        <button type="submit" disabled={submitting}>
          {submitting
            ? t("common.actions.saving")
            : organization
              ? t("common.actions.save")
              : t("admin.organizations.create")}
        </button>
        {organization ? (
          <Link to="/admin/organizations" className="button secondary">
            {t("common.actions.cancel")}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
