/**
 * −1, 0 or 1 as `a` sorts before, with or after `b` in UTF-16 code unit order (the order of
 * `<` on strings, independent of the locale).
 * @param a A string.
 * @param b Another.
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
