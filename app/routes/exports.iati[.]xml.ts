import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditContextFor, requireUser } from "~/lib/auth.server";
import { invariantResponse } from "~/lib/http.server";
import { requireGlobalPermission } from "~/lib/permissions.server";
import { enforceRateLimit } from "~/lib/rate-limit.server";
import { exportFilename, recordExport, streamResponse } from "~/models/export-common.server";
import { iatiXmlStream, planIatiExport } from "~/models/iati.server";

/** GET /exports/iati.xml — the projects the user may see as IATI 2.03 activities (no parameters). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "portfolio.export");
  enforceRateLimit(user, "export");
  const plan = await planIatiExport(user);
  // The IATI schema requires at least one activity: an empty selection has no valid file.
  invariantResponse(plan.activityCount > 0, "No project is visible to you, so there is nothing to publish.", {
    status: 404,
  });
  await recordExport(auditContextFor(user), {
    kind: "iati_xml",
    filters: {},
    rowCount: plan.activityCount,
    head: plan.head,
  });
  return streamResponse(iatiXmlStream(plan), {
    contentType: "application/xml; charset=utf-8",
    filename: exportFilename("iati", "xml", plan.generatedAt),
  });
}
