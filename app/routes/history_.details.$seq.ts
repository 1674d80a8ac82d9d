import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/lib/auth.server";
import { orNotFound, requireParams } from "~/lib/http.server";
import { requireGlobalPermission } from "~/lib/permissions.server";
import { getAuditEventForReader } from "~/models/history.server";
import { StoredEventParamsSchema } from "~/schemas/history";

/**
 * One event with what it changed and why, fetched by History when its details are opened (the list carries one
 * sentence per event). Scoped as the list is: an event the reader may not see, or that does not exist, is a 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "history.viewAll");
  const { seq } = requireParams(StoredEventParamsSchema, params);
  const event = await orNotFound(() => getAuditEventForReader(user, seq));
  return Response.json(event);
}
