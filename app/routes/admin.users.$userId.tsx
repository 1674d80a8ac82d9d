import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLocalizedName } from "~/i18n/use-localized-name";
import { z } from "zod";
import { ActiveForm, ProfileForm } from "~/components/admin/user-edit-forms";
import { InvitationPanel } from "~/components/mail/invitation-panel";
import { ResetLinkPanel } from "~/components/mail/reset-link-panel";
import { useFormat } from "~/i18n/format";
import { auditContextFor, requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { invariantResponse, orNotFound, readFormData, requireParams, runAction } from "~/lib/http.server";
import { requireGlobalPermission } from "~/lib/permissions.server";
import { parseForm } from "~/lib/validation.server";
import { getInvitationState, resendInvitation, revokeInvitation } from "~/models/admin/invitations.server";
import { listOrganizationOptions } from "~/models/admin/organizations.server";
import { getUserForAdmin, setUserActive, updateUser } from "~/models/admin/users.server";
import type { AuditContext } from "~/models/audit.server";
import { sendPasswordResetLink } from "~/models/password-reset.server";
import { ErrorPanel } from "~/root";
import { SetActiveSchema, UpdateUserSchema, UserIntentSchema } from "~/schemas/admin";
import { routeId } from "~/schemas/fields";
import { titled } from "~/lib/meta";

const ParamsSchema = z.object({ userId: routeId });

export const meta = titled<SerializeFrom<typeof loader>>("admin.users.title", "admin.title", (data) => data.user.name);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request);
  requireGlobalPermission(actor, "admin.users");
  const { userId } = requireParams(ParamsSchema, params);
  const [user, organizations, invitation] = await Promise.all([
    orNotFound(() => getUserForAdmin({ userId })),
    listOrganizationOptions(),
    getInvitationState(userId),
  ]);
  return { user, organizations, invitation, isSelf: actor.id === user.id };
}

const FLASH = {
  update: "admin.flash.userUpdated",
  deactivate: "admin.flash.userDeactivated",
  reactivate: "admin.flash.userReactivated",
} as const;

type UserIntent = keyof typeof FLASH | "sendResetLink" | "resendInvitation" | "revokeInvitation";
type Target = { context: AuditContext; actorId: string; userId: string };

/** Validates the form of `intent` and applies it; the flash key on success, or the 400 answer for bad input. */
async function applyUserIntent(intent: UserIntent, formData: FormData, target: Target) {
  if (intent === "resendInvitation") {
    const { email } = await resendInvitation(target);
    return { flash: "mail.userInvitation.resent" as const, values: { email } };
  }
  if (intent === "sendResetLink") {
    const { email } = await sendPasswordResetLink(target);
    return { flash: "mail.userReset.sent" as const, values: { email } };
  }
  if (intent === "revokeInvitation") {
    await revokeInvitation(target);
    return { flash: "mail.userInvitation.revokedFlash" as const };
  }
  if (intent === "update") {
    const parsed = parseForm(UpdateUserSchema, formData, { intent });
    if (!parsed.ok) return { response: parsed.response };
    const { sessionsEnded } = await updateUser({ ...target, input: parsed.data });
    return { flash: sessionsEnded ? "admin.flash.userUpdatedSessionsEnded" : FLASH.update };
  }
  const parsed = parseForm(SetActiveSchema, formData, { intent });
  if (!parsed.ok) return { response: parsed.response };
  await setUserActive({ ...target, active: intent === "reactivate", version: parsed.data.version });
  return { flash: FLASH[intent] };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireUser(request);
  requireGlobalPermission(actor, "admin.users");
  const { userId } = requireParams(ParamsSchema, params);
  const formData = await readFormData(request);
  const intentParsed = UserIntentSchema.safeParse({ intent: formData.get("intent") });
  invariantResponse(intentParsed.success, "Unknown intent");
  const intent = intentParsed.data.intent;
  const target = { context: auditContextFor(actor), actorId: actor.id, userId };
  return runAction({ intent }, async () => {
    const outcome = await applyUserIntent(intent, formData, target);
    if ("response" in outcome) return outcome.response;
    const values = "values" in outcome ? outcome.values : undefined;
    return redirectWithFlash(`/admin/users/${userId}`, { kind: "success", key: outcome.flash, values });
  });
}

export default function AdminUserPage() {
  const { t } = useTranslation();
  const ln = useLocalizedName();
  const format = useFormat();
  const { user, organizations, invitation, isSelf } = useLoaderData<typeof loader>();
  return (
    <div data-testid="admin-user" data-user-email={user.email}>
      <p>
        <Link to="/admin/users">← {t("admin.users.title")}</Link>
      </p>
      <h2>
        {user.name}{" "}
        {user.active ? (
          <span className="badge green">{t("admin.users.active")}</span>
        ) : (
          <span className="badge" data-testid="inactive-badge">
            {t("admin.users.inactive")}
          </span>
        )}{" "}
        {user.mustChangePassword ? <span className="badge amber">{t("admin.users.mustChange")}</span> : null}
      </h2>
      <p className="muted">
        {user.email} · {ln(user.organization)} · {t(`common.roles.${user.role}`)} ·{" "}
        {t("admin.users.createdOn", { date: format.date(user.createdAt) })} ·{" "}
        {t("admin.users.sessionCount", { count: user.sessionCount })}
        {user.lockedUntil ? ` · ${t("admin.users.lockedUntil", { date: format.dateTime(user.lockedUntil) })}` : ""}
      </p>
      <div className="home-grid">
        <section className="panel" aria-labelledby="user-profile">
          <h2 id="user-profile">{t("admin.users.profile")}</h2>
          <ProfileForm key={user.version} user={user} organizations={organizations} isSelf={isSelf} />
        </section>
        <div>
          <section className="panel" aria-labelledby="user-status">
            <h2 id="user-status">{t("admin.fields.status")}</h2>
            <ActiveForm user={user} isSelf={isSelf} />
          </section>
          <section className="panel" aria-labelledby="user-invitation">
            <h2 id="user-invitation">{t("mail.userInvitation.title")}</h2>
            <InvitationPanel invitation={invitation} active={user.active} />
          </section>
          <section className="panel" aria-labelledby="user-password">
            <h2 id="user-password">{t("mail.userReset.title")}</h2>
            <ResetLinkPanel user={user} />
          </section>
          <section className="panel" aria-labelledby="user-projects">
            <h2 id="user-projects">{t("admin.users.memberships")}</h2>
            {user.memberships.length === 0 ? (
              <p className="muted">{t("admin.users.noMemberships")}</p>
            ) : (
              <ul className="compact-list">
                {user.memberships.map((m) => (
                  <li key={m.project.id}>
                    <Link to={`/projects/${m.project.id}/team`}>
                      {m.project.code} — {m.project.name}
                    </Link>{" "}
                    <span className="muted">
                      ({t(`projects.team.capacities.${m.capacity}`, { defaultValue: m.capacity })})
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <p className="muted">{t("admin.users.membershipHelp")}</p>
          </section>
        </div>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
