/**
 * Arithmetic coding of word lists with a small context-mixing model (after M. Mahoney's
 * lpaq1): the words of all lists, sorted together, are coded one after the other as the
 * number of letters each shares with the word before, its other letters and its list, one
 * bit at a time. Each bit's probability mixes what six contexts predict (the letters before
 * it; for the first new letter, the letter the word before had there, which it must follow
 * in the alphabet; for the list, the word's ending), with mixer weights learnt per field.
 * The label word list (4,372 words) packs into 7.7 KB, 42% of its front coding; see
 * docs/decisions.md for why that matters in a browser bundle.
 *
 * Encoder and decoder run the same model and must compute the same probabilities bit for
 * bit on every engine: integers, typed arrays and the four IEEE operations only (no Math.exp).
 */

/** Letters of the words; symbol 0 ends a word, symbol s > 0 is `LETTERS[s - 1]`. */
const LETTERS = "abcdefghijklmnopqrstuvwxyz'"
/** Contexts mixed for every bit. */
const INPUTS = 6
const TABLE_BITS = 20
/** A context's probability moves by 1 / (n + 1.5) after its n-th bit, n at most LIMIT. */
const LIMIT = 127
/** Step of the mixer's weights (per stretch unit of input and 12-bit unit of error). */
const LEARNING = 0.005 / 1048576
/** Longest shared prefix a word can say (4 bits). */
const MAX_SHARED = 15
/** What a symbol is: each field has its own contexts and mixer weights. */
const SHARED_FIELD = 0
const LETTER_FIELD = 1
const KIND_FIELD = 2
const FIRST_LETTER_FIELD = 3

/** The logistic function at 33 points of the stretch domain ±2047 (lpaq), 12-bit probabilities. */
const SQUASH = [1, 2, 3, 6, 10, 16, 27, 45, 73, 120, 194, 310, 488, 747, 1101, 1546, 2047, 2549, 2994, 3348, 3607, 3785, 3901, 3975, 4022, 4050, 4068, 4079, 4085, 4089, 4092, 4093, 4094]

/** Logistic function, interpolated: stretch units (±2047 ↔ ±8) to a 12-bit probability. */
function squash(d: number): number {
  if (d > 2047) return 4095
  if (d < -2047) return 1
  const w = d & 127
  const i = (d >> 7) + 16
  return (SQUASH[i]! * (128 - w) + SQUASH[i + 1]! * w + 64) >> 7
}

/** One step of a binary arithmetic coder: the encoder passes the bit, the decoder finds it. */
type BitCoder = (probability: number, bit?: number) => number

interface Word {
  word: string
  kind: number
}

/** Where a 32-bit range [low, high] splits for a bit 1 of probability `p` / 4096. */
function split(low: number, high: number, p: number): number {
  const range = high - low
  return low + Math.floor(range / 4096) * p + Math.floor(((range % 4096) * p) / 4096)
}

/** One step of the context hash, the same on every engine. */
function mix(h: number, v: number): number {
  return Math.imul(h ^ v, 0x9e3779b1) ^ (h >>> 15)
}

/** Hash of a seed and up to four small integers (`count` of them). */
function hash(seed: number, count: number, a: number, b: number, c: number, d: number): number {
  let h = Math.imul(seed, 0x9e3779b1)
  if (count > 0) h = mix(h, a)
  if (count > 1) h = mix(h, b)
  if (count > 2) h = mix(h, c)
  if (count > 3) h = mix(h, d)
  return h
}

/**
 * Runs the model over `count` words, each symbol's bits through `code`.
 * @param given The words to encode; absent when decoding.
 */
function run(count: number, code: BitCoder, given?: readonly Word[]): Word[] {
  const probabilities = new Uint16Array(1 << TABLE_BITS).fill(32768)
  const counts = new Uint8Array(1 << TABLE_BITS)
  const weights = new Float64Array(4 * INPUTS).fill(0.3)
  const stretch = new Int16Array(4096)
  for (let x = -2047, at = 0; x <= 2047; x++) while (at <= squash(x)) stretch[at++] = x
  stretch.fill(2047, squash(2047) + 1)
  const slots = new Int32Array(INPUTS)
  const inputs = new Int32Array(INPUTS)
  const contexts = new Int32Array(INPUTS)
  /** Sets context `i` of `field` to the hash of `count` features (a, b, c, d). */
  const context = (field: number, i: number, count: number, a = 0, b = 0, c = 0, d = 0): void => {
    contexts[i] = hash(field * INPUTS + i, count, a, b, c, d)
  }
  /** Codes a `bits`-bit symbol (`value` when encoding) under the contexts set for `field`. */
  const symbol = (bits: number, field: number, value?: number): number => {
    let partial = 1
    for (let b = bits - 1; b >= 0; b--) {
      let dot = 0
      for (let i = 0; i < INPUTS; i++) {
        slots[i] = Math.imul(contexts[i]! ^ partial, 0x2c1b3c6d) >>> (32 - TABLE_BITS)
        inputs[i] = stretch[probabilities[slots[i]!]! >> 4]!
        dot += weights[field * INPUTS + i]! * inputs[i]!
      }
      const p = Math.min(4095, Math.max(1, squash(Math.round(dot))))
      const bit = code(p, value === undefined ? undefined : (value >> b) & 1)
      for (let i = 0; i < INPUTS; i++) {
        weights[field * INPUTS + i] += LEARNING * ((bit << 12) - p) * inputs[i]!
        const slot = slots[i]!
        const n = counts[slot]!
        probabilities[slot] += Math.trunc(((bit << 16) - probabilities[slot]!) / (n + 1.5))
        if (n < LIMIT) counts[slot] = n + 1
      }
      partial = partial * 2 + bit
    }
    return partial - (1 << bits)
  }
  const letter = (c: string | undefined): number => (c === undefined ? 0 : LETTERS.indexOf(c) + 1)
  /** The letter `back` places from the end of a word (1: the last), 0 before its start. */
  const last = (word: string, back: number): number => letter(word[word.length - back])
  const out: Word[] = []
  let previous = ''
  let previousKind = 0
  for (let w = 0; w < count; w++) {
    const target = given?.[w]
    let shared = 0
    while (target && shared < MAX_SHARED && shared < previous.length && previous[shared] === target.word[shared]) shared++
    const a = last(previous, 1)
    const b = last(previous, 2)
    context(SHARED_FIELD, 0, 0)
    context(SHARED_FIELD, 1, 1, previous.length)
    context(SHARED_FIELD, 2, 1, a)
    context(SHARED_FIELD, 3, 2, a, b)
    context(SHARED_FIELD, 4, 1, previousKind)
    context(SHARED_FIELD, 5, 2, previous.length, previousKind)
    let word = previous.slice(0, symbol(4, SHARED_FIELD, target && shared))
    for (let first = 1; ; first = 0) {
      const field = first ? FIRST_LETTER_FIELD : LETTER_FIELD
      const [a, b, c, d] = [last(word, 1), last(word, 2), last(word, 3), last(word, 4)] as const
      context(field, 0, 1, a)
      context(field, 1, 2, a, b)
      context(field, 2, 3, a, b, c)
      context(field, 3, 3, first, letter(previous[word.length]), a)
      context(field, 4, 4, a, b, c, d)
      context(field, 5, 2, word.length, first)
      const next = symbol(5, field, target && letter(target.word[word.length]))
      if (next === 0) break
      word += LETTERS[next - 1]
    }
    const [e, f, g, h] = [last(word, 1), last(word, 2), last(word, 3), last(word, 4)] as const
    context(KIND_FIELD, 0, 0)
    context(KIND_FIELD, 1, 1, e)
    context(KIND_FIELD, 2, 2, e, f)
    context(KIND_FIELD, 3, 3, e, f, g)
    context(KIND_FIELD, 4, 4, e, f, g, h)
    context(KIND_FIELD, 5, 1, word.length)
    const kind = symbol(3, KIND_FIELD, target?.kind)
    out.push({ word, kind })
    previous = word
    previousKind = kind
  }
  return out
}

/**
 * Packs word lists into bytes, written as base64.
 * @param lists Word lists: distinct words of the letters a–z and `'`, at most 8 lists.
 */
export function encodeWords(lists: readonly (readonly string[])[]): string {
  const words = lists.flatMap((list, kind) => list.map((word) => ({ word, kind })))
  words.sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0))
  let bytes = ''
  // The range [low, high] in a typed array: 32-bit values kept in closure variables would be
  // boxed on every bit.
  const range = Uint32Array.of(0, 0xffffffff)
  run(words.length, (p, bit) => {
    const middle = split(range[0]!, range[1]!, p)
    if (bit) range[1] = middle
    else range[0] = middle + 1
    while (((range[0]! ^ range[1]!) & 0xff000000) === 0) {
      bytes += String.fromCharCode(range[1]! >>> 24)
      range[0] = range[0]! << 8
      range[1] = (range[1]! << 8) | 255
    }
    return bit!
  }, words)
  for (let shift = 24; shift >= 0; shift -= 8) bytes += String.fromCharCode((range[0]! >>> shift) & 255)
  return btoa(bytes)
}

/**
 * The lists {@link encodeWords} packed, each as its words sorted and separated by single spaces.
 * @param coded What {@link encodeWords} gave.
 * @param count Number of words in all lists.
 * @param lists Number of lists.
 */
export function decodeWords(coded: string, count: number, lists: number): string[] {
  const bytes = atob(coded)
  let at = 0
  /** low, high and the coded value x, as in {@link encodeWords}. */
  const range = Uint32Array.of(0, 0xffffffff, 0)
  const next = (): void => {
    range[2] = (range[2]! << 8) | (bytes.charCodeAt(at++) || 0)
  }
  for (let i = 0; i < 4; i++) next()
  const out: string[][] = Array.from({ length: lists }, () => [])
  for (const { word, kind } of run(count, (p) => {
    const middle = split(range[0]!, range[1]!, p)
    const bit = range[2]! <= middle ? 1 : 0
    if (bit) range[1] = middle
    else range[0] = middle + 1
    while (((range[0]! ^ range[1]!) & 0xff000000) === 0) {
      range[0] = range[0]! << 8
      range[1] = (range[1]! << 8) | 255
      next()
    }
    return bit
  })) out[kind]!.push(word)
  return out.map((list) => list.join(' '))
}
