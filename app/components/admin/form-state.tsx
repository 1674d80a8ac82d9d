import { useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { Field } from "~/components/ui/form";
import type { AdminActionData } from "./user-edit-forms";

/** Is this form (this intent, and this record when several forms share a page) the one being submitted? */
export function useSubmittingIntent(intent: string, id?: string) {
  const navigation = useNavigation();
  return (
    navigation.state === "submitting" &&
    navigation.formData?.get("intent") === intent &&
    (!id || navigation.formData?.get("id") === id)
  );
}

/** Only the form the action answered (same intent, same record) shows its errors. */
export function answerFor(actionData: AdminActionData, intent: string, id?: string) {
  if (!actionData || actionData.intent !== intent) return undefined;
  if (id && actionData.id !== id) return undefined;
  return actionData;
}

/** After a 409 the form's hidden version becomes the current one, so the next save knowingly applies on top. */
export function useConflictVersion(
  current: Record<string, unknown> | null | undefined,
  setVersion: (version: number) => void,
) {
  const version = current?.version;
  useEffect(() => {
    if (typeof version === "number") setVersion(version);
  }, [version, setVersion]);
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
