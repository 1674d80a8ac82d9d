import { useTranslation } from "react-i18next";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { Field } from "~/components/ui/form";

/** A <select> wired to react-hook-form inside the shared <Field> (label, error message). */
export function SelectField<T extends FieldValues>({
  form,
  name,
  label,
  options,
  placeholder,
  disabled,
  hint,
}: {
  form: UseFormReturn<T>;
  name: Path<T>;
  label: string;
  options: { value: string; label: string }[];
  placeholder?: string;
  disabled?: boolean;
  hint?: string;
}) {
  const { t } = useTranslation();
  const id = `field-${name}`;
  const error = form.formState.errors[name]?.message;
  return (
    <Field form={form} name={name} label={label} hint={hint}>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        disabled={disabled}
        {...form.register(name)}
      >
        {placeholder !== undefined ? <option value="">{placeholder || t("admin.choose")}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
