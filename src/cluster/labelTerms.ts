/**
 * Which vocabulary terms may name a theme: topical nouns and noun phrases. A term is left
 * out of labels and keywords when it is a URL or host fragment (`https`, `github.com`), an
 * event word or greeting (`Welcome`, `attend`), or, by part of speech, an adverb, a verb that
 * is not a gerund, an adjective standing alone, an expression or a function word (`easily`,
 * `find`, `honorable`, `please`). Parts of speech come from the compromise tagger's lexicon
 * (generalWords.ts): its full tagger takes seconds to import, a lexicon lookup nothing.
 * Identifiers and acronyms (`XDP`, `eBPF`, `io_uring`, `GTK4`) are always kept.
 */
import { ENGLISH_FUNCTION_WORDS } from '../text/stopwords.js'
import { unpackGeneralWords } from './generalWords.js'

/** Words about the event rather than a topic, beside the tokenizer's conference stopwords. */
const EVENT_WORDS = new Set(
  (
    'welcome welcoming attend attending please thanks thank hello devroom devrooms room track tracks ' +
    'agenda registration schedule venue organisers organizers'
  ).split(' '),
)
/**
 * Shell nouns (Schmid 2000, *English Abstract Nouns as Conceptual Shells*): abstract nouns
 * whose content is given elsewhere in the sentence (`the problem is…`, `in some cases`), so
 * alone they name no topic; inside a phrase (`use cases`, `design approach`) they may.
 */
const SHELL_NOUNS = new Set(
  (
    'approach aspect case challenge detail example fact feature idea issue kind lot matter need ' +
    'option part point possibility problem question reason result solution thing type way'
  ).split(' '),
)
const HOST_ENDING = /\.(com|org|net|io|dev|eu|info|edu|gov|co|uk|de|fr|nl|be|ch|me|app|html?|php)$/i
/** Adjective endings whose -ly form is an adverb (`seamlessly`, `typically`, `obviously`). */
const ADVERB_ENDING = /(ally|ously|fully|lessly|ively|ently|antly|ably|ibly|edly|ingly|ily)$/

/** Endings of adjectives that are nouns too rarely to matter (`powerful`, `various`, `seamless`, `feasible`). */
const ADJECTIVE_ENDING = /(ful|ous|less|ible)$/

export type WordKind = 'noun' | 'verb' | 'adverb' | 'adjective' | 'other'

let kinds: Map<string, WordKind> | undefined

/**
 * The lists of {@link unpackGeneralWords} as they unpack: verbs and adjectives (one list: labels
 * tell them apart nowhere), adverbs, other words (expressions and function words).
 */
export type GeneralWordLists = readonly [string, string, string]

/** The kind of each list of {@link GeneralWordLists}. */
const LIST_KINDS: readonly WordKind[] = ['verb', 'adverb', 'other']

/** Where the lexicon may take its lists already unpacked (see {@link takeGeneralWordListsFrom}). */
let unpackedElsewhere: (() => GeneralWordLists | undefined) | undefined

/** The word lists, unpacked here (tens of milliseconds of CPU on first use). */
export function unpackGeneralWordLists(): GeneralWordLists {
  return unpackGeneralWords()
}

/**
 * Lets the lexicon, on first use, take the lists that `source` returns (those of
 * {@link unpackGeneralWordLists}, unpacked on another thread while this one was busy) instead
 * of unpacking them; when `source` returns undefined (not there yet), it unpacks them here.
 * @param source The lists, or undefined.
 */
export function takeGeneralWordListsFrom(source: () => GeneralWordLists | undefined): void {
  unpackedElsewhere = source
}

/** The lexicon as one map, built on first use. */
function lexicon(): Map<string, WordKind> {
  if (kinds) return kinds
  const lists = unpackedElsewhere?.() ?? unpackGeneralWordLists()
  kinds = new Map()
  lists.forEach((list, index) => {
    for (const word of list.split(' ')) kinds!.set(word, LIST_KINDS[index]!)
  })
  return kinds
}

/**
 * The part of speech of one word of a term, as far as labels care: identifiers, acronyms,
 * numbers and unknown words count as nouns. Labels only ask whether a word is a noun, an
 * adverb or "other", so a verb and an adjective are alike here: the lexicon lists both as
 * `verb` (`abrupt` too; `advanced` reads as the past of `advance`, `abruptly` as the -ly of
 * `abrupt`) and leaves out every word the rules below already place.
 */
export function wordKind(word: string): WordKind {
  // Upper case after the first letter, digits or symbols: an identifier or acronym.
  if (/[A-Z]/.test(word.slice(1)) || /[^\p{L}'’]/u.test(word)) return 'noun'
  if (/['’]/.test(word)) return 'other' // a contraction: we’ll, don't
  const words = lexicon()
  return lexiconKind(word.toLowerCase(), (w) => words.get(w))
}

/**
 * The kind of a lower-case word from a lexicon and the regular endings; scripts/general-words.mjs
 * runs it to leave out of the lexicon the words it places without them.
 * @param lower A lower-case word.
 * @param lookup The lexicon's kind of a word, if listed.
 */
export function lexiconKind(lower: string, lookup: (word: string) => WordKind | undefined): WordKind {
  const known = lookup(lower)
  if (known) return known
  if (lower.length > 5 && ADVERB_ENDING.test(lower)) return 'adverb'
  if (lower.length > 5 && ADJECTIVE_ENDING.test(lower)) return 'adjective'
  if (lower.length > 6 && lower.endsWith('ize')) return 'verb'
  // `abruptly`, `landed`, `introduced`, `applied`, `stopped`: the -ly or -ed form of a listed
  // verb or adjective.
  const isVerb = (stem: string) => lookup(stem) === 'verb'
  if (lower.length > 4 && lower.endsWith('ly') && isVerb(lower.slice(0, -2))) return 'adverb'
  // A function word that is not an adverb (`the`, `whereas`, `be`): the stopwords, which no
  // label or description reads, so the lexicon need not list them.
  if (ENGLISH_FUNCTION_WORDS.has(lower)) return 'other'
  if (lower.length > 4 && lower.endsWith('ed') && (isVerb(lower.slice(0, -2)) || isVerb(lower.slice(0, -1)) || (lower.endsWith('ied') && isVerb(`${lower.slice(0, -3)}y`)) || (lower[lower.length - 3] === lower[lower.length - 4] && isVerb(lower.slice(0, -3))))) return 'verb'
  return 'noun'
}

/**
 * Whether a term (its display form) may stand in a theme's label or keywords.
 * @param term Display form: a word, an identifier or a phrase of words separated by spaces.
 */
export function isLabelTerm(term: string): boolean {
  const lower = term.toLowerCase()
  if (/^(https?|www)$/.test(lower) || lower.includes('://') || HOST_ENDING.test(lower)) return false
  const words = term.split(/\s+/)
  if (words.some((word) => EVENT_WORDS.has(word.toLowerCase()))) return false
  if (words.length === 1) return wordKind(words[0]!) === 'noun' && !SHELL_NOUNS.has(lower.replace(/s$/, ''))
  // A phrase is named by its last word (`instruction set`, `memory safety`); one that ends in
  // a verb, adverb or adjective (`privilege necessary`, `publicly available`) is not a name.
  return wordKind(words[words.length - 1]!) === 'noun' && wordKind(words[0]!) !== 'other'
}
