import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditContextFor, requireUser } from "~/lib/auth.server";
import { orNotFound } from "~/lib/http.server";
import { requireGlobalPermission } from "~/lib/permissions.server";
import { enforceRateLimit } from "~/lib/rate-limit.server";
import { parseSearchParams } from "~/lib/validation.server";
import { auditCsvStream, planAuditExport, recordAuditExport } from "~/models/export-audit.server";
import { exportFilename, streamResponse } from "~/models/export-common.server";
import { AuditExportQuerySchema } from "~/schemas/history";

/** GET /exports/audit.csv?from&to&project&entity&entityId&actor&action&bom — RFC 4180, streamed. Starts with a
 * UTF-8 byte-order mark, without which Excel reads Cyrillic and Kazakh text as mojibake; `bom=0` leaves it out. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "history.export");
  enforceRateLimit(user, "export");
  const { bom, ...query } = parseSearchParams(AuditExportQuerySchema, new URL(request.url));
  // A project outside the user's view (or no project at all) is a 404, and no export is recorded.
  const plan = await orNotFound(() => planAuditExport({ actor: user, query }));
  await recordAuditExport(auditContextFor(user), "audit_csv", plan);
  return streamResponse(auditCsvStream(plan, { bom: bom !== "0" }), {
    contentType: "text/csv; charset=utf-8",
    filename: exportFilename("audit", "csv", plan.generatedAt),
  });
}
