import type { LoaderFunctionArgs } from "@remix-run/node";
import { plannedAuditExport } from "~/lib/audit-export-request.server";
import { auditXlsxStream } from "~/models/export-audit.server";
import { exportFilename, exportLocale, streamResponse, XLSX_CONTENT_TYPE } from "~/models/export-common.server";

/** GET /exports/audit.xlsx?from&to&project&entity&entityId&actor&action — sheets "metadata" and "events", streamed. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, plan } = await plannedAuditExport(request, "audit_xlsx");
  return streamResponse(auditXlsxStream(plan, { locale: exportLocale(user) }), {
    contentType: XLSX_CONTENT_TYPE,
    filename: exportFilename("audit", "xlsx", plan.generatedAt),
  });
}
