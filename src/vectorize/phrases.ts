/**
 * Two-word phrases: adjacent units that co-occur in enough documents with enough normalised
 * PMI become extra terms, labelled by their most frequent surface form.
 */
import type { CountSettings } from './countTerms.js'
import { surfaceOf } from './lexicon.js'
import { PairMap, pairHash } from './pairMap.js'
import { BOUNDARY, type Streams } from './termStreams.js'

/** Documents sampled for phrase detection: enough for stable statistics, bounded cost. */
const PHRASE_SAMPLE_DOCS = 20_000

/**
 * Selects frequent, strongly associated adjacent pairs of units.
 *
 * Association is normalised PMI over adjacent pairs: `ln(p(ab) / (p(a) p(b))) / -ln p(ab)`
 * (Bouma 2009), counted on at most `PHRASE_SAMPLE_DOCS` evenly spaced documents.
 * @param streams Unit streams.
 * @param nUnits Number of units.
 * @param settings Phrase thresholds.
 * @returns Selected pairs as `a * nUnits + b` keys.
 */
export function selectPhrases(streams: Streams, nUnits: number, settings: CountSettings): Set<number> {
  const nDocs = streams.docStart.length - 1
  const step = Math.max(1, Math.floor(nDocs / PHRASE_SAMPLE_DOCS))
  const unitCounts = new Float64Array(nUnits)
  const pairs = new PairTable()
  let nTokens = 0
  for (let d = 0; d < nDocs; d += step) {
    let previous = BOUNDARY
    for (let p = streams.docStart[d]!; p < streams.docStart[d + 1]!; p++) {
      if (streams.isPart[p]) continue
      const unit = streams.units[p]!
      if (unit < 0) {
        previous = BOUNDARY
        continue
      }
      unitCounts[unit]++
      nTokens++
      if (previous >= 0 && previous !== unit) pairs.count(previous, unit, d)
      previous = unit
    }
  }
  const selected = new Set<number>()
  const minDocs = settings.minPhraseCount
  for (let slot = 0; slot < pairs.capacity; slot++) {
    const docs = pairs.docs[slot]!
    if (docs < minDocs) continue
    const a = pairs.first[slot]!
    const b = pairs.second[slot]!
    const pab = pairs.counts[slot]! / nTokens
    const npmi = Math.log(pab / ((unitCounts[a]! / nTokens) * (unitCounts[b]! / nTokens))) / -Math.log(pab)
    if (npmi >= settings.minPhraseAssociation) selected.add(a * nUnits + b)
  }
  return selected
}

/**
 * Counts of adjacent pairs of units `(a, b)`: occurrences and documents, in an
 * open-addressing table of typed arrays (pair keys `a · nUnits + b` outgrow small integers
 * on large vocabularies, and a Map of boxed numbers is slow).
 */
class PairTable {
  capacity = 1 << 12
  /** First unit of the pair in each slot, -1 for an empty slot. */
  first = new Int32Array(this.capacity).fill(-1)
  second = new Int32Array(this.capacity)
  counts = new Int32Array(this.capacity)
  docs = new Int32Array(this.capacity)
  /** Last document each pair was counted in, so that a document counts once. */
  lastDoc = new Int32Array(this.capacity)
  private size = 0

  /**
   * Counts one occurrence of the pair `(a, b)` in document `d` (documents in ascending order).
   * @param a First unit.
   * @param b Second unit.
   * @param d Document.
   */
  count(a: number, b: number, d: number): void {
    const mask = this.capacity - 1
    let slot = pairHash(a, b) & mask
    for (;;) {
      const first = this.first[slot]!
      if (first === -1) break
      if (first === a && this.second[slot] === b) {
        this.counts[slot]!++
        if (this.lastDoc[slot] !== d) {
          this.lastDoc[slot] = d
          this.docs[slot]!++
        }
        return
      }
      slot = (slot + 1) & mask
    }
    this.first[slot] = a
    this.second[slot] = b
    this.counts[slot] = 1
    this.docs[slot] = 1
    this.lastDoc[slot] = d
    if (2 * ++this.size > this.capacity) this.grow()
  }

  /** Doubles the table. */
  private grow(): void {
    const { first, second, counts, docs, lastDoc } = this
    this.capacity *= 2
    this.first = new Int32Array(this.capacity).fill(-1)
    this.second = new Int32Array(this.capacity)
    this.counts = new Int32Array(this.capacity)
    this.docs = new Int32Array(this.capacity)
    this.lastDoc = new Int32Array(this.capacity)
    const mask = this.capacity - 1
    for (let old = 0; old < first.length; old++) {
      if (first[old] === -1) continue
      let slot = pairHash(first[old]!, second[old]!) & mask
      while (this.first[slot] !== -1) slot = (slot + 1) & mask
      this.first[slot] = first[old]!
      this.second[slot] = second[old]!
      this.counts[slot] = counts[old]!
      this.docs[slot] = docs[old]!
      this.lastDoc[slot] = lastDoc[old]!
    }
  }
}

/**
 * Counts of the surface texts of selected phrases, as written (`secure boot`, not the per-word
 * forms `security boot`), fed by the term count's pass over the streams. Counted by pair of
 * raw token types in a table of typed arrays (no string, no boxed key per occurrence), then
 * by surface text: types read in texts of different languages can share a surface.
 */
export class PhraseSurfaces {
  private readonly typePairIds = new PairMap()
  private readonly pairTerm: number[] = []
  private readonly pairFirst: number[] = []
  private readonly pairSecond: number[] = []
  private readonly pairCount: number[] = []

  /**
   * Counts one occurrence of a phrase.
   * @param term Term id of the phrase.
   * @param first Raw token type of its first word.
   * @param second Raw token type of its second word.
   */
  count(term: number, first: number, second: number): void {
    let id = this.typePairIds.get(first, second)
    if (id < 0) {
      id = this.pairCount.length
      this.typePairIds.set(first, second, id)
      this.pairTerm.push(term)
      this.pairFirst.push(first)
      this.pairSecond.push(second)
      this.pairCount.push(0)
    }
    this.pairCount[id]!++
  }

  /**
   * The most frequent surface of each phrase counted; ties go to the lower-case form, then the
   * alphabetically first, as for single words.
   * @param typeNames Raw token of each type id.
   * @param firstTerm Term id of the first phrase.
   * @param nPhrases Number of phrases.
   * @returns Surface text per phrase (term `firstTerm + i`), undefined for a phrase never counted.
   */
  best(typeNames: readonly string[], firstTerm: number, nPhrases: number): (string | undefined)[] {
    const forms: (Map<string, number> | undefined)[] = new Array(nPhrases)
    for (let id = 0; id < this.pairCount.length; id++) {
      const surface = `${surfaceOf(typeNames[this.pairFirst[id]!]!)} ${surfaceOf(typeNames[this.pairSecond[id]!]!)}`
      const phraseForms = (forms[this.pairTerm[id]! - firstTerm] ??= new Map())
      phraseForms.set(surface, (phraseForms.get(surface) ?? 0) + this.pairCount[id]!)
    }
    return Array.from(forms, (phraseForms) => phraseForms && mostFrequent(phraseForms))
  }
}

/**
 * The most frequent form; ties: the lower-case one, then the alphabetically first.
 * @param forms Count per form.
 */
export function mostFrequent(forms: ReadonlyMap<string, number>): string {
  let best = ''
  let bestCount = 0
  for (const form of [...forms.keys()].sort()) {
    const count = forms.get(form)!
    if (count > bestCount || (count === bestCount && best !== best.toLowerCase() && form === form.toLowerCase())) {
      best = form
      bestCount = count
    }
  }
  return best
}
