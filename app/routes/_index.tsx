import type { LoaderFunctionArgs } from "@remix-run/node";
import { titled } from "~/lib/meta";
import { useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminHome } from "~/components/home/admin-home";
import { AuditorHome } from "~/components/home/auditor-home";
import { IfcView } from "~/components/home/ifc-view";
import { ManagerHome } from "~/components/home/manager-home";
import { MinistryView } from "~/components/home/ministry-view";
import { OfficerHome } from "~/components/home/officer-home";
import { VisibleProjects } from "~/components/home/visible-projects";
import { WorldBankView } from "~/components/home/world-bank-view";
import { requireUser } from "~/lib/auth.server";
import { localizedName, organizationNameOf } from "~/lib/localized-name";
import { resolveLocale } from "~/lib/locale.server";
import { homeDataFor } from "~/models/home.server";
import { ErrorPanel } from "~/root";

export const meta = titled("common.nav.home");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // The visible projects come with the home data (one portfolio read), kept per state of the database, day and viewer.
  const [{ projects, ...home }, language] = await Promise.all([homeDataFor(user), resolveLocale(request, user.locale)]);
  // Names travel in the reader's language only (the cached home data holds all three, for every language).
  const items = projects.items.map((p) => ({ ...p, agency: localizedName(p.agency, language) }));
  return {
    user: {
      name: user.name,
      role: user.role,
      organizationName: organizationNameOf(user, language),
      organizationKind: user.organizationKind,
    },
    projects: { items, total: projects.total },
    home,
  };
}

const INTRO_KEY = {
  ADMIN: "home.adminIntro",
  MANAGER: "home.managerIntro",
  OFFICER: "home.officerIntro",
  AUDITOR: "home.auditorIntro",
} as const;

export default function Home() {
  const { t } = useTranslation();
  const { user, projects, home } = useLoaderData<typeof loader>();
  const org = home.org;
  return (
    <div data-testid={`home-${user.role.toLowerCase()}`} data-org-kind={user.organizationKind}>
      <h1>{t("home.greeting", { name: user.name })}</h1>
      <p className="muted">
        {t("home.signedInAs", {
          role: t(`common.roles.${user.role}`),
          organization: user.organizationName,
        })}{" "}
        — {t(INTRO_KEY[user.role])}
      </p>
      {home.officer ? <OfficerHome data={home.officer} /> : null}
      {home.manager ? <ManagerHome data={home.manager} /> : null}
      {org?.kind === "WORLD_BANK" ? <WorldBankView projects={org.projects} /> : null}
      {org?.kind === "IFC" ? <IfcView projects={org.projects} /> : null}
      {org?.kind === "MINISTRY" ? <MinistryView data={org} /> : null}
      {home.auditor ? <AuditorHome data={home.auditor} /> : null}
      {home.admin ? <AdminHome data={home.admin} /> : null}
      <VisibleProjects projects={projects} collapsed={user.role !== "OFFICER"} />
      <p className="notice">{t("common.illustrative")}</p>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
