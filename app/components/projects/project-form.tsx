import type { ReactNode } from "react";
import type { UseFormReturn } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { useLocalizedName } from "~/i18n/use-localized-name";
import type { LocalizedName } from "~/lib/localized-name";
import { Field } from "~/components/ui/form";
import { INSTRUMENTS, PROJECT_STATUSES, type ProjectFormValues } from "~/schemas/project";

export type ProjectFormOptions = {
  institutions: readonly string[];
  agencies: ({ id: string } & LocalizedName)[];
  frameworks: ({
    id: string;
    code: string;
    priorityAreas: ({ id: string; code: string } & LocalizedName)[];
  } & LocalizedName)[];
};

type FieldName = keyof ProjectFormValues;

/** Label keys per form field (also used to name fields in the conflict message). */
export const PROJECT_FIELD_LABELS: Record<FieldName | "archivedAt", string> = {
  code: "projects.fields.code",
  name: "projects.fields.name",
  description: "projects.fields.description",
  institution: "projects.fields.institution",
  instrument: "projects.fields.instrument",
  implementingAgencyId: "projects.fields.implementingAgency",
  priorityAreaId: "projects.fields.priorityArea",
  sectorCode: "projects.fields.sectorCode",
  status: "projects.fields.status",
  approvalDate: "projects.fields.approvalDate",
  effectivenessDate: "projects.fields.effectivenessDate",
  mtrPlannedDate: "projects.fields.mtrPlannedDate",
  mtrActualDate: "projects.fields.mtrActualDate",
  closingOriginalDate: "projects.fields.closingOriginalDate",
  closingRevisedDate: "projects.fields.closingRevisedDate",
  commitmentUsd: "projects.fields.commitmentUsd",
  disbursedUsd: "projects.fields.disbursedUsd",
  narrative: "projects.fields.narrative",
  archivedAt: "projects.archived",
};

function ErrorText({ form, name }: { form: UseFormReturn<ProjectFormValues>; name: FieldName }) {
  const { t } = useTranslation();
  const error = form.formState.errors[name]?.message;
  return typeof error === "string" ? (
    <p className="field-error" id={`field-${name}-error`} role="alert">
      {t(error)}
    </p>
  ) : null;
}

function SelectField({
  form,
  name,
  children,
}: {
  form: UseFormReturn<ProjectFormValues>;
  name: FieldName;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const invalid = Boolean(form.formState.errors[name]);
  return (
    <div className="field">
      <label htmlFor={`field-${name}`}>{t(PROJECT_FIELD_LABELS[name])}</label>
      <select
        id={`field-${name}`}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `field-${name}-error` : undefined}
        {...form.register(name)}
      >
        {children}
      </select>
      <ErrorText form={form} name={name} />
    </div>
  );
}

function TextareaField({
  form,
  name,
  rows = 4,
  hint,
}: {
  form: UseFormReturn<ProjectFormValues>;
  name: FieldName;
  rows?: number;
  hint?: string;
}) {
  const { t } = useTranslation();
  const invalid = Boolean(form.formState.errors[name]);
  return (
    <div className="field">
      <label htmlFor={`field-${name}`}>{t(PROJECT_FIELD_LABELS[name])}</label>
      <textarea
        id={`field-${name}`}
        rows={rows}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `field-${name}-error` : undefined}
        {...form.register(name)}
      />
      {hint ? <small className="muted">{hint}</small> : null}
      <ErrorText form={form} name={name} />
    </div>
  );
}

/** The fields of the create and edit forms (the surrounding <Form>, hidden inputs and buttons belong to the route). */
export function ProjectFormFields({
  form,
  options,
}: {
  form: UseFormReturn<ProjectFormValues>;
  options: ProjectFormOptions;
}) {
  const { t } = useTranslation();
  const ln = useLocalizedName();
  const label = (name: FieldName) => t(PROJECT_FIELD_LABELS[name]);
  return (
    <>
      <fieldset>
        <legend>{t("projects.form.identity")}</legend>
        <div className="form-grid">
          <Field form={form} name="code" label={label("code")} hint={t("projects.form.codeHint")} autoComplete="off" />
          <SelectField form={form} name="institution">
            {options.institutions.map((i) => (
              <option key={i} value={i}>
                {t(`domain.institution.${i}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <Field form={form} name="name" label={label("name")} />
        <div className="form-grid">
          <SelectField form={form} name="instrument">
            {INSTRUMENTS.map((i) => (
              <option key={i} value={i}>
                {t(`projects.instruments.${i}`)}
              </option>
            ))}
          </SelectField>
          <SelectField form={form} name="status">
            {PROJECT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`domain.projectStatus.${s}`)}
              </option>
            ))}
          </SelectField>
          <Field
            form={form}
            name="sectorCode"
            label={label("sectorCode")}
            hint={t("projects.form.sectorHint")}
            inputMode="numeric"
            maxLength={5}
          />
        </div>
        <div className="form-grid wide">
          <SelectField form={form} name="implementingAgencyId">
            <option value="">{t("projects.form.choose")}</option>
            {options.agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {ln(a)}
              </option>
            ))}
          </SelectField>
          <SelectField form={form} name="priorityAreaId">
            <option value="">{t("projects.form.choose")}</option>
            {options.frameworks.map((f) => (
              <optgroup key={f.id} label={`${f.code} — ${ln(f)}`}>
                {f.priorityAreas.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.code} — {ln(a)}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
        </div>
        <TextareaField form={form} name="description" rows={3} />
      </fieldset>
      <fieldset>
        <legend>{t("projects.overview.keyDates")}</legend>
        <div className="form-grid">
          <Field form={form} name="approvalDate" label={label("approvalDate")} type="date" />
          <Field form={form} name="effectivenessDate" label={label("effectivenessDate")} type="date" />
          <Field form={form} name="mtrPlannedDate" label={label("mtrPlannedDate")} type="date" />
          <Field form={form} name="mtrActualDate" label={label("mtrActualDate")} type="date" />
          <Field form={form} name="closingOriginalDate" label={label("closingOriginalDate")} type="date" />
          <Field form={form} name="closingRevisedDate" label={label("closingRevisedDate")} type="date" />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t("projects.overview.financing")}</legend>
        <div className="form-grid">
          <Field
            form={form}
            name="commitmentUsd"
            label={label("commitmentUsd")}
            inputMode="decimal"
            hint={t("projects.form.moneyHint")}
          />
          <Field form={form} name="disbursedUsd" label={label("disbursedUsd")} inputMode="decimal" />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t("projects.form.narrativeSection")}</legend>
        <TextareaField form={form} name="narrative" rows={6} hint={t("projects.form.narrativeHint")} />
      </fieldset>
    </>
  );
}
