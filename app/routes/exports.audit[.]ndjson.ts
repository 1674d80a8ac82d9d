import type { LoaderFunctionArgs } from "@remix-run/node";
import { plannedAuditExport } from "~/lib/audit-export-request.server";
import { auditNdjsonStream } from "~/models/export-audit.server";
import { exportFilename, streamResponse } from "~/models/export-common.server";

/** GET /exports/audit.ndjson?from&to&project&entity&entityId&actor&action — a metadata line, then one event per line. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { plan } = await plannedAuditExport(request, "audit_ndjson");
  return streamResponse(auditNdjsonStream(plan), {
    contentType: "application/x-ndjson; charset=utf-8",
    filename: exportFilename("audit", "ndjson", plan.generatedAt),
  });
}
