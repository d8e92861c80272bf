/**
 * Arithmetic coding of word lists with a small context-mixing model (after M. Mahoney's
 * lpaq1): the words of all lists, sorted together, are coded one after the other as the
 * number of letters each shares with the word before, its other letters and its list, one
 * bit at a time. Each bit's probability mixes what six contexts predict (the letters before
 * it; for the first new letter, the letter the word before had there, which it must follow
 * in the alphabet; for the list, the word's ending), with mixer weights learnt per field.
 * The label word list (3,872 words) packs into 6.7 KB, written as
 * 9,722 characters of {@link DIGITS}; see docs/decisions.md for why that matters in a
 * browser bundle. The unpacking, once per process on first use of the labels, costs
 * 160,000 coded bits × 6 contexts: tens of milliseconds of CPU.
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

/**
 * The logistic function at 33 points of the stretch domain ±2047 (lpaq), 12-bit probabilities:
 * the first 17 written out, the rest their mirror `4095 − p` (the table is symmetric about 2047).
 */
const SQUASH_LOW = [1, 2, 3, 6, 10, 16, 27, 45, 73, 120, 194, 310, 488, 747, 1101, 1546, 2047]
const SQUASH = [...SQUASH_LOW, ...SQUASH_LOW.slice(0, 16).reverse().map((p) => 4095 - p)]

/** Logistic function, interpolated: stretch units (±2047 ↔ ±8) to a 12-bit probability. */
function squash(d: number): number {
  if (d > 2047) return 4095
  if (d < -2047) return 1
  const w = d & 127
  const i = (d >> 7) + 16
  return (SQUASH[i]! * (128 - w) + SQUASH[i + 1]! * w + 64) >> 7
}

/** One step of a binary arithmetic coder: the encoder passes the bit, the decoder finds it. */
type BitCoder = (probability: number, bit: number) => number

interface Word {
  word: string
  kind: number
}

/** Where a 32-bit range [low, high] splits for a bit 1 of probability `p` / 4096. */
function split(low: number, high: number, p: number): number {
  const range = high - low
  return low + (range >>> 12) * p + (((range & 4095) * p) >>> 12)
}

/** One step of the context hash, the same on every engine. */
function mix(h: number, v: number): number {
  return Math.imul(h ^ v, 0x9e3779b1) ^ (h >>> 15)
}

/**
 * Runs the model over `count` words, each symbol's bits through `code`. Words are held as
 * letter symbols in typed arrays and the contexts are set in place: the unpacking runs once
 * per process, on first use of the labels, and allocates nothing per bit (only the short
 * lists of values each letter's contexts hash).
 * @param valueOf When encoding, the value of a field of word `w` (a letter: the one at `at`).
 */
function run(count: number, code: BitCoder, valueOf?: (field: number, w: number, at: number) => number): Word[] {
  const probabilities = new Uint16Array(1 << TABLE_BITS).fill(32768)
  const counts = new Uint8Array(1 << TABLE_BITS)
  const weights = new Float64Array(4 * INPUTS).fill(0.3)
  const stretch = new Int16Array(4096)
  for (let x = -2047, at = 0; x <= 2047; x++) while (at <= squash(x)) stretch[at++] = x
  stretch.fill(2047, squash(2047) + 1)
  const slots = new Int32Array(INPUTS)
  const inputs = new Int32Array(INPUTS)
  const contexts = new Int32Array(INPUTS)
  /** Sets the contexts of a field: the i-th hashes the field, i and the values listed i-th. */
  const setContexts = (field: number, values: readonly (readonly number[])[]): void => {
    for (let i = 0; i < INPUTS; i++) {
      const listed = values[i]!
      let h = Math.imul(field * INPUTS + i, 0x9e3779b1)
      for (let v = 0; v < listed.length; v++) h = mix(h, listed[v]!)
      contexts[i] = h
    }
  }
  /** Codes a `bits`-bit symbol (`value` when encoding, else 0) under the contexts set for `field`. */
  const symbol = (bits: number, field: number, value: number): number => {
    let partial = 1
    const base = field * INPUTS
    for (let b = bits - 1; b >= 0; b--) {
      let dot = 0
      for (let i = 0; i < INPUTS; i++) {
        const slot = Math.imul(contexts[i]! ^ partial, 0x2c1b3c6d) >>> (32 - TABLE_BITS)
        slots[i] = slot
        const input = stretch[probabilities[slot]! >> 4]!
        inputs[i] = input
        dot += weights[base + i]! * input
      }
      const p = Math.min(4095, Math.max(1, squash(Math.round(dot))))
      const bit = code(p, (value >> b) & 1)
      const error = (bit << 12) - p
      for (let i = 0; i < INPUTS; i++) {
        weights[base + i] += LEARNING * error * inputs[i]!
        const slot = slots[i]!
        const n = counts[slot]!
        probabilities[slot] += Math.trunc(((bit << 16) - probabilities[slot]!) / (n + 1.5))
        if (n < LIMIT) counts[slot] = n + 1
      }
      partial = partial * 2 + bit
    }
    return partial - (1 << bits)
  }
  /** The word being coded and the word before, as letter symbols (see {@link LETTERS}). */
  let word = new Uint8Array(64)
  let previous = new Uint8Array(64)
  let previousLength = 0
  let previousKind = 0
  const out: Word[] = []
  for (let w = 0; w < count; w++) {
    // Past the start of a typed array reads undefined: 0, as before a word's start.
    const a = previous[previousLength - 1] ?? 0
    const b = previous[previousLength - 2] ?? 0
    setContexts(SHARED_FIELD, [[], [previousLength], [a], [a, b], [previousKind], [previousLength, previousKind, a]])
    let length = symbol(4, SHARED_FIELD, valueOf?.(SHARED_FIELD, w, 0) ?? 0)
    word.set(previous.subarray(0, length))
    // The letters before the one coded: a (last) to d, 0 before the word's start.
    let la = word[length - 1] ?? 0
    let lb = word[length - 2] ?? 0
    let lc = word[length - 3] ?? 0
    let ld = word[length - 4] ?? 0
    for (let first = 1; ; first = 0) {
      const field = first ? FIRST_LETTER_FIELD : LETTER_FIELD
      /** The word before's letter at this place; the first new letter follows it, coded as the distance. */
      const above = length < previousLength ? previous[length]! : 0
      setContexts(field, [[la], [la, lb], [la, lb, lc], [first, above, la], [la, lb, lc, ld], [length, first, above]])
      const offset = first ? above : 0
      const next = (symbol(5, field, ((valueOf?.(LETTER_FIELD, w, length) ?? 0) - offset) & 31) + offset) & 31
      if (next === 0) break
      if (length === word.length) {
        const longer = new Uint8Array(2 * length)
        longer.set(word)
        word = longer
      }
      word[length++] = next
      ld = lc
      lc = lb
      lb = la
      la = next
    }
    setContexts(KIND_FIELD, [[], [la], [la, lb], [la, lb, lc], [la, lb, lc, ld], [length]])
    const kind = symbol(3, KIND_FIELD, valueOf?.(KIND_FIELD, w, 0) ?? 0)
    let text = ''
    for (let i = 0; i < length; i++) text += LETTERS[word[i]! - 1]
    out.push({ word: text, kind })
    ;[previous, word] = [word, previous]
    previousLength = length
    previousKind = kind
  }
  return out
}

/** Symbol of the letter at `at` in `word`: 0 past its end. */
function letter(word: string, at: number): number {
  return at < word.length ? LETTERS.indexOf(word[at]!) + 1 : 0
}

/**
 * Characters of the packed text, those that minified JavaScript uses most first: the first 16
 * each carry 5 bits (`0` and 4 more), the other 32 each 6 (`1` and 5 more). The coded bits are
 * random, so the text then uses these characters about as often as the code around it does
 * and gzip codes both with one Huffman table: in a browser bundle the list costs 0.6 KB less
 * gzipped than as base64 (docs/decisions.md).
 */
const DIGITS = 'etn,r=soia()l .u;f+hc][dmg{}0:pwy1*&<b|A2vxk>?M-'

/**
 * Writes bytes as {@link DIGITS}; the last character may carry zero bits past the end.
 * @param bytes Values 0–255.
 */
function bytesToText(bytes: readonly number[]): string {
  let text = ''
  let bits = 0
  let n = 0
  for (let at = 0, left = 8 * bytes.length; left > 0; ) {
    while (n < 6) {
      bits = (bits << 8) | (bytes[at++] ?? 0)
      n += 8
    }
    const width = (bits >> (n - 1)) & 1 ? 6 : 5
    const code = (bits >> (n - width)) & ((1 << width) - 1)
    text += DIGITS[width === 5 ? code : code - 16]
    n -= width
    bits &= (1 << n) - 1
    left -= width
  }
  return text
}

/**
 * The bytes {@link bytesToText} wrote: its padding, under 6 bits, never makes a byte.
 * @param text Characters of {@link DIGITS}.
 */
function textToBytes(text: string): Uint8Array {
  const bytes = new Uint8Array((6 * text.length) >> 3)
  let length = 0
  let bits = 0
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const digit = DIGITS.indexOf(text[i]!)
    const width = digit < 16 ? 5 : 6
    bits = (bits << width) | (digit < 16 ? digit : digit + 16)
    n += width
    if (n >= 8) {
      n -= 8
      bytes[length++] = bits >> n
      bits &= (1 << n) - 1
    }
  }
  return bytes.subarray(0, length)
}

/**
 * Packs word lists into text (characters of {@link DIGITS}).
 * @param lists Word lists: distinct words of the letters a–z and `'`, at most 8 lists.
 */
export function encodeWords(lists: readonly (readonly string[])[]): string {
  const words = lists.flatMap((list, kind) => list.map((word) => ({ word, kind })))
  words.sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0))
  const bytes: number[] = []
  // The range [low, high] in a typed array: 32-bit values kept in closure variables would be
  // boxed on every bit.
  const range = Uint32Array.of(0, 0xffffffff)
  run(words.length, (p, bit) => {
    const middle = split(range[0]!, range[1]!, p)
    if (bit) range[1] = middle
    else range[0] = middle + 1
    while (((range[0]! ^ range[1]!) & 0xff000000) === 0) {
      bytes.push(range[1]! >>> 24)
      range[0] = range[0]! << 8
      range[1] = (range[1]! << 8) | 255
    }
    return bit
  }, (field, w, at) => {
    const { word, kind } = words[w]!
    if (field === KIND_FIELD) return kind
    if (field === LETTER_FIELD) return letter(word, at)
    // Letters shared with the word before, at most MAX_SHARED.
    const before = w > 0 ? words[w - 1]!.word : ''
    let shared = 0
    while (shared < MAX_SHARED && shared < before.length && before[shared] === word[shared]) shared++
    return shared
  })
  for (let shift = 24; shift >= 0; shift -= 8) bytes.push((range[0]! >>> shift) & 255)
  return bytesToText(bytes)
}

/**
 * The lists {@link encodeWords} packed, each as its words sorted and separated by single spaces.
 * @param coded What {@link encodeWords} gave.
 * @param count Number of words in all lists.
 * @param lists Number of lists.
 */
export function decodeWords(coded: string, count: number, lists: number): string[] {
  const bytes = textToBytes(coded)
  let at = 0
  /** low, high and the coded value x, as in {@link encodeWords}. */
  const range = Uint32Array.of(0, 0xffffffff, 0)
  const next = (): void => {
    range[2] = (range[2]! << 8) | (bytes[at++] ?? 0)
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
