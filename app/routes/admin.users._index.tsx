import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/lib/auth.server";
import { localizedName, organizationNameOf } from "~/lib/localized-name";
import { resolveLocale } from "~/lib/locale.server";
import { ROLES } from "~/lib/permissions";
import { requireGlobalPermission } from "~/lib/permissions.server";
import { parseSearchParams } from "~/lib/validation.server";
import { listOrganizationChoices, listUsers } from "~/models/admin/users.server";
import { ErrorPanel } from "~/root";
import { UserFilterSchema } from "~/schemas/admin";
import { titled } from "~/lib/meta";

export const meta = titled("admin.users.title", "admin.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "admin.users");
  const filters = parseSearchParams(UserFilterSchema, new URL(request.url));
  const { page, ...rest } = filters;
  const [list, choices, language] = await Promise.all([
    listUsers({ filters: rest, page }),
    listOrganizationChoices(),
    resolveLocale(request, user.locale),
  ]);
  // Everything returned is serialized into the page: only what the table and the filter show, and each
  // organisation's name in the reader's language only (not in all three).
  const users = list.users.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    organizationName: organizationNameOf(u, language),
    role: u.role,
    locale: u.locale,
    active: u.active,
    mustChangePassword: u.mustChangePassword,
    sessionCount: u.sessionCount,
  }));
  const organizations = choices.map((o) => ({ id: o.id, name: localizedName(o, language) }));
  return { ...list, users, organizations, filters: rest };
}

export default function AdminUsers() {
  const { t } = useTranslation();
  const { users, organizations, filters, total, page, pages, from, to } = useLoaderData<typeof loader>();
  const pageHref = (n: number) => {
    const kept = Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1]));
    return `?${new URLSearchParams([...kept, ["page", String(n)]]).toString()}`;
  };
  return (
    <div>
      <div className="button-row">
        <h2 style={{ marginRight: "auto" }}>{t("admin.users.title")}</h2>
        <Link to="/admin/users/new" className="button">
          {t("admin.users.new")}
        </Link>
      </div>
      <UserFilters filters={filters} organizations={organizations} />
      {pages > 1 ? (
        <p className="muted" data-testid="showing-note">
          {t("lists.showingRange", { from, to, total })}
        </p>
      ) : null}
      {users.length === 0 ? <p className="panel muted">{t("admin.users.empty")}</p> : <UserTable users={users} />}
      {pages > 1 ? (
        <nav className="pager" aria-label={t("lists.pagination")}>
          {page > 1 ? <Link to={pageHref(page - 1)}>{t("lists.previous")}</Link> : null}
          <span>{t("lists.pageOf", { page, pages })}</span>
          {page < pages ? <Link to={pageHref(page + 1)}>{t("lists.next")}</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

/** The filters are a GET form: the URL holds them, so a filtered list can be bookmarked and shared. */
function UserFilters({ filters, organizations }: Pick<LoaderData, "filters" | "organizations">) {
  const { t } = useTranslation();
  return (
    <Form method="get" className="filter-bar" aria-label={t("admin.users.filters")}>
      <div className="field">
        <label htmlFor="filter-q">{t("admin.users.search")}</label>
        <input id="filter-q" name="q" type="search" defaultValue={filters.q ?? ""} />
      </div>
      <div className="field">
        <label htmlFor="filter-org">{t("admin.fields.organization")}</label>
        <select id="filter-org" name="organizationId" defaultValue={filters.organizationId ?? ""}>
          <option value="">{t("admin.users.allOrganizations")}</option>
          {organizations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-role">{t("admin.fields.role")}</label>
        <select id="filter-role" name="role" defaultValue={filters.role ?? ""}>
          <option value="">{t("admin.users.allRoles")}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`common.roles.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-active">{t("admin.fields.status")}</label>
        <select id="filter-active" name="active" defaultValue={filters.active ?? ""}>
          <option value="">{t("admin.users.anyStatus")}</option>
          <option value="true">{t("admin.users.active")}</option>
          <option value="false">{t("admin.users.inactive")}</option>
        </select>
      </div>
      <div className="filter-actions">
        <button type="submit">{t("common.actions.apply")}</button>
        <Link to="/admin/users" className="button secondary">
          {t("common.actions.reset")}
        </Link>
      </div>
    </Form>
  );
}

function UserTable({ users }: Pick<LoaderData, "users">) {
  const { t } = useTranslation();
  // Words the rows repeat, translated once per table rather than once or twice per row.
  const roles = Object.fromEntries(ROLES.map((role) => [role, t(`common.roles.${role}`)]));
  const languages = new Map<string, string>();
  const languageOf = (code: string) => {
    let name = languages.get(code);
    if (name === undefined) {
      name = t(`common.languages.${code}`, { defaultValue: code });
      languages.set(code, name);
    }
    return name;
  };
  const words = {
    active: t("admin.users.active"),
    inactive: t("admin.users.inactive"),
    mustChange: t("admin.users.mustChange"),
  };
  return (
    <div className="table-wrap">
      <table data-testid="admin-users">
        <thead>
          <tr>
            <th>{t("admin.fields.name")}</th>
            <th>{t("admin.fields.email")}</th>
            <th>{t("admin.fields.organization")}</th>
            <th>{t("admin.fields.role")}</th>
            <th>{t("admin.fields.locale")}</th>
            <th>{t("admin.fields.status")}</th>
            <th className="num">{t("admin.users.sessions")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} data-user-email={u.email}>
              <td>
                <Link to={`/admin/users/${u.id}`}>{u.name}</Link>
              </td>
              <td>{u.email}</td>
              <td>{u.organizationName}</td>
              <td>{roles[u.role]}</td>
              <td>{languageOf(u.locale)}</td>
              <td>
                {u.active ? (
                  <span className="badge green">{words.active}</span>
                ) : (
                  <span className="badge">{words.inactive}</span>
                )}
                {u.mustChangePassword ? (
                  <>
                    {" "}
                    <span className="badge amber">{words.mustChange}</span>
                  </>
                ) : null}
              </td>
              <td className="num">{u.sessionCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
