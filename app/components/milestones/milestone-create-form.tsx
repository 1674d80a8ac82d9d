import { Form } from "@remix-run/react";
import { forwardRef } from "react";
import { useTranslation } from "react-i18next";
import { Field, useRemixForm } from "~/components/ui/form";
import { DateField } from "~/components/ui/date-field";
import { useActionAnswer, useSubmittingIntent } from "~/components/ui/form-hooks";
import { fieldErrorsIn } from "~/lib/action-result";
import { MILESTONE_STATUSES, MilestoneCreateSchema, type MilestoneCreateForm as FormValues } from "~/schemas/milestone";

export type OwnerOption = { id: string; name: string };

type SelectProps = React.SelectHTMLAttributes<HTMLSelectElement> & { id: string };

/** A select of the project's team (react-hook-form's register needs the ref on the <select>). */
export const OwnerSelect = forwardRef<HTMLSelectElement, SelectProps & { owners: OwnerOption[] }>(function OwnerSelect(
  { owners, ...rest },
  ref,
) {
  const { t } = useTranslation();
  return (
    <select ref={ref} {...rest}>
      <option value="">{t("workflow.milestones.fields.noOwner")}</option>
      {owners.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </select>
  );
});

export const StatusSelect = forwardRef<HTMLSelectElement, SelectProps>(function StatusSelect(props, ref) {
  const { t } = useTranslation();
  return (
    <select ref={ref} {...props}>
      {MILESTONE_STATUSES.map((s) => (
        <option key={s} value={s}>
          {t(`domain.milestoneStatus.${s}`)}
        </option>
      ))}
    </select>
  );
});

/** Managers add a milestone: its baseline due date is also its first current due date. */
export function MilestoneCreateForm({ owners }: { owners: OwnerOption[] }) {
  const { t } = useTranslation();
  const answer = useActionAnswer("create");
  const { form, onSubmit } = useRemixForm<FormValues>(MilestoneCreateSchema, {
    defaultValues: { title: "", description: "", baselineDueDate: "", ownerId: "", status: "NOT_STARTED" },
    serverErrors: fieldErrorsIn(answer),
  });
  const submitting = useSubmittingIntent("create");
  const error = (name: keyof FormValues) => (form.formState.errors[name] ? true : undefined);
  return (
    <details className="panel" open={answer ? true : undefined}>
      <summary>
        <strong>{t("workflow.milestones.new")}</strong>
      </summary>
      <Form method="post" className="stack" onSubmit={onSubmit} noValidate aria-label={t("workflow.milestones.new")}>
        <input type="hidden" name="intent" value="create" />
        <Field form={form} name="title" label={t("workflow.milestones.fields.title")} maxLength={200} />
        <Field form={form} name="description" label={t("workflow.milestones.fields.description")}>
          <textarea id="field-description" rows={3} {...form.register("description")} />
        </Field>
        <DateField
          form={form}
          name="baselineDueDate"
          label={t("workflow.milestones.fields.baselineDueDate")}
          hint={t("workflow.milestones.fields.baselineHint")}
        />
        <Field form={form} name="ownerId" label={t("workflow.milestones.fields.owner")}>
          <OwnerSelect
            id="field-ownerId"
            owners={owners}
            aria-invalid={error("ownerId")}
            {...form.register("ownerId")}
          />
        </Field>
        <Field form={form} name="status" label={t("workflow.milestones.fields.status")}>
          <StatusSelect id="field-status" aria-invalid={error("status")} {...form.register("status")} />
        </Field>
        <div>
          <button type="submit" disabled={submitting}>
            {submitting ? t("workflow.milestones.creating") : t("workflow.milestones.create")}
          </button>
        </div>
      </Form>
    </details>
  );
}
