// First: configures zod for the browser's CSP before any module creates a schema.
import "~/lib/zod-jitless";
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useMemo } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { AppHeader } from "~/components/layout/app-header";
import { FlashMessage } from "~/components/layout/flash-message";
import { createI18n, DEFAULT_LOCALE, type Locale } from "~/i18n/config";
import { validateRequestSession } from "~/lib/session.server";
import { readFlash } from "~/lib/flash.server";
import { pageLocale } from "~/lib/page-locale.server";
import { organizationNameOf } from "~/lib/localized-name";
import { navFor } from "~/lib/navigation";
import { countUnread } from "~/models/notify/inbox.server";
import { useNonce } from "~/lib/nonce";
import { rootMeta } from "~/lib/meta";
import { currentRequest, noteRequestUser } from "~/lib/request.server";
import baseStyles from "~/styles/base.css?url";
import layoutStyles from "~/styles/layout.css?url";
import elementStyles from "~/styles/elements.css?url";
import portfolioStyles from "~/styles/portfolio.css?url";
import projectStyles from "~/styles/projects.css?url";
import workflowStyles from "~/styles/workflow.css?url";
import historyStyles from "~/styles/history.css?url";
import notifyStyles from "~/styles/notify.css?url";
import evidenceStyles from "~/styles/evidence.css?url";

/** The stylesheets in cascade order: each may refine the ones before it. */
const STYLESHEETS = [
  baseStyles,
  layoutStyles,
  elementStyles,
  portfolioStyles,
  projectStyles,
  workflowStyles,
  historyStyles,
  notifyStyles,
  evidenceStyles,
];

export const links: LinksFunction = () => [
  ...STYLESHEETS.map((href) => ({ rel: "stylesheet", href })),
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta = rootMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await validateRequestSession(request);
  const user = session?.user ?? null;
  if (user) noteRequestUser(user.id);
  const locale = await pageLocale(request, user?.locale);
  const { flash, clearCookie } = await readFlash(request);
  const actor = user
    ? { id: user.id, role: user.role, organizationId: user.organizationId, organizationKind: user.organizationKind }
    : null;
  const headers = new Headers();
  if (clearCookie) headers.append("Set-Cookie", clearCookie);
  // Sliding expiry: when the session was extended, the browser's cookie is extended with it.
  if (session?.refreshCookie) headers.append("Set-Cookie", session.refreshCookie);
  return data(
    {
      locale,
      requestId: currentRequest().requestId,
      flash,
      // Only what the header shows, in the reader's language: this travels in every signed-in page's hydration data.
      user: user
        ? {
            id: user.id,
            name: user.name,
            role: user.role,
            organizationName: organizationNameOf(user, locale),
            organizationKind: user.organizationKind,
          }
        : null,
      nav: actor ? navFor(actor).map((item) => item.to) : [],
      // Nothing unread at all (read with the session): the visible count is 0 without counting.
      unreadNotifications: actor && user?.hasUnreadNotifications ? await countUnread(actor) : 0,
    },
    { headers },
  );
}

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

export function Layout({ children }: { children: React.ReactNode }) {
  const rootData = useRootData();
  const locale: Locale = rootData?.locale ?? DEFAULT_LOCALE;
  const i18n = useMemo(() => createI18n(locale), [locale]);
  const nonce = useNonce();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <I18nextProvider i18n={i18n}>
          <AppHeader />
          <main id="main" className="page">
            {rootData?.flash ? <FlashMessage flash={rootData.flash} /> : null}
            {children}
          </main>
        </I18nextProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  return <ErrorPanel error={error} />;
}

/** Shared by every route's error boundary: a clear message and the request id, never a stack trace. */
export function ErrorPanel({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const rootData = useRootData();
  let title = t("common.errors.title");
  let message = t("common.errors.generic");
  let status = 500;
  if (isRouteErrorResponse(error)) {
    status = error.status;
    if (error.status === 404) {
      title = t("common.errors.notFoundTitle");
      message = t("common.errors.notFound");
    } else if (error.status === 403) {
      title = t("common.errors.forbiddenTitle");
      message = t("common.errors.forbidden");
    } else if (error.status === 400) {
      // The server's detail is for developers and logs (and in English): people get the translated sentence.
      message = t("common.errors.badRequest");
    } else if (error.status === 409) {
      message = t("common.errors.conflict");
    } else if (error.status === 429 && typeof error.data === "string") {
      // A rate limit's answer is already in the user's language and says when to try again.
      message = error.data;
    }
  }
  return (
    <section className="error-panel" role="alert" data-status={status}>
      <h1>{title}</h1>
      <p>{message}</p>
      {rootData?.requestId ? (
        <p className="muted">
          {t("common.errors.requestId")}: <code data-testid="request-id">{rootData.requestId}</code>
        </p>
      ) : null}
      <p>
        <a href="/">{t("common.errors.backHome")}</a>
      </p>
    </section>
  );
}
