/**
 * The value a cache keeps for `key`, made by `make` and kept on first use.
 * @param cache The cache (values are never undefined).
 * @param key Its key.
 * @param make Makes the value when the cache has none.
 * @example cached(cache, atlas, () => computeIndex(atlas))
 */
export function cached<K extends object, V>(cache: WeakMap<K, V>, key: K, make: () => V): V {
  let value = cache.get(key)
  if (value === undefined) cache.set(key, (value = make()))
  return value
}
