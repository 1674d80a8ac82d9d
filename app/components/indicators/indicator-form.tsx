import { Form } from "@remix-run/react";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { ConflictNotice } from "~/components/ui/conflict-notice";
import { useRemixForm } from "~/components/ui/form";
import { useActionAnswer, useConflictVersion, useSubmittingIntent } from "~/components/ui/form-hooks";
import { FormMessage } from "~/components/ui/form-message";
import { conflictIn, fieldErrorsIn } from "~/lib/action-result";
import { dayOrNull } from "~/lib/dates";
import { IndicatorCreateSchema, indicatorEditSchema, type IndicatorForm as FormValues } from "~/schemas/indicator";
import {
  IdentityFields,
  InterimTargets,
  ReportingFields,
  TargetFields,
  type IndicatorFormApi,
} from "./indicator-form-sections";

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

const day = (iso: string | null) => dayOrNull(iso) ?? "";
const num = (value: number | null) => (value === null ? "" : String(value));

const NEW_INDICATOR: FormValues = {
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
};

/** What the form starts with: the indicator as it is (every input a string), or a blank new one. */
function defaultValuesFor(indicator: EditableIndicator | undefined): FormValues {
  if (!indicator) return NEW_INDICATOR;
  return {
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
  };
}

/**
 * Defines (intent "create") or edits (intent "edit") an indicator, with its interim targets. Editing an end
 * target that is already set is a formal revision and asks for a note; the original target is kept.
 */
export function IndicatorForm({ indicator }: { indicator?: EditableIndicator }) {
  const { t } = useTranslation();
  const intent = indicator ? "edit" : "create";
  const answer = useActionAnswer(intent);
  const schema = useMemo(
    () => (indicator ? indicatorEditSchema({ targetValue: indicator.targetValue }) : IndicatorCreateSchema),
    [indicator],
  );
  const { form, onSubmit } = useRemixForm<FormValues>(schema, {
    defaultValues: defaultValuesFor(indicator),
    serverErrors: fieldErrorsIn(answer),
  });
  const { setValue } = form;
  const takeVersion = useCallback((version: number) => setValue("version", String(version)), [setValue]);
  useConflictVersion(answer?.status === "conflict" ? answer.version : null, takeVersion);
  const submitting = useSubmittingIntent(intent);
  const api: IndicatorFormApi = {
    form,
    invalid: (name: string) => (name in form.formState.errors ? true : undefined),
  };
  const title = indicator ? t("workflow.indicator.edit") : t("workflow.indicators.new");
  const submitLabel = indicator
    ? t(submitting ? "common.actions.saving" : "workflow.indicator.save")
    : t(submitting ? "workflow.indicators.creating" : "workflow.indicators.create");

  return (
    <details className="panel" open={answer ? true : undefined}>
      <summary>
        <strong>{title}</strong>
      </summary>
      <ConflictNotice
        current={conflictIn(answer)}
        labels={{
          name: t("workflow.indicators.fields.name"),
          unit: t("workflow.indicators.fields.unit"),
          targetValue: t("workflow.indicators.fields.targetValue"),
          targetDate: t("workflow.indicators.fields.targetDate"),
          baselineValue: t("workflow.indicators.fields.baselineValue"),
        }}
      />
      <FormMessage answer={answer} />
      <Form method="post" className="stack indicator-form" onSubmit={onSubmit} noValidate aria-label={title}>
        <input type="hidden" name="intent" value={intent} />
        {indicator ? <input type="hidden" {...form.register("version")} /> : null}
        <IdentityFields api={api} fixedCode={indicator?.code ?? null} />
        <TargetFields api={api} revising={indicator !== undefined} />
        <ReportingFields api={api} />
        <InterimTargets api={api} />
        <div>
          <button type="submit" disabled={submitting}>
            {submitLabel}
          </button>
        </div>
      </Form>
    </details>
  );
}
