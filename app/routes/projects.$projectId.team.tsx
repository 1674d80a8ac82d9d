import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { AddMemberForm, TeamTable } from "~/components/projects/team";
import { useActionAnswer } from "~/components/ui/form-hooks";
import { fieldErrorsIn } from "~/lib/action-result";
import { auditContextFor, requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { badRequest, readFormData, requireParams, runAction } from "~/lib/http.server";
import { decideOnProject } from "~/lib/permissions";
import { requireProjectPermission } from "~/lib/permissions.server";
import { parseForm, parseSearchParams } from "~/lib/validation.server";
import { addMember, listMemberCandidates, listMembers, removeMember } from "~/models/membership.server";
import { ErrorPanel } from "~/root";
import { AddMemberSchema, RemoveMemberSchema, TeamIntentSchema } from "~/schemas/membership";
import { ProjectIdParamsSchema } from "~/schemas/project";
import { projectPageTitle } from "~/lib/meta";

/** `?person=`: part of a name or e-mail, narrowing the people offered by the picker. */
const TeamSearchSchema = z.object({ person: z.string().trim().max(100).optional() });

export const meta = projectPageTitle("projects.tabs.team");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { projectId } = requireParams(ProjectIdParamsSchema, params);
  const scope = await requireProjectPermission(user, projectId, "project.view");
  const canManage = decideOnProject(user, "project.manageMembers", scope) === "allow";
  const { person } = parseSearchParams(TeamSearchSchema, new URL(request.url));
  const [members, offer] = await Promise.all([
    listMembers({ projectId }),
    canManage ? listMemberCandidates({ projectId, project: scope, search: person }) : null,
  ]);
  // The picker shows each person's name, organisation and role: their e-mail stays on the server.
  const picker = offer && {
    total: offer.total,
    candidates: offer.candidates.map(({ id, name, role, organization }) => ({ id, name, role, organization })),
  };
  return { members, offer: picker, search: person ?? "", canManage };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { projectId } = requireParams(ProjectIdParamsSchema, params);
  const scope = await requireProjectPermission(user, projectId, "project.manageMembers");
  const formData = await readFormData(request);
  const intent = TeamIntentSchema.safeParse(formData.get("intent"));
  if (!intent.success) throw badRequest("Unknown intent");
  const context = auditContextFor(user);
  const teamPage = `/projects/${projectId}/team`;

  if (intent.data === "remove") {
    const parsed = parseForm(RemoveMemberSchema, formData);
    if (!parsed.ok) return parsed.response;
    // A member id of another project is not found here (no IDOR through this URL): a 404.
    return runAction({ intent: "remove", itemId: parsed.data.memberId }, async () => {
      await removeMember({ context, projectId, memberId: parsed.data.memberId });
      return redirectWithFlash(teamPage, { kind: "success", key: "projects.flash.memberRemoved" });
    });
  }

  const parsed = parseForm(AddMemberSchema, formData);
  if (!parsed.ok) return parsed.response;
  const { userId, capacity } = parsed.data;
  return runAction({ intent: "add" }, async () => {
    await addMember({ context, projectId, project: scope, userId, capacity });
    return redirectWithFlash(teamPage, { kind: "success", key: "projects.flash.memberAdded" });
  });
}

export default function ProjectTeam() {
  const { t } = useTranslation();
  const { members, offer, search, canManage } = useLoaderData<typeof loader>();
  const answer = useActionAnswer("add");
  return (
    <div className="project-team">
      <h2>{t("projects.team.title")}</h2>
      <TeamTable members={members} canManage={canManage} />
      {canManage && offer ? (
        <AddMemberForm
          key={`${members.length}:${search}`}
          candidates={offer.candidates}
          total={offer.total}
          search={search}
          serverErrors={fieldErrorsIn(answer)}
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
