import { useTranslation } from "react-i18next";
import { useLocalizedName } from "~/i18n/use-localized-name";
import type { LocalizedName } from "~/lib/localized-name";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { ROLES } from "~/lib/permissions";
import { ADMIN_LOCALES } from "~/schemas/admin";
import { SelectField } from "./select-field";

/** Organisation, role and language selects shared by the create and edit forms. */
export function UserProfileSelects<T extends FieldValues>({
  form,
  organizations,
  lockRoleAndOrganization,
}: {
  form: UseFormReturn<T>;
  organizations: ({ id: string } & LocalizedName)[];
  lockRoleAndOrganization?: boolean;
}) {
  const { t } = useTranslation();
  const ln = useLocalizedName();
  const lockedHint = lockRoleAndOrganization ? t("admin.users.ownLocked") : undefined;
  return (
    <>
      <SelectField
        form={form}
        name={"organizationId" as Path<T>}
        label={t("admin.fields.organization")}
        placeholder=""
        options={organizations.map((o) => ({ value: o.id, label: ln(o) }))}
        disabled={lockRoleAndOrganization}
        hint={lockedHint}
      />
      <SelectField
        form={form}
        name={"role" as Path<T>}
        label={t("admin.fields.role")}
        placeholder=""
        options={ROLES.map((r) => ({ value: r, label: t(`common.roles.${r}`) }))}
        disabled={lockRoleAndOrganization}
        hint={lockedHint}
      />
      <SelectField
        form={form}
        name={"locale" as Path<T>}
        label={t("admin.fields.locale")}
        options={ADMIN_LOCALES.map((l) => ({ value: l, label: t(`common.languages.${l}`) }))}
      />
    </>
  );
}
