import { describe, expect, it } from 'vitest'
import { createRandom } from '../random.js'
import { themeColors } from './themeColors.js'

/** k unit centroids in `groups` families: each family's centres lie near one direction. */
function families(k: number, groups: number, d = 20): Float32Array {
  const random = createRandom(9)
  const out = new Float32Array(k * d)
  for (let c = 0; c < k; c++) {
    const family = c % groups
    for (let j = 0; j < d; j++) out[c * d + j] = (j === family ? 4 : 0) + random.next() * 0.8
  }
  return out
}

const hsl = (color: string): [number, number, number] => {
  const match = /^hsl\((\d+) (\d+)% (\d+)%\)$/.exec(color)
  if (match === null) throw new Error(`not hsl: ${color}`)
  return [Number(match[1]), Number(match[2]), Number(match[3])]
}

describe('themeColors(centroids, d, k)', () => {
  it('themeColors gives up to twelve themes the Tableau palette in order', () => {
    expect(themeColors(families(3, 3), 20, 3)).toEqual(['#4e79a7', '#f28e2b', '#e15759'])
  })

  it('themeColors gives 120 themes 120 different colours, a hue per family of alike themes and shades within', () => {
    const colors = themeColors(families(120, 16), 20, 120)
    expect(new Set(colors).size).toBe(120)
    const parsed = colors.map(hsl)
    // Alike themes (one family) share a hue; the 16 families take 16 hues 22.5° apart.
    for (let family = 0; family < 16; family++) {
      const hues = new Set(parsed.filter((_, c) => c % 16 === family).map(([hue]) => hue))
      expect(hues.size).toBe(1)
    }
    const hues = [...new Set(parsed.map(([hue]) => hue))].sort((a, b) => a - b)
    expect(hues).toHaveLength(16)
    for (let i = 1; i < hues.length; i++) expect(hues[i]! - hues[i - 1]!).toBeGreaterThanOrEqual(22)
    // Within a hue, shades are at least 5 points of lightness apart.
    for (const hue of hues) {
      const lightness = parsed.filter(([h]) => h === hue).map(([, , l]) => l).sort((a, b) => a - b)
      for (let i = 1; i < lightness.length; i++) expect(lightness[i]! - lightness[i - 1]!).toBeGreaterThanOrEqual(5)
    }
  })

  it('themeColors is the same for the same centroids', () => {
    const centroids = families(40, 7)
    expect(themeColors(centroids, 20, 40)).toEqual(themeColors(centroids.slice(), 20, 40))
  })
})
