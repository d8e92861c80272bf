/**
 * Reading a corpus's text in consecutive parts on several threads. Each part is read into
 * its own token streams (`readTalkTerms`), and the parts' streams are merged in corpus order
 * (`TermStreamsMerger`) into what one thread reads. The parts are claimed in shared memory:
 * this thread takes them from the front, each worker from the back, so that a worker that
 * starts late (or has no core) only leaves more parts to this thread.
 */
import type { Talk } from '../types.js'
import { readTalkTerms, TermStreamsMerger, type TermStreams, type TfidfOptions } from '../vectorize/tfidf.js'

/** Texts packed for a worker: the titles and abstracts of every talk, in one string. */
export interface TermJob {
  /** Titles and abstracts, concatenated. */
  readonly text: string
  /** Length of each title and abstract in `text`, alternating. */
  readonly lengths: Int32Array
  readonly options: TfidfOptions
}

/** A share of a corpus's reading: all its texts, where its parts start, and who took each part. */
export interface SharedReading {
  readonly job: TermJob
  /** Part p is talks [starts[p], starts[p + 1]). */
  readonly starts: Int32Array
  /** 0 while part p is free, else its reader's mark (`Atomics.compareExchange`): {@link HERE}, or a worker's. */
  readonly claims: Int32Array
}

/** What a worker answers: the parts it read, by index, and their streams. */
export interface ReadParts {
  readonly parts: number[]
  readonly streams: TermStreams[]
}

/** Parts per thread: more than one, so that a thread that starts late leaves parts to the others. */
export const PARTS_PER_THREAD = 2

/** The claim mark of the posting thread; worker w claims with `HERE + 1 + w`. */
export const HERE = 1

/**
 * Consecutive [from, to) ranges of nearly equal size covering 0..n.
 * @param n Number of talks.
 * @param parts Number of ranges (≤ n).
 */
export function partBounds(n: number, parts: number): [number, number][] {
  return Array.from({ length: parts }, (_, p) => [Math.floor((p * n) / parts), Math.floor(((p + 1) * n) / parts)])
}

/**
 * Packs texts into one string and their lengths: one string crosses to a worker as a single
 * copy, where thousands of talk objects would be cloned one by one.
 * @param talks Talks of a part.
 * @param options TF-IDF options.
 */
export function packTexts(talks: readonly Pick<Talk, 'title' | 'abstract'>[], options: TfidfOptions): TermJob {
  const lengths = new Int32Array(talks.length * 2)
  const pieces: string[] = []
  talks.forEach((talk, i) => {
    pieces.push(talk.title, talk.abstract)
    lengths[2 * i] = talk.title.length
    lengths[2 * i + 1] = talk.abstract.length
  })
  return { text: pieces.join(''), lengths, options }
}

/**
 * The texts of a {@link TermJob}, unpacked.
 * @param job Packed texts.
 */
export function unpackTexts(job: Pick<TermJob, 'text' | 'lengths'>): { title: string; abstract: string }[] {
  const texts: { title: string; abstract: string }[] = []
  let offset = 0
  for (let i = 0; i < job.lengths.length; i += 2) {
    const title = job.text.slice(offset, (offset += job.lengths[i]!))
    const abstract = job.text.slice(offset, (offset += job.lengths[i + 1]!))
    texts.push({ title, abstract })
  }
  return texts
}

/**
 * A reading of `talks` in `parts` consecutive parts, none claimed yet.
 * @param talks Talks.
 * @param options TF-IDF options.
 * @param parts Number of parts (≤ the number of talks).
 */
export function shareReading(talks: readonly Pick<Talk, 'title' | 'abstract'>[], options: TfidfOptions, parts: number): SharedReading {
  const starts = new Int32Array(parts + 1)
  partBounds(talks.length, parts).forEach(([from], p) => (starts[p] = from))
  starts[parts] = talks.length
  return { job: packTexts(talks, options), starts, claims: new Int32Array(new SharedArrayBuffer(parts * 4)) }
}

/**
 * Reads every part still free, claiming each first: the posting thread ({@link HERE}) from
 * the front, a worker from the back.
 * @param reading The shared reading.
 * @param texts Its texts (the talks, or the worker's {@link unpackTexts}).
 * @param mark The claimer's mark.
 */
export function readFreeParts(reading: SharedReading, texts: readonly Pick<Talk, 'title' | 'abstract'>[], mark: number): ReadParts {
  const { starts, claims } = reading
  const parts: number[] = []
  const streams: TermStreams[] = []
  const count = claims.length
  for (let i = 0; i < count; i++) {
    const p = mark === HERE ? i : count - 1 - i
    if (Atomics.compareExchange(claims, p, 0, mark) !== 0) continue
    parts.push(p)
    streams.push(readTalkTerms(texts.slice(starts[p]!, starts[p + 1]!), reading.job.options))
  }
  return { parts, streams }
}

/**
 * Merges the streams of parts in corpus order as they come: the leading parts this thread
 * read are indexed while the workers still read theirs.
 */
export class PartsMerger {
  private readonly byPart: (TermStreams | undefined)[]
  private merger: TermStreamsMerger | undefined
  /** Parts merged so far (0..merged). */
  private merged = 0

  /**
   * @param reading The shared reading.
   * @param talks Its talks.
   */
  constructor(private readonly reading: SharedReading, private readonly talks: readonly Pick<Talk, 'title' | 'abstract'>[]) {
    this.byPart = new Array(reading.claims.length)
  }

  /** Keeps parts read, and merges those that now follow the parts merged. */
  add(read: ReadParts): void {
    read.parts.forEach((p, j) => (this.byPart[p] = read.streams[j]))
    while (this.merged < this.byPart.length && this.byPart[this.merged] !== undefined) this.append(this.byPart[this.merged]!)
  }

  /**
   * The streams of the whole corpus, what one thread reads: the parts that have none (those
   * of a worker that stopped or failed) are read here.
   */
  result(): TermStreams {
    const { starts, job } = this.reading
    for (let p = this.merged; p < this.byPart.length; p++) this.append(this.byPart[p] ?? readTalkTerms(this.talks.slice(starts[p]!, starts[p + 1]!), job.options))
    return this.merger!.result()
  }

  private append(streams: TermStreams): void {
    if (this.merger === undefined) this.merger = new TermStreamsMerger(streams)
    else this.merger.append(streams)
    this.byPart[this.merged++] = undefined
  }
}
