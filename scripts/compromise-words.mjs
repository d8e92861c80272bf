// The words of the compromise tagger's lexicon (a dev dependency) that labels read as not
// topical, by kind: what scripts/general-words.mjs packs into src/cluster/generalWords.ts
// (after leaving out what the label rules derive), and what src/cluster/generalWords.test.ts
// checks the packed list against.
import nlp from 'compromise/two'

/** compromise's lexicon: word → tag (or tags). */
export const lexicon = nlp.world().model.one.lexicon

// Labels ask only whether a word is a noun, an adverb or other: verbs and adjectives answer
// alike, so they share one list (0.35 KB smaller packed than two).
const KINDS = {
  verb: ['Infinitive', 'PastTense', 'Participle', 'Modal', 'Adjective'],
  adverb: ['Adverb'],
  other: ['Expression', 'Pronoun', 'Determiner', 'Preposition', 'Conjunction', 'QuestionWord', 'Reflexive'],
}

/**
 * The lexicon's lower-case words with one tag of {@link KINDS}, by kind (in the order of the
 * packed lists: verb, adverb, other).
 * @returns {Record<'verb' | 'adverb' | 'other', Set<string>>}
 */
export function compromiseWords() {
  const words = Object.fromEntries(Object.keys(KINDS).map((kind) => [kind, new Set()]))
  for (const [word, tag] of Object.entries(lexicon)) {
    if (!/^[a-z]+$/.test(word)) continue
    const tags = Array.isArray(tag) ? tag : String(tag).split(',')
    for (const [kind, wanted] of Object.entries(KINDS)) if (tags.length === 1 && wanted.includes(tags[0])) words[kind].add(word)
  }
  return words
}
