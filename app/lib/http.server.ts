import { data } from "@remix-run/node";
import type { z } from "zod";
import type { ActionResult } from "./action-result";
import { toConflictRecord } from "./action-result";
import {
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  RefusedError,
  VersionConflictError,
  type FieldErrors,
  type MessageValues,
} from "./errors";

/**
 * HTTP for routes, in one place: guards that narrow types, the typed action answers, and the translation of
 * domain errors (thrown by models) into 404/403/400/409.
 */

/** Throws a `Response` with `status` unless `condition` holds; TypeScript knows it holds afterwards. */
export function invariantResponse(
  condition: unknown,
  message: string,
  init: { status: number; statusText?: string } = { status: 400 },
): asserts condition {
  if (!condition) throw new Response(message, { statusText: STATUS_TEXT[init.status], ...init });
}

const STATUS_TEXT: Record<number, string> = {
  400: "Bad Request",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  413: "Payload Too Large",
};

export function notFound(): Response {
  return new Response("Not found", { status: 404, statusText: STATUS_TEXT[404] });
}

export function forbidden(): Response {
  return new Response("Forbidden", { status: 403, statusText: STATUS_TEXT[403] });
}

export function badRequest(message = "Bad request"): Response {
  return new Response(message, { status: 400, statusText: STATUS_TEXT[400] });
}

/** Route params validated like any input: a malformed id is a 400 ("invalid address"), never a 500. */
export function requireParams<S extends z.ZodType>(schema: S, params: Record<string, string | undefined>): z.infer<S> {
  const result = schema.safeParse(params);
  if (!result.success) throw badRequest("Invalid address");
  return result.data;
}

/**
 * Reads a form post. A body that is not a form (JSON, a multipart body with a broken boundary) is the client's
 * mistake: a 400, not a 500.
 */
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw badRequest("The request body is not a form");
  }
}

/** Which form an answer is for: the intent and, on pages listing many records, the record. */
export type Address = { intent: string; itemId?: string | null };

function addressed({ intent, itemId }: Address) {
  return { intent, itemId: itemId ?? null };
}

export function answerOk(address: Address, messageKey: string, values?: MessageValues) {
  return data<ActionResult>({ ...addressed(address), status: "ok", messageKey, values }, { status: 200 });
}

export function answerFieldErrors(address: Address, fieldErrors: FieldErrors) {
  return data<ActionResult>({ ...addressed(address), status: "fieldErrors", fieldErrors }, { status: 400 });
}

export function answerRefused(
  address: Address,
  messageKey: string,
  options: { values?: MessageValues; status?: number } = {},
) {
  return data<ActionResult>(
    { ...addressed(address), status: "refused", messageKey, values: options.values },
    { status: options.status ?? 409 },
  );
}

/** A 409 with the record as it is now; `current` keeps its own shape when the form needs more than flat values. */
export function answerConflict<C>(address: Address, current: C, version: number | null) {
  return data<ActionResult<C>>({ ...addressed(address), status: "conflict", current, version }, { status: 409 });
}

/** The flat fields of `current` (strings, numbers, booleans) and its version, for the shared conflict notice. */
export function answerFlatConflict(address: Address, current: unknown) {
  const flat = toConflictRecord(current);
  return answerConflict(address, flat.current, flat.version);
}

/**
 * The one translation of domain errors into HTTP: not found → 404 and forbidden → 403 (thrown, the error page
 * shows them), invalid input → 400 field errors, refused → the form's message, a version conflict → 409 with
 * the current record. Anything else is a bug and propagates (500).
 */
export function answerDomainError(error: unknown, address: Address) {
  if (error instanceof NotFoundError) throw notFound();
  if (error instanceof ForbiddenError) throw forbidden();
  if (error instanceof InvalidInputError) return answerFieldErrors(address, error.fieldErrors);
  if (error instanceof RefusedError)
    return answerRefused(address, error.messageKey, { values: error.values, status: error.status });
  if (error instanceof VersionConflictError) return answerFlatConflict(address, error.current);
  throw error;
}

/** Runs an action's work; domain errors become the answers above. */
export async function runAction<T>(address: Address, work: () => Promise<T>) {
  try {
    return await work();
  } catch (error) {
    return answerDomainError(error, address);
  }
}

/** For loaders: a missing or hidden record is a 404, a refusal a 403; nothing else is caught. */
export async function orNotFound<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof NotFoundError) throw notFound();
    if (error instanceof ForbiddenError) throw forbidden();
    throw error;
  }
}
