import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, useRemixForm } from "~/components/ui/form";
import { centsToUsdString } from "~/lib/money";
import {
  CreateAreaSchema,
  CreateFrameworkSchema,
  UpdateAreaSchema,
  UpdateFrameworkSchema,
  toDayInput,
  type UpdateAreaInput,
  type UpdateFrameworkInput,
} from "~/schemas/admin";
import { ConflictNotice } from "./conflict-notice";
import { TranslatedNameFields, answerFor, useConflictVersion, useSubmittingIntent } from "./form-state";
import type { AdminActionData } from "./user-edit-forms";

type FrameworkRow = {
  id: string;
  code: string;
  name: string;
  nameRu: string | null;
  nameKk: string | null;
  startDate: string;
  endDate: string;
  annualEnvelopeCents: number;
  description: string;
  version: number;
};
type AreaRow = {
  id: string;
  code: string;
  name: string;
  nameRu: string | null;
  nameKk: string | null;
  description: string;
  version: number;
};

export function FrameworkForm({ framework, actionData }: { framework?: FrameworkRow; actionData: AdminActionData }) {
  const { t } = useTranslation();
  const intent = framework ? "updateFramework" : "createFramework";
  const mine = answerFor(actionData, intent, framework?.id);
  const { form, onSubmit } = useRemixForm<UpdateFrameworkInput>(
    framework ? UpdateFrameworkSchema : CreateFrameworkSchema,
    {
      defaultValues: framework
        ? {
            intent: "updateFramework",
            id: framework.id,
            version: framework.version,
            code: framework.code,
            name: framework.name,
            nameRu: framework.nameRu ?? "",
            nameKk: framework.nameKk ?? "",
            startDate: toDayInput(framework.startDate),
            endDate: toDayInput(framework.endDate),
            annualEnvelopeUsd: centsToUsdString(framework.annualEnvelopeCents),
            description: framework.description,
          }
        : ({
            intent: "createFramework",
            code: "",
            name: "",
            nameRu: "",
            nameKk: "",
            startDate: "",
            endDate: "",
            annualEnvelopeUsd: "",
            description: "",
          } as unknown as UpdateFrameworkInput),
      serverErrors: mine?.fieldErrors ?? null,
    },
  );
  const { setValue } = form;
  useConflictVersion(mine?.conflict?.current, (v) => setValue("version", v));
  const submitting = useSubmittingIntent(intent, framework?.id);
  return (
    <Form method="post" className="stack" onSubmit={onSubmit} noValidate data-testid={`framework-${intent}-form`}>
      {mine?.conflict ? (
        <ConflictNotice
          current={mine.conflict.current}
          labels={{
            code: t("admin.fields.code"),
            name: t("admin.fields.name"),
            nameRu: t("admin.fields.nameRu"),
            nameKk: t("admin.fields.nameKk"),
            description: t("admin.fields.description"),
          }}
        />
      ) : null}
      <input type="hidden" {...form.register("intent")} />
      {framework ? (
        <>
          <input type="hidden" {...form.register("id")} />
          <input type="hidden" {...form.register("version")} />
        </>
      ) : null}
      <Field form={form} name="code" label={t("admin.fields.code")} />
      <Field form={form} name="name" label={t("admin.fields.name")} />
      <TranslatedNameFields form={form} />
      <div className="form-row">
        <Field form={form} name="startDate" type="date" label={t("admin.fields.startDate")} />
        <Field form={form} name="endDate" type="date" label={t("admin.fields.endDate")} />
      </div>
      <Field
        form={form}
        name="annualEnvelopeUsd"
        label={t("admin.fields.annualEnvelope")}
        hint={t("admin.frameworks.envelopeHint")}
        inputMode="decimal"
      />
      <Field form={form} name="description" label={t("admin.fields.description")}>
        <textarea id="field-description" rows={3} {...form.register("description")} />
      </Field>
      <div className="button-row">
        <button type="submit" disabled={submitting}>
          {submitting
            ? t("common.actions.saving")
            : framework
              ? t("common.actions.save")
              : t("admin.frameworks.create")}
        </button>
        {framework ? (
          <Link to="/admin/frameworks" className="button secondary">
            {t("common.actions.cancel")}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}

export function AreaForm({
  frameworkId,
  area,
  actionData,
}: {
  frameworkId: string;
  area?: AreaRow;
  actionData: AdminActionData;
}) {
  const { t } = useTranslation();
  const intent = area ? "updateArea" : "createArea";
  const mine = answerFor(actionData, intent, area?.id ?? frameworkId);
  const { form, onSubmit } = useRemixForm<UpdateAreaInput & { frameworkId?: string }>(
    area ? UpdateAreaSchema : CreateAreaSchema,
    {
      defaultValues: area
        ? {
            intent: "updateArea",
            id: area.id,
            version: area.version,
            code: area.code,
            name: area.name,
            nameRu: area.nameRu ?? "",
            nameKk: area.nameKk ?? "",
            description: area.description,
          }
        : ({
            intent: "createArea",
            frameworkId,
            code: "",
            name: "",
            nameRu: "",
            nameKk: "",
            description: "",
          } as unknown as UpdateAreaInput),
      serverErrors: mine?.fieldErrors ?? null,
    },
  );
  const { setValue } = form;
  useConflictVersion(mine?.conflict?.current, (v) => setValue("version", v));
  const submitting = useSubmittingIntent(intent, area?.id);
  const prefix = area ? `area-${area.id}` : `new-area-${frameworkId}`;
  return (
    <Form method="post" className="stack" onSubmit={onSubmit} noValidate data-testid={`${prefix}-form`}>
      {mine?.conflict ? (
        <ConflictNotice
          current={mine.conflict.current}
          labels={{
            code: t("admin.fields.code"),
            name: t("admin.fields.name"),
            nameRu: t("admin.fields.nameRu"),
            nameKk: t("admin.fields.nameKk"),
            description: t("admin.fields.description"),
          }}
        />
      ) : null}
      <input type="hidden" {...form.register("intent")} />
      {area ? (
        <>
          <input type="hidden" {...form.register("id")} />
          <input type="hidden" {...form.register("version")} />
        </>
      ) : (
        <input type="hidden" {...form.register("frameworkId")} />
      )}
      <div className="form-row">
        <Field form={form} name="code" label={t("admin.fields.code")} />
        <Field form={form} name="name" label={t("admin.fields.name")} />
      </div>
      <div className="form-row">
        <TranslatedNameFields form={form} />
      </div>
      <Field form={form} name="description" label={t("admin.fields.description")} />
      <div className="button-row">
        <button type="submit" disabled={submitting}>
          {submitting ? t("common.actions.saving") : area ? t("common.actions.save") : t("admin.frameworks.addArea")}
        </button>
        {area ? (
          <Link to="/admin/frameworks" className="button secondary">
            {t("common.actions.cancel")}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
