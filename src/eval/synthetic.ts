/**
 * Deterministic synthetic conference corpora for benchmarks and evaluation.
 *
 * Model (a small generative story, in the spirit of LDA's "each document is a mixture of
 * topics"):
 * - A lexicon of invented, word-like terms is built from syllables (`kovar`, `lentising`).
 * - Each topic owns a few exclusive head words and draws the rest of its vocabulary from the
 *   shared lexicon, so topics overlap in their tails as real fields do. Within a topic, the
 *   word of rank r (0-based) is drawn with probability ∝ 1 / (r + 1) (Zipf's law, exponent 1).
 * - Every talk has a main topic and a different secondary one. Each token of its abstract is a
 *   background word (English function words and generic invented words, Zipf-distributed),
 *   a word of the main or the secondary topic, a uniformly drawn lexicon word (the long tail),
 *   or a one-off nonce word, so the vocabulary keeps growing with the corpus as real text does.
 * - Topic sizes are mildly skewed: topic t is the main topic with probability ∝ 1 / √(t + 1).
 *
 * The same options and seed always give byte-identical talks: every draw comes from one
 * seeded stream (`createRandom` of ../random.ts, the project's mulberry32), consumed in a fixed
 * order. 100,000 talks take 46 million draws, about 1 % of its period of 2^32.
 */
import { OptionError } from '../errors.js'
import { DEFAULT_SEED } from '../options.js'
import type { Talk } from '../types.js'
import { createRandom, type Random } from '../random.js'

/** Options of {@link generateCorpus}. */
export interface GenerateCorpusOptions {
  /** Number of talks to generate (an integer ≥ 0). */
  readonly talks: number
  /**
   * Seed of the pseudo-random stream: same seed, same corpus.
   * @default 42
   */
  readonly seed?: number
  /**
   * Number of topics (the truth labels in `topic`). An integer ≥ 2.
   * @default 100
   */
  readonly topics?: number
  /**
   * Size of the invented lexicon that topics and the long tail draw from. One-off nonce
   * words come on top of it. An integer ≥ `topics × 12 + 600`.
   * @default 30000
   */
  readonly vocabulary?: number
  /**
   * Mean number of words per abstract; each abstract has between 60 % and 140 % of it.
   * The default gives abstracts of about 950 bytes, so 100,000 talks weigh about 95 MB.
   * An integer ≥ 1.
   * @default 120
   */
  readonly wordsPerAbstract?: number
}

/** A generated talk: a {@link Talk} plus the truth it was generated from. */
export interface SyntheticTalk extends Talk {
  /** Speaker names (one to three, invented), drawn from a pool of about `talks / 2` people. */
  readonly speakers: readonly string[]
  /** Main topic, named after its two head words (`"kovar lentis"`): the truth label. */
  readonly topic: string
  /** Secondary topic mixed into the abstract, named like `topic`. */
  readonly secondaryTopic: string
}

/** Default options of {@link generateCorpus}. */
export const defaultGenerateCorpusOptions = Object.freeze({
  seed: DEFAULT_SEED,
  topics: 100,
  vocabulary: 30_000,
  wordsPerAbstract: 120,
})

/** Exclusive head words per topic: they make topics recoverable and name them. */
const HEAD_WORDS = 12
/** Words per topic vocabulary, head words included. */
const TOPIC_WORDS = 400
/** Invented generic words shared by all topics ("platform"-like words). */
const GENERIC_WORDS = 200
/** Invented first names in the speaker pool. */
const FIRST_NAMES = 120
/**
 * Fewest invented last names. Fixed up to 240,000 talks, so that the lexicon and the names
 * do not depend on the corpus size and a small corpus is a prefix of a larger one.
 */
const MIN_LAST_NAMES = 1000
/** Fewest people in the speaker pool. */
const MIN_SPEAKERS = 8
/** Share of abstract tokens that are background words. */
const BACKGROUND_SHARE = 0.45
/** Share of abstract tokens drawn uniformly from the whole lexicon. */
const TAIL_SHARE = 0.03
/** Share of abstract tokens that are one-off nonce words. */
const NONCE_SHARE = 0.004
/** Share of abstract tokens that are numbers or versions (`2.4`, `2019`). */
const NUMBER_SHARE = 0.006
/** Share of abstract tokens that are hyphenated compounds of two topic words. */
const COMPOUND_SHARE = 0.01
/** Probability that a word inside a sentence is followed by a comma. */
const COMMA_RATE = 0.07

/**
 * English function words and generic conference words, most frequent first. Background
 * tokens draw from these and from the invented generic words, with Zipf weights.
 */
const FUNCTION_WORDS = [
  'the', 'and', 'of', 'to', 'a', 'in', 'is', 'for', 'we', 'this', 'with', 'that', 'on', 'it',
  'as', 'how', 'are', 'will', 'can', 'be', 'from', 'our', 'an', 'you', 'by', 'talk', 'at',
  'or', 'new', 'using', 'which', 'about', 'also', 'its', 'into', 'more', 'these', 'their',
  'what', 'use', 'have', 'has', 'they', 'not', 'but', 'all', 'some', 'over', 'them', 'both',
  'while', 'when', 'then', 'such', 'other', 'each', 'many', 'session', 'project',
  'show', 'present', 'work', 'open', 'source', 'approach', 'challenges', 'experience',
]

/** Short words allowed inside titles between content words. */
const TITLE_LINKS = ['and', 'for', 'the', 'of', 'with', 'in', 'to', 'on', 'from', 'at', 'a']

const ONSETS = [
  '', '', '', 'b', 'c', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'z',
  'br', 'cr', 'dr', 'fl', 'gr', 'kl', 'pl', 'pr', 'sk', 'sl', 'st', 'tr', 'sh', 'ch', 'th',
]
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'i', 'o', 'ai', 'ea', 'io', 'ou', 'y']
const CODAS = ['', '', '', '', '', '', 'n', 'r', 's', 'l', 'm', 'x', 't', 'nd', 'rk', 'st', 'ng']
const SUFFIXES = ['ing', 'er', 'ion', 'ity', 'ics', 'al', 'ism', 'ware', 'ed', 'able']

/** Resolved, validated options. */
interface ResolvedOptions {
  readonly talks: number
  readonly seed: number
  readonly topics: number
  readonly vocabulary: number
  readonly wordsPerAbstract: number
}

/** One topic: its name and its vocabulary, Zipf rank order (head words first). */
interface Topic {
  readonly name: string
  readonly words: readonly string[]
}

/** Everything drawn once per corpus, before the talks. */
interface World {
  readonly lexicon: readonly string[]
  readonly background: readonly string[]
  readonly backgroundCdf: Float64Array
  readonly topics: readonly Topic[]
  readonly topicCdf: Float64Array
  readonly popularityCdf: Float64Array
  readonly firstNames: readonly string[]
  readonly lastNames: readonly string[]
}

/**
 * Generates a synthetic corpus of conference talks: invented but word-like titles and
 * abstracts, each a mixture of a main and a secondary topic, with the main topic recorded
 * in `topic` as the truth label. Byte-identical for the same options and seed.
 *
 * About 95 MB of abstracts for 100,000 talks with the defaults, generated in a few seconds.
 *
 * @param options Size, seed and shape of the corpus; see {@link GenerateCorpusOptions}.
 * @returns The talks in id order (`syn-000001`, `syn-000002`, …).
 * @throws {OptionError} When an option is not an integer in its range.
 *
 * @example
 * const talks = generateCorpus({ talks: 1000, seed: 7 })
 * talks[0].topic // the name of the talk's main topic, e.g. "drelion strokal"
 */
export function generateCorpus(options: GenerateCorpusOptions): SyntheticTalk[] {
  const resolved = resolveOptions(options)
  const random = createRandom(resolved.seed)
  const world = createWorld(resolved, random)
  const idWidth = Math.max(6, String(resolved.talks).length)
  const talks: SyntheticTalk[] = new Array(resolved.talks)
  for (let i = 0; i < resolved.talks; i++) {
    talks[i] = generateTalk(i, `syn-${String(i + 1).padStart(idWidth, '0')}`, world, resolved, random)
  }
  return talks
}

/**
 * Validates the options once and fills in the defaults.
 * @param options Options as given.
 */
function resolveOptions(options: GenerateCorpusOptions): ResolvedOptions {
  const where = 'generateCorpus'
  const talks = options.talks
  if (!Number.isSafeInteger(talks) || talks < 0) throw new OptionError(where, 'talks', talks, 'an integer ≥ 0')
  const seed = options.seed ?? defaultGenerateCorpusOptions.seed
  if (!Number.isSafeInteger(seed)) throw new OptionError(where, 'seed', seed, 'an integer')
  const topics = options.topics ?? defaultGenerateCorpusOptions.topics
  if (!Number.isSafeInteger(topics) || topics < 2 || topics > 10_000) {
    throw new OptionError(where, 'topics', topics, 'an integer from 2 to 10000')
  }
  const vocabulary = options.vocabulary ?? defaultGenerateCorpusOptions.vocabulary
  const minVocabulary = topics * HEAD_WORDS + GENERIC_WORDS + TOPIC_WORDS
  if (!Number.isSafeInteger(vocabulary) || vocabulary < minVocabulary || vocabulary > 1_000_000) {
    throw new OptionError(where, 'vocabulary', vocabulary, `an integer from ${minVocabulary} to 1000000 (topics × ${HEAD_WORDS} + ${GENERIC_WORDS + TOPIC_WORDS})`)
  }
  const wordsPerAbstract = options.wordsPerAbstract ?? defaultGenerateCorpusOptions.wordsPerAbstract
  if (!Number.isSafeInteger(wordsPerAbstract) || wordsPerAbstract < 1 || wordsPerAbstract > 100_000) {
    throw new OptionError(where, 'wordsPerAbstract', wordsPerAbstract, 'an integer from 1 to 100000')
  }
  return { talks, seed, topics, vocabulary, wordsPerAbstract }
}

/**
 * Draws the lexicon, the topics and the speaker names.
 * @param options Resolved options.
 * @param random Seeded stream, advanced in place.
 */
function createWorld(options: ResolvedOptions, random: Random): World {
  const reserved = new Set(FUNCTION_WORDS.concat(TITLE_LINKS))
  const lexicon = inventWords(options.vocabulary, random, reserved, 1, 3)
  // Lexicon order is random already: the first words become head words (exclusive to one
  // topic), the next ones generic background words, the rest the shared topic pool.
  const headEnd = options.topics * HEAD_WORDS
  const genericEnd = headEnd + GENERIC_WORDS
  const topics: Topic[] = new Array(options.topics)
  for (let t = 0; t < options.topics; t++) {
    const words = lexicon.slice(t * HEAD_WORDS, (t + 1) * HEAD_WORDS)
    const chosen = new Set(words)
    while (words.length < TOPIC_WORDS) {
      const word = lexicon[genericEnd + Math.floor(random.next() * (lexicon.length - genericEnd))]!
      if (!chosen.has(word)) {
        chosen.add(word)
        words.push(word)
      }
    }
    topics[t] = { name: `${words[0]} ${words[1]}`, words }
  }
  const background = FUNCTION_WORDS.concat(lexicon.slice(headEnd, genericEnd))
  const firstNames = inventWords(FIRST_NAMES, random, reserved, 1, 2).map(capitalize)
  const lastNames = inventWords(lastNameCount(speakerPoolSize(options.talks)), random, reserved, 2, 3).map(capitalize)
  return {
    lexicon,
    background,
    backgroundCdf: zipfCdf(background.length, 1),
    topics,
    topicCdf: zipfCdf(TOPIC_WORDS, 1),
    popularityCdf: zipfCdf(options.topics, 0.5),
    firstNames,
    lastNames,
  }
}

/**
 * Generates one talk.
 * @param index 0-based position of the talk in the corpus.
 * @param id Talk id.
 * @param world Lexicon, topics and names.
 * @param options Resolved options.
 * @param random Seeded stream, advanced in place.
 */
function generateTalk(index: number, id: string, world: World, options: ResolvedOptions, random: Random): SyntheticTalk {
  const main = drawIndex(world.popularityCdf, random.next())
  let secondary = drawIndex(world.popularityCdf, random.next())
  // A different topic; the shift keeps the draw to one step and deterministic.
  if (secondary === main) secondary = (main + 1 + Math.floor(random.next() * (options.topics - 1))) % options.topics
  const mainShare = 0.6 + 0.25 * random.next()
  const mainWords = world.topics[main]!.words
  const secondaryWords = world.topics[secondary]!.words
  const nWords = Math.max(1, Math.round(options.wordsPerAbstract * (0.6 + 0.8 * random.next())))
  const title = generateTitle(world, mainWords, secondaryWords, random)
  const abstract = generateAbstract(nWords, world, mainWords, secondaryWords, mainShare, random)
  return {
    id,
    title,
    abstract,
    speakers: drawSpeakers(speakerPoolSize(index + 1), world, random),
    topic: world.topics[main]!.name,
    secondaryTopic: world.topics[secondary]!.name,
  }
}

/**
 * A title of 5 to 10 words, content words capitalised, sometimes with a colon.
 * @param world Lexicon and distributions.
 * @param mainWords Main topic vocabulary.
 * @param secondaryWords Secondary topic vocabulary.
 * @param random Seeded stream.
 */
function generateTitle(world: World, mainWords: readonly string[], secondaryWords: readonly string[], random: Random): string {
  const nWords = 5 + Math.floor(random.next() * 6)
  const colonAfter = random.next() < 0.3 ? 1 + Math.floor(random.next() * 2) : -1
  const words: string[] = new Array(nWords)
  let previousIsLink = true
  for (let w = 0; w < nWords; w++) {
    const link: boolean = !previousIsLink && w < nWords - 1 && random.next() < 0.25
    previousIsLink = link
    if (link) {
      words[w] = TITLE_LINKS[Math.floor(random.next() * TITLE_LINKS.length)]!
    } else {
      const word = capitalize((random.next() < 0.8 ? mainWords : secondaryWords)[drawIndex(world.topicCdf, random.next())]!)
      words[w] = w === colonAfter ? `${word}:` : word
    }
  }
  return words.join(' ')
}

/**
 * An abstract of `nWords` tokens in sentences of 8 to 20 words.
 * @param nWords Number of tokens.
 * @param world Lexicon and distributions.
 * @param mainWords Main topic vocabulary.
 * @param secondaryWords Secondary topic vocabulary.
 * @param mainShare Share of topic tokens taken from the main topic.
 * @param random Seeded stream.
 */
function generateAbstract(
  nWords: number,
  world: World,
  mainWords: readonly string[],
  secondaryWords: readonly string[],
  mainShare: number,
  random: Random,
): string {
  // Joined once at the end: a flat string, not a rope of a few hundred concatenations.
  const words: string[] = new Array(nWords)
  let sentenceLeft = 0
  for (let w = 0; w < nWords; w++) {
    const startsSentence = sentenceLeft === 0
    if (startsSentence) sentenceLeft = 8 + Math.floor(random.next() * 13)
    let word = drawAbstractWord(world, mainWords, secondaryWords, mainShare, random)
    if (startsSentence) word = capitalize(word)
    sentenceLeft--
    if (sentenceLeft === 0 || w === nWords - 1) {
      word += '.'
      sentenceLeft = 0
    } else if (random.next() < COMMA_RATE) {
      word += ','
    }
    words[w] = word
  }
  return words.join(' ')
}

/**
 * One abstract token: background, topic, tail, nonce, number or compound.
 * @param world Lexicon and distributions.
 * @param mainWords Main topic vocabulary.
 * @param secondaryWords Secondary topic vocabulary.
 * @param mainShare Share of topic tokens taken from the main topic.
 * @param random Seeded stream.
 */
function drawAbstractWord(
  world: World,
  mainWords: readonly string[],
  secondaryWords: readonly string[],
  mainShare: number,
  random: Random,
): string {
  let u = random.next()
  if (u < BACKGROUND_SHARE) return world.background[drawIndex(world.backgroundCdf, random.next())]!
  u -= BACKGROUND_SHARE
  if (u < TAIL_SHARE) return world.lexicon[Math.floor(random.next() * world.lexicon.length)]!
  u -= TAIL_SHARE
  if (u < NONCE_SHARE) return inventWord(random, 3, 4)
  u -= NONCE_SHARE
  if (u < NUMBER_SHARE) return random.next() < 0.5 ? String(1990 + Math.floor(random.next() * 36)) : `${Math.floor(random.next() * 10)}.${Math.floor(random.next() * 20)}`
  u -= NUMBER_SHARE
  const words = random.next() < mainShare ? mainWords : secondaryWords
  const word = words[drawIndex(world.topicCdf, random.next())]!
  if (u < COMPOUND_SHARE) return `${word}-${words[drawIndex(world.topicCdf, random.next())]!}`
  return word
}

/**
 * Size of the speaker pool once `talks` talks exist: about one person per two talks. The
 * pool grows along the corpus, so that the speakers of talk i do not depend on how many
 * talks follow it.
 * @param talks Number of talks so far.
 */
function speakerPoolSize(talks: number): number {
  return Math.max(MIN_SPEAKERS, Math.ceil(talks / 2))
}

/**
 * One to three distinct speakers from the first `pool` people.
 * @param pool Number of people to draw from.
 * @param world Speaker names.
 * @param random Seeded stream.
 */
function drawSpeakers(pool: number, world: World, random: Random): string[] {
  const u = random.next()
  const count = u < 0.75 ? 1 : u < 0.95 ? 2 : 3
  const chosen: number[] = []
  while (chosen.length < count) {
    const s = Math.floor(random.next() * pool)
    if (!chosen.includes(s)) chosen.push(s)
  }
  const speakers: string[] = new Array(count)
  for (let i = 0; i < count; i++) {
    const s = chosen[i]!
    speakers[i] = speakerName(s, world)
  }
  return speakers
}

/**
 * Number of last names for a pool of `speakerPool` people: at least `speakerPool / 120`,
 * and not a multiple of 11, so that {@link speakerName} gives every person a distinct name.
 * @param speakerPool Number of people.
 */
function lastNameCount(speakerPool: number): number {
  const count = Math.max(MIN_LAST_NAMES, Math.ceil(speakerPool / FIRST_NAMES))
  return count % 11 === 0 ? count + 1 : count
}

/**
 * Name of person `s`: first name `s mod F`, last name `(s + ⌊s / F⌋) mod L` with F = 120.
 * With s = a + F·q this is (a + 121·q) mod L, distinct for every q < L when 121 = 11² and L
 * are coprime, so no two people share a name while consecutive people get different last
 * names.
 * @param s Person index in the pool.
 * @param world Name lists.
 */
function speakerName(s: number, world: World): string {
  const first = world.firstNames[s % FIRST_NAMES]!
  const last = world.lastNames[(s + Math.floor(s / FIRST_NAMES)) % world.lastNames.length]!
  return `${first} ${last}`
}

/**
 * `count` distinct invented words, none of them in `reserved`, in the order drawn.
 * @param count Number of words.
 * @param random Seeded stream.
 * @param reserved Words to avoid (real function words).
 * @param minSyllables Shortest word in syllables (before an optional suffix).
 * @param maxSyllables Longest word in syllables (before an optional suffix).
 */
function inventWords(count: number, random: Random, reserved: ReadonlySet<string>, minSyllables: number, maxSyllables: number): string[] {
  const seen = new Set<string>()
  const words: string[] = []
  while (words.length < count) {
    const word = inventWord(random, minSyllables, maxSyllables)
    if (word.length >= 4 && !seen.has(word) && !reserved.has(word)) {
      seen.add(word)
      words.push(word)
    }
  }
  return words
}

/**
 * A word of `minSyllables` to `maxSyllables` syllables, sometimes with a suffix (`-ing`,
 * `-ity`…), so that stemmers meet inflected forms.
 * @param random Seeded stream.
 * @param minSyllables Fewest syllables.
 * @param maxSyllables Most syllables; the count is uniform in between.
 */
function inventWord(random: Random, minSyllables: number, maxSyllables: number): string {
  const nSyllables = minSyllables + Math.floor(random.next() * (maxSyllables - minSyllables + 1))
  let word = ''
  for (let s = 0; s < nSyllables; s++) {
    word += ONSETS[Math.floor(random.next() * ONSETS.length)]!
    word += VOWELS[Math.floor(random.next() * VOWELS.length)]!
    word += CODAS[Math.floor(random.next() * CODAS.length)]!
  }
  if (random.next() < 0.3) word += SUFFIXES[Math.floor(random.next() * SUFFIXES.length)]!
  return word
}

/**
 * Cumulative distribution of Zipf's law over `n` ranks: P(r) ∝ 1 / (r + 1)^exponent,
 * normalised so that the last entry is 1.
 * @param n Number of ranks.
 * @param exponent Zipf exponent (1 = classic Zipf).
 */
function zipfCdf(n: number, exponent: number): Float64Array {
  const cdf = new Float64Array(n)
  let total = 0
  for (let r = 0; r < n; r++) {
    total += 1 / Math.pow(r + 1, exponent)
    cdf[r] = total
  }
  for (let r = 0; r < n; r++) cdf[r] = cdf[r]! / total
  cdf[n - 1] = 1
  return cdf
}

/**
 * Index of the first entry of `cdf` greater than `u` (binary search), i.e. a draw from the
 * distribution when `u` is uniform in [0, 1).
 * @param cdf Cumulative distribution, last entry 1.
 * @param u Uniform number in [0, 1).
 */
function drawIndex(cdf: Float64Array, u: number): number {
  let lo = 0
  let hi = cdf.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (cdf[mid]! > u) hi = mid
    else lo = mid + 1
  }
  return lo
}

/**
 * First letter upper-cased.
 * @param word Lower-case word.
 */
function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}
