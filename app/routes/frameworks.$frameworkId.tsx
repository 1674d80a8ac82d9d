import type { LoaderFunctionArgs } from "@remix-run/node";
import { titled } from "~/lib/meta";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { z } from "zod";
import { AreaPanel } from "~/components/framework/area-panel";
import { EnvelopeBar } from "~/components/framework/envelope-bar";
import { useFrameworkWords } from "~/components/framework/framework-words";
import { requireUser } from "~/lib/auth.server";
import { invariantResponse, requireParams } from "~/lib/http.server";
import { pageLocale } from "~/lib/page-locale.server";
import { requireGlobalPermission } from "~/lib/permissions.server";
import { getFrameworkPage } from "~/models/framework.server";
import { routeId } from "~/schemas/fields";
import { ErrorPanel } from "~/root";

export const meta = titled("common.nav.frameworks");

const Params = z.object({ frameworkId: routeId });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "portfolio.view");
  const { frameworkId } = requireParams(Params, params);
  // The page's language (as the root loader sends it): names are sent in it only.
  const locale = await pageLocale(request, user.locale);
  const view = await getFrameworkPage({ actor: user, frameworkId, locale });
  invariantResponse(view, "Not found", { status: 404 });
  return view;
}

export default function FrameworkPage() {
  const { words, format } = useFrameworkWords();
  const { framework, areas } = useLoaderData<typeof loader>();
  return (
    <div>
      <p>
        <Link to="/frameworks">← {words.title}</Link>
      </p>
      <h1>{framework.name}</h1>
      <p className="muted">
        {framework.code} · {format.date(framework.startDate)} – {format.date(framework.endDate)}
      </p>
      {framework.description ? <p>{framework.description}</p> : null}
      <section className="panel" aria-label={words.envelope}>
        <EnvelopeBar
          annualEnvelopeCents={framework.annualEnvelopeCents}
          years={framework.years}
          totalEnvelopeCents={framework.totalEnvelopeCents}
          committedCents={framework.committedCents}
          pipelineCents={framework.pipelineCents}
          words={words}
          format={format}
        />
        <p>
          <Link to={`/board?frameworkId=${framework.id}`}>{words.boardLink}</Link>
        </p>
      </section>
      {areas.length === 0 ? (
        <p className="panel muted">{words.noAreas}</p>
      ) : (
        areas.map((area) => (
          <AreaPanel
            key={area.id}
            area={area}
            totalEnvelopeCents={framework.totalEnvelopeCents}
            words={words}
            format={format}
          />
        ))
      )}
      <p className="notice">{words.scopeNote}</p>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
