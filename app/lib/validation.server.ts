import { data } from "@remix-run/node";
import type { z } from "zod";

export type FieldErrors = Record<string, string>;

/** The first message per field, keyed by the dotted path, as the forms expect. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}

/** Reads a form (repeated keys become arrays) and validates it; invalid input is a 400 with field errors. */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData) {
  const raw: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    const values = formData.getAll(key).filter((v): v is string => typeof v === "string");
    raw[key] = values.length > 1 || key.endsWith("[]") ? values : values[0];
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    return {
      ok: false as const,
      response: data({ ok: false as const, fieldErrors: fieldErrorsOf(result.error) }, { status: 400 }),
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
    throw new Response(`Invalid query: ${detail}`, { status: 400 });
  }
  return result.data as z.infer<S>;
}
