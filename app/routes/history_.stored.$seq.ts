import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/lib/auth.server";
import { orNotFound, requireParams } from "~/lib/http.server";
import { requireGlobalPermission } from "~/lib/permissions.server";
import { getStoredAuditEvent } from "~/models/history.server";
import { StoredEventParamsSchema } from "~/schemas/history";

/**
 * One audit event exactly as stored (ids, request, hashes, the before/after JSON), fetched by History when an
 * auditor opens "Stored record": those who read the whole log only; an event that does not exist is a 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "history.viewStored");
  const { seq } = requireParams(StoredEventParamsSchema, params);
  const stored = await orNotFound(() => getStoredAuditEvent(seq));
  return Response.json(stored);
}
