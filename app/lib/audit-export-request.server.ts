import { auditContextFor, requireUser } from "~/lib/auth.server";
import { orNotFound } from "~/lib/http.server";
import { requireGlobalPermission } from "~/lib/permissions.server";
import { enforceRateLimit } from "~/lib/rate-limit.server";
import { parseSearchParams } from "~/lib/validation.server";
import { planAuditExport, recordAuditExport } from "~/models/export-audit.server";
import type { ExportKind } from "~/models/export-common.server";
import { AuditExportQuerySchema } from "~/schemas/history";

/**
 * What every download of the audit log (CSV, XLSX, NDJSON, evidence pack) does before it streams: a signed-in user
 * allowed to export history, within the export rate limit; the filters of the query string; the plan (a project
 * outside the user's view, or none at all, is a 404 and no export is recorded); the export recorded in the log.
 */
export async function plannedAuditExport(request: Request, kind: ExportKind) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "history.export");
  enforceRateLimit(user, "export");
  const { bom, ...query } = parseSearchParams(AuditExportQuerySchema, new URL(request.url));
  const plan = await orNotFound(() => planAuditExport({ actor: user, query }));
  await recordAuditExport(auditContextFor(user), kind, plan);
  return { user, plan, bom };
}
