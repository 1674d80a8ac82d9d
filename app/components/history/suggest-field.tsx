/** A free-text filter field with suggestions (the actions or entity types already in the log). */
export function SuggestField({
  id,
  name,
  label,
  listId,
  suggestions,
  defaultValue,
}: {
  id: string;
  name: string;
  label: string;
  listId: string;
  suggestions: string[];
  defaultValue?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} list={listId} defaultValue={defaultValue} autoComplete="off" />
      <datalist id={listId}>
        {suggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
    </div>
  );
}
