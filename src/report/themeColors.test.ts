import { describe, expect, it } from 'vitest'
import { themeColors } from './themeColors.js'

const hsl = (color: string): [number, number, number] => {
  const match = /^hsl\((\d+) (\d+)% (\d+)%\)$/.exec(color)
  if (match === null) throw new Error(`not hsl: ${color}`)
  return [Number(match[1]), Number(match[2]), Number(match[3])]
}

describe('themeColors(groupOf, groups)', () => {
  it('gives each group one hue and its themes shades from dark to light', () => {
    const colors = themeColors(Int32Array.from([0, 1, 0, 2, 0]), 3)
    expect(colors).toEqual(['hsl(0 70% 28%)', 'hsl(120 70% 45%)', 'hsl(0 45% 50%)', 'hsl(240 70% 45%)', 'hsl(0 70% 72%)'])
  })

  it('gives 120 themes in 16 groups 120 different colours, hues 22.5° apart, shades at least 5 points apart', () => {
    const groupOf = Int32Array.from({ length: 120 }, (_, c) => c % 16)
    const parsed = themeColors(groupOf, 16).map(hsl)
    expect(new Set(parsed.map((p) => p.join())).size).toBe(120)
    const hues = [...new Set(parsed.map(([hue]) => hue))].sort((a, b) => a - b)
    expect(hues).toHaveLength(16)
    for (let i = 1; i < hues.length; i++) expect(hues[i]! - hues[i - 1]!).toBeGreaterThanOrEqual(22)
    for (const hue of hues) {
      const lightness = parsed.filter(([h]) => h === hue).map(([, , l]) => l).sort((a, b) => a - b)
      for (let i = 1; i < lightness.length; i++) expect(lightness[i]! - lightness[i - 1]!).toBeGreaterThanOrEqual(5)
    }
  })
})
