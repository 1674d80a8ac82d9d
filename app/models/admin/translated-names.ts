/** The English name and its optional translations as stored: a blank translation is null (show the English). */
export function translatedNames(input: { name: string; nameRu?: string; nameKk?: string }) {
  return { name: input.name, nameRu: input.nameRu?.trim() || null, nameKk: input.nameKk?.trim() || null };
}
