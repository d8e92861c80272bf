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
import { capitalize, inventWord, drawIndex, inventWords, zipfCdf } from './syntheticWords.js'
import { FIRST_NAMES, speakerPoolSize, drawSpeakers, lastNameCount } from './syntheticSpeakers.js'

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

/** Resolved, validated options. */
export interface ResolvedOptions {
  readonly talks: number
  readonly seed: number
  readonly topics: number
  readonly vocabulary: number
  readonly wordsPerAbstract: number
}

/** One topic: its name and its vocabulary, Zipf rank order (head words first). */
export interface Topic {
  readonly name: string
  readonly words: readonly string[]
}

/** Everything drawn once per corpus, before the talks. */
export interface World {
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
