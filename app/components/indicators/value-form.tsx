import { Form } from "@remix-run/react";
import { EvidenceFilesField } from "~/components/evidence/evidence-files-field";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { EvidenceLinksField, Field, useRemixForm } from "~/components/ui/form";
import { useActionAnswer, useHydrated, useSubmittingIntent } from "~/components/ui/form-hooks";
import { FormMessage } from "~/components/ui/form-message";
import { messageKey } from "~/i18n/keys";
import { useFormat } from "~/i18n/format";
import { fieldErrorsIn } from "~/lib/action-result";
import {
  nextReportablePeriod,
  periodForDays,
  REPORTING_GRACE_DAYS,
  reportableFrom,
  reportablePeriods,
  type PeriodRules,
} from "~/lib/periods";
import { indicatorValueSchema, type IndicatorValueForm } from "~/schemas/indicator";
import { usePeriodLabel } from "./period-label";

/** A value to start from: the officer's returned value being corrected. */
export type ValueDraft = {
  periodStart: string;
  periodEnd: string;
  value: number;
  comment: string;
  evidenceLinks: string[];
};

/**
 * An officer (team member) or manager reports a value for one period picked from the indicator's periods, with a
 * comment and evidence links. With `draft` it starts from a returned value (correct and resubmit).
 */
export function ValueForm({
  unit,
  rules,
  taken,
  draft,
  submitLabel,
}: {
  unit: string;
  rules: PeriodRules;
  /** Period ends (`YYYY-MM-DD`) that already have a value awaiting review or verified. */
  taken: string[];
  draft?: ValueDraft | null;
  submitLabel?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const periodLabel = usePeriodLabel();
  const answer = useActionAnswer("report");
  const schema = useMemo(() => indicatorValueSchema(rules), [rules]);
  const periods = useMemo(() => reportablePeriods(rules), [rules]);
  const upcoming = useMemo(() => nextReportablePeriod(rules), [rules]);
  const draftPeriod = draft ? periodForDays(rules.frequency, draft.periodStart, draft.periodEnd) : null;
  const { form, onSubmit } = useRemixForm<IndicatorValueForm>(schema, {
    defaultValues: draft
      ? {
          period: draftPeriod && periods.some((p) => p.key === draftPeriod.key) ? draftPeriod.key : "",
          value: String(draft.value),
          comment: draft.comment,
          evidenceLinks: draft.evidenceLinks.join("\n"),
        }
      : { period: "", value: "", comment: "", evidenceLinks: "" },
    serverErrors: fieldErrorsIn(answer),
  });
  const submitting = useSubmittingIntent("report");
  const hydrated = useHydrated();
  const periodError = form.formState.errors.period?.message;
  const takenSet = new Set(taken);
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      className="stack"
      onSubmit={onSubmit}
      noValidate
      aria-label={submitLabel ?? t("workflow.indicator.report")}
      data-testid="value-form"
      data-hydrated={hydrated}
    >
      <input type="hidden" name="intent" value="report" />
      <FormMessage answer={answer} />
      <div className="field">
        <label htmlFor="field-period">{t("forms.period.label")}</label>
        <select
          id="field-period"
          aria-invalid={periodError ? true : undefined}
          aria-describedby={`field-period-hint${periodError ? " field-period-error" : ""}`}
          {...form.register("period")}
        >
          <option value="">{periods.length === 0 ? t("forms.period.noneYet") : t("forms.period.choose")}</option>
          {periods.map((p) => {
            const label = periodLabel(p);
            // A value awaiting review or verified covers the period; the server refuses a second one.
            const isTaken = takenSet.has(p.end) && p.key !== draftPeriod?.key;
            return (
              <option key={p.key} value={p.key} disabled={isTaken}>
                {isTaken ? t("forms.period.taken", { period: label }) : label}
              </option>
            );
          })}
        </select>
        <small className="muted" id="field-period-hint">
          {t("forms.period.hint", { count: REPORTING_GRACE_DAYS })}
          {upcoming
            ? ` ${t("forms.period.opens", { period: periodLabel(upcoming), date: format.date(reportableFrom(upcoming)) })}`
            : null}
        </small>
        {typeof periodError === "string" ? (
          <p className="field-error" id="field-period-error" role="alert">
            {t(messageKey(periodError))}
          </p>
        ) : null}
      </div>
      <Field form={form} name="value" inputMode="decimal" label={`${t("workflow.indicator.fields.value")} (${unit})`} />
      <Field form={form} name="comment" label={t("workflow.indicator.fields.comment")}>
        <textarea id="field-comment" rows={3} {...form.register("comment")} />
      </Field>
      <EvidenceLinksField form={form} label={t("workflow.indicator.fields.evidenceLinks")} />
      <EvidenceFilesField serverError={fieldErrorsIn(answer)?.evidenceFiles} />
      <div>
        <button type="submit" disabled={submitting}>
          {submitting ? t("common.actions.submitting") : (submitLabel ?? t("workflow.indicator.reportSubmit"))}
        </button>
      </div>
    </Form>
  );
}
