import { useTranslation } from "react-i18next";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { Field } from "~/components/ui/form";
import type { ActionResult } from "~/lib/action-result";

/** The version a 409 answer carries: the admin forms take it, so saving again knowingly applies on top. */
export function conflictVersionOf(answer: ActionResult<unknown> | null): number | null {
  return answer?.status === "conflict" ? answer.version : null;
}

/** The optional Russian and Kazakh names of an organisation, framework or priority area. */
export function TranslatedNameFields<T extends FieldValues>({ form }: { form: UseFormReturn<T> }) {
  const { t } = useTranslation();
  return (
    <>
      <Field
        form={form}
        name={"nameRu" as Path<T>}
        label={t("admin.fields.nameRu")}
        hint={t("admin.fields.translatedNameHint")}
      />
      <Field
        form={form}
        name={"nameKk" as Path<T>}
        label={t("admin.fields.nameKk")}
        hint={t("admin.fields.translatedNameHint")}
      />
    </>
  );
}
