/**
 * Weak evidence from themes' descriptions. A talk may be plainly about a theme without saying
 * any of its names or identifiers: a talk on collecting metrics and instrumenting services is
 * about observability, one on the firmware of network devices about NIC firmware. A theme's
 * description, written in prose by someone of the field, holds such words; its words that no
 * other theme of the list uses anywhere (name, aliases, keywords or description) tell the
 * theme apart, the others (`kernel`, `packets`, `programs`) do not.
 *
 * Unlike names and keywords (exact words, see themeEvidence.ts), description words are
 * compared by their Porter stems, since prose inflects (`metric`/`metrics`,
 * `instrumentation`/`instrumenting`). This evidence never decides whether a taxonomy fits a
 * corpus (`taxonomyFit` counts names and keywords only): it only helps place talks of a
 * corpus already known to be about the field. A theme's evidence is the stronger of the two
 * readings (names and keywords, or description): on the networking fixture that keeps 59 of
 * 72 right top tags, as summing them would not (57).
 */
import { cached } from '../util/cached.js'
import { buildStopwords } from '../text/stopwords.js'
import { stem } from '../text/stem.js'
import { foldToken } from '../text/foldToken.js'
import type { ResolvedTagTheme } from './resolveThemes.js'
import { forEachWord, type TalkWords } from './talkWords.js'
import { wordKind } from '../cluster/labelTerms.js'
import type { EvidenceOptions } from './themeEvidence.js'
import { idOf } from '../vectorize/lexicon.js'

/** Evidence of one description word found in a talk (a keyword weighs 1, a name 2). */
export const DESCRIPTION_EVIDENCE = 1

/** Words shorter than this are too ambiguous as stems (`run`, `set`, `map`). */
const MIN_WORD_LENGTH = 4

/**
 * Description evidence of every talk for every theme, row-major n × T: DESCRIPTION_EVIDENCE
 * for each distinct stem of the theme's description that the talk's title or abstract holds
 * and that no other theme's text holds. Each distinct word of the talks is stemmed once.
 * @param talks The talks' words ({@link talkWords}).
 * @param themes Resolved themes.
 * @param options Stopwords (those of the atlas).
 */
export function descriptionEvidence(talks: TalkWords, themes: readonly ResolvedTagTheme[], options: EvidenceOptions = {}): Float64Array {
  const nThemes = themes.length
  const nTalks = (talks.starts.length - 1) / 2
  const evidence = new Float64Array(nTalks * nThemes)
  const themeOfStem = distinctiveStems(themes, buildStopwords(options.stopwords ?? [], options.keepWords ?? []))
  if (themeOfStem.size === 0) return evidence
  // Each distinct word's distinctive stem (an index into `found`, its theme in `columns`), or -1.
  const stemIds = new Map<string, number>()
  const found: string[] = []
  const columns: number[] = []
  const stemOfWord = Int32Array.from(talks.words, (part) => {
    if (part.length < MIN_WORD_LENGTH) return -1
    const key = stem(part)
    const column = themeOfStem.get(key)
    if (column === undefined) return -1
    const index = idOf(stemIds, found, key)
    columns[index] = column
    return index
  })
  // The last talk (plus one) each stem was counted for: each counts once per talk.
  const countedFor = new Int32Array(columns.length)
  for (let i = 0; i < nTalks; i++) {
    for (let p = talks.starts[2 * i]!; p < talks.starts[2 * i + 2]!; p++) {
      const s = stemOfWord[talks.ids[p]!]!
      if (s < 0 || countedFor[s] === i + 1) continue
      countedFor[s] = i + 1
      evidence[i * nThemes + columns[s]!] += DESCRIPTION_EVIDENCE
    }
  }
  return evidence
}

/**
 * Stems of the descriptions that one theme alone uses: stem → theme column. Only nouns count
 * (`metrics`, `instrumentation`, `firmware`; not `fix`, `establish` or `instead`, which any
 * prose uses; not -ing forms either, since `keeping` or `finding` open sentences and their
 * stems are the verbs), and not a word the theme already names as a single-word name, alias or keyword
 * (`Kubernetes`, `pod`): themeEvidence counts those.
 * @param themes Resolved themes.
 * @param stopwords Words that are never evidence.
 */
function distinctiveStems(themes: readonly ResolvedTagTheme[], stopwords: ReadonlySet<string>): Map<string, number> {
  // Themes of a large taxonomy share most words: each distinct word is stemmed once.
  const stemsOf = new Map<string, string>()
  const stemOf = (word: string): string => cached(stemsOf, word, () => stem(word))
  const stems = (text: string, minLength: number, keep: (word: string) => boolean = () => true): Set<string> => {
    const out = new Set<string>()
    forEachWord(text, (part) => {
      if (part.length >= minLength && !stopwords.has(part) && keep(part)) out.add(stemOf(part))
    })
    return out
  }
  // Every stem of a theme's whole text, however short, marks it as used by that theme.
  const users = new Map<string, number>()
  themes.forEach((theme) => {
    for (const key of stems([theme.name, ...theme.aliases, ...theme.keywords, theme.description].join(' ; '), 1)) users.set(key, (users.get(key) ?? 0) + 1)
  })
  const themeOfStem = new Map<string, number>()
  themes.forEach((theme, t) => {
    const named = new Set([theme.name, ...theme.aliases, ...theme.keywords].filter((entry) => !/\s/.test(entry.trim())).map((entry) => stemOf(foldToken(entry.trim()))))
    for (const key of stems(theme.description, MIN_WORD_LENGTH, isPlainNoun)) {
      if (users.get(key) === 1 && !named.has(key)) themeOfStem.set(key, t)
    }
  })
  return themeOfStem
}

/**
 * Whether a word of a description is a noun other than an -ing form.
 * @param word Lower-case word.
 */
function isPlainNoun(word: string): boolean {
  return !word.endsWith('ing') && wordKind(word) === 'noun'
}

/**
 * Keeps, for every talk and theme, the stronger of the two readings: names and keywords, or
 * the description (they are not added: a description repeats what the names say).
 * @param evidence Name and keyword evidence, row-major n × T, changed in place.
 * @param described Description evidence.
 */
export function strongerEvidence(evidence: Float64Array, described: Float64Array): void {
  for (let p = 0; p < evidence.length; p++) if (described[p]! > evidence[p]!) evidence[p] = described[p]!
}
