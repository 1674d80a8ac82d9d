import type { ReactNode } from "react";
import type { UseFormReturn } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { useLabel } from "~/i18n/keys";
import { messageKey, type TranslationKey } from "~/i18n/keys";
import { useLocalizedName } from "~/i18n/use-localized-name";
import type { LocalizedName } from "~/lib/localized-name";
import { Field } from "~/components/ui/form";
import { DateField } from "~/components/ui/date-field";
import { INSTRUMENTS, PROJECT_STATUSES, type ProjectFormValues } from "~/schemas/project";

export type ProjectFormOptions = {
  institutions: readonly string[];
  /** Institution and implementing agency shown read-only (only an administrator moves a project). */
  locked?: boolean;
  agencies: ({ id: string } & LocalizedName)[];
  frameworks: ({
    id: string;
    code: string;
    priorityAreas: ({ id: string; code: string } & LocalizedName)[];
  } & LocalizedName)[];
};

type FieldName = keyof ProjectFormValues;

/** Label keys per form field (also used to name fields in the conflict message). */
export const PROJECT_FIELD_LABELS: Record<FieldName | "archivedAt", TranslationKey> = {
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
      {t(messageKey(error))}
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

/**
 * Institution and implementing agency: chosen from what the actor may set, or — when only an administrator could
 * change them — shown as text, with the stored values posted unchanged.
 */
function PlacementField({
  form,
  name,
  options,
}: {
  form: UseFormReturn<ProjectFormValues>;
  name: "institution" | "implementingAgencyId";
  options: ProjectFormOptions;
}) {
  const { t } = useTranslation();
  const codeLabel = useLabel();
  const ln = useLocalizedName();
  const describe = (value: string) => {
    if (name === "institution") return codeLabel("domain.institution", value);
    const agency = options.agencies.find((a) => a.id === value);
    return agency ? ln(agency) : value;
  };
  if (options.locked) {
    return (
      <div className="field">
        <label htmlFor={`field-${name}`}>{t(PROJECT_FIELD_LABELS[name])}</label>
        <input
          id={`field-${name}`}
          readOnly
          value={describe(form.watch(name))}
          aria-describedby="placement-locked"
          data-testid={`locked-${name}`}
        />
        <input type="hidden" {...form.register(name)} />
      </div>
    );
  }
  return (
    <SelectField form={form} name={name}>
      {name === "implementingAgencyId" ? <option value="">{t("projects.form.choose")}</option> : null}
      {(name === "institution" ? options.institutions : options.agencies.map((a) => a.id)).map((value) => (
        <option key={value} value={value}>
          {describe(value)}
        </option>
      ))}
    </SelectField>
  );
}

function IdentityFields({ form, options }: { form: UseFormReturn<ProjectFormValues>; options: ProjectFormOptions }) {
  const { t } = useTranslation();
  const ln = useLocalizedName();
  const label = (name: FieldName) => t(PROJECT_FIELD_LABELS[name]);
  return (
    <fieldset>
      <legend>{t("projects.form.identity")}</legend>
      <div className="form-grid">
        <Field form={form} name="code" label={label("code")} hint={t("projects.form.codeHint")} autoComplete="off" />
        <PlacementField form={form} name="institution" options={options} />
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
        <PlacementField form={form} name="implementingAgencyId" options={options} />
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
      {options.locked ? (
        <p className="muted small" id="placement-locked">
          {t("projects.form.placementLocked")}
        </p>
      ) : null}
      <TextareaField form={form} name="description" rows={3} />
    </fieldset>
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
  const label = (name: FieldName) => t(PROJECT_FIELD_LABELS[name]);
  return (
    <>
      <IdentityFields form={form} options={options} />
      <fieldset>
        <legend>{t("projects.overview.keyDates")}</legend>
        <div className="form-grid">
          <DateField form={form} name="approvalDate" label={label("approvalDate")} />
          <DateField form={form} name="effectivenessDate" label={label("effectivenessDate")} />
          <DateField form={form} name="mtrPlannedDate" label={label("mtrPlannedDate")} />
          <DateField form={form} name="mtrActualDate" label={label("mtrActualDate")} />
          <DateField form={form} name="closingOriginalDate" label={label("closingOriginalDate")} />
          <DateField form={form} name="closingRevisedDate" label={label("closingRevisedDate")} />
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

/**
 * Moving a project to another institution or implementing agency needs a reason (kept in the audit event):
 * asked of an administrator only once the form's institution or agency differs from the stored one.
 */
export function ReassignReasonField({
  form,
  stored,
  error,
}: {
  form: UseFormReturn<ProjectFormValues>;
  stored: { institution: string; implementingAgencyId: string };
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const [institution, agency] = form.watch(["institution", "implementingAgencyId"]);
  if (institution === stored.institution && agency === stored.implementingAgencyId) return null;
  return (
    <div className="field">
      <label htmlFor="field-reassignReason">{t("projects.form.reassignReason")}</label>
      <textarea
        id="field-reassignReason"
        name="reassignReason"
        rows={2}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "field-reassignReason-error" : "field-reassignReason-hint"}
        data-testid="reassign-reason"
      />
      <small className="muted" id="field-reassignReason-hint">
        {t("projects.form.reassignHint")}
      </small>
      {error ? (
        <p className="field-error" id="field-reassignReason-error" role="alert">
          {t(messageKey(error))}
        </p>
      ) : null}
    </div>
  );
}
