import { describe, expect, it } from 'vitest'
import { countSettings } from '../../test/helpers/countSettings.js'
import { selectPhrases } from './phrases.js'
import { BOUNDARY, type Streams } from './termStreams.js'

const settings = countSettings('en')

/**
 * The pairs `selectPhrases` should select, counted with Maps (as it did before its pair table).
 * @param streams Streams of every document (fewer than the sample size).
 * @param nUnits Number of units.
 */
function selectedByMaps(streams: Streams, nUnits: number): number[] {
  const unitCounts = new Float64Array(nUnits)
  const pairDocs = new Map<number, number>()
  const pairCounts = new Map<number, number>()
  let nTokens = 0
  for (let d = 0; d < streams.docStart.length - 1; d++) {
    const seen = new Set<number>()
    let previous = BOUNDARY
    for (let p = streams.docStart[d]!; p < streams.docStart[d + 1]!; p++) {
      const unit = streams.units[p]!
      if (unit < 0) {
        previous = BOUNDARY
        continue
      }
      unitCounts[unit]++
      nTokens++
      if (previous >= 0 && previous !== unit) {
        const key = previous * nUnits + unit
        pairCounts.set(key, (pairCounts.get(key) ?? 0) + 1)
        if (!seen.has(key)) pairDocs.set(key, (pairDocs.get(key) ?? 0) + 1)
        seen.add(key)
      }
      previous = unit
    }
  }
  const selected: number[] = []
  for (const [key, docs] of pairDocs) {
    if (docs < settings.minPhraseCount) continue
    const a = Math.floor(key / nUnits)
    const pab = pairCounts.get(key)! / nTokens
    const npmi = Math.log(pab / ((unitCounts[a]! / nTokens) * (unitCounts[key - a * nUnits]! / nTokens))) / -Math.log(pab)
    if (npmi >= settings.minPhraseAssociation) selected.push(key)
  }
  return selected.sort((x, y) => x - y)
}

describe('selectPhrases(streams, nUnits, settings)', () => {
  it('selects the pairs a count by Maps selects, on more pairs than its table first holds', () => {
    // 40,000 units (keys a · nUnits + b beyond 2^30), 2,000 documents of 60 positions drawn
    // from a skewed distribution, with boundaries: tens of thousands of distinct pairs.
    const nUnits = 40_000
    let seed = 7
    const random = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32)
    const units = new Int32Array(2_000 * 60)
    const docStart = new Int32Array(2_001)
    for (let p = 0; p < units.length; p++) {
      const r = random()
      units[p] = r < 0.05 ? BOUNDARY : r < 0.5 ? Math.floor(random() * 50) * 800 : Math.floor(random() * nUnits)
    }
    for (let d = 0; d <= 2_000; d++) docStart[d] = d * 60
    // Each document also repeats a pair of its own four times: one document, not four.
    for (let d = 0; d < 2_000; d++) {
      for (let r = 0; r < 4; r++) units.set([(d * 7) % nUnits, (d * 7 + 1) % nUnits, BOUNDARY], d * 60 + 3 * r)
    }
    const streams: Streams = { units, isPart: new Uint8Array(units.length), surfaces: new Int32Array(units.length).fill(-1), docStart }
    const selected = [...selectPhrases(streams, nUnits, settings)].sort((x, y) => x - y)
    expect(selected.length).toBeGreaterThan(100)
    expect(selected).toEqual(selectedByMaps(streams, nUnits))
  })
})
