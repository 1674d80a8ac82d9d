import type { z } from "zod";
import type { FieldErrors } from "./errors";
import { answerFieldErrors, badRequest, type Address } from "./http.server";

/** The first message per field, keyed by the dotted path, as the forms expect. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}

/** A form's fields as zod sees them: repeated keys (and keys ending in `[]`) become arrays; files are ignored. */
export function formFields(formData: FormData): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    const values = formData.getAll(key).filter((v): v is string => typeof v === "string");
    raw[key] = values.length > 1 || key.endsWith("[]") ? values : values[0];
  }
  return raw;
}

/**
 * Validates a form with its shared schema. Invalid input is a 400 answer with field errors, addressed to the
 * form that sent it (its `intent` field unless `address` says otherwise).
 */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData, address?: Partial<Address>) {
  const result = schema.safeParse(formFields(formData));
  if (!result.success) {
    const fieldErrors = fieldErrorsOf(result.error);
    const intent = address?.intent ?? String(formData.get("intent") ?? "");
    return {
      ok: false as const,
      fieldErrors,
      response: answerFieldErrors({ intent, itemId: address?.itemId ?? null }, fieldErrors),
    };
  }
  return { ok: true as const, data: result.data as z.infer<S> };
}

/** Search params validated the same way: a bad query string is a 400, never a 500. */
export function parseSearchParams<S extends z.ZodType>(schema: S, url: URL): z.infer<S> {
  const raw: Record<string, string> = {};
  for (const [key, value] of url.searchParams) if (value !== "") raw[key] = value;
  const result = schema.safeParse(raw);
  if (!result.success) {
    const detail = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw badRequest(`Invalid query: ${detail}`);
  }
  return result.data as z.infer<S>;
}
