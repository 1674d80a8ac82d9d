import { Form } from "@remix-run/react";
import { messageKey } from "~/i18n/keys";
import { useTranslation } from "react-i18next";
import { useRemixForm } from "~/components/ui/form";
import { useActionAnswer, useSubmittingIntent } from "~/components/ui/form-hooks";
import { FormMessage } from "~/components/ui/form-message";
import { fieldErrorsIn } from "~/lib/action-result";
import { ArchiveProjectSchema, type ArchiveProjectInput } from "~/schemas/project";

/**
 * Archiving hides the project from lists (its record and history stay); restoring brings it back. Either way the
 * reason goes into the audit event. A refusal (archived or restored meanwhile by someone else) shows above the form.
 */
export function ArchiveForm({ archivedAt }: { archivedAt: string | null }) {
  const { t } = useTranslation();
  const intent = archivedAt ? "restore" : "archive";
  const answer = useActionAnswer(intent);
  const { form, onSubmit } = useRemixForm<ArchiveProjectInput>(ArchiveProjectSchema, {
    defaultValues: { reason: "" },
    serverErrors: fieldErrorsIn(answer),
  });
  const submitting = useSubmittingIntent(intent);
  const error = form.formState.errors.reason?.message;
  return (
    <section className="panel danger-zone" id="archive" aria-labelledby="archive-title">
      <h2 id="archive-title">{t(archivedAt ? "projects.archive.restoreTitle" : "projects.archive.title")}</h2>
      {archivedAt ? <p data-testid="already-archived">{t("projects.archive.already")}</p> : null}
      <FormMessage answer={answer} />
      <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
        <input type="hidden" name="intent" value={intent} />
        <p className="muted">{t(archivedAt ? "projects.archive.restoreExplain" : "projects.archive.explain")}</p>
        <div className="field">
          <label htmlFor="archive-reason">
            {t(archivedAt ? "projects.archive.restoreReason" : "projects.archive.reason")}
          </label>
          <textarea
            id="archive-reason"
            rows={3}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "archive-reason-error" : undefined}
            {...form.register("reason")}
          />
          {typeof error === "string" ? (
            <p className="field-error" id="archive-reason-error" role="alert">
              {t(messageKey(error))}
            </p>
          ) : null}
        </div>
        <div>
          <button
            type="submit"
            className={archivedAt ? "button" : "button danger"}
            disabled={submitting}
            data-testid={archivedAt ? "restore-submit" : "archive-submit"}
          >
            {submitting
              ? t("common.actions.saving")
              : t(archivedAt ? "projects.archive.restoreButton" : "projects.archive.button")}
          </button>
        </div>
      </Form>
    </section>
  );
}
