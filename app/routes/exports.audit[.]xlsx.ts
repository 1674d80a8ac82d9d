import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditContextFor, requireUser } from "~/lib/auth.server";
import { orNotFound } from "~/lib/http.server";
import { requireGlobalPermission } from "~/lib/permissions.server";
import { enforceRateLimit } from "~/lib/rate-limit.server";
import { parseSearchParams } from "~/lib/validation.server";
import { auditXlsxStream, planAuditExport, recordAuditExport } from "~/models/export-audit.server";
import { exportFilename, exportLocale, streamResponse, XLSX_CONTENT_TYPE } from "~/models/export-common.server";
import { AuditExportQuerySchema } from "~/schemas/history";

/** GET /exports/audit.xlsx?from&to&project&entity&entityId&actor&action — sheets "metadata" and "events", streamed. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "history.export");
  enforceRateLimit(user, "export");
  const { bom: _bom, ...query } = parseSearchParams(AuditExportQuerySchema, new URL(request.url));
  // A project outside the user's view (or no project at all) is a 404, and no export is recorded.
  const plan = await orNotFound(() => planAuditExport({ actor: user, query }));
  await recordAuditExport(auditContextFor(user), "audit_xlsx", plan);
  return streamResponse(auditXlsxStream(plan, { locale: exportLocale(user) }), {
    contentType: XLSX_CONTENT_TYPE,
    filename: exportFilename("audit", "xlsx", plan.generatedAt),
  });
}
