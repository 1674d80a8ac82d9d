import { Form } from "@remix-run/react";
import { forwardRef, useEffect, useMemo } from "react";
import { useFieldArray } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ConflictNotice, FormError, useSubmittingIntent } from "~/components/reviews/shared";
import { Field, useRemixForm } from "~/components/ui/form";
import {
  INDICATOR_FREQUENCIES,
  INDICATOR_MEASURES,
  INDICATOR_TYPES,
  IndicatorCreateSchema,
  indicatorEditSchema,
  type IndicatorForm as FormValues,
} from "~/schemas/indicator";
import type { WorkflowActionData } from "~/schemas/review";

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

export type EditableIndicator = {
  code: string;
  version: number;
  name: string;
  type: string;
  unit: string;
  measure: string;
  ascending: boolean;
  baselineValue: number | null;
  baselineDate: string | null;
  targetValue: number | null;
  targetDate: string | null;
  frequency: string;
  dataSource: string;
  responsibleAgency: string;
  targets: { periodEnd: string; value: number }[];
};

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "");
const num = (value: number | null) => (value === null ? "" : String(value));

/**
 * Defines (intent "create") or edits (intent "edit") an indicator, with its interim targets. Editing an end
 * target that is already set is a formal revision and asks for a note; the original target is kept.
 */
export function IndicatorForm({
  indicator,
  answer,
  open,
}: {
  indicator?: EditableIndicator;
  answer: WorkflowActionData | null;
  open: boolean;
}) {
  const { t } = useTranslation();
  const intent = indicator ? "edit" : "create";
  const schema = useMemo(
    () => (indicator ? indicatorEditSchema({ targetValue: indicator.targetValue }) : IndicatorCreateSchema),
    [indicator],
  );
  const { form, onSubmit } = useRemixForm<FormValues>(schema, {
    defaultValues: indicator
      ? {
          version: String(indicator.version),
          name: indicator.name,
          type: indicator.type,
          unit: indicator.unit,
          measure: indicator.measure,
          ascending: String(indicator.ascending),
          baselineValue: num(indicator.baselineValue),
          baselineDate: day(indicator.baselineDate),
          targetValue: num(indicator.targetValue),
          targetDate: day(indicator.targetDate),
          frequency: indicator.frequency,
          dataSource: indicator.dataSource,
          responsibleAgency: indicator.responsibleAgency,
          revisionNote: "",
          targets: indicator.targets.map((row) => ({ periodEnd: day(row.periodEnd), value: String(row.value) })),
        }
      : {
          code: "",
          name: "",
          type: "PDO",
          unit: "",
          measure: "UNIT",
          ascending: "true",
          baselineValue: "",
          baselineDate: "",
          targetValue: "",
          targetDate: "",
          frequency: "ANNUAL",
          dataSource: "",
          responsibleAgency: "",
          targets: [],
        },
    serverErrors: answer?.fieldErrors ?? null,
  });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "targets" });
  const conflictVersion = answer?.conflict?.version;
  const { setValue } = form;
  useEffect(() => {
    if (conflictVersion) setValue("version", String(conflictVersion));
  }, [conflictVersion, setValue]);
  const submitting = useSubmittingIntent(intent);
  const invalid = (name: string) => (name in form.formState.errors ? true : undefined);
  const title = indicator ? t("workflow.indicator.edit") : t("workflow.indicators.new");
  const targetErrors = form.formState.errors.targets;

  return (
    <details className="panel" open={open || undefined}>
      <summary>
        <strong>{title}</strong>
      </summary>
      <ConflictNotice
        answer={answer}
        labels={{
          name: t("workflow.indicators.fields.name"),
          unit: t("workflow.indicators.fields.unit"),
          targetValue: t("workflow.indicators.fields.targetValue"),
          targetDate: t("workflow.indicators.fields.targetDate"),
          baselineValue: t("workflow.indicators.fields.baselineValue"),
        }}
      />
      <FormError answer={answer} />
      <Form method="post" className="stack indicator-form" onSubmit={onSubmit} noValidate aria-label={title}>
        <input type="hidden" name="intent" value={intent} />
        {indicator ? (
          <>
            <input type="hidden" {...form.register("version")} />
            <p className="muted">
              {t("workflow.indicators.fields.code")}: <strong>{indicator.code}</strong>
            </p>
          </>
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
        <div className="wf-pair">
          <Field
            form={form}
            name="baselineValue"
            inputMode="decimal"
            label={t("workflow.indicators.fields.baselineValue")}
          />
          <Field form={form} name="baselineDate" type="date" label={t("workflow.indicators.fields.baselineDate")} />
        </div>
        <div className="wf-pair">
          <Field
            form={form}
            name="targetValue"
            inputMode="decimal"
            label={t("workflow.indicators.fields.targetValue")}
          />
          <Field form={form} name="targetDate" type="date" label={t("workflow.indicators.fields.targetDate")} />
        </div>
        {indicator ? (
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
        <fieldset className="targets-fieldset">
          <legend>{t("workflow.indicators.fields.targets")}</legend>
          <p className="muted">{t("workflow.indicators.fields.targetsHint")}</p>
          {fields.length === 0 ? <p className="muted">{t("workflow.indicators.fields.noTargets")}</p> : null}
          {fields.map((row, index) => {
            const rowErrors = Array.isArray(targetErrors) ? targetErrors[index] : undefined;
            return (
              <div key={row.id} className="target-row" data-testid="target-row">
                <div className="field">
                  <label htmlFor={`targets-${index}-periodEnd`}>{t("workflow.indicators.fields.periodEnd")}</label>
                  <input
                    id={`targets-${index}-periodEnd`}
                    type="date"
                    aria-invalid={rowErrors?.periodEnd ? true : undefined}
                    {...form.register(`targets.${index}.periodEnd`)}
                  />
                  {rowErrors?.periodEnd?.message ? (
                    <p className="field-error" role="alert">
                      {t(rowErrors.periodEnd.message)}
                    </p>
                  ) : null}
                </div>
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
                <button type="button" className="button secondary" onClick={() => remove(index)}>
                  {t("workflow.indicators.fields.removeTarget", { n: index + 1 })}
                </button>
              </div>
            );
          })}
          <button type="button" className="button secondary" onClick={() => append({ periodEnd: "", value: "" })}>
            {t("workflow.indicators.fields.addTarget")}
          </button>
        </fieldset>
        <div>
          <button type="submit" disabled={submitting}>
            {submitting
              ? indicator
                ? t("common.actions.saving")
                : t("workflow.indicators.creating")
              : indicator
                ? t("workflow.indicator.save")
                : t("workflow.indicators.create")}
          </button>
        </div>
      </Form>
    </details>
  );
}
