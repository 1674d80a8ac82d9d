/** The value a seed data file refers to by key; a dangling key is an error in the data files, reported by name. */
export function lookup<K, V>(map: Map<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`seed data error: unknown ${what} "${String(key)}"`);
  return value;
}
