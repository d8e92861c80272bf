/**
 * Rounds to a fixed number of decimals, so that printed scores do not depend on float noise
 * (`Math.round(value · 10^decimals) / 10^decimals`).
 * @param value Number to round.
 * @param decimals Decimals to keep: 4 for CLI scores, 6 for stored similarities and keywords.
 * @example round(0.123456789, 4) // 0.1235
 */
export function round(value: number, decimals: number): number {
  const scale = 10 ** decimals
  return Math.round(value * scale) / scale
}
