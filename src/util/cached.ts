/**
 * The value a cache keeps for `key`, made by `make` and kept on first use.
 * @param cache The cache, a Map or WeakMap (values are never undefined).
 * @param key Its key.
 * @param make Makes the value when the cache has none.
 * @example cached(cache, atlas, () => computeIndex(atlas))
 */
export function cached<K, V>(cache: { get(key: K): V | undefined; set(key: K, value: V): unknown }, key: K, make: () => V): V {
  let value = cache.get(key)
  if (value === undefined) cache.set(key, (value = make()))
  return value
}
