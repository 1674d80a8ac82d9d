/**
 * Names of organisations, frameworks and priority areas are stored in English (`name`) with optional Russian and
 * Kazakh forms. Pure: loaders and components both use it (components with `useTranslation().i18n.language`).
 */
export type LocalizedNameRow = { name: string; nameRu?: string | null; nameKk?: string | null };

/** The Prisma `select` fragment that carries every language of a name. */
export const LOCALIZED_NAME_SELECT = { name: true, nameRu: true, nameKk: true } as const;

/** The row's name in `locale` ("ru", "kk", also "ru-RU"), falling back to the English `name` when missing or blank. */
export function localizedName(row: LocalizedNameRow, locale: string): string {
  const language = locale.toLowerCase().split(/[-_]/)[0];
  const translated = language === "ru" ? row.nameRu : language === "kk" ? row.nameKk : null;
  return translated?.trim() ? translated : row.name;
}

/** The signed-in user's organisation name (session fields organizationName / organizationNameRu / organizationNameKk). */
export function organizationNameOf(
  user: { organizationName: string; organizationNameRu?: string | null; organizationNameKk?: string | null },
  locale: string,
): string {
  return localizedName(
    { name: user.organizationName, nameRu: user.organizationNameRu, nameKk: user.organizationNameKk },
    locale,
  );
}

/** A name as loaders send it to components, which show it with localizedName(row, i18n.language). */
export type LocalizedName = { name: string; nameRu: string | null; nameKk: string | null };

/** Just the name fields of a row (drops its id and the rest) to send to the page. */
export function pickName(row: LocalizedName): LocalizedName {
  return { name: row.name, nameRu: row.nameRu, nameKk: row.nameKk };
}
