import type { LoaderFunctionArgs } from "@remix-run/node";
import { titled } from "~/lib/meta";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { EnvelopeBar } from "~/components/framework/envelope-bar";
import { useFrameworkWords } from "~/components/framework/framework-words";
import { requireUser } from "~/lib/auth.server";
import { pageLocale } from "~/lib/page-locale.server";
import { requireGlobalPermission } from "~/lib/permissions.server";
import { getFrameworksPage } from "~/models/framework.server";
import { ErrorPanel } from "~/root";

export const meta = titled("common.nav.frameworks");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "portfolio.view");
  // The page's language (as the root loader sends it): names are sent in it only.
  const locale = await pageLocale(request, user.locale);
  return { frameworks: await getFrameworksPage({ actor: user, locale }) };
}

export default function FrameworksPage() {
  const { words, format } = useFrameworkWords();
  const { frameworks } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>{words.title}</h1>
      <p className="muted">{words.intro}</p>
      {frameworks.length === 0 ? (
        <p className="panel muted">{words.empty}</p>
      ) : (
        <div className="grid" data-testid="framework-list">
          {frameworks.map((f) => (
            <section key={f.id} className="panel" data-framework-code={f.code}>
              <h2>
                <Link to={`/frameworks/${f.id}`}>{f.name}</Link>
              </h2>
              <p className="muted">
                {format.date(f.startDate)} – {format.date(f.endDate)} · {words.areaCount(f.areaCount)} ·{" "}
                {words.projectCount(f.projectCount)}
              </p>
              <EnvelopeBar
                annualEnvelopeCents={f.annualEnvelopeCents}
                years={f.years}
                totalEnvelopeCents={f.totalEnvelopeCents}
                committedCents={f.committedCents}
                pipelineCents={f.pipelineCents}
                words={words}
                format={format}
              />
              <p>
                <Link to={`/frameworks/${f.id}`}>{words.open}</Link>
              </p>
            </section>
          ))}
        </div>
      )}
      <p className="notice">{words.scopeNote}</p>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
