import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditContextFor, requireUser } from "~/lib/auth.server";
import { requireGlobalPermission } from "~/lib/permissions.server";
import { enforceRateLimit } from "~/lib/rate-limit.server";
import {
  exportFilename,
  exportLocale,
  recordExport,
  streamResponse,
  XLSX_CONTENT_TYPE,
} from "~/models/export-common.server";
import { planPortfolioExport, portfolioXlsxStream } from "~/models/export-portfolio.server";

/** GET /exports/portfolio.xlsx — sheets metadata, projects, milestones, indicators, ratings (no parameters). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "portfolio.export");
  enforceRateLimit(user, "export");
  const plan = await planPortfolioExport(user);
  await recordExport(auditContextFor(user), {
    kind: "portfolio_xlsx",
    filters: {},
    rowCount: plan.counts,
    head: plan.head,
  });
  return streamResponse(portfolioXlsxStream(plan, { locale: exportLocale(user) }), {
    contentType: XLSX_CONTENT_TYPE,
    filename: exportFilename("portfolio", "xlsx", plan.generatedAt),
  });
}
