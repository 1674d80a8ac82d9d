import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RemindersPanel } from "~/components/notify/reminders-panel";
import { auditContextFor, requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { answerRefused, readFormData } from "~/lib/http.server";
import { ROLES } from "~/lib/permissions";
import { requireGlobalPermission } from "~/lib/permissions.server";
import { getAdminOverview } from "~/models/admin/overview.server";
import { latestReminderRun, runReminders } from "~/models/notify/run.server";
import { ErrorPanel } from "~/root";
import { titled } from "~/lib/meta";

export const meta = titled("admin.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "admin.users");
  const [overview, latest] = await Promise.all([getAdminOverview(), latestReminderRun()]);
  return { ...overview, latestRun: latest ? { ...latest, startedAt: latest.startedAt.toISOString() } : null };
}

/** "Run reminders now": the same run as the schedule's, recorded with the administrator as its actor. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "reminders.run");
  const intent = (await readFormData(request)).get("intent");
  const address = { intent: "runReminders" };
  if (intent !== "runReminders") return answerRefused(address, "common.errors.badRequest", { status: 400 });
  const outcome = await runReminders({ trigger: "admin", context: auditContextFor(user) });
  if (outcome.status === "busy") return answerRefused(address, "notify.admin.busy");
  if (outcome.status === "failed") return answerRefused(address, "notify.admin.failed", { status: 500 });
  return redirectWithFlash("/admin", {
    kind: "success",
    key: "notify.admin.ran",
    values: { digests: outcome.digests },
  });
}

export default function AdminOverview() {
  const { t } = useTranslation();
  const overview = useLoaderData<typeof loader>();
  return (
    <div className="home-grid" data-testid="admin-overview">
      <section className="panel">
        <h2>{t("admin.tabs.users")}</h2>
        <ul className="compact-list">
          {ROLES.map((role) => (
            <li key={role}>
              <Link to={`/admin/users?role=${role}`}>{t(`common.roles.${role}`)}</Link>:{" "}
              <strong>{overview.byRole[role]}</strong>
            </li>
          ))}
          <li>
            <Link to="/admin/users?active=false">{t("admin.overview.inactive")}</Link>:{" "}
            <strong>{overview.inactive}</strong>
          </li>
        </ul>
        <p className="button-row">
          <Link to="/admin/users/new" className="button">
            {t("admin.users.new")}
          </Link>
        </p>
      </section>
      <section className="panel">
        <h2>{t("admin.tabs.organizations")}</h2>
        <p>
          {/* "Label: N" reads right for every number in every language, without plural forms. */}
          {t("admin.overview.organizations")}: <strong>{overview.organizations}</strong>
        </p>
        <Link to="/admin/organizations">{t("admin.overview.manageOrganizations")}</Link>
      </section>
      <section className="panel">
        <h2>{t("admin.tabs.frameworks")}</h2>
        <p>
          {t("admin.overview.frameworks")}: <strong>{overview.frameworks}</strong> · {t("admin.overview.areas")}:{" "}
          <strong>{overview.areas}</strong>
        </p>
        <Link to="/admin/frameworks">{t("admin.overview.manageFrameworks")}</Link>
      </section>
      <section className="panel">
        <h2>{t("admin.overview.teamsTitle")}</h2>
        <p className="muted">{t("admin.overview.teams")}</p>
        <Link to="/projects">{t("admin.overview.openProjects")}</Link>
      </section>
      <RemindersPanel latest={overview.latestRun} />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
