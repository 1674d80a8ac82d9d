import type { LoaderFunctionArgs } from "@remix-run/node";
import { titled } from "~/lib/meta";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLocalizedName } from "~/i18n/use-localized-name";
import { z } from "zod";
import { AreaPanel } from "~/components/board/area-panel";
import { EnvelopeBar } from "~/components/board/envelope-bar";
import { useFormat } from "~/i18n/format";
import { requireUser } from "~/lib/auth.server";
import { invariantResponse, requireParams } from "~/lib/http.server";
import { requireGlobalPermission } from "~/lib/permissions.server";
import { getFrameworkView } from "~/models/framework.server";
import { routeId } from "~/schemas/fields";
import { ErrorPanel } from "~/root";

export const meta = titled("common.nav.frameworks");

const Params = z.object({ frameworkId: routeId });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "portfolio.view");
  const { frameworkId } = requireParams(Params, params);
  const view = await getFrameworkView({ actor: user, frameworkId });
  invariantResponse(view, "Not found", { status: 404 });
  return view;
}

export default function FrameworkPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const ln = useLocalizedName();
  const { framework, areas } = useLoaderData<typeof loader>();
  return (
    <div>
      <p>
        <Link to="/frameworks">← {t("portfolio.cpf.title")}</Link>
      </p>
      <h1>{ln(framework)}</h1>
      <p className="muted">
        {framework.code} · {format.date(framework.startDate)} – {format.date(framework.endDate)}
      </p>
      {framework.description ? <p>{framework.description}</p> : null}
      <section className="panel" aria-label={t("portfolio.cpf.envelope")}>
        <EnvelopeBar
          annualEnvelopeCents={framework.annualEnvelopeCents}
          years={framework.years}
          totalEnvelopeCents={framework.totalEnvelopeCents}
          committedCents={framework.committedCents}
          pipelineCents={framework.pipelineCents}
        />
        <p>
          <Link to={`/board?frameworkId=${framework.id}`}>{t("portfolio.cpf.boardLink")}</Link>
        </p>
      </section>
      {areas.length === 0 ? (
        <p className="panel muted">{t("portfolio.cpf.noAreas")}</p>
      ) : (
        areas.map((area) => <AreaPanel key={area.id} area={area} totalEnvelopeCents={framework.totalEnvelopeCents} />)
      )}
      <p className="notice">{t("portfolio.cpf.scopeNote")}</p>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
