import type { TranslationKey } from "~/i18n/keys";
import { decideGlobal, type Actor, type GlobalAction } from "./permissions";

/** Top navigation: each entry names the permission that decides whether it is shown (the server still checks). */
export type NavItem = { to: string; labelKey: TranslationKey; requires?: GlobalAction };

export const NAV_ITEMS: NavItem[] = [
  { to: "/", labelKey: "common.nav.home" },
  { to: "/projects", labelKey: "common.nav.projects", requires: "portfolio.view" },
  { to: "/board", labelKey: "common.nav.board", requires: "portfolio.view" },
  { to: "/frameworks", labelKey: "common.nav.frameworks", requires: "portfolio.view" },
  { to: "/reviews", labelKey: "common.nav.reviews", requires: "reviewQueue.view" },
  { to: "/reporting", labelKey: "common.nav.reporting", requires: "portfolio.view" },
  { to: "/history", labelKey: "common.nav.history", requires: "history.viewAll" },
  { to: "/exports", labelKey: "common.nav.exports", requires: "portfolio.export" },
  { to: "/admin", labelKey: "common.nav.admin", requires: "admin.users" },
];

export function navFor(actor: Actor): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.requires || decideGlobal(actor, item.requires) === "allow");
}
