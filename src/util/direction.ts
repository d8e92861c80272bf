/**
 * Below this sum of squares a vector cannot be normalised in float32 and says nothing about
 * a direction: the embedding reader (which can name the file) and `buildAtlas` refuse it alike.
 */
export const MIN_SQUARED_NORM = 1e-30

/**
 * Whether `values[start..end)` has a direction (sum of squares above {@link MIN_SQUARED_NORM}).
 * @param values Vector values.
 * @param start First index.
 * @param end Index after the last.
 */
export function hasDirection(values: Float32Array, start: number, end: number): boolean {
  let sum = 0
  for (let c = start; c < end; c++) sum += values[c]! * values[c]!
  return sum > MIN_SQUARED_NORM
}
