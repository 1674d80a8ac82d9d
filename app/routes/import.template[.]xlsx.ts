import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireUser } from "~/lib/auth.server";
import { todayIsoDay } from "~/lib/dates";
import { resolveLocale } from "~/lib/locale.server";
import { requireAnyProjectPermission, requireGlobalPermission } from "~/lib/permissions.server";
import { parseSearchParams } from "~/lib/validation.server";
import { XLSX_CONTENT_TYPE } from "~/models/export-common.server";
import { buildTemplate } from "~/models/import/template.server";
import { routeId } from "~/schemas/fields";

const Search = z.object({ project: routeId.optional() });

/** GET /import/template.xlsx[?project=id] — the reporting template of one project, or of all the user's projects. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "reporting.spreadsheet");
  const { project } = parseSearchParams(Search, new URL(request.url));
  if (project) await requireAnyProjectPermission(user, project, ["indicatorValue.report", "milestoneUpdate.submit"]);
  const locale = await resolveLocale(request, user.locale);
  const file = await buildTemplate(user, project ? { projectId: project } : { allMine: true }, locale);
  return new Response(new Uint8Array(file), {
    headers: {
      "Content-Type": XLSX_CONTENT_TYPE,
      "Content-Disposition": `attachment; filename="qadam-reporting-${todayIsoDay()}.xlsx"`,
      "Cache-Control": "no-store",
    },
  });
}
