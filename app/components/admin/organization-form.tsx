import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConflictNotice } from "~/components/ui/conflict-notice";
import { Field, useRemixForm } from "~/components/ui/form";
import { useActionAnswer, useConflictVersion, useSubmittingIntent } from "~/components/ui/form-hooks";
import { conflictIn, fieldErrorsIn } from "~/lib/action-result";
import { ORGANIZATION_KINDS, type OrganizationKind } from "~/lib/permissions";
import { CreateOrganizationSchema, UpdateOrganizationSchema, type UpdateOrganizationInput } from "~/schemas/admin";
import { TranslatedNameFields, conflictVersionOf } from "./form-state";
import { SelectField } from "./select-field";

type Org = {
  id: string;
  code: string;
  name: string;
  nameRu: string | null;
  nameKk: string | null;
  kind: OrganizationKind;
  version: number;
};

/** The create and the edit form share their fields; only the edit form carries the record's id and version. */
type OrganizationFormValues = Omit<UpdateOrganizationInput, "intent" | "id" | "version"> & {
  intent: "create" | "update";
  id?: string;
  version?: number;
};

function toFormValues(organization: Org | undefined): OrganizationFormValues {
  if (!organization) return { intent: "create", code: "", name: "", nameRu: "", nameKk: "", kind: "MINISTRY" };
  return {
    intent: "update",
    id: organization.id,
    version: organization.version,
    code: organization.code,
    name: organization.name,
    nameRu: organization.nameRu ?? "",
    nameKk: organization.nameKk ?? "",
    kind: organization.kind,
  };
}

/** Creates an organisation (no `organization`) or edits one (with its version). */
export function OrganizationForm({ organization }: { organization?: Org }) {
  const { t } = useTranslation();
  const intent = organization ? "update" : "create";
  const answer = useActionAnswer(intent, organization?.id);
  const { form, onSubmit } = useRemixForm<OrganizationFormValues>(
    organization ? UpdateOrganizationSchema : CreateOrganizationSchema,
    { defaultValues: toFormValues(organization), serverErrors: fieldErrorsIn(answer) },
  );
  const { setValue } = form;
  useConflictVersion(conflictVersionOf(answer), (v) => setValue("version", v));
  const submitting = useSubmittingIntent(intent, organization?.id);
  return (
    <Form method="post" className="stack" onSubmit={onSubmit} noValidate data-testid={`organization-${intent}-form`}>
      <ConflictNotice
        current={conflictIn(answer)}
        labels={{
          code: t("admin.fields.code"),
          name: t("admin.fields.name"),
          nameRu: t("admin.fields.nameRu"),
          nameKk: t("admin.fields.nameKk"),
          kind: t("admin.fields.kind"),
        }}
      />
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
