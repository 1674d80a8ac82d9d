import type { LoaderFunctionArgs } from "@remix-run/node";
import { plannedAuditExport } from "~/lib/audit-export-request.server";
import { auditCsvStream } from "~/models/export-audit.server";
import { exportFilename, streamResponse } from "~/models/export-common.server";

/** GET /exports/audit.csv?from&to&project&entity&entityId&actor&action&bom — RFC 4180, streamed. Starts with a
 * UTF-8 byte-order mark, without which Excel reads Cyrillic and Kazakh text as mojibake; `bom=0` leaves it out. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { plan, bom } = await plannedAuditExport(request, "audit_csv");
  return streamResponse(auditCsvStream(plan, { bom: bom !== "0" }), {
    contentType: "text/csv; charset=utf-8",
    filename: exportFilename("audit", "csv", plan.generatedAt),
  });
}
