import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RatingChart } from "~/components/projects/rating-chart";
import { RatingForm, RatingTimeline } from "~/components/projects/rating-timeline";
import { useActionAnswer } from "~/components/ui/form-hooks";
import { fieldErrorsIn } from "~/lib/action-result";
import { auditContextFor, requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { readFormData, requireParams } from "~/lib/http.server";
import { decideOnProject } from "~/lib/permissions";
import { requireProjectPermission } from "~/lib/permissions.server";
import { parseForm } from "~/lib/validation.server";
import { listRatings, recordRating } from "~/models/rating.server";
import { ErrorPanel } from "~/root";
import { ProjectIdParamsSchema } from "~/schemas/project";
import { RatingSchema } from "~/schemas/rating";
import { projectPageTitle } from "~/lib/meta";

/** The rating form posts no intent: its answers are addressed to this one. */
const RECORD = { intent: "record" };

export const meta = projectPageTitle("projects.tabs.ratings");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { projectId } = requireParams(ProjectIdParamsSchema, params);
  const scope = await requireProjectPermission(user, projectId, "project.view");
  return {
    ratings: await listRatings({ projectId }),
    canRecord: decideOnProject(user, "rating.record", scope) === "allow",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { projectId } = requireParams(ProjectIdParamsSchema, params);
  await requireProjectPermission(user, projectId, "rating.record");
  const parsed = parseForm(RatingSchema, await readFormData(request), RECORD);
  if (!parsed.ok) return parsed.response;
  await recordRating({ context: auditContextFor(user), projectId, authorId: user.id, input: parsed.data });
  return redirectWithFlash(`/projects/${projectId}/ratings`, { kind: "success", key: "projects.flash.ratingRecorded" });
}

export default function ProjectRatings() {
  const { t } = useTranslation();
  const { ratings, canRecord } = useLoaderData<typeof loader>();
  const answer = useActionAnswer(RECORD.intent);
  return (
    <div className="project-ratings">
      <h2>{t("projects.ratings.title")}</h2>
      <p className="muted">{t("projects.ratings.intro")}</p>
      {canRecord ? <RatingForm key={ratings[0]?.id ?? "none"} serverErrors={fieldErrorsIn(answer)} /> : null}
      <RatingChart ratings={ratings} />
      <RatingTimeline ratings={ratings} />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
