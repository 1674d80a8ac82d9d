import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, useRemixForm } from "~/components/ui/form";
import { useActionAnswer, useSubmittingIntent } from "~/components/ui/form-hooks";
import { useLocalizedName } from "~/i18n/use-localized-name";
import { fieldErrorsIn } from "~/lib/action-result";
import { AddSsoDomainSchema, type AddSsoDomainInput } from "~/schemas/sso";
import { SelectField } from "./select-field";

type OrganizationName = { id: string; code: string; name: string; nameRu: string | null; nameKk: string | null };
type SsoDomain = { id: string; domain: string; organization: OrganizationName };

/**
 * The Organisations page's single sign-on section: whether sign-in with an organisation account is on, and the
 * e-mail domains that get an account on a first sign-in (and in which organisation).
 */
export function SsoDomainsSection({
  issuer,
  domains,
  organizations,
}: {
  issuer: string | null;
  domains: SsoDomain[];
  organizations: OrganizationName[];
}) {
  const { t } = useTranslation();
  const ln = useLocalizedName();
  return (
    <section
      className="panel stack"
      aria-labelledby="sso-title"
      style={{ marginTop: "1rem" }}
      data-testid="sso-section"
    >
      <h2 id="sso-title">{t("sso.admin.title")}</h2>
      <p>{issuer ? t("sso.admin.on", { issuer }) : t("sso.admin.off")}</p>
      <p className="notice">{t("sso.admin.rule")}</p>
      <h3>{t("sso.admin.autoTitle")}</h3>
      <p>{t("sso.admin.autoIntro")}</p>
      {domains.length === 0 ? (
        <p className="notice" data-testid="sso-domains-empty">
          {t("sso.admin.empty")}
        </p>
      ) : (
        <div className="table-wrap">
          <table data-testid="sso-domains">
            <thead>
              <tr>
                <th>{t("sso.admin.domain")}</th>
                <th>{t("sso.admin.organization")}</th>
                <th>
                  <span className="visually-hidden">{t("sso.admin.remove")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {domains.map((d) => (
                <tr key={d.id} data-sso-domain={d.domain}>
                  <td>{d.domain}</td>
                  <td>{ln(d.organization)}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="intent" value="removeSsoDomain" />
                      <input type="hidden" name="id" value={d.id} />
                      <button
                        type="submit"
                        className="button secondary"
                        aria-label={t("sso.admin.removeNamed", { domain: d.domain })}
                      >
                        {t("sso.admin.remove")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AddSsoDomainForm organizations={organizations} />
    </section>
  );
}

function AddSsoDomainForm({ organizations }: { organizations: OrganizationName[] }) {
  const { t } = useTranslation();
  const ln = useLocalizedName();
  const answer = useActionAnswer("addSsoDomain");
  const { form, onSubmit } = useRemixForm<AddSsoDomainInput>(AddSsoDomainSchema, {
    defaultValues: { intent: "addSsoDomain", domain: "", organizationId: "" },
    serverErrors: fieldErrorsIn(answer),
  });
  const submitting = useSubmittingIntent("addSsoDomain");
  return (
    <Form method="post" className="stack sso-domain-form" onSubmit={onSubmit} noValidate data-testid="sso-domain-form">
      <input type="hidden" {...form.register("intent")} />
      <Field form={form} name="domain" label={t("sso.admin.domain")} hint={t("sso.admin.domainHint")} />
      <SelectField
        form={form}
        name="organizationId"
        label={t("sso.admin.organization")}
        placeholder={t("sso.admin.chooseOrganization")}
        options={organizations.map((o) => ({ value: o.id, label: ln(o) }))}
      />
      <div className="button-row">
        <button type="submit" disabled={submitting}>
          {submitting ? t("common.actions.saving") : t("sso.admin.add")}
        </button>
      </div>
    </Form>
  );
}
