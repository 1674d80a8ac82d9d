import { Form, NavLink, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LOCALES } from "~/i18n/config";
import { rememberedPerLanguage } from "~/i18n/remembered-labels";
import { NAV_ITEMS } from "~/lib/navigation";
import type { Role } from "~/lib/permissions";
import { useRootData } from "~/root";
import { NotificationBell } from "./notification-bell";

/** The header's words: the same on every page of a language (the root sends only which entries to show). */
const headerLabels = rememberedPerLanguage((t) => ({
  skipToContent: t("common.skipToContent"),
  appName: t("common.appName"),
  tagline: t("common.tagline"),
  navName: t("common.nav.home"),
  language: t("common.nav.language"),
  languages: LOCALES.map((locale) => ({ locale, label: t(`common.languages.${locale}`) })),
  apply: t("common.actions.apply"),
  signOut: t("common.nav.signOut"),
  nav: new Map(NAV_ITEMS.map((item) => [item.to, t(item.labelKey)])),
  roles: {
    ADMIN: t("common.roles.ADMIN"),
    MANAGER: t("common.roles.MANAGER"),
    OFFICER: t("common.roles.OFFICER"),
    AUDITOR: t("common.roles.AUDITOR"),
  } satisfies Record<Role, string>,
}));

export function AppHeader() {
  const { i18n } = useTranslation();
  const labels = headerLabels(i18n);
  const rootData = useRootData();
  const location = useLocation();
  const user = rootData?.user;
  const here = location.pathname + location.search;
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        {labels.skipToContent}
      </a>
      <div className="brand">
        <a href="/">{labels.appName}</a>
        <span className="tagline">{labels.tagline}</span>
      </div>
      {user ? (
        <nav aria-label={labels.navName} className="main-nav">
          <ul>
            {rootData.nav.map((to) => (
              <li key={to}>
                <NavLink to={to} end={to === "/"} prefetch="intent">
                  {labels.nav.get(to)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <div className="header-tools">
        <Form method="post" action="/account/language" className="language-form">
          <input type="hidden" name="redirectTo" value={here} />
          <label htmlFor="language-select" className="visually-hidden">
            {labels.language}
          </label>
          <select
            id="language-select"
            name="locale"
            defaultValue={i18n.language}
            key={i18n.language}
            onChange={(event) => event.currentTarget.form?.requestSubmit()}
          >
            {labels.languages.map(({ locale, label }) => (
              <option key={locale} value={locale}>
                {label}
              </option>
            ))}
          </select>
          <noscript>
            <button type="submit">{labels.apply}</button>
          </noscript>
        </Form>
        {user ? (
          <>
            <NotificationBell count={rootData.unreadNotifications} />
            <span className="user-chip" data-testid="current-user">
              {/* One text node (the root sends the organisation's name in the reader's language). */}
              {`${user.name} · ${labels.roles[user.role]} · ${user.organizationName}`}
            </span>
            <Form method="post" action="/logout">
              <button type="submit" className="link-button">
                {labels.signOut}
              </button>
            </Form>
          </>
        ) : null}
      </div>
    </header>
  );
}
