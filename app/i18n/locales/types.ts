/** A translation must have exactly the keys of the English one: a missing string fails the typecheck. */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };
