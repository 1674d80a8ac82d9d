import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditContextFor, requireUser } from "~/lib/auth.server";
import { orNotFound } from "~/lib/http.server";
import { requireGlobalPermission } from "~/lib/permissions.server";
import { enforceRateLimit } from "~/lib/rate-limit.server";
import { parseSearchParams } from "~/lib/validation.server";
import { evidencePackStream } from "~/models/evidence-pack.server";
import { planAuditExport, recordAuditExport } from "~/models/export-audit.server";
import { exportFilename, streamResponse } from "~/models/export-common.server";
import { AuditExportQuerySchema } from "~/schemas/history";

/**
 * GET /exports/evidence-pack.zip?from&to&project&… — the auditor's evidence pack of what History shows with these
 * filters: the NDJSON slice, every evidence file it seals and a manifest. Same scope as the NDJSON export: only
 * events (and so files) of projects the reader can see.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "history.export");
  enforceRateLimit(user, "export");
  const { bom: _bom, ...query } = parseSearchParams(AuditExportQuerySchema, new URL(request.url));
  const plan = await orNotFound(() => planAuditExport({ actor: user, query }));
  await recordAuditExport(auditContextFor(user), "evidence_pack", plan);
  return streamResponse(evidencePackStream(plan), {
    contentType: "application/zip",
    filename: exportFilename("evidence-pack", "zip", plan.generatedAt),
  });
}
