import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormMessage } from "~/components/ui/form-message";
import type { ActionResult } from "~/lib/action-result";

type Answer =
  | ActionResult
  | { intent: string; status: "planned"; checked: string; summary: { write: number; errors: number } }
  | { intent: string; status: "applied" };

/**
 * One form for both steps: "Check the file" asks for the dry run; once it has no errors, "Submit for review" sends
 * the same file again with the fingerprint of the one that was checked (choosing another file hides the button).
 */
export function UploadForm({ answer, query }: { answer: Answer | null; query: string }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const planned = answer?.status === "planned" ? answer : null;
  // Another file chosen after the check: it must be checked before it can be submitted.
  // Another file chosen after a check: the check it answered no longer holds (a new check gives a new answer).
  const [staleAnswer, setStaleAnswer] = useState<Answer | null>(null);
  const stale = staleAnswer !== null && staleAnswer === answer;
  const busy = navigation.state === "submitting" ? String(navigation.formData?.get("intent") ?? "") : null;
  const canApply = planned !== null && planned.summary.errors === 0 && planned.summary.write > 0 && !stale;
  const refused = answer?.status === "refused" ? answer : null;
  return (
    <section className="panel" aria-labelledby="upload-title">
      <h2 id="upload-title">{t("import.upload.title")}</h2>
      <p>{t("import.upload.description")}</p>
      <Form method="post" action={`/import${query}`} encType="multipart/form-data" className="stack" replace>
        <label htmlFor="import-file">{t("import.upload.file")}</label>
        <input
          id="import-file"
          name="file"
          type="file"
          required
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          onChange={() => setStaleAnswer(answer)}
          data-testid="import-file"
        />
        {planned ? <input type="hidden" name="checked" value={planned.checked} /> : null}
        <FormMessage answer={refused} />
        <div className="actions">
          <button type="submit" name="intent" value="check" disabled={busy !== null} data-testid="import-check">
            {busy === "check" ? t("import.upload.checking") : t("import.upload.check")}
          </button>
          {canApply ? (
            <button
              type="submit"
              name="intent"
              value="apply"
              className="primary"
              disabled={busy !== null}
              data-testid="import-apply"
            >
              {busy === "apply" ? t("import.upload.applying") : t("import.upload.apply")}
            </button>
          ) : null}
        </div>
      </Form>
    </section>
  );
}
