/**
 * Absolute evidence that a talk is about a theme: which of the theme's names, aliases and
 * keywords the talk's text actually contains. Unlike the tagger's relative scores, which rank
 * themes against each other, evidence is 0 for a talk that mentions none of them, however
 * the other themes fare: it is what lets the tagger abstain.
 *
 * Matching is on exact words (case-folded, a plural `s` dropped; not stemmed, so that
 * `observability` does not match `observe`) and on adjacent pairs of words for entries of
 * several words (`ring buffer` needs the two words side by side, stopwords between them
 * ignored). Every word counts, however rare: the TF-IDF vocabulary is not used.
 */
import { buildStopwords } from '../text/stopwords.js'
import type { ResolvedTagTheme } from './resolveThemes.js'
import { forEachWord, type TalkWords } from './talkWords.js'

/** Weight of a theme's name or alias found in a talk; a keyword weighs 1. */
export const NAME_EVIDENCE = 2

const NAME_JOINERS = /\s+(?:and|&)\s+/i

/** Options of {@link themeEvidence}: the atlas's stopword settings. */
export interface EvidenceOptions {
  readonly stopwords?: readonly string[]
  readonly keepWords?: readonly string[]
}

/**
 * Evidence of every talk for every theme, row-major n × T: the summed weight of the theme's
 * distinct entries found in the talk's title or abstract (name and aliases
 * {@link NAME_EVIDENCE}, each half of a name `A and B` too, keywords 1). Linear in the text.
 * @param talks The talks' words ({@link talkWords}).
 * @param themes Resolved themes.
 * @param options Stopwords (those of the atlas).
 */
export function themeEvidence(talks: TalkWords, themes: readonly ResolvedTagTheme[], options: EvidenceOptions = {}): Float64Array {
  const stopwords = buildStopwords(options.stopwords ?? [], options.keepWords ?? [])
  const words = (text: string): string[] => {
    const out: string[] = []
    forEachWord(text, (part) => {
      if (!stopwords.has(part)) out.push(singular(part))
    })
    return out
  }
  const nThemes = themes.length
  // Each distinct entry (by its words) is a list of keys: one word, or its adjacent pairs.
  const entryTheme: number[] = []
  const entryWeight: number[] = []
  const entryParts: number[] = []
  const partsOfKey = new Map<string, number[]>()
  const seen = new Set<string>()
  for (let t = 0; t < nThemes; t++) {
    const theme = themes[t]!
    // A name joining two topics (`Tracing and observability`) names each of them.
    const names = [theme.name, ...theme.name.split(NAME_JOINERS).filter((part) => part.trim() !== '' && part !== theme.name)]
    const entries: [string, number][] = [...names.map((n): [string, number] => [n, NAME_EVIDENCE]), ...theme.aliases.map((a): [string, number] => [a, NAME_EVIDENCE]), ...theme.keywords.map((k): [string, number] => [k, 1])]
    for (const [entry, weight] of entries) {
      const sequence = words(entry)
      const keys = sequence.length === 1 ? sequence : sequence.slice(1).map((word, w) => `${sequence[w]} ${word}`)
      const signature = `${t}\u0000${sequence.join(' ')}`
      if (keys.length === 0 || seen.has(signature)) continue
      seen.add(signature)
      const e = entryTheme.length
      entryTheme.push(t)
      entryWeight.push(weight)
      const distinct = [...new Set(keys)]
      entryParts.push(distinct.length)
      for (const key of distinct) partsOfKey.set(key, [...(partsOfKey.get(key) ?? []), e])
    }
  }
  // The key of each distinct word of the talks; '' for a stopword.
  const keyOfWord = talks.words.map((part) => (stopwords.has(part) ? '' : singular(part)))
  const nTalks = (talks.starts.length - 1) / 2
  const evidence = new Float64Array(nTalks * nThemes)
  const found = new Int32Array(entryTheme.length)
  const foundKeys = new Set<string>()
  const touched: number[] = []
  for (let i = 0; i < nTalks; i++) {
    for (let x = 2 * i; x < 2 * i + 2; x++) {
      let previous = ''
      for (let p = talks.starts[x]!; p < talks.starts[x + 1]!; p++) {
        const word = keyOfWord[talks.ids[p]!]!
        if (word === '') continue
        visit(word)
        if (previous !== '') visit(`${previous} ${word}`)
        previous = word
      }
    }
    for (const e of touched) {
      if (found[e] === entryParts[e]) evidence[i * nThemes + entryTheme[e]!] += entryWeight[e]!
      found[e] = 0
    }
    touched.length = 0
    foundKeys.clear()
  }
  return evidence

  function visit(key: string): void {
    const entries = partsOfKey.get(key)
    if (entries === undefined || foundKeys.has(key)) return
    foundKeys.add(key)
    for (const e of entries) {
      if (found[e] === 0) touched.push(e)
      found[e]++
    }
  }
}

/**
 * A word without a plural `s` (`verifiers` → `verifier`; `ss` and short words kept).
 * @param word Lower-case word.
 */
function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word
}
