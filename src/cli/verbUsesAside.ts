/**
 * The labels' verb check (`verbLikeWords`) reads each theme's first talks for the uses of its
 * candidate words, on the main thread after the clustering (FOSDEM 2025: about 40 ms of its
 * critical path). The uses depend on the talks' texts alone, so the k-means worker counts
 * them for every word of every talk while it would idle (after its word lists, before the
 * taxonomy fit) and posts them; the labels take them from there (`takeVerbUsesFrom`), and
 * search a text themselves where they have not come. The counts are those the search gives,
 * so the labels are the same bytes whichever thread counted.
 */
import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads'
import { injectTestFault } from './testFault.js'
import { isLabelTerm } from '../cluster/labelTerms.js'
import { isVerbUse, isWordChar, takeVerbUsesFrom, type WordUses } from '../cluster/verbUsage.js'

/** The uses counted on the worker, as it posts them. */
export interface CountedVerbUses {
  /** Every lower-case word that some text uses as a verb. */
  readonly words: readonly string[]
  /** Text t's entries are e in `[starts[t], starts[t + 1])`: `entries[3e … 3e + 3)` = word index, occurrences, verbal uses. */
  readonly starts: Int32Array
  readonly entries: Int32Array
  /** 1 for a text not counted. */
  readonly uncounted: Uint8Array
}

/** The text the labels read of a talk (`buildAtlas`'s). */
export function labelText(talk: { readonly title: string; readonly abstract: string }): string {
  return `${talk.title}\n${talk.abstract}`
}

/** A lower-case word (the verb check asks only such words). */
const LOWER_CASE_WORD = /^\p{Ll}+$/u
/**
 * A letter or digit outside the Basic Multilingual Plane: `isWordChar` reads text unit by unit
 * and takes neither half of one for a word character, so a candidate word containing one is
 * found by the search but is no run of word characters here.
 */
const ASTRAL_WORD_CHAR = /(?=[\p{L}\p{N}])[\u{10000}-\u{10FFFF}]/u

/**
 * The uses of the words of every text that the labels may ask about (lower-case single words
 * that `isLabelTerm` accepts) and that some text uses as a verb; any other word's uses count 0
 * and 0 for `verbLikeWords` (it is never asked, or cannot turn out a verb). A word's
 * occurrences are the runs of word characters (`isWordChar`, unit by unit) equal to it, as
 * `wordUsesIn` finds them; a text with a letter or digit outside the Basic Multilingual Plane
 * is not counted (the labels search it themselves).
 * @param texts The texts, as the labels read them.
 */
export function countVerbUses(texts: readonly string[]): CountedVerbUses {
  const asked = new Map<string, boolean>()
  const mayBeAsked = (word: string) => {
    let known = asked.get(word)
    if (known === undefined) asked.set(word, (known = LOWER_CASE_WORD.test(word) && isLabelTerm(word)))
    return known
  }
  const uncounted = new Uint8Array(texts.length)
  const perText = texts.map((original, t) => {
    const text = original.toLowerCase()
    const counts = new Map<string, [number, number]>()
    if (/[\uD800-\uDFFF]/.test(text) && ASTRAL_WORD_CHAR.test(text)) {
      uncounted[t] = 1
      return counts
    }
    for (let at = 0; at < text.length;) {
      if (!isWordChar(text, at)) {
        at++
        continue
      }
      let end = at + 1
      while (end < text.length && isWordChar(text, end)) end++
      const word = text.slice(at, end)
      if (mayBeAsked(word)) {
        let uses = counts.get(word)
        if (uses === undefined) counts.set(word, (uses = [0, 0]))
        uses[0]++
        if (isVerbUse(text, at, word)) uses[1]++
      }
      at = end
    }
    return counts
  })
  const ids = new Map<string, number>()
  for (const counts of perText) for (const [word, [, verbal]] of counts) if (verbal > 0 && !ids.has(word)) ids.set(word, ids.size)
  const starts = new Int32Array(texts.length + 1)
  const entries: number[] = []
  perText.forEach((counts, t) => {
    for (const [word, [seen, verbal]] of counts) {
      const id = ids.get(word)
      if (id !== undefined) entries.push(id, seen, verbal)
    }
    starts[t + 1] = entries.length / 3
  })
  return { words: [...ids.keys()], starts, entries: Int32Array.from(entries), uncounted }
}

/**
 * The uses of a counted text's words, as `verbLikeWords` asks for them.
 * @param counted What the worker posted.
 * @param ids The index of each of `counted.words`.
 * @param t The text's index.
 * @returns Undefined when the text was not counted.
 */
export function countedUsesOf(counted: CountedVerbUses, ids: ReadonlyMap<string, number>, t: number): WordUses | undefined {
  if (counted.uncounted[t] === 1) return undefined
  return (word) => {
    const id = ids.get(word)
    for (let e = counted.starts[t]!; id !== undefined && e < counted.starts[t + 1]!; e++) {
      if (counted.entries[3 * e] === id) return [counted.entries[3 * e + 1]!, counted.entries[3 * e + 2]!]
    }
    return [0, 0]
  }
}

/**
 * A port for the worker to post the talks' verb uses on (see {@link postVerbUses}); the labels
 * take them from its other end once they have come, for the texts of these talks.
 * @param talks The talks the worker is sent.
 */
export function verbUsesFromWorker(talks: readonly { readonly title: string; readonly abstract: string }[]): MessagePort {
  const { port1, port2 } = new MessageChannel()
  port1.unref()
  let lookup: ((text: string) => WordUses | undefined) | undefined
  takeVerbUsesFrom((text) => {
    if (lookup === undefined) {
      const counted = receiveMessageOnPort(port1)?.message as CountedVerbUses | undefined
      if (counted === undefined) return undefined
      port1.close()
      const ids = new Map(counted.words.map((word, id) => [word, id]))
      const texts = new Map(talks.map((talk, t) => [labelText(talk), t]))
      lookup = (text) => {
        const t = texts.get(text)
        return t === undefined ? undefined : countedUsesOf(counted, ids, t)
      }
    }
    return lookup(text)
  })
  return port2
}

/**
 * Counts the talks' verb uses and posts them on `port` (on the worker); a failure posts
 * nothing, and the labels then search the texts themselves.
 * @param port The port of {@link verbUsesFromWorker}.
 * @param talks The talks.
 */
export function postVerbUses(port: MessagePort, talks: readonly { readonly title: string; readonly abstract: string }[]): void {
  try {
    injectTestFault('verbs')
    const counted = countVerbUses(talks.map(labelText))
    port.postMessage(counted, [counted.starts.buffer, counted.entries.buffer, counted.uncounted.buffer] as ArrayBuffer[])
  } catch {
    // Nothing posted: the labels count on the main thread.
  }
  port.close()
}
