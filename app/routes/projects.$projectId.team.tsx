import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AddMemberForm, TeamTable } from "~/components/projects/team";
import { auditContextFor, requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { decideOnProject } from "~/lib/permissions";
import { enforce, requireProjectPermission } from "~/lib/permissions.server";
import { parseForm } from "~/lib/validation.server";
import { addMember, listMemberCandidates, listMembers, removeMember } from "~/models/membership.server";
import { requireProjectIdParam } from "~/models/project.server";
import { ErrorPanel } from "~/root";
import { AddMemberSchema, RemoveMemberSchema, TeamIntentSchema } from "~/schemas/membership";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const projectId = requireProjectIdParam(params);
  const scope = await requireProjectPermission(user, projectId, "project.view");
  const canManage = decideOnProject(user, "project.manageMembers", scope) === "allow";
  const [members, candidates] = await Promise.all([
    listMembers({ projectId }),
    canManage ? listMemberCandidates({ projectId, project: scope }) : Promise.resolve([]),
  ]);
  return { members, candidates, canManage };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const projectId = requireProjectIdParam(params);
  const scope = await requireProjectPermission(user, projectId, "project.manageMembers");
  const formData = await request.formData();
  const intent = TeamIntentSchema.safeParse(formData.get("intent"));
  if (!intent.success) throw new Response("Unknown intent", { status: 400, statusText: "Bad Request" });
  const context = auditContextFor(user);

  if (intent.data === "remove") {
    const parsed = parseForm(RemoveMemberSchema, formData);
    if (!parsed.ok) return parsed.response;
    const removed = await removeMember({ context, projectId, memberId: parsed.data.memberId });
    // A member id of another project is not found here (no IDOR through this URL).
    if (!removed) enforce("not-found");
    return redirectWithFlash(`/projects/${projectId}/team`, { kind: "success", key: "projects.flash.memberRemoved" });
  }

  const parsed = parseForm(AddMemberSchema, formData);
  if (!parsed.ok) return parsed.response;
  const result = await addMember({
    context,
    projectId,
    project: scope,
    userId: parsed.data.userId,
    capacity: parsed.data.capacity,
  });
  if (!result.ok) return data({ ok: false as const, fieldErrors: result.fieldErrors }, { status: 400 });
  return redirectWithFlash(`/projects/${projectId}/team`, { kind: "success", key: "projects.flash.memberAdded" });
}

export default function ProjectTeam() {
  const { t } = useTranslation();
  const { members, candidates, canManage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="project-team">
      <h2>{t("projects.team.title")}</h2>
      <TeamTable members={members} canManage={canManage} />
      {canManage ? (
        <AddMemberForm
          key={members.length}
          candidates={candidates}
          serverErrors={actionData && "fieldErrors" in actionData ? actionData.fieldErrors : null}
        />
      ) : (
        <p className="muted">{t("projects.team.adminOnly")}</p>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
