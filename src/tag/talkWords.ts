/**
 * The words of every talk's title and abstract, read once for both evidence readers (names
 * and keywords in themeEvidence.ts, descriptions in descriptionEvidence.ts): each token
 * case-folded and split at `-`, `_` and `/` (`XDP-hints` → `xdp`, `hints`), each distinct
 * word kept once and the texts stored as word ids, so that each reader does its per-word work
 * (stopwords, plurals, stems) once per distinct word.
 */
import { foldToken } from '../text/foldToken.js'
import { scanTokens, TokenScanner } from '../text/tokenize.js'
import type { Talk } from '../types.js'
import { grown } from '../vectorize/lexicon.js'

/** The talks' texts as word ids. */
export interface TalkWords {
  /** Distinct words (non-empty, case-folded), by id. */
  readonly words: readonly string[]
  /**
   * Word ids of all texts, one text after another; the id `words.length` stands for any word
   * not among `words` ({@link talkWordsAmong}).
   */
  readonly ids: Int32Array
  /**
   * Text `x` is `ids[starts[x] .. starts[x + 1])`: talk i's title is text 2i, its abstract
   * text 2i + 1 (a word pair never spans the two).
   */
  readonly starts: Int32Array
}

const PARTS = /[-_/]+/

/**
 * Calls `visit` with every word of `text`, in order: its tokens case-folded and split at
 * `-`, `_` and `/`, empty parts left out. The themes' own texts are read the same way.
 * @param text Text.
 * @param visit Receives each word.
 */
export function forEachWord(text: string, visit: (word: string) => void): void {
  scanTokens(text, (token) => {
    for (const part of foldToken(token).split(PARTS)) if (part !== '') visit(part)
  })
}

/**
 * Reads the words of every talk, in one pass over each text. A word seen before is found by a
 * hash of its characters, case-folded as they are read, so that no string is made for it:
 * the same words, ids and texts as folding each token with `forEachWord` and interning it.
 * @param talks Talks.
 */
export function talkWords(talks: readonly Talk[]): TalkWords {
  return readWords(talks, new WordTable())
}

/**
 * Reads the talks as {@link talkWords} does, but knows only the given words: every other word
 * reads as the id `words.length` (and makes no string, nor an entry in a table that would
 * grow with the corpus). For a reader that needs a few words alone (`evidenceWords`).
 * @param talks Talks.
 * @param words Folded words to tell apart, by id (duplicates keep their first id).
 */
export function talkWordsAmong(talks: readonly Talk[], words: readonly string[]): TalkWords {
  const table = new WordTable()
  for (const word of words) table.idOfString(word)
  table.freeze()
  return readWords(talks, table)
}

/**
 * The words of the talks, ids from a table.
 * @param talks Talks.
 * @param table Distinct words, grown as new ones come unless frozen.
 */
function readWords(talks: readonly Talk[], table: WordTable): TalkWords {
  const scanner = new TokenScanner()
  let ids = new Int32Array(1024)
  let n = 0
  const add = (word: string): void => {
    if (n === ids.length) ids = grown(ids, n + 1)
    ids[n++] = table.idOfString(word)
  }
  const readText = (text: string): void => {
    scanner.reset(text)
    while (scanner.next()) {
      const { start, end } = scanner
      if (!isAscii(text, start, end)) {
        for (const part of foldToken(text.slice(start, end)).split(PARTS)) if (part !== '') add(part)
        continue
      }
      // An ASCII token folds to its lower case; its parts lie between `-`, `_` and `/`.
      let from = start
      let hash = FNV_OFFSET
      for (let c = start; c <= end; c++) {
        const code = c < end ? text.charCodeAt(c) : 45
        if (!isPartBreak(code)) {
          hash = Math.imul(hash ^ lower(code), FNV_PRIME)
          continue
        }
        if (c > from) {
          if (n === ids.length) ids = grown(ids, n + 1)
          ids[n++] = table.idOfRange(text, from, c, hash)
        }
        from = c + 1
        hash = FNV_OFFSET
      }
    }
  }
  const starts = new Int32Array(2 * talks.length + 1)
  for (let i = 0; i < talks.length; i++) {
    readText(String(talks[i]!.title ?? ''))
    starts[2 * i + 1] = n
    readText(String(talks[i]!.abstract ?? ''))
    starts[2 * i + 2] = n
  }
  return { words: table.words, ids: ids.subarray(0, n), starts }
}

/**
 * Whether `text[start, end)` is ASCII (then `foldToken` only lower-cases it).
 * @param text Text.
 * @param start First offset.
 * @param end Offset after the last.
 */
function isAscii(text: string, start: number, end: number): boolean {
  for (let c = start; c < end; c++) if (text.charCodeAt(c) > 0x7f) return false
  return true
}

/**
 * Whether a character splits a token into words (`-`, `_`, `/`, as {@link PARTS}).
 * @param code Character code.
 */
function isPartBreak(code: number): boolean {
  return code === 45 || code === 95 || code === 47
}

/**
 * ASCII lower case of a character code (what `toLowerCase` does to ASCII).
 * @param code Character code.
 */
function lower(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code
}

/** FNV-1a (Fowler, Noll, Vo) 32-bit offset basis and prime, over UTF-16 code units. */
const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

/** Distinct words by id, found by an FNV-1a hash of their characters (open addressing). */
class WordTable {
  readonly words: string[] = []
  private hashes = new Int32Array(256)
  /** Word id + 1 by slot, 0 for an empty slot. */
  private slots = new Int32Array(1024)

  /** Whether a word not in the table reads as the id `words.length` instead of being added. */
  private isFrozen = false

  /** Adds no word from now on. */
  freeze(): void {
    this.isFrozen = true
  }

  /**
   * Id of the word `text[start, end)` lower-cased, added when new.
   * @param text Text.
   * @param start First offset.
   * @param end Offset after the last.
   * @param hash FNV-1a hash of the word's code units.
   */
  idOfRange(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot]! - 1
      if (id < 0) return this.add(text.slice(start, end).toLowerCase(), hash, slot)
      if (this.hashes[id] === hash && sameLowered(this.words[id]!, text, start, end)) return id
    }
  }

  /**
   * Id of a word already folded, added when new.
   * @param word Word.
   */
  idOfString(word: string): number {
    let hash = FNV_OFFSET
    for (let c = 0; c < word.length; c++) hash = Math.imul(hash ^ word.charCodeAt(c), FNV_PRIME)
    const mask = this.slots.length - 1
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot]! - 1
      if (id < 0) return this.add(word, hash, slot)
      if (this.hashes[id] === hash && this.words[id] === word) return id
    }
  }

  private add(word: string, hash: number, slot: number): number {
    const id = this.words.length
    if (this.isFrozen) return id
    this.words.push(word)
    if (id === this.hashes.length) this.hashes = grown(this.hashes, id + 1)
    this.hashes[id] = hash
    this.slots[slot] = id + 1
    if (2 * this.words.length > this.slots.length) this.rehash()
    return id
  }

  /** Doubles the slots, keeping the table at most half full. */
  private rehash(): void {
    this.slots = new Int32Array(2 * this.slots.length)
    const mask = this.slots.length - 1
    for (let id = 0; id < this.words.length; id++) {
      let slot = this.hashes[id]! & mask
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask
      this.slots[slot] = id + 1
    }
  }
}

/**
 * Whether `word` is `text[start, end)` in ASCII lower case.
 * @param word A word of the table.
 * @param text Text.
 * @param start First offset.
 * @param end Offset after the last.
 */
function sameLowered(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false
  for (let c = 0; c < word.length; c++) if (word.charCodeAt(c) !== lower(text.charCodeAt(start + c))) return false
  return true
}
