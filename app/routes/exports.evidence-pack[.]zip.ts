import type { LoaderFunctionArgs } from "@remix-run/node";
import { plannedAuditExport } from "~/lib/audit-export-request.server";
import { evidencePackStream } from "~/models/evidence-pack.server";
import { exportFilename, streamResponse } from "~/models/export-common.server";

/**
 * GET /exports/evidence-pack.zip?from&to&project&… — the auditor's evidence pack of what History shows with these
 * filters: the NDJSON slice, every evidence file it seals and a manifest. Same scope as the NDJSON export: only
 * events (and so files) of projects the reader can see.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { plan } = await plannedAuditExport(request, "evidence_pack");
  return streamResponse(evidencePackStream(plan), {
    contentType: "application/zip",
    filename: exportFilename("evidence-pack", "zip", plan.generatedAt),
  });
}
