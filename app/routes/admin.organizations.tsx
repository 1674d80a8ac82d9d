import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLocalizedName } from "~/i18n/use-localized-name";
import { z } from "zod";
import { OrganizationForm } from "~/components/admin/organization-form";
import { auditContextFor, requireUser } from "~/lib/auth.server";
import { localizedName } from "~/lib/localized-name";
import { redirectWithFlash } from "~/lib/flash.server";
import { invariantResponse, readFormData, runAction } from "~/lib/http.server";
import { requireGlobalPermission } from "~/lib/permissions.server";
import { parseForm, parseSearchParams } from "~/lib/validation.server";
import { createOrganization, listOrganizationsForAdmin, updateOrganization } from "~/models/admin/organizations.server";
import { ErrorPanel } from "~/root";
import { CreateOrganizationSchema, OrganizationIntentSchema, UpdateOrganizationSchema } from "~/schemas/admin";
import { titled } from "~/lib/meta";
import { SsoDomainsSection } from "~/components/admin/sso-domains";
import { getEnv } from "~/lib/env.server";
import { addSsoAutoDomain, listSsoAutoDomains, removeSsoAutoDomain } from "~/models/admin/sso-domains.server";
import { AddSsoDomainSchema, RemoveSsoDomainSchema, SSO_DOMAIN_INTENTS } from "~/schemas/sso";

const SearchSchema = z.object({ edit: z.string().max(64).optional() });

export const meta = titled("admin.tabs.organizations", "admin.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "admin.organizations");
  const { edit } = parseSearchParams(SearchSchema, new URL(request.url));
  const [organizations, ssoDomains] = await Promise.all([listOrganizationsForAdmin(), listSsoAutoDomains()]);
  return { organizations, edit: edit ?? null, sso: { issuer: getEnv().OIDC_ISSUER ?? null, domains: ssoDomains } };
}

/** The single sign-on section's two forms (add or remove a domain for automatic accounts). */
async function ssoDomainAction(formData: FormData, user: Awaited<ReturnType<typeof requireUser>>) {
  const intent = formData.get("intent") === "removeSsoDomain" ? "removeSsoDomain" : "addSsoDomain";
  const address = { intent, itemId: intent === "removeSsoDomain" ? String(formData.get("id") ?? "") || null : null };
  const context = auditContextFor(user);
  return runAction(address, async () => {
    if (intent === "removeSsoDomain") {
      const parsed = parseForm(RemoveSsoDomainSchema, formData, address);
      if (!parsed.ok) return parsed.response;
      const { domain } = await removeSsoAutoDomain({ context, id: parsed.data.id });
      return redirectWithFlash("/admin/organizations", {
        kind: "success",
        key: "sso.admin.removed",
        values: { domain },
      });
    }
    const parsed = parseForm(AddSsoDomainSchema, formData, address);
    if (!parsed.ok) return parsed.response;
    await addSsoAutoDomain({ context, input: parsed.data });
    return redirectWithFlash("/admin/organizations", {
      kind: "success",
      key: "sso.admin.added",
      values: { domain: parsed.data.domain },
    });
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "admin.organizations");
  const formData = await readFormData(request);
  if (SSO_DOMAIN_INTENTS.some((intent) => intent === formData.get("intent"))) return ssoDomainAction(formData, user);
  const intentParsed = OrganizationIntentSchema.safeParse({ intent: formData.get("intent") });
  invariantResponse(intentParsed.success, "Unknown intent");
  const intent = intentParsed.data.intent;
  // The edit form answers to its organisation; the create form has none.
  const address = { intent, itemId: intent === "update" ? String(formData.get("id") ?? "") || null : null };
  const context = auditContextFor(user);
  return runAction(address, async () => {
    const parsed =
      intent === "create"
        ? parseForm(CreateOrganizationSchema, formData, address)
        : parseForm(UpdateOrganizationSchema, formData, address);
    if (!parsed.ok) return parsed.response;
    if (parsed.data.intent === "create") await createOrganization({ context, input: parsed.data });
    else await updateOrganization({ context, input: parsed.data });
    return redirectWithFlash("/admin/organizations", {
      kind: "success",
      key: intent === "create" ? "admin.flash.organizationCreated" : "admin.flash.organizationUpdated",
      values: { name: localizedName(parsed.data, user.locale) },
    });
  });
}

export default function AdminOrganizations() {
  const { t } = useTranslation();
  const ln = useLocalizedName();
  const { organizations, edit, sso } = useLoaderData<typeof loader>();
  return (
    <div>
      <h2>{t("admin.organizations.title")}</h2>
      <div className="table-wrap">
        <table data-testid="admin-organizations">
          <thead>
            <tr>
              <th>{t("admin.fields.code")}</th>
              <th>{t("admin.fields.name")}</th>
              <th>{t("admin.fields.kind")}</th>
              <th className="num">{t("admin.organizations.users")}</th>
              <th className="num">{t("admin.organizations.projects")}</th>
              <th>
                <span className="visually-hidden">{t("common.actions.edit")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {organizations.map((o) =>
              edit === o.id ? (
                <tr key={o.id} data-org-code={o.code}>
                  <td colSpan={6}>
                    <OrganizationForm key={o.version} organization={o} />
                  </td>
                </tr>
              ) : (
                <tr key={o.id} data-org-code={o.code}>
                  <td>{o.code}</td>
                  <td>{ln(o)}</td>
                  <td>{t(`common.orgKinds.${o.kind}`)}</td>
                  <td className="num">
                    <Link to={`/admin/users?organizationId=${o.id}`}>{o.userCount}</Link>
                  </td>
                  <td className="num">{o.projectCount}</td>
                  <td>
                    <Link
                      to={`/admin/organizations?edit=${o.id}`}
                      aria-label={t("admin.organizations.editNamed", { name: ln(o) })}
                    >
                      {t("common.actions.edit")}
                    </Link>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
      {/* One form at a time: the create form is hidden while a row is being edited. */}
      {edit ? null : (
        <section className="panel" aria-labelledby="new-org" style={{ marginTop: "1rem" }}>
          <h2 id="new-org">{t("admin.organizations.new")}</h2>
          <OrganizationForm key={organizations.length} />
        </section>
      )}
      <SsoDomainsSection issuer={sso.issuer} domains={sso.domains} organizations={organizations} />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
