/**
 * Whether a word is used as a verb in the talks it would name, read from its neighbours: the
 * lexicon of labelTerms.ts cannot tell `run`, `implement` or `exhibits` (nouns as often as
 * verbs in English at large) from a topic, but their context can: a subject pronoun or a
 * modal before them (`we implement`, `can run`), or an object after them (`exhibits this`,
 * `implement a`), where a noun would follow a determiner. A cheap stand-in for a tagger, run
 * on the few candidate words of each theme only.
 */

import { wordKind } from './labelTerms.js'

/** Words after which the next word is a verb: subject pronouns and modals. */
const BEFORE_VERB = new Set("we they i you he she can could will would should may might must cannot can't won't not let's lets".split(' '))
/** Words that open an object noun phrase: a verb is followed by them, a noun rarely. */
const OBJECT_START = new Set('the a an this these those its their our your it them his her my us some any'.split(' '))
/** Words before which a word is a noun: determiners and possessives. */
const BEFORE_NOUN = new Set(
  (
    'the a an this these those its their our your his her my of some any each every such many few ' +
    'more most other'
  ).split(' '),
)

/** Letters, digits and apostrophes make words; anything else separates them. */
const WORD_CHAR = /[\p{L}\p{N}'’]/u

/** Whether the character at `at` of a lower-case text belongs to a word (ASCII without a regex). */
function isWordChar(text: string, at: number): boolean {
  const code = text.charCodeAt(at)
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 39
  return WORD_CHAR.test(text[at]!)
}
/** Punctuation that ends a clause: no cue crosses it (`…in some cases. The…`). */
const CLAUSE_BREAK = /[.!?;:,()[\]"“”\n]/

/**
 * The candidate words that more than half of their occurrences in `texts` use as a verb. Each
 * text is searched for each candidate (`indexOf`), and only the words on either side of an
 * occurrence are read, so the cost is a few scans of the text, not a tokenisation.
 * @param texts Texts of the group the words would name (a theme's talks).
 * @param candidates Lower-case single words to check.
 */
export function verbLikeWords(texts: Iterable<string>, candidates: ReadonlySet<string>): Set<string> {
  const seen = new Map<string, number>()
  const verbal = new Map<string, number>()
  for (const original of texts) {
    const text = original.toLowerCase()
    for (const word of candidates) {
      for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
        const end = at + word.length
        if ((at > 0 && isWordChar(text, at - 1)) || (end < text.length && isWordChar(text, end))) continue
        seen.set(word, (seen.get(word) ?? 0) + 1)
        const before = wordBefore(text, at)
        if (BEFORE_NOUN.has(before)) continue
        const infinitive = before === 'to' && !word.endsWith('s') // `to run`, not `to devices`
        const afterAdverb = before !== '' && wordKind(before) === 'adverb' // `mostly implement`
        if (BEFORE_VERB.has(before) || infinitive || afterAdverb || OBJECT_START.has(wordAfter(text, end))) {
          verbal.set(word, (verbal.get(word) ?? 0) + 1)
        }
      }
    }
  }
  const verbs = new Set<string>()
  for (const [word, count] of verbal) if (2 * count > seen.get(word)!) verbs.add(word)
  return verbs
}

/** The word that ends before position `at`, or '' when a clause break comes first. */
function wordBefore(text: string, at: number): string {
  let end = at
  while (end > 0 && !isWordChar(text, end - 1)) {
    if (CLAUSE_BREAK.test(text[end - 1]!)) return ''
    end--
  }
  let start = end
  while (start > 0 && isWordChar(text, start - 1)) start--
  return text.slice(start, end).replace(/’/g, "'")
}

/** The word that starts after position `at`, or '' when a clause break comes first. */
function wordAfter(text: string, at: number): string {
  let start = at
  while (start < text.length && !isWordChar(text, start)) {
    if (CLAUSE_BREAK.test(text[start]!)) return ''
    start++
  }
  let end = start
  while (end < text.length && isWordChar(text, end)) end++
  return text.slice(start, end).replace(/’/g, "'")
}
