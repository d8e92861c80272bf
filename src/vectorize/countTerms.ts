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
import { PairMap } from './pairMap.js'
import { PhraseSurfaces, selectPhrases } from './phrases.js'
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

/**
 * Terms and weighted counts of a corpus. Term ids are positions in `terms`: the units in the
 * order of their first appearance, then the phrases (the vocabulary is sorted once pruned).
 */
export interface TermCounts {
  /** Term keys: stems (`schedul`), compounds (`xdp-hint`), then phrases (`stack unwind`). */
  readonly terms: readonly string[]
  /** Most frequent surface form of each term (`scheduling`, `XDP-hints`, `stack unwinding`). */
  readonly labels: readonly string[]
  /** Weighted counts, one row per text, columns = term ids (not in order within a row). */
  readonly counts: CsrMatrix
  /** The phrases as pairs of unit keys, for counting new texts the same way: term `nUnits + i` is `phrases[i]`. */
  readonly phrases: readonly (readonly [string, string])[]
  /** Number of terms that are units (the first ones). */
  readonly nUnits: number
}

/**
 * Counts weighted terms of every text into a CSR matrix.
 * @param streams Unit streams.
 * @param unitTerm Term id of each unit, -1 for units outside the vocabulary.
 * @param phraseTerm Term id of each selected pair of units.
 * @param startsPhrase 1 for each unit that starts a pair of `phraseTerm`.
 * @param nTerms Number of terms.
 * @param titleWeight Weight of title tokens.
 * @param surfaces Counter of the phrases' surface texts, when they are wanted (the fit).
 */
function countStreams(
  streams: Streams,
  unitTerm: Int32Array,
  phraseTerm: PairMap,
  startsPhrase: Uint8Array,
  nTerms: number,
  titleWeight: number,
  surfaces?: PhraseSurfaces,
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
  for (let d = 0; d < nDocs; d++) {
    let weight = titleWeight
    let previous = BOUNDARY
    let previousType = -1
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
      const type = streams.surfaces[p]
      // Most units start no phrase: the flag spares the pair lookup.
      if (previous >= 0 && startsPhrase[previous] === 1) {
        const term = phraseTerm.get(previous, unit)
        add(term, weight)
        if (term >= 0 && surfaces !== undefined) surfaces.count(term, previousType, type)
      }
      previous = unit
      previousType = type
    }
    for (let t = 0; t < nTouched; t++) {
      builder.push(touched[t], weights[touched[t]])
      weights[touched[t]] = 0
    }
    nTouched = 0
    builder.endRow()
  }
  return builder.finish()
}


/**
 * Picks the most frequent surface form per unit (ties: the lower-case one, then the
 * alphabetically first). Types are grouped by unit with a counting sort, so that only the
 * few surfaces of one unit are ever compared (a sort of every type by its text was 10 % of
 * fitting 100,000 topics talks).
 * @param lexicon Streams with counted surface forms.
 */
function surfaceForms(lexicon: TermStreams): string[] {
  const { typeNames, typeUnits, typeCounts, unitKeys } = lexicon
  const nUnits = unitKeys.length
  const groupStart = new Int32Array(nUnits + 1)
  for (let t = 0; t < typeNames.length; t++) if (typeCounts[t]! > 0) groupStart[typeUnits[t]! + 1]++
  for (let u = 0; u < nUnits; u++) groupStart[u + 1] += groupStart[u]!
  const next = groupStart.slice(0, nUnits)
  const grouped = new Int32Array(groupStart[nUnits]!)
  for (let t = 0; t < typeNames.length; t++) if (typeCounts[t]! > 0) grouped[next[typeUnits[t]!]!++] = t
  const best = new Array<string>(nUnits)
  for (let u = 0; u < nUnits; u++) {
    const from = groupStart[u]!
    const to = groupStart[u + 1]!
    // Parts of compounds seen only inside compounds take the part's own text.
    if (from === to) best[u] = unitKeys[u]!
    else if (to - from === 1) best[u] = surfaceOf(typeNames[grouped[from]!]!)
    else best[u] = bestSurface(lexicon, grouped.subarray(from, to))
  }
  return best
}

/**
 * The most frequent surface of several types of one unit: surfaces in ascending order (the
 * same token read in texts of different languages is several types: their counts add up),
 * the first with the highest count, unless a later one with the same count is lower-case and
 * the one held is not.
 * @param lexicon Streams with counted surface forms.
 * @param types Types of the unit.
 */
function bestSurface(lexicon: TermStreams, types: Int32Array): string {
  const forms = Array.from(types, (t) => ({ surface: surfaceOf(lexicon.typeNames[t]!), count: lexicon.typeCounts[t]! }))
  forms.sort((a, b) => (a.surface < b.surface ? -1 : a.surface > b.surface ? 1 : 0))
  let best = ''
  let bestCount = 0
  for (let i = 0; i < forms.length; i++) {
    const surface = forms[i]!.surface
    let count = forms[i]!.count
    while (i + 1 < forms.length && forms[i + 1]!.surface === surface) count += forms[++i]!.count
    if (count > bestCount || (count === bestCount && best !== best.toLowerCase() && surface === surface.toLowerCase())) {
      best = surface
      bestCount = count
    }
  }
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

  // Terms unsorted (units, then phrases): the vocabulary is sorted after pruning, when a
  // fraction of the units is left (on 100,000 topics talks, sorting every term was 8 % of the fit).
  const terms = lexicon.unitKeys.slice()
  const labels = surfaceForms(lexicon)
  const unitTerm = Int32Array.from({ length: nUnits }, (_, u) => u)
  const phraseTerm = new PairMap()
  const startsPhrase = new Uint8Array(nUnits)
  const phrases: (readonly [string, string])[] = []
  for (const pair of phraseKeys) {
    const a = Math.floor(pair / nUnits)
    const b = pair - a * nUnits
    phraseTerm.set(a, b, terms.length)
    startsPhrase[a] = 1
    terms.push(`${lexicon.unitKeys[a]} ${lexicon.unitKeys[b]}`)
    phrases.push([lexicon.unitKeys[a]!, lexicon.unitKeys[b]!])
  }
  // The phrases' surfaces are counted in the same pass as the terms.
  const surfaces = new PhraseSurfaces()
  const counts = countStreams(streams, unitTerm, phraseTerm, startsPhrase, terms.length, settings.titleWeight, surfaces)
  const phraseLabels = surfaces.best(lexicon.typeNames, nUnits, phraseKeys.length)
  phraseKeys.forEach((pair, i) => {
    const a = Math.floor(pair / nUnits)
    labels.push(phraseLabels[i] ?? `${labels[a]} ${labels[pair - a * nUnits]}`)
  })
  return { terms, labels, counts, phrases, nUnits }
}

/**
 * Counts texts against an existing vocabulary: units and phrases outside it are ignored.
 *
 * @param texts Texts to count.
 * @param settings The settings the vocabulary was counted with.
 * @param termIds Term id of every term key.
 * @param phrases Phrases of the vocabulary as pairs of unit keys.
 * @returns Weighted counts, one row per text, columns = the vocabulary's term ids (not in order within a row).
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
  const phraseTerm = new PairMap()
  const startsPhrase = new Uint8Array(nUnits)
  for (const [a, b] of phrases) {
    const unitA = lexicon.unitIds.get(a)
    const unitB = lexicon.unitIds.get(b)
    const term = termIds.get(`${a} ${b}`)
    if (unitA !== undefined && unitB !== undefined && term !== undefined) {
      phraseTerm.set(unitA, unitB, term)
      startsPhrase[unitA] = 1
    }
  }
  return countStreams(streams, unitTerm, phraseTerm, startsPhrase, termIds.size, settings.titleWeight)
}
