import { Form } from "@remix-run/react";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useLabel } from "~/i18n/keys";
import { ConflictNotice } from "~/components/ui/conflict-notice";
import { Field, useRemixForm } from "~/components/ui/form";
import { DateField } from "~/components/ui/date-field";
import { useActionAnswer, useConflictVersion, useSubmittingIntent } from "~/components/ui/form-hooks";
import { FormMessage } from "~/components/ui/form-message";
import { useFormat } from "~/i18n/format";
import { conflictIn, fieldErrorsIn, type ConflictValue } from "~/lib/action-result";
import { dayOf } from "~/lib/dates";
import { milestoneEditSchema, type MilestoneEditForm as FormValues } from "~/schemas/milestone";
import { OwnerSelect, StatusSelect, type OwnerOption } from "./milestone-create-form";

type Editable = {
  title: string;
  description: string;
  ownerId: string | null;
  status: string;
  percentComplete: number;
  baselineDueDate: string;
  currentDueDate: string;
  version: number;
};

/**
 * A manager's edit. The baseline is shown but not editable; moving the current due date asks for a reason.
 * On a 409 the form keeps the user's input, shows the record as it is now, and takes its version so that
 * saving again is a deliberate overwrite.
 */
export function MilestoneEditForm({ milestone, owners }: { milestone: Editable; owners: OwnerOption[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const answer = useActionAnswer("edit");
  const schema = useMemo(
    () => milestoneEditSchema({ currentDueDate: milestone.currentDueDate }),
    [milestone.currentDueDate],
  );
  const { form, onSubmit } = useRemixForm<FormValues>(schema, {
    defaultValues: {
      version: String(milestone.version),
      title: milestone.title,
      description: milestone.description,
      ownerId: milestone.ownerId ?? "",
      status: milestone.status,
      percentComplete: String(milestone.percentComplete),
      currentDueDate: dayOf(milestone.currentDueDate),
      dueDateReason: "",
    },
    serverErrors: fieldErrorsIn(answer),
  });
  const { setValue } = form;
  const takeVersion = useCallback((version: number) => setValue("version", String(version)), [setValue]);
  useConflictVersion(answer?.status === "conflict" ? answer.version : null, takeVersion);
  const submitting = useSubmittingIntent("edit");
  const invalid = (name: keyof FormValues) => (form.formState.errors[name] ? true : undefined);
  return (
    <details className="panel" open={answer ? true : undefined}>
      <summary>
        <strong>{t("workflow.milestone.edit")}</strong>
      </summary>
      <MilestoneConflict current={conflictIn(answer)} owners={owners} />
      <FormMessage answer={answer} />
      <Form method="post" className="stack" onSubmit={onSubmit} noValidate aria-label={t("workflow.milestone.edit")}>
        <input type="hidden" name="intent" value="edit" />
        <input type="hidden" {...form.register("version")} />
        <Field form={form} name="title" label={t("workflow.milestones.fields.title")} maxLength={200} />
        <Field form={form} name="description" label={t("workflow.milestones.fields.description")}>
          <textarea id="field-description" rows={3} {...form.register("description")} />
        </Field>
        <p className="muted">
          {t("workflow.milestones.fields.baselineDueDate")}: <strong>{format.date(milestone.baselineDueDate)}</strong> —{" "}
          {t("workflow.milestone.baselineFixed")}
        </p>
        <DateField form={form} name="currentDueDate" label={t("workflow.milestones.fields.currentDueDate")} />
        <Field
          form={form}
          name="dueDateReason"
          label={t("workflow.milestones.fields.dueDateReason")}
          hint={t("workflow.milestones.fields.dueDateReasonHint")}
        >
          <textarea
            id="field-dueDateReason"
            rows={2}
            aria-invalid={invalid("dueDateReason")}
            {...form.register("dueDateReason")}
          />
        </Field>
        <Field form={form} name="ownerId" label={t("workflow.milestones.fields.owner")}>
          <OwnerSelect
            id="field-ownerId"
            owners={owners}
            aria-invalid={invalid("ownerId")}
            {...form.register("ownerId")}
          />
        </Field>
        <Field form={form} name="status" label={t("workflow.milestones.fields.status")}>
          <StatusSelect id="field-status" aria-invalid={invalid("status")} {...form.register("status")} />
        </Field>
        <Field
          form={form}
          name="percentComplete"
          type="number"
          min={0}
          max={100}
          step={1}
          label={t("workflow.milestones.fields.percentComplete")}
        />
        <div>
          <button type="submit" disabled={submitting}>
            {submitting ? t("common.actions.saving") : t("workflow.milestone.save")}
          </button>
        </div>
      </Form>
    </details>
  );
}

/** The milestone as someone else saved it: statuses, dates and owners shown as people read them. */
function MilestoneConflict({
  current,
  owners,
}: {
  current: Record<string, ConflictValue> | null;
  owners: OwnerOption[];
}) {
  const { t } = useTranslation();
  const codeLabel = useLabel();
  const format = useFormat();
  const labels = {
    title: t("workflow.milestones.fields.title"),
    status: t("workflow.milestones.fields.status"),
    percentComplete: t("workflow.milestones.fields.percentComplete"),
    currentDueDate: t("workflow.milestones.fields.currentDueDate"),
    ownerId: t("workflow.milestones.fields.owner"),
    description: t("workflow.milestones.fields.description"),
  };
  const ownerName = (id: ConflictValue) => owners.find((o) => o.id === id)?.name ?? t("workflow.milestones.noOwner");
  const show = (field: string, value: ConflictValue) =>
    field === "status"
      ? codeLabel("domain.milestoneStatus", String(value))
      : field === "currentDueDate"
        ? format.date(String(value))
        : field === "ownerId"
          ? ownerName(value)
          : value === null || value === ""
            ? "—"
            : String(value);
  return <ConflictNotice current={current} labels={labels} format={show} />;
}
