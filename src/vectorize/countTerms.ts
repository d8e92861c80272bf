/**
 * One pass over a corpus that turns text into weighted term counts: tokens are case-folded,
 * stopwords dropped, words stemmed, hyphenated and snake_case compounds (`XDP-hints`,
 * `XDP_REDIRECT`) kept together with their parts,
 * and frequent two-word phrases added as extra terms. The most frequent surface form of
 * every term is remembered so that labels read `XDP`, not `xdp`.
 */
import type { Language } from '../text/language.js'
import type { CsrMatrix } from '../types.js'
import { CsrBuilder } from './csr.js'
import { Lexicon, surfaceOf } from './lexicon.js'
import { selectPhrases, phraseSurfaces } from './phrases.js'
import { BOUNDARY, readStreams, readTermStreams, TITLE_END, type Streams, type TermStreams } from './termStreams.js'

/** A text to count: a title and a body, the title weighted more. */
export interface CountableText {
  readonly title: string
  readonly abstract: string
}

/** Resolved settings of term counting. */
export interface CountSettings {
  /** Lower-case stopwords of English texts (the defaults with the user's additions). */
  readonly stopwords: ReadonlySet<string>
  /** Lower-case words never dropped, whatever the language. */
  readonly keepWords: readonly string[]
  /** Language of every text, or `auto` to detect it per text. */
  readonly language: Language | 'auto'
  /** Weight of a title token relative to an abstract token. */
  readonly titleWeight: number
  /** Whether words are stemmed (Porter for English, Snowball for the other languages). */
  readonly stem: boolean
  /** Whether two-word phrases are detected and added. */
  readonly phrases: boolean
  /** A phrase must occur in at least this many documents. */
  readonly minPhraseCount: number
  /** Normalised pointwise mutual information a phrase needs, in (-1, 1]. */
  readonly minPhraseAssociation: number
}

/** Terms and weighted counts of a corpus. Term ids are positions in `terms` (sorted). */
export interface TermCounts {
  /** Term keys, sorted: stems (`schedul`), compounds (`xdp-hint`), phrases (`stack unwind`). */
  readonly terms: readonly string[]
  /** Most frequent surface form of each term (`scheduling`, `XDP-hints`, `stack unwinding`). */
  readonly labels: readonly string[]
  /** Weighted counts, one row per text, columns = term ids. */
  readonly counts: CsrMatrix
  /** Selected phrases as pairs of unit keys, for counting new texts the same way. */
  readonly phrases: readonly (readonly [string, string])[]
}

/**
 * Counts weighted terms of every text into a CSR matrix over sorted term ids.
 * @param streams Unit streams.
 * @param unitTerm Term id of each unit, -1 for units outside the vocabulary.
 * @param phraseTerm Term id of each selected pair key.
 * @param nUnits Number of units.
 * @param nTerms Number of terms.
 * @param titleWeight Weight of title tokens.
 */
function countStreams(
  streams: Streams,
  unitTerm: Int32Array,
  phraseTerm: ReadonlyMap<number, number>,
  nUnits: number,
  nTerms: number,
  titleWeight: number,
): CsrMatrix {
  const nDocs = streams.docStart.length - 1
  const weights = new Float64Array(nTerms)
  let touched = new Int32Array(256)
  let nTouched = 0
  const builder = new CsrBuilder(nTerms)
  const add = (term: number, weight: number): void => {
    if (term < 0) return
    if (weights[term] === 0) {
      if (nTouched === touched.length) {
        const grown = new Int32Array(touched.length * 2)
        grown.set(touched)
        touched = grown
      }
      touched[nTouched++] = term
    }
    weights[term] += weight
  }
  // Most units start no phrase: a flag per unit spares the pair lookup.
  const startsPhrase = new Uint8Array(nUnits)
  for (const key of phraseTerm.keys()) startsPhrase[Math.floor(key / nUnits)] = 1
  for (let d = 0; d < nDocs; d++) {
    let weight = titleWeight
    let previous = BOUNDARY
    for (let p = streams.docStart[d]; p < streams.docStart[d + 1]; p++) {
      const unit = streams.units[p]
      if (unit === TITLE_END) {
        weight = 1
        previous = BOUNDARY
        continue
      }
      if (unit < 0) {
        previous = BOUNDARY
        continue
      }
      add(unitTerm[unit], weight)
      if (streams.isPart[p]) continue
      if (previous >= 0 && startsPhrase[previous] === 1) {
        const phrase = phraseTerm.get(previous * nUnits + unit)
        if (phrase !== undefined) add(phrase, weight)
      }
      previous = unit
    }
    const row = touched.subarray(0, nTouched).sort()
    for (let t = 0; t < row.length; t++) {
      builder.push(row[t], weights[row[t]])
      weights[row[t]] = 0
    }
    nTouched = 0
    builder.endRow()
  }
  return builder.finish()
}


/**
 * Picks the most frequent surface form per unit (ties: the lower-case one, then the
 * alphabetically first).
 * @param lexicon Streams with counted surface forms.
 */
function surfaceForms(lexicon: TermStreams): string[] {
  const best: string[] = new Array<string>(lexicon.unitKeys.length).fill('')
  const bestCount = new Float64Array(lexicon.unitKeys.length)
  // The same token read in texts of different languages is several types: add their counts.
  const counts = new Map<string, { surface: string; unit: number; count: number }>()
  for (let id = 0; id < lexicon.typeNames.length; id++) {
    if (lexicon.typeCounts[id]! === 0) continue
    const surface = surfaceOf(lexicon.typeNames[id]!)
    const unit = lexicon.typeUnits[id]!
    const key = `${unit} ${surface}`
    const entry = counts.get(key)
    if (entry === undefined) counts.set(key, { surface, unit, count: lexicon.typeCounts[id]! })
    else entry.count += lexicon.typeCounts[id]!
  }
  const surfaceTypes = [...counts.values()].sort((a, b) => (a.surface < b.surface ? -1 : a.surface > b.surface ? 1 : a.unit - b.unit))
  for (const { surface, count, unit } of surfaceTypes) {
    const current = best[unit]
    const better =
      count > bestCount[unit] ||
      (count === bestCount[unit] && current !== current.toLowerCase() && surface === surface.toLowerCase())
    if (better) {
      best[unit] = surface
      bestCount[unit] = count
    }
  }
  // Parts of compounds seen only inside compounds take the part's own text.
  for (let u = 0; u < best.length; u++) if (best[u] === '') best[u] = lexicon.unitKeys[u]
  return best
}

/**
 * Counts the terms of a corpus.
 *
 * @param texts Texts (title + abstract) in corpus order.
 * @param settings Resolved counting settings.
 * @returns Sorted terms, their surface labels, and weighted counts per text.
 */
export function countTerms(texts: readonly CountableText[], settings: CountSettings): TermCounts {
  return countTermsFromStreams(readTermStreams(texts, settings), settings)
}

/**
 * Counts the terms of a corpus already read into streams (the second half of
 * {@link countTerms}).
 * @param streams The corpus's streams, e.g. merged from parts read apart.
 * @param settings The settings the streams were read with.
 */
export function countTermsFromStreams(streams: TermStreams, settings: CountSettings): TermCounts {
  const lexicon = streams
  const nUnits = lexicon.unitKeys.length
  const selected = settings.phrases ? selectPhrases(streams, nUnits, settings) : new Set<number>()
  const phraseKeys = [...selected]
  const unitSurface = surfaceForms(lexicon)
  const phraseSurface = phraseSurfaces(streams, lexicon.typeNames, selected, nUnits)

  const entries: { key: string; label: string; unit: number; phrase: number }[] = []
  for (let u = 0; u < nUnits; u++) entries.push({ key: lexicon.unitKeys[u], label: unitSurface[u], unit: u, phrase: -1 })
  for (const pair of phraseKeys) {
    const a = Math.floor(pair / nUnits)
    const b = pair - a * nUnits
    const key = `${lexicon.unitKeys[a]} ${lexicon.unitKeys[b]}`
    const label = phraseSurface.get(pair) ?? `${unitSurface[a]} ${unitSurface[b]}`
    entries.push({ key, label, unit: -1, phrase: pair })
  }
  entries.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))

  const unitTerm = new Int32Array(nUnits)
  const phraseTerm = new Map<number, number>()
  const phrases: (readonly [string, string])[] = []
  entries.forEach((entry, term) => {
    if (entry.unit >= 0) unitTerm[entry.unit] = term
    else {
      phraseTerm.set(entry.phrase, term)
      const a = Math.floor(entry.phrase / nUnits)
      phrases.push([lexicon.unitKeys[a], lexicon.unitKeys[entry.phrase - a * nUnits]])
    }
  })
  const counts = countStreams(streams, unitTerm, phraseTerm, nUnits, entries.length, settings.titleWeight)
  return { terms: entries.map((e) => e.key), labels: entries.map((e) => e.label), counts, phrases }
}

/**
 * Counts texts against an existing vocabulary: units and phrases outside it are ignored.
 *
 * @param texts Texts to count.
 * @param settings The settings the vocabulary was counted with.
 * @param termIds Term id of every term key.
 * @param phrases Phrases of the vocabulary as pairs of unit keys.
 * @returns Weighted counts, one row per text, columns = the vocabulary's term ids.
 */
export function countTermsAgainst(
  texts: readonly CountableText[],
  settings: CountSettings,
  termIds: ReadonlyMap<string, number>,
  phrases: readonly (readonly [string, string])[],
): CsrMatrix {
  const lexicon = new Lexicon(settings)
  const streams = readStreams(texts, lexicon)
  const nUnits = lexicon.unitKeys.length
  const unitTerm = new Int32Array(nUnits)
  for (let u = 0; u < nUnits; u++) unitTerm[u] = termIds.get(lexicon.unitKeys[u]) ?? -1
  const phraseTerm = new Map<number, number>()
  for (const [a, b] of phrases) {
    const unitA = lexicon.unitIds.get(a)
    const unitB = lexicon.unitIds.get(b)
    const term = termIds.get(`${a} ${b}`)
    if (unitA !== undefined && unitB !== undefined && term !== undefined) phraseTerm.set(unitA * nUnits + unitB, term)
  }
  return countStreams(streams, unitTerm, phraseTerm, nUnits, termIds.size, settings.titleWeight)
}
