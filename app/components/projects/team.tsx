import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLabel, messageKey } from "~/i18n/keys";
import { useLocalizedName } from "~/i18n/use-localized-name";
import type { LocalizedName } from "~/lib/localized-name";
import { useRemixForm } from "~/components/ui/form";
import { useSubmittingIntent } from "~/components/ui/form-hooks";
import { useFormat } from "~/i18n/format";
import { AddMemberSchema, MEMBER_CAPACITIES, type AddMemberValues } from "~/schemas/membership";

export type TeamMember = {
  id: string;
  capacity: string;
  since: string;
  name: string;
  email: string;
  role: string;
  active: boolean;
  organization: LocalizedName;
};

export function TeamTable({ members, canManage }: { members: TeamMember[]; canManage: boolean }) {
  const { t } = useTranslation();
  const codeLabel = useLabel();
  const format = useFormat();
  const ln = useLocalizedName();
  const navigation = useNavigation();
  if (members.length === 0) {
    return (
      <p className="panel muted" data-testid="team-empty">
        {t("projects.team.empty")}
      </p>
    );
  }
  return (
    <div className="table-wrap">
      <table data-testid="team-table">
        <thead>
          <tr>
            <th scope="col">{t("projects.team.name")}</th>
            <th scope="col">{t("projects.team.organization")}</th>
            <th scope="col">{t("projects.team.role")}</th>
            <th scope="col">{t("projects.team.capacity")}</th>
            <th scope="col">{t("projects.team.since")}</th>
            {canManage ? <th scope="col">{t("projects.team.actions")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => {
            // Each row is its own form: the pending one is told apart by the member it removes.
            const removing = navigation.state === "submitting" && navigation.formData?.get("memberId") === m.id;
            return (
              <tr key={m.id} data-member-email={m.email}>
                <td>
                  {m.name} <span className="muted small">{m.email}</span>
                  {!m.active ? <span className="badge">{t("projects.team.inactive")}</span> : null}
                </td>
                <td>{ln(m.organization)}</td>
                <td>{codeLabel("common.roles", m.role)}</td>
                <td>{t(`projects.team.capacities.${m.capacity}`, { defaultValue: m.capacity })}</td>
                <td>{format.date(m.since)}</td>
                {canManage ? (
                  <td>
                    <Form method="post">
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="memberId" value={m.id} />
                      <button
                        type="submit"
                        className="button secondary"
                        disabled={removing}
                        aria-label={t("projects.team.removeNamed", { name: m.name })}
                      >
                        {removing ? t("common.actions.saving") : t("projects.team.remove")}
                      </button>
                    </Form>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export type Candidate = { id: string; name: string; role: string; organization: LocalizedName };

/**
 * Only people who could see the project are offered; the server checks again (a field error otherwise). There can
 * be thousands of them: the picker offers the first ones by name, and a search (a GET form, so it works before the
 * page's script has loaded) narrows them by part of a name or e-mail.
 */
export function AddMemberForm({
  candidates,
  total,
  search,
  serverErrors,
}: {
  candidates: Candidate[];
  total: number;
  search: string;
  serverErrors: Record<string, string> | null;
}) {
  const { t } = useTranslation();
  const codeLabel = useLabel();
  const ln = useLocalizedName();
  const { form, onSubmit } = useRemixForm<AddMemberValues>(AddMemberSchema, {
    defaultValues: { userId: "", capacity: "PROJECT_OFFICER" },
    serverErrors,
  });
  const submitting = useSubmittingIntent("add");
  const errors = form.formState.errors;
  return (
    <section className="panel" aria-labelledby="add-member-title">
      <h2 id="add-member-title">{t("projects.team.add")}</h2>
      <PersonSearch search={search} />
      {candidates.length === 0 ? (
        <p className="muted" data-testid="no-candidates">
          {search ? t("pickers.noMatch", { search }) : t("projects.team.noCandidates")}
        </p>
      ) : null}
      {total > candidates.length ? (
        <p className="muted small" data-testid="candidates-showing">
          {t("pickers.offered", { shown: candidates.length, total })}
        </p>
      ) : null}
      <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
        <input type="hidden" name="intent" value="add" />
        <div className="field">
          <label htmlFor="field-userId">{t("projects.team.person")}</label>
          <select
            id="field-userId"
            aria-invalid={errors.userId ? true : undefined}
            aria-describedby={errors.userId ? "field-userId-error" : undefined}
            {...form.register("userId")}
          >
            <option value="">{t("projects.form.choose")}</option>
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} — {ln(c.organization)} ({codeLabel("common.roles", c.role)})
              </option>
            ))}
          </select>
          {typeof errors.userId?.message === "string" ? (
            <p className="field-error" id="field-userId-error" role="alert">
              {t(messageKey(errors.userId.message))}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="field-capacity">{t("projects.team.capacity")}</label>
          <select id="field-capacity" {...form.register("capacity")}>
            {MEMBER_CAPACITIES.map((c) => (
              <option key={c} value={c}>
                {t(`projects.team.capacities.${c}`)}
              </option>
            ))}
          </select>
          {typeof errors.capacity?.message === "string" ? (
            <p className="field-error" role="alert">
              {t(messageKey(errors.capacity.message))}
            </p>
          ) : null}
        </div>
        <div>
          <button type="submit" disabled={submitting} data-testid="add-member">
            {submitting ? t("common.actions.saving") : t("projects.team.add")}
          </button>
        </div>
      </Form>
    </section>
  );
}

function PersonSearch({ search }: { search: string }) {
  const { t } = useTranslation();
  return (
    <Form method="get" className="filter-bar" role="search" aria-label={t("pickers.findPerson")}>
      <div className="field">
        <label htmlFor="team-person-search">{t("pickers.findPerson")}</label>
        <input
          id="team-person-search"
          name="person"
          type="search"
          defaultValue={search}
          maxLength={100}
          placeholder={t("pickers.findPersonHint")}
        />
      </div>
      <div className="filter-actions">
        <button type="submit" className="secondary">
          {t("pickers.search")}
        </button>
        {search ? (
          <Link to="." className="button secondary">
            {t("pickers.clearSearch")}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
