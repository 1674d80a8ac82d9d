import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EvidenceLinksField, Field, useRemixForm } from "~/components/ui/form";
import { useActionAnswer, useHydrated, useSubmittingIntent } from "~/components/ui/form-hooks";
import { FormMessage } from "~/components/ui/form-message";
import { fieldErrorsIn } from "~/lib/action-result";
import { IndicatorValueSchema, type IndicatorValueForm } from "~/schemas/indicator";

/** An officer (team member) or manager reports a value for one period, with a comment and evidence links. */
export function ValueForm({ unit }: { unit: string }) {
  const { t } = useTranslation();
  const answer = useActionAnswer("report");
  const { form, onSubmit } = useRemixForm<IndicatorValueForm>(IndicatorValueSchema, {
    defaultValues: { periodStart: "", periodEnd: "", value: "", comment: "", evidenceLinks: "" },
    serverErrors: fieldErrorsIn(answer),
  });
  const submitting = useSubmittingIntent("report");
  const hydrated = useHydrated();
  return (
    <Form
      method="post"
      className="stack"
      onSubmit={onSubmit}
      noValidate
      aria-label={t("workflow.indicator.report")}
      data-testid="value-form"
      data-hydrated={hydrated}
    >
      <input type="hidden" name="intent" value="report" />
      <FormMessage answer={answer} />
      <div className="wf-pair">
        <Field form={form} name="periodStart" type="date" label={t("workflow.indicator.fields.periodStart")} />
        <Field form={form} name="periodEnd" type="date" label={t("workflow.indicator.fields.periodEnd")} />
      </div>
      <Field form={form} name="value" inputMode="decimal" label={`${t("workflow.indicator.fields.value")} (${unit})`} />
      <Field form={form} name="comment" label={t("workflow.indicator.fields.comment")}>
        <textarea id="field-comment" rows={3} {...form.register("comment")} />
      </Field>
      <EvidenceLinksField form={form} label={t("workflow.indicator.fields.evidenceLinks")} />
      <div>
        <button type="submit" disabled={submitting}>
          {submitting ? t("common.actions.submitting") : t("workflow.indicator.reportSubmit")}
        </button>
      </div>
    </Form>
  );
}
