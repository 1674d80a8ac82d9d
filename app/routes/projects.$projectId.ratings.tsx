import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RatingForm, RatingTimeline } from "~/components/projects/rating-timeline";
import { auditContextFor, requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { decideOnProject } from "~/lib/permissions";
import { requireProjectPermission } from "~/lib/permissions.server";
import { parseForm } from "~/lib/validation.server";
import { requireProjectIdParam } from "~/models/project.server";
import { listRatings, recordRating } from "~/models/rating.server";
import { ErrorPanel } from "~/root";
import { RatingSchema } from "~/schemas/rating";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const projectId = requireProjectIdParam(params);
  const scope = await requireProjectPermission(user, projectId, "project.view");
  return {
    ratings: await listRatings({ projectId }),
    canRecord: decideOnProject(user, "rating.record", scope) === "allow",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const projectId = requireProjectIdParam(params);
  await requireProjectPermission(user, projectId, "rating.record");
  const parsed = parseForm(RatingSchema, await request.formData());
  if (!parsed.ok) return parsed.response;
  await recordRating({ context: auditContextFor(user), projectId, authorId: user.id, input: parsed.data });
  return redirectWithFlash(`/projects/${projectId}/ratings`, { kind: "success", key: "projects.flash.ratingRecorded" });
}

export default function ProjectRatings() {
  const { t } = useTranslation();
  const { ratings, canRecord } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="project-ratings">
      <h2>{t("projects.ratings.title")}</h2>
      <p className="muted">{t("projects.ratings.intro")}</p>
      {canRecord ? (
        <RatingForm
          key={ratings[0]?.id ?? "none"}
          serverErrors={actionData && "fieldErrors" in actionData ? actionData.fieldErrors : null}
        />
      ) : null}
      <RatingTimeline ratings={ratings} />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
