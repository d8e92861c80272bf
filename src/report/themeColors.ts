/** Theme colours of the report: one hue per theme group (track), shades within a group. */

/** Colour of the `unclassified` theme. */
export const UNCLASSIFIED_COLOR = '#9a9a9a'

/**
 * Colours of the themes from their groups (`atlas.groups`): group g of G takes hue
 * 360° · g / G, and its themes, in order, shades from dark to light, with saturation
 * alternating so neighbouring shades differ twice. A group of one theme is a mid shade.
 * @param groupOf Group of each theme with a centre (0 … groups − 1).
 * @param groups Number of groups.
 * @returns One CSS colour per theme.
 */
export function themeColors(groupOf: Int32Array, groups: number): string[] {
  const sizes = new Int32Array(groups)
  for (let c = 0; c < groupOf.length; c++) sizes[groupOf[c]!]++
  const seen = new Int32Array(groups)
  const colors: string[] = []
  for (let c = 0; c < groupOf.length; c++) {
    const g = groupOf[c]!
    const shade = seen[g]++
    const n = sizes[g]!
    const hue = Math.round((360 * g) / groups)
    const lightness = n === 1 ? 45 : Math.round(28 + (44 * shade) / (n - 1))
    const saturation = shade % 2 === 0 ? 70 : 45
    colors.push(`hsl(${hue} ${saturation}% ${lightness}%)`)
  }
  return colors
}
