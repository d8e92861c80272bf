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
import { cached } from '../util/cached.js'
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
  const nThemes = themes.length
  const { entryTheme, entryWeight, entryParts, partsOfKey } = themeEntries(themes, stopwords)
  // Per distinct word, once: its key (-2 for a stopword, -1 for no key of an entry) and its
  // place among the halves of pair keys, so that the loop over the texts reads numbers only.
  const keys = keyTable(partsOfKey)
  // An id past the words stands for any word outside them (`talkWordsAmong`): no key, no half.
  const keyOfWord = new Int32Array(talks.words.length + 1).fill(-1)
  const halfOfWord = new Int32Array(talks.words.length + 1).fill(-1)
  for (let w = 0; w < talks.words.length; w++) {
    const part = talks.words[w]!
    if (stopwords.has(part)) {
      keyOfWord[w] = -2
      continue
    }
    const word = singular(part)
    keyOfWord[w] = keys.keyIds.get(word) ?? -1
    halfOfWord[w] = keys.halfIds.get(word) ?? -1
  }
  const nTalks = (talks.starts.length - 1) / 2
  const evidence = new Float64Array(nTalks * nThemes)
  const found = new Int32Array(entryTheme.length)
  // The last talk (plus one) each key was found in: a key counts once per talk.
  const foundIn = new Int32Array(keys.nKeys)
  const touched: number[] = []
  let stamp = 0
  for (let i = 0; i < nTalks; i++) {
    stamp = i + 1
    for (let x = 2 * i; x < 2 * i + 2; x++) {
      let previousHalf = -1
      for (let p = talks.starts[x]!; p < talks.starts[x + 1]!; p++) {
        const w = talks.ids[p]!
        const key = keyOfWord[w]!
        if (key === -2) continue
        if (key >= 0) visit(key)
        const half = halfOfWord[w]!
        if (previousHalf >= 0 && half >= 0) {
          const pair = keys.pairIds.get(previousHalf * keys.nHalves + half)
          if (pair !== undefined) visit(pair)
        }
        previousHalf = half
      }
    }
    for (const e of touched) {
      if (found[e] === entryParts[e]) evidence[i * nThemes + entryTheme[e]!] += entryWeight[e]!
      found[e] = 0
    }
    touched.length = 0
  }
  return evidence

  function visit(key: number): void {
    if (foundIn[key] === stamp) return
    foundIn[key] = stamp
    for (let q = keys.entryStart[key]!; q < keys.entryStart[key + 1]!; q++) {
      const e = keys.entries[q]!
      if (found[e] === 0) touched.push(e)
      found[e]++
    }
  }
}

/** The distinct entries of some themes, each a list of keys. */
interface ThemeEntries {
  readonly entryTheme: readonly number[]
  readonly entryWeight: readonly number[]
  /** Distinct keys of each entry: all must be found for the entry to count. */
  readonly entryParts: readonly number[]
  /** Entries of each key: one word, or two adjacent words joined by a space. */
  readonly partsOfKey: ReadonlyMap<string, readonly number[]>
}

/**
 * Each distinct entry (by its words) of each theme, as a list of keys: its word, or its
 * adjacent pairs of words.
 * @param themes Resolved themes.
 * @param stopwords Words left out of entries.
 */
function themeEntries(themes: readonly ResolvedTagTheme[], stopwords: ReadonlySet<string>): ThemeEntries {
  // Themes of a large taxonomy share many entries: each distinct text is read once.
  const readings = new Map<string, EntryReading>()
  const read = (entry: string): EntryReading => cached(readings, entry, () => readEntry(entry, stopwords))
  const entryTheme: number[] = []
  const entryWeight: number[] = []
  const entryParts: number[] = []
  const partsOfKey = new Map<string, number[]>()
  for (let t = 0; t < themes.length; t++) {
    const theme = themes[t]!
    // A name joining two topics (`Tracing and observability`) names each of them.
    const names = [theme.name, ...theme.name.split(NAME_JOINERS).filter((part) => part.trim() !== '' && part !== theme.name)]
    const entries: [string, number][] = [...names.map((n): [string, number] => [n, NAME_EVIDENCE]), ...theme.aliases.map((a): [string, number] => [a, NAME_EVIDENCE]), ...theme.keywords.map((k): [string, number] => [k, 1])]
    // An entry counts once per theme, by its words (`Ring buffers` and `ring buffer` are one).
    const seen = new Set<string>()
    for (const [entry, weight] of entries) {
      const { words, keys } = read(entry)
      if (keys.length === 0 || seen.has(words)) continue
      seen.add(words)
      const e = entryTheme.length
      entryTheme.push(t)
      entryWeight.push(weight)
      entryParts.push(keys.length)
      for (const key of keys) {
        // Appended in place: copying the list on each entry made themes sharing keywords quadratic.
        const keyEntries = partsOfKey.get(key)
        if (keyEntries === undefined) partsOfKey.set(key, [e])
        else keyEntries.push(e)
      }
    }
  }
  return { entryTheme, entryWeight, entryParts, partsOfKey }
}

/** One entry's text read: its words joined by spaces, and its distinct keys. */
interface EntryReading {
  readonly words: string
  readonly keys: readonly string[]
}

/**
 * The words of an entry (stopwords left out, plurals dropped) and its keys: its word, or its
 * adjacent pairs of words, each once.
 * @param entry Name, alias or keyword.
 * @param stopwords Words left out of entries.
 */
function readEntry(entry: string, stopwords: ReadonlySet<string>): EntryReading {
  const sequence: string[] = []
  forEachWord(entry, (part) => {
    if (!stopwords.has(part)) sequence.push(singular(part))
  })
  const keys = sequence.length === 1 ? sequence : sequence.slice(1).map((word, w) => `${sequence[w]} ${word}`)
  return { words: sequence.join(' '), keys: [...new Set(keys)] }
}

/**
 * Every word that can weigh in {@link themeEvidence} for these themes: the stopwords, and
 * each word whose singular is a key or a half of a pair key. Any other word only separates
 * its neighbours, so `talkWordsAmong` may read all of them as one.
 * @param themes Resolved themes.
 * @param options Stopwords (those of the atlas).
 */
export function evidenceWords(themes: readonly ResolvedTagTheme[], options: EvidenceOptions = {}): string[] {
  const stopwords = buildStopwords(options.stopwords ?? [], options.keepWords ?? [])
  const keys = keyTable(themeEntries(themes, stopwords).partsOfKey)
  const words = new Set(stopwords)
  for (const key of [...keys.keyIds.keys(), ...keys.halfIds.keys()]) {
    words.add(key)
    // `singular` drops one final `s` (not from `ss`, not from words of three letters or less).
    words.add(`${key}s`)
  }
  return [...words]
}

/** The entries' keys numbered, for {@link themeEvidence}'s loop over the texts. */
interface KeyTable {
  readonly nKeys: number
  /** Key id of each key, one word or two joined by a space. */
  readonly keyIds: ReadonlyMap<string, number>
  /** Entries of key k: `entries[entryStart[k] .. entryStart[k + 1])`. */
  readonly entryStart: Int32Array
  readonly entries: Int32Array
  /** Each string that is the left or the right of a space in some key, numbered. */
  readonly halfIds: ReadonlyMap<string, number>
  readonly nHalves: number
  /** Key id of the key `left + ' ' + right`, by `halfId(left) * nHalves + halfId(right)`. */
  readonly pairIds: ReadonlyMap<number, number>
}

/**
 * Numbers the keys, and the two halves of each key around each of its spaces: two adjacent
 * words a, b form key K exactly when `a + ' ' + b === K`, i.e. when a is the text of K before
 * some space and b the text after it (words hold no space, but a folded token may).
 * @param partsOfKey Entries of each key.
 */
function keyTable(partsOfKey: ReadonlyMap<string, readonly number[]>): KeyTable {
  const keyIds = new Map<string, number>()
  const entryStart = new Int32Array(partsOfKey.size + 1)
  const entries: number[] = []
  const halfIds = new Map<string, number>()
  const halfId = (half: string): number => {
    let id = halfIds.get(half)
    if (id === undefined) halfIds.set(half, (id = halfIds.size))
    return id
  }
  const splits: [number, number, number][] = []
  for (const [key, keyEntries] of partsOfKey) {
    const k = keyIds.size
    keyIds.set(key, k)
    entries.push(...keyEntries)
    entryStart[k + 1] = entries.length
    for (let s = key.indexOf(' '); s >= 0; s = key.indexOf(' ', s + 1)) splits.push([halfId(key.slice(0, s)), halfId(key.slice(s + 1)), k])
  }
  const nHalves = halfIds.size
  const pairIds = new Map<number, number>()
  for (const [left, right, k] of splits) pairIds.set(left * nHalves + right, k)
  return { nKeys: keyIds.size, keyIds, entryStart, entries: Int32Array.from(entries), halfIds, nHalves, pairIds }
}

/**
 * A word without a plural `s` (`verifiers` → `verifier`; `ss` and short words kept).
 * @param word Lower-case word.
 */
function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word
}
