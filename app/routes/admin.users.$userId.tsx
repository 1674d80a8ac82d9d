import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLocalizedName } from "~/i18n/use-localized-name";
import { z } from "zod";
import { ActiveForm, ProfileForm, ResetPasswordForm, type AdminActionData } from "~/components/admin/user-edit-forms";
import { useFormat } from "~/i18n/format";
import { auditContextFor, requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { requireGlobalPermission } from "~/lib/permissions.server";
import { parseForm } from "~/lib/validation.server";
import {
  getUserForAdmin,
  listOrganizationOptions,
  resetUserPassword,
  setUserActive,
  updateUser,
  type WriteResult,
} from "~/models/admin.server";
import { VersionConflictError } from "~/lib/errors";
import { ErrorPanel } from "~/root";
import { ResetPasswordSchema, SetActiveSchema, UpdateUserSchema, UserIntentSchema } from "~/schemas/admin";

const ParamsSchema = z.object({ userId: z.string().min(1).max(64) });

function userIdOf(params: unknown): string {
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) throw new Response("Invalid user id", { status: 400 });
  return parsed.data.userId;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request);
  requireGlobalPermission(actor, "admin.users");
  const userId = userIdOf(params);
  const [user, organizations] = await Promise.all([getUserForAdmin({ userId }), listOrganizationOptions()]);
  if (!user) throw new Response("Not found", { status: 404 });
  return { user, organizations, isSelf: actor.id === user.id };
}

const FLASH = {
  update: "admin.flash.userUpdated",
  deactivate: "admin.flash.userDeactivated",
  reactivate: "admin.flash.userReactivated",
  resetPassword: "admin.flash.passwordReset",
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireUser(request);
  requireGlobalPermission(actor, "admin.users");
  const userId = userIdOf(params);
  const formData = await request.formData();
  const intentParsed = UserIntentSchema.safeParse({ intent: formData.get("intent") });
  if (!intentParsed.success) throw new Response("Unknown intent", { status: 400 });
  const intent = intentParsed.data.intent;
  const context = auditContextFor(actor);

  let result: WriteResult<{ id: string; sessionsEnded?: boolean }>;
  try {
    if (intent === "update") {
      const parsed = parseForm(UpdateUserSchema, formData);
      if (!parsed.ok) return data({ ok: false as const, intent, fieldErrors: parsed.fieldErrors }, { status: 400 });
      result = await updateUser({ context, actorId: actor.id, userId, input: parsed.data });
    } else if (intent === "resetPassword") {
      const parsed = parseForm(ResetPasswordSchema, formData);
      if (!parsed.ok) return data({ ok: false as const, intent, fieldErrors: parsed.fieldErrors }, { status: 400 });
      result = await resetUserPassword({
        context,
        actorId: actor.id,
        userId,
        password: parsed.data.password,
        version: parsed.data.version,
      });
    } else {
      const parsed = parseForm(SetActiveSchema, formData);
      if (!parsed.ok) return data({ ok: false as const, intent, fieldErrors: parsed.fieldErrors }, { status: 400 });
      result = await setUserActive({
        context,
        actorId: actor.id,
        userId,
        active: intent === "reactivate",
        version: parsed.data.version,
      });
    }
  } catch (error) {
    if (error instanceof VersionConflictError) {
      return data(
        { ok: false as const, intent, conflict: { current: error.current as Record<string, unknown> | null } },
        { status: 409 },
      );
    }
    throw error;
  }
  if (!result.ok) return data({ ok: false as const, intent, fieldErrors: result.fieldErrors }, { status: 400 });
  const key = intent === "update" && result.sessionsEnded ? "admin.flash.userUpdatedSessionsEnded" : FLASH[intent];
  return redirectWithFlash(`/admin/users/${userId}`, { kind: "success", key });
}

export default function AdminUserPage() {
  const { t } = useTranslation();
  const ln = useLocalizedName();
  const format = useFormat();
  const { user, organizations, isSelf } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as AdminActionData;
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
          <ProfileForm
            key={user.version}
            user={user}
            organizations={organizations}
            isSelf={isSelf}
            actionData={actionData}
          />
        </section>
        <div>
          <section className="panel" aria-labelledby="user-status">
            <h2 id="user-status">{t("admin.fields.status")}</h2>
            <ActiveForm user={user} isSelf={isSelf} actionData={actionData} />
          </section>
          <section className="panel" aria-labelledby="user-password">
            <h2 id="user-password">{t("admin.users.resetPassword")}</h2>
            <ResetPasswordForm key={user.version} user={user} isSelf={isSelf} actionData={actionData} />
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
