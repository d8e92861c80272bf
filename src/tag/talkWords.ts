/**
 * The words of every talk's title and abstract, read once for both evidence readers (names
 * and keywords in themeEvidence.ts, descriptions in descriptionEvidence.ts): each token
 * case-folded and split at `-`, `_` and `/` (`XDP-hints` → `xdp`, `hints`), each distinct
 * word kept once and the texts stored as word ids, so that each reader does its per-word work
 * (stopwords, plurals, stems) once per distinct word.
 */
import { foldToken } from '../text/foldToken.js'
import { scanTokens } from '../text/tokenize.js'
import type { Talk } from '../types.js'
import { grown, idOf } from '../vectorize/lexicon.js'

/** The talks' texts as word ids. */
export interface TalkWords {
  /** Distinct words (non-empty, case-folded), by id. */
  readonly words: readonly string[]
  /** Word ids of all texts, one text after another. */
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
 * Reads the words of every talk, in one pass over each text.
 * @param talks Talks.
 */
export function talkWords(talks: readonly Talk[]): TalkWords {
  const wordIds = new Map<string, number>()
  const words: string[] = []
  let ids = new Int32Array(1024)
  let n = 0
  const add = (word: string): void => {
    if (n === ids.length) ids = grown(ids, n + 1)
    ids[n++] = idOf(wordIds, words, word)
  }
  const starts = new Int32Array(2 * talks.length + 1)
  for (let i = 0; i < talks.length; i++) {
    forEachWord(String(talks[i]!.title ?? ''), add)
    starts[2 * i + 1] = n
    forEachWord(String(talks[i]!.abstract ?? ''), add)
    starts[2 * i + 2] = n
  }
  return { words, ids: ids.subarray(0, n), starts }
}
