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
const BEFORE_VERB = new Set(['we', 'they', 'i', 'you', 'he', 'she', 'can', 'could', 'will', 'would', 'should', 'may', 'might', 'must', 'cannot', "can't", "won't", 'not', "let's", 'lets'])
/** Words that open an object noun phrase: a verb is followed by them, a noun rarely. */
const OBJECT_START = new Set(['the', 'a', 'an', 'this', 'these', 'those', 'its', 'their', 'our', 'your', 'it', 'them', 'his', 'her', 'my', 'us', 'some', 'any'])
/** Words before which a word is a noun: determiners and possessives. */
const BEFORE_NOUN = new Set(['the', 'a', 'an', 'this', 'these', 'those', 'its', 'their', 'our', 'your', 'his', 'her', 'my', 'of', 'some', 'any', 'each', 'every', 'such', 'many', 'few', 'more', 'most', 'other'])

const WORD = /[\p{L}\p{N}'’]+/gu
/** Punctuation that ends a clause: no cue crosses it (`…in some cases. The…`). */
const CLAUSE_BREAK = /[.!?;:,()[\]"“”\n]+/

/**
 * The candidate words that more than half of their occurrences in `texts` use as a verb.
 * @param texts Texts of the group the words would name (a theme's talks).
 * @param candidates Lower-case single words to check.
 */
export function verbLikeWords(texts: Iterable<string>, candidates: ReadonlySet<string>): Set<string> {
  const seen = new Map<string, number>()
  const verbal = new Map<string, number>()
  for (const text of texts) {
    for (const clause of text.toLowerCase().replace(/’/g, "'").split(CLAUSE_BREAK)) {
      const words = clause.match(WORD) ?? []
      for (let w = 0; w < words.length; w++) {
        const word = words[w]!
        if (!candidates.has(word)) continue
        seen.set(word, (seen.get(word) ?? 0) + 1)
        const before = w > 0 ? words[w - 1]! : ''
        if (BEFORE_NOUN.has(before)) continue
        const infinitive = before === 'to' && !word.endsWith('s') // `to run`, not `to devices`
        const afterAdverb = before !== '' && wordKind(before) === 'adverb' // `mostly implement`
        if (BEFORE_VERB.has(before) || infinitive || afterAdverb || (w + 1 < words.length && OBJECT_START.has(words[w + 1]!))) {
          verbal.set(word, (verbal.get(word) ?? 0) + 1)
        }
      }
    }
  }
  const verbs = new Set<string>()
  for (const [word, count] of verbal) if (2 * count > seen.get(word)!) verbs.add(word)
  return verbs
}
