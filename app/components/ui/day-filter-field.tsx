import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useHydrated } from "~/components/ui/form-hooks";
import { useFormat } from "~/i18n/format";
import { isIsoDay } from "~/lib/dates";
import { parseDayInput } from "~/lib/day-input";

/**
 * A day in a plain GET form (filters, export choices), shown and typed the way Qadam writes dates in the reader's
 * language, like DateField in react-hook-form forms (docs/decisions/0015-reporting-periods-and-date-fields.md).
 * The URL keeps its `YYYY-MM-DD` parameter: once hydrated, a hidden input carries the day read from the text.
 * Before that (or without JavaScript) the text box itself carries the name and the server reads what was typed the
 * same way (the history query schema accepts the typed forms). Text that is not a day holds the form back with a
 * message of ours, so a typo never becomes a 400 page.
 */
export function DayFilterField({
  id,
  name,
  label,
  defaultValue,
}: {
  id: string;
  name: string;
  label: string;
  defaultValue?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const hydrated = useHydrated();
  const input = useRef<HTMLInputElement>(null);
  const initial = defaultValue ?? "";
  const [text, setText] = useState(() => (isIsoDay(initial) ? format.date(initial) : initial));
  const [showError, setShowError] = useState(false);
  const day = text.trim() === "" ? "" : parseDayInput(text);
  const message = t("workflow.errors.dateInvalid");

  useEffect(() => {
    input.current?.setCustomValidity(day === null ? message : "");
  }, [day, message]);

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const error = showError && day === null;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        ref={input}
        id={id}
        type="text"
        name={hydrated ? undefined : name}
        autoComplete="off"
        value={text}
        placeholder={t("forms.date.placeholder")}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        onChange={(event) => {
          setText(event.target.value);
          setShowError(false);
        }}
        onBlur={() => {
          if (day) setText(format.date(day));
          setShowError(day === null);
        }}
        onInvalid={() => setShowError(true)}
      />
      {hydrated ? <input type="hidden" name={name} value={day ?? ""} /> : null}
      <span className="visually-hidden" id={hintId}>
        {t("forms.date.hint", { example: format.date("2026-12-31") })}
      </span>
      {error ? (
        <p className="field-error" id={errorId} role="alert">
          {message}
        </p>
      ) : null}
    </div>
  );
}
