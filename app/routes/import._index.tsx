import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { AppliedNotice } from "~/components/import/applied-notice";
import { DryRunTable } from "~/components/import/dry-run-table";
import { UploadForm } from "~/components/import/upload-form";
import { auditContextFor, requireUser } from "~/lib/auth.server";
import { RefusedError } from "~/lib/errors";
import { answerRefused, readFormData } from "~/lib/http.server";
import { FileRefusedError } from "~/lib/import/file-refusal";
import { planSummary } from "~/lib/import/plan";
import { UPLOAD_LIMITS } from "~/lib/import/read-upload.server";
import { resolveLocale } from "~/lib/locale.server";
import { titled } from "~/lib/meta";
import { requireAnyProjectPermission, requireGlobalPermission } from "~/lib/permissions.server";
import { parseSearchParams } from "~/lib/validation.server";
import { applyImport } from "~/models/import/apply.server";
import { checkUpload, planView } from "~/models/import/dry-run.server";
import { loadTemplateProjects } from "~/models/import/template.server";
import { ErrorPanel } from "~/root";
import { routeId } from "~/schemas/fields";

export const meta = titled("import.title");

const Search = z.object({ project: routeId.optional() });
const Intent = z.enum(["check", "apply"]);
/** Room for the multipart envelope around a file at the size limit. */
const ENVELOPE_BYTES = 64 * 1024;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "reporting.spreadsheet");
  const { project } = parseSearchParams(Search, new URL(request.url));
  if (project) await requireAnyProjectPermission(user, project, ["indicatorValue.report", "milestoneUpdate.submit"]);
  const projects = await loadTemplateProjects(user, project ? { projectId: project } : { allMine: true });
  return {
    project: project ? (projects.map((p) => ({ id: p.id, name: p.name, code: p.code }))[0] ?? null) : null,
    projectCount: projects.length,
    limits: UPLOAD_LIMITS,
  };
}

async function uploadedFile(request: Request) {
  const length = Number(request.headers.get("content-length") ?? Number.NaN);
  if (!Number.isFinite(length) || length > UPLOAD_LIMITS.maxBytes + ENVELOPE_BYTES) {
    throw new FileRefusedError("tooBig");
  }
  const form = await readFormData(request);
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) throw new FileRefusedError("noFile");
  return { form, file: { name: file.name, bytes: Buffer.from(await file.arrayBuffer()) } };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "reporting.spreadsheet");
  let address = { intent: "check" };
  try {
    const { form, file } = await uploadedFile(request);
    const intent = Intent.safeParse(form.get("intent"));
    if (!intent.success) return answerRefused(address, "common.errors.badRequest", { status: 400 });
    address = { intent: intent.data };
    const { plan, checked } = await checkUpload(user, file, await resolveLocale(request, user.locale));
    const summary = planSummary(plan);
    if (intent.data === "check") {
      return data(
        { ...address, itemId: null, status: "planned" as const, plan: planView(plan), summary, checked },
        { status: summary.errors > 0 ? 422 : 200 },
      );
    }
    if (form.get("checked") !== checked) throw new FileRefusedError("changedSinceCheck");
    const applied = await applyImport({ actor: user, plan, context: auditContextFor(user) });
    return data({ ...address, itemId: null, status: "applied" as const, applied });
  } catch (error) {
    if (error instanceof FileRefusedError) {
      return answerRefused(address, error.messageKey, { values: error.values, status: error.status });
    }
    if (error instanceof RefusedError) {
      // The file's own errors, or a model refusing a row because someone reported meanwhile: nothing was written.
      const key = error.messageKey.startsWith("import.") ? error.messageKey : "import.refused.changedMeanwhile";
      return answerRefused(address, key, { status: error.status });
    }
    throw error;
  }
}

export type ImportAnswer = Awaited<ReturnType<typeof action>>;

export default function ImportPage() {
  const { t } = useTranslation();
  const { project, projectCount } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const query = project ? `?project=${project.id}` : "";
  return (
    <article className="import-page" data-testid="import-page">
      <h1>{t("import.title")}</h1>
      <p>{t("import.intro")}</p>
      {project ? (
        <p>
          <Link to={`/projects/${project.id}`}>{project.name}</Link> · {t("import.scopeProject")} ·{" "}
          <Link to="/import">{t("import.scopeAll")}</Link>
        </p>
      ) : null}
      <section className="panel" aria-labelledby="template-title">
        <h2 id="template-title">{t("import.template.title")}</h2>
        {projectCount === 0 ? (
          <p className="muted" data-testid="import-empty">
            {t("import.template.empty")}
          </p>
        ) : (
          <>
            <p>{t("import.template.description")}</p>
            <p>
              <a className="button" href={`/import/template.xlsx${query}`} download data-testid="template-download">
                {t("import.template.download")}
              </a>
            </p>
          </>
        )}
      </section>
      <UploadForm answer={answer ?? null} query={query} />
      {answer && "status" in answer && answer.status === "planned" ? (
        <DryRunTable plan={answer.plan} summary={answer.summary} />
      ) : null}
      {answer && "status" in answer && answer.status === "applied" ? <AppliedNotice applied={answer.applied} /> : null}
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
