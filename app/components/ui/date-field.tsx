import { useState } from "react";
import { useWatch, type FieldValues, type Path, type PathValue, type UseFormReturn } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { messageKey } from "~/i18n/keys";
import { useFormat } from "~/i18n/format";
import { isIsoDay } from "~/lib/dates";
import { parseDayInput } from "~/lib/day-input";

/**
 * A day, shown and typed the way Qadam writes dates in the user's language ("31 Dec 2026", "31 дек. 2026"), never in
 * the browser's own order (see docs/decisions/0015-reporting-periods-and-date-fields.md). The form value, and what the server receives in
 * the hidden input, is the `YYYY-MM-DD` day; text that is not a day is kept as typed so the shared schema reports it.
 */
export function DateField<T extends FieldValues>({
  form,
  name,
  label,
  hint,
}: {
  form: UseFormReturn<T>;
  name: Path<T>;
  label: string;
  hint?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const watched: unknown = useWatch({ control: form.control, name });
  const value = typeof watched === "string" ? watched : "";
  const shown = (day: string) => (isIsoDay(day) ? format.date(day) : day);
  const [text, setText] = useState(() => shown(value));
  const [seen, setSeen] = useState(value);
  // A value set from outside (a reset, a conflict's "use theirs") replaces what is shown, unless it is what the
  // person is typing (React's pattern for state that follows a prop: adjust it while rendering).
  if (seen !== value) {
    setSeen(value);
    if ((parseDayInput(text) ?? text.trim()) !== value) setText(shown(value));
  }
  const update = (typed: string) => {
    setText(typed);
    const day = typed.trim() === "" ? "" : (parseDayInput(typed) ?? typed.trim());
    setSeen(day);
    form.setValue(name, day as PathValue<T, Path<T>>, {
      shouldDirty: true,
      shouldValidate: form.formState.isSubmitted,
    });
  };
  const id = `field-${name}`;
  const error = form.getFieldState(name, form.formState).error?.message;
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="text"
        autoComplete="off"
        value={text}
        placeholder={t("forms.date.placeholder")}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => update(event.target.value)}
        onBlur={() => {
          const day = parseDayInput(text);
          if (day) setText(format.date(day));
        }}
      />
      <input type="hidden" {...form.register(name)} />
      <small className="muted" id={`${id}-hint`}>
        {hint ? `${hint} ` : ""}
        {t("forms.date.hint", { example: format.date("2026-12-31") })}
      </small>
      {typeof error === "string" ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {t(messageKey(error))}
        </p>
      ) : null}
    </div>
  );
}
