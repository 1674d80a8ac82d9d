import { zodResolver } from "@hookform/resolvers/zod";
import { messageKey } from "~/i18n/keys";
import { useSubmit } from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import {
  useForm,
  type DefaultValues,
  type FieldErrors,
  type FieldValues,
  type Path,
  type UseFormReturn,
} from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { z } from "zod";

/**
 * react-hook-form + the shared zod schema on the client; on success the native form is submitted to the
 * route action, which validates again with the same schema. Field errors returned by the server (400) are
 * shown in the same places.
 */
export function useRemixForm<T extends FieldValues>(
  schema: z.ZodType<T, never> | z.ZodType,
  options: { defaultValues?: DefaultValues<T>; serverErrors?: Record<string, string> | null },
) {
  const submit = useSubmit();
  const form = useForm<T>({
    // The schema's input and output types differ where it coerces; the resolver validates either way.
    resolver: zodResolver(schema as never) as never,
    defaultValues: options.defaultValues,
    // Every message appears on submit, all at once, and then follows the person's typing. Checking on leaving a
    // field (onTouched) showed messages one by one, and a message appearing as a field lost focus moved the
    // submit button from under the pointer that was clicking it.
    mode: "onSubmit",
    reValidateMode: "onChange",
    // react-hook-form would focus the first invalid field in the order fields registered; we focus the first one
    // on the page (see focusFirstInvalid), the same after a server answer.
    shouldFocusError: false,
  });
  const { setError } = form;
  const serverErrors = options.serverErrors;
  useEffect(() => {
    if (!serverErrors) return;
    for (const [name, message] of Object.entries(serverErrors)) {
      setError(name as Path<T>, { type: "server", message });
    }
    const names = Object.keys(serverErrors);
    const anchor = names.map((name) => document.getElementById(`field-${name}`)).find((element) => element !== null);
    focusFirstInvalid(anchor?.closest("form") ?? null, names);
  }, [serverErrors, setError]);

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    const target = event.currentTarget;
    void form.handleSubmit(
      () => submit(target, { method: (target.getAttribute("method") ?? "post") as "post" }),
      (errors) => focusFirstInvalid(target, errorPaths(errors)),
    )(event);
  };
  return { form, onSubmit };
}

/** The dotted paths of every error react-hook-form holds ("name", "targets.0.periodEnd"). */
export function errorPaths(errors: FieldErrors, prefix = ""): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== "object") continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if ("message" in value && typeof value.message === "string") out.push(path);
    else out.push(...errorPaths(value as FieldErrors, path));
  }
  return out;
}

/**
 * Moves focus to the invalid field that comes first on the page, so a keyboard or screen-reader user lands on the
 * first message (every message is shown at once). A field is found by its id (`field-<name>`, which date fields give
 * their visible input) or else by its name.
 */
export function focusFirstInvalid(form: HTMLFormElement | null, paths: string[]) {
  if (!form) return;
  const elements = paths
    .map((path) => {
      const byId = form.ownerDocument.getElementById(`field-${path}`);
      if (byId && form.contains(byId)) return byId;
      const byName = form.elements.namedItem(path);
      return byName instanceof HTMLElement && byName.getAttribute("type") !== "hidden" ? byName : null;
    })
    .filter((element): element is HTMLElement => element !== null);
  elements.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  elements[0]?.focus();
}

export function Field<T extends FieldValues>({
  form,
  name,
  label,
  type = "text",
  children,
  hint,
  ...rest
}: {
  form: UseFormReturn<T>;
  name: Path<T>;
  label: string;
  type?: string;
  hint?: string;
  children?: ReactNode;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, "name" | "form">) {
  const { t } = useTranslation();
  const error = form.formState.errors[name]?.message;
  const id = `field-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children ?? (
        <input
          id={id}
          type={type}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          {...form.register(name)}
          {...rest}
        />
      )}
      {hint ? <small className="muted">{hint}</small> : null}
      {typeof error === "string" ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {t(messageKey(error))}
        </p>
      ) : null}
    </div>
  );
}

/** Evidence links, one URL per line — the same field on milestone updates and indicator values. */
export function EvidenceLinksField<T extends FieldValues>({ form, label }: { form: UseFormReturn<T>; label: string }) {
  const { t } = useTranslation();
  const name = "evidenceLinks" as Path<T>;
  return (
    <Field form={form} name={name} label={label} hint={t("workflow.update.fields.evidenceLinksHint")}>
      <textarea
        id="field-evidenceLinks"
        rows={3}
        placeholder="https://"
        aria-invalid={form.formState.errors[name] ? true : undefined}
        {...form.register(name)}
      />
    </Field>
  );
}
