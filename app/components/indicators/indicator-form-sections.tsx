import { forwardRef } from "react";
import { useFieldArray, type UseFormReturn } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Field } from "~/components/ui/form";
import { DateField } from "~/components/ui/date-field";
import {
  INDICATOR_FREQUENCIES,
  INDICATOR_MEASURES,
  INDICATOR_TYPES,
  type IndicatorForm as FormValues,
} from "~/schemas/indicator";

/** The parts of the indicator form share its react-hook-form instance and its "is this field invalid" test. */
export type IndicatorFormApi = {
  form: UseFormReturn<FormValues>;
  invalid: (name: string) => true | undefined;
};

type SelectProps = React.SelectHTMLAttributes<HTMLSelectElement> & {
  id: string;
  options: { value: string; label: string }[];
};

const Select = forwardRef<HTMLSelectElement, SelectProps>(function Select({ options, ...rest }, ref) {
  return (
    <select ref={ref} {...rest}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
});

/** Code (fixed once the indicator exists), name, type, measure, unit and direction. */
export function IdentityFields({
  api: { form, invalid },
  fixedCode,
}: {
  api: IndicatorFormApi;
  fixedCode: string | null;
}) {
  const { t } = useTranslation();
  return (
    <>
      {fixedCode !== null ? (
        <p className="muted">
          {t("workflow.indicators.fields.code")}: <strong>{fixedCode}</strong>
        </p>
      ) : (
        <Field form={form} name="code" label={t("workflow.indicators.fields.code")} maxLength={32} />
      )}
      <Field form={form} name="name" label={t("workflow.indicators.fields.name")} maxLength={300} />
      <div className="wf-pair">
        <Field form={form} name="type" label={t("workflow.indicators.fields.type")}>
          <Select
            id="field-type"
            aria-invalid={invalid("type")}
            options={INDICATOR_TYPES.map((v) => ({ value: v, label: t(`domain.indicatorType.${v}`) }))}
            {...form.register("type")}
          />
        </Field>
        <Field form={form} name="measure" label={t("workflow.indicators.fields.measure")}>
          <Select
            id="field-measure"
            aria-invalid={invalid("measure")}
            options={INDICATOR_MEASURES.map((v) => ({ value: v, label: t(`domain.measure.${v}`) }))}
            {...form.register("measure")}
          />
        </Field>
      </div>
      <div className="wf-pair">
        <Field form={form} name="unit" label={t("workflow.indicators.fields.unit")} maxLength={60} />
        <Field form={form} name="ascending" label={t("workflow.indicators.fields.ascending")}>
          <Select
            id="field-ascending"
            aria-invalid={invalid("ascending")}
            options={[
              { value: "true", label: t("workflow.indicators.fields.ascendingTrue") },
              { value: "false", label: t("workflow.indicators.fields.ascendingFalse") },
            ]}
            {...form.register("ascending")}
          />
        </Field>
      </div>
    </>
  );
}

/** Baseline and end target; when `revising` an existing indicator, the note a changed target needs. */
export function TargetFields({ api: { form, invalid }, revising }: { api: IndicatorFormApi; revising: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="wf-pair">
        <Field
          form={form}
          name="baselineValue"
          inputMode="decimal"
          label={t("workflow.indicators.fields.baselineValue")}
        />
        <DateField form={form} name="baselineDate" label={t("workflow.indicators.fields.baselineDate")} />
      </div>
      <div className="wf-pair">
        <Field form={form} name="targetValue" inputMode="decimal" label={t("workflow.indicators.fields.targetValue")} />
        <DateField form={form} name="targetDate" label={t("workflow.indicators.fields.targetDate")} />
      </div>
      {revising ? (
        <Field
          form={form}
          name="revisionNote"
          label={t("workflow.indicators.fields.revisionNote")}
          hint={t("workflow.indicators.fields.revisionNoteHint")}
        >
          <textarea
            id="field-revisionNote"
            rows={2}
            aria-invalid={invalid("revisionNote")}
            {...form.register("revisionNote")}
          />
        </Field>
      ) : null}
    </>
  );
}

/** How often the indicator is reported, where the data comes from and who reports it. */
export function ReportingFields({ api: { form, invalid } }: { api: IndicatorFormApi }) {
  const { t } = useTranslation();
  return (
    <>
      <Field form={form} name="frequency" label={t("workflow.indicators.fields.frequency")}>
        <Select
          id="field-frequency"
          aria-invalid={invalid("frequency")}
          options={INDICATOR_FREQUENCIES.map((v) => ({ value: v, label: t(`workflow.indicators.frequency.${v}`) }))}
          {...form.register("frequency")}
        />
      </Field>
      <Field form={form} name="dataSource" label={t("workflow.indicators.fields.dataSource")} maxLength={300} />
      <Field
        form={form}
        name="responsibleAgency"
        label={t("workflow.indicators.fields.responsibleAgency")}
        maxLength={300}
      />
    </>
  );
}

/** Interim targets: rows of (period end, value) the user adds and removes. */
export function InterimTargets({ api: { form } }: { api: IndicatorFormApi }) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "targets" });
  return (
    <fieldset className="targets-fieldset">
      <legend>{t("workflow.indicators.fields.targets")}</legend>
      <p className="muted">{t("workflow.indicators.fields.targetsHint")}</p>
      {fields.length === 0 ? <p className="muted">{t("workflow.indicators.fields.noTargets")}</p> : null}
      {fields.map((row, index) => (
        <TargetRow key={row.id} form={form} index={index} onRemove={() => remove(index)} />
      ))}
      <button type="button" className="button secondary" onClick={() => append({ periodEnd: "", value: "" })}>
        {t("workflow.indicators.fields.addTarget")}
      </button>
    </fieldset>
  );
}

function TargetRow({
  form,
  index,
  onRemove,
}: {
  form: UseFormReturn<FormValues>;
  index: number;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const targetErrors = form.formState.errors.targets;
  const rowErrors = Array.isArray(targetErrors) ? targetErrors[index] : undefined;
  return (
    <div className="target-row" data-testid="target-row">
      <DateField form={form} name={`targets.${index}.periodEnd`} label={t("workflow.indicators.fields.periodEnd")} />
      <div className="field">
        <label htmlFor={`targets-${index}-value`}>{t("workflow.indicators.fields.value")}</label>
        <input
          id={`targets-${index}-value`}
          inputMode="decimal"
          aria-invalid={rowErrors?.value ? true : undefined}
          {...form.register(`targets.${index}.value`)}
        />
        {rowErrors?.value?.message ? (
          <p className="field-error" role="alert">
            {t(rowErrors.value.message)}
          </p>
        ) : null}
      </div>
      <button type="button" className="button secondary" onClick={onRemove}>
        {t("workflow.indicators.fields.removeTarget", { n: index + 1 })}
      </button>
    </div>
  );
}
