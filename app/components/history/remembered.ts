/**
 * Words History repeats on every line (an event's sentence, a record's quoted name, the pickers' labels), remembered
 * per language and what they are made of: the strings are bundled, so the same key always gives the same words, and
 * a page of events asked i18next again for each line. When full it starts over: the keys are few and repeat.
 */
export function rememberedValues<T>(limit: number) {
  const remembered = new Map<string, T>();
  return function recall(key: string, compute: () => T): T {
    const known = remembered.get(key);
    if (known !== undefined) return known;
    const value = compute();
    if (remembered.size >= limit) remembered.clear();
    remembered.set(key, value);
    return value;
  };
}
