import { Form } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { EvidenceFilesField } from "~/components/evidence/evidence-files-field";
import { ConflictNotice } from "~/components/ui/conflict-notice";
import { EvidenceLinksField, Field, useRemixForm } from "~/components/ui/form";
import { DateField } from "~/components/ui/date-field";
import { useActionAnswer, useHydrated, useSubmittingIntent } from "~/components/ui/form-hooks";
import { FormMessage } from "~/components/ui/form-message";
import { useFormat } from "~/i18n/format";
import { conflictIn, fieldErrorsIn } from "~/lib/action-result";
import { dayOrNull } from "~/lib/dates";
import { milestoneUpdateSchema, type MilestoneUpdateForm } from "~/schemas/milestone";
import { StatusSelect } from "./milestone-create-form";

type Returned = {
  id: string;
  version: number;
  proposedStatus: string;
  proposedPercent: number;
  proposedDueDate: string | null;
  dueDateReason: string | null;
  narrative: string;
  evidenceLinks: string[];
  evidenceFiles: Array<{ id: string }>;
};

/**
 * An officer's (or manager's) update: new status, percent, an optional revised date (a later one needs a
 * reason — the same zod rule runs here and in the action), a narrative, evidence links and files. With `returned`
 * it corrects that returned update and resubmits it.
 */
export function MilestoneUpdateForm({
  milestone,
  returned,
  title,
}: {
  milestone: { currentDueDate: string; status: string; percentComplete: number };
  returned?: Returned;
  title: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const intent = returned ? "resubmit" : "submitUpdate";
  const answer = useActionAnswer(intent);
  const schema = useMemo(
    () => milestoneUpdateSchema({ currentDueDate: milestone.currentDueDate }),
    [milestone.currentDueDate],
  );
  const { form, onSubmit } = useRemixForm<MilestoneUpdateForm>(schema, {
    defaultValues: returned
      ? {
          proposedStatus: returned.proposedStatus,
          proposedPercent: String(returned.proposedPercent),
          proposedDueDate: dayOrNull(returned.proposedDueDate) ?? "",
          dueDateReason: returned.dueDateReason ?? "",
          narrative: returned.narrative,
          evidenceLinks: returned.evidenceLinks.join("\n"),
        }
      : {
          proposedStatus: milestone.status,
          proposedPercent: String(milestone.percentComplete),
          proposedDueDate: "",
          dueDateReason: "",
          narrative: "",
          evidenceLinks: "",
        },
    serverErrors: fieldErrorsIn(answer),
  });
  const submitting = useSubmittingIntent(intent);
  const hydrated = useHydrated();
  const invalid = (name: keyof MilestoneUpdateForm) => (form.formState.errors[name] ? true : undefined);
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      className="stack update-form"
      onSubmit={onSubmit}
      noValidate
      aria-label={title}
      data-testid={returned ? "resubmit-form" : "update-form"}
      data-hydrated={hydrated}
    >
      <input type="hidden" name="intent" value={intent} />
      {returned ? (
        <>
          <input type="hidden" name="updateId" value={returned.id} />
          <input type="hidden" name="version" value={returned.version} />
        </>
      ) : null}
      <FormMessage answer={answer} />
      <ConflictNotice current={conflictIn(answer)} labels={{}} />
      <Field form={form} name="proposedStatus" label={t("workflow.update.fields.proposedStatus")}>
        <StatusSelect
          id="field-proposedStatus"
          aria-invalid={invalid("proposedStatus")}
          {...form.register("proposedStatus")}
        />
      </Field>
      <Field
        form={form}
        name="proposedPercent"
        type="number"
        min={0}
        max={100}
        step={1}
        inputMode="numeric"
        label={t("workflow.update.fields.proposedPercent")}
      />
      <DateField
        form={form}
        name="proposedDueDate"
        label={t("workflow.update.fields.proposedDueDate")}
        hint={t("workflow.update.fields.proposedDueDateHint", { date: format.date(milestone.currentDueDate) })}
      />
      <Field form={form} name="dueDateReason" label={t("workflow.update.fields.dueDateReason")}>
        <textarea
          id="field-dueDateReason"
          rows={2}
          aria-invalid={invalid("dueDateReason")}
          {...form.register("dueDateReason")}
        />
      </Field>
      <Field form={form} name="narrative" label={t("workflow.update.fields.narrative")}>
        <textarea id="field-narrative" rows={4} {...form.register("narrative")} />
      </Field>
      <EvidenceLinksField form={form} label={t("workflow.update.fields.evidenceLinks")} />
      <EvidenceFilesField
        serverError={fieldErrorsIn(answer)?.evidenceFiles}
        keptCount={returned?.evidenceFiles.length ?? 0}
      />
      <div>
        <button type="submit" disabled={submitting}>
          {submitting
            ? t("common.actions.submitting")
            : returned
              ? t("workflow.milestone.resubmit")
              : t("workflow.milestone.submit")}
        </button>
      </div>
    </Form>
  );
}
