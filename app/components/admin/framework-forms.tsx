import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConflictNotice } from "~/components/ui/conflict-notice";
import { Field, useRemixForm } from "~/components/ui/form";
import { DateField } from "~/components/ui/date-field";
import { useActionAnswer, useConflictVersion, useSubmittingIntent } from "~/components/ui/form-hooks";
import { conflictIn, fieldErrorsIn } from "~/lib/action-result";
import { dayOf } from "~/lib/dates";
import { centsToUsdString } from "~/lib/money";
import {
  CreateAreaSchema,
  CreateFrameworkSchema,
  UpdateAreaSchema,
  UpdateFrameworkSchema,
  type AreaInput,
  type UpdateFrameworkInput,
} from "~/schemas/admin";
import { TranslatedNameFields, conflictVersionOf } from "./form-state";

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

/** The create and the edit form share their fields; only the edit form carries the record's id and version. */
type FrameworkFormValues = Omit<UpdateFrameworkInput, "intent" | "id" | "version"> & {
  intent: "createFramework" | "updateFramework";
  id?: string;
  version?: number;
};

function toFrameworkValues(framework: FrameworkRow | undefined): FrameworkFormValues {
  if (!framework) {
    const blank = { code: "", name: "", nameRu: "", nameKk: "", startDate: "", endDate: "", description: "" };
    return { intent: "createFramework", ...blank, annualEnvelopeUsd: "" };
  }
  return {
    intent: "updateFramework",
    id: framework.id,
    version: framework.version,
    code: framework.code,
    name: framework.name,
    nameRu: framework.nameRu ?? "",
    nameKk: framework.nameKk ?? "",
    startDate: dayOf(framework.startDate),
    endDate: dayOf(framework.endDate),
    annualEnvelopeUsd: centsToUsdString(framework.annualEnvelopeCents),
    description: framework.description,
  };
}

/** What a conflict notice shows of a framework or an area: the fields another admin may have changed meanwhile. */
function useNameConflictLabels() {
  const { t } = useTranslation();
  return {
    code: t("admin.fields.code"),
    name: t("admin.fields.name"),
    nameRu: t("admin.fields.nameRu"),
    nameKk: t("admin.fields.nameKk"),
    description: t("admin.fields.description"),
  };
}

export function FrameworkForm({ framework }: { framework?: FrameworkRow }) {
  const { t } = useTranslation();
  const intent = framework ? "updateFramework" : "createFramework";
  const answer = useActionAnswer(intent, framework?.id);
  const { form, onSubmit } = useRemixForm<FrameworkFormValues>(
    framework ? UpdateFrameworkSchema : CreateFrameworkSchema,
    { defaultValues: toFrameworkValues(framework), serverErrors: fieldErrorsIn(answer) },
  );
  const { setValue } = form;
  useConflictVersion(conflictVersionOf(answer), (v) => setValue("version", v));
  const labels = useNameConflictLabels();
  const submitting = useSubmittingIntent(intent, framework?.id);
  return (
    <Form method="post" className="stack" onSubmit={onSubmit} noValidate data-testid={`framework-${intent}-form`}>
      <ConflictNotice current={conflictIn(answer)} labels={labels} />
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
        <DateField form={form} name="startDate" label={t("admin.fields.startDate")} />
        <DateField form={form} name="endDate" label={t("admin.fields.endDate")} />
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

/** A new area names its framework; an edited one carries its own id and version. */
type AreaFormValues = Omit<AreaInput, "intent" | "frameworkId"> & {
  intent: "createArea" | "updateArea";
  frameworkId?: string;
  id?: string;
  version?: number;
};

function toAreaValues(frameworkId: string, area: AreaRow | undefined): AreaFormValues {
  if (!area) return { intent: "createArea", frameworkId, code: "", name: "", nameRu: "", nameKk: "", description: "" };
  return {
    intent: "updateArea",
    id: area.id,
    version: area.version,
    code: area.code,
    name: area.name,
    nameRu: area.nameRu ?? "",
    nameKk: area.nameKk ?? "",
    description: area.description,
  };
}

export function AreaForm({ frameworkId, area }: { frameworkId: string; area?: AreaRow }) {
  const { t } = useTranslation();
  const intent = area ? "updateArea" : "createArea";
  const answer = useActionAnswer(intent, area?.id ?? frameworkId);
  const { form, onSubmit } = useRemixForm<AreaFormValues>(area ? UpdateAreaSchema : CreateAreaSchema, {
    defaultValues: toAreaValues(frameworkId, area),
    serverErrors: fieldErrorsIn(answer),
  });
  const { setValue } = form;
  useConflictVersion(conflictVersionOf(answer), (v) => setValue("version", v));
  const labels = useNameConflictLabels();
  const submitting = useSubmittingIntent(intent, area?.id);
  const prefix = area ? `area-${area.id}` : `new-area-${frameworkId}`;
  return (
    <Form method="post" className="stack" onSubmit={onSubmit} noValidate data-testid={`${prefix}-form`}>
      <ConflictNotice current={conflictIn(answer)} labels={labels} />
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
