import { Form, NavLink, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LOCALES } from "~/i18n/config";
import { organizationNameOf } from "~/lib/localized-name";
import { useRootData } from "~/root";
import { NotificationBell } from "./notification-bell";

export function AppHeader() {
  const { t, i18n } = useTranslation();
  const rootData = useRootData();
  const location = useLocation();
  const user = rootData?.user;
  const here = location.pathname + location.search;
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        {t("common.skipToContent")}
      </a>
      <div className="brand">
        <a href="/">{t("common.appName")}</a>
        <span className="tagline">{t("common.tagline")}</span>
      </div>
      {user ? (
        <nav aria-label={t("common.nav.home")} className="main-nav">
          <ul>
            {rootData.nav.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === "/"} prefetch="intent">
                  {t(item.labelKey)}
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
            {t("common.nav.language")}
          </label>
          <select
            id="language-select"
            name="locale"
            defaultValue={i18n.language}
            key={i18n.language}
            onChange={(event) => event.currentTarget.form?.requestSubmit()}
          >
            {LOCALES.map((locale) => (
              <option key={locale} value={locale}>
                {t(`common.languages.${locale}`)}
              </option>
            ))}
          </select>
          <noscript>
            <button type="submit">{t("common.actions.apply")}</button>
          </noscript>
        </Form>
        {user ? (
          <>
            <NotificationBell count={rootData.unreadNotifications} />
            <span className="user-chip" data-testid="current-user">
              {user.name} · {t(`common.roles.${user.role}`)} · {organizationNameOf(user, i18n.language)}
            </span>
            <Form method="post" action="/logout">
              <button type="submit" className="link-button">
                {t("common.nav.signOut")}
              </button>
            </Form>
          </>
        ) : null}
      </div>
    </header>
  );
}
