/**
 * Lookup tables keyed by words read from article text. A plain object literal inherits
 * `constructor`, `toString` and the rest from `Object.prototype`, so "45 constructor homes" would
 * find a "scale" called constructor; these tables have no prototype and find only their own keys.
 */

/**
 * A frozen table with no inherited keys.
 * @example wordTable({one: 1}).constructor // undefined
 */
export function wordTable<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
