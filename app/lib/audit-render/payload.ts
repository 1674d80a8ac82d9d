import { z } from "zod";
import { AUDIT_ACTIONS, type AuditAction } from "~/lib/audit-actions";

/**
 * The typed payload of every audit action, as one zod discriminated union on `action` built from the registry
 * (the registry's snapshot schemas are the single description of what each action stores).
 */

type Spec<A extends AuditAction> = (typeof AUDIT_ACTIONS)[A];
type Side<S> = S extends z.ZodType ? z.infer<S> : null;

/** The before/after snapshots each action stores. */
export type PayloadMap = { [K in AuditAction]: { before: Side<Spec<K>["before"]>; after: Side<Spec<K>["after"]> } };

export type AuditPayload<A extends AuditAction = AuditAction> = { [K in A]: { action: K } & PayloadMap[K] }[A];

const side = (schema: z.ZodType | null) => schema ?? z.null();

const variants = (Object.keys(AUDIT_ACTIONS) as AuditAction[]).map((action) => {
  const spec: { before: z.ZodType | null; after: z.ZodType | null } = AUDIT_ACTIONS[action];
  return z.object({ action: z.literal(action), before: side(spec.before), after: side(spec.after) });
});

const [first, ...rest] = variants;
export const AuditPayloadSchema = z.discriminatedUnion("action", [first, ...rest]);

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isPayloadOf<A extends AuditAction>(value: { action: string }, action: A): value is AuditPayload<A> {
  return value.action === action;
}

/** The event's payload, typed by its action; null when the stored snapshots do not match the action's schemas. */
export function parseAuditPayload<A extends AuditAction>(
  action: A,
  before: string | null,
  after: string | null,
): PayloadMap[A] | null {
  const parsed = AuditPayloadSchema.safeParse({ action, before: parseJson(before), after: parseJson(after) });
  if (!parsed.success || !isPayloadOf(parsed.data, action)) return null;
  const payload: PayloadMap[A] = parsed.data;
  return payload;
}
